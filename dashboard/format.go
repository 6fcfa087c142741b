package dashboard

import (
	"html/template"
	"strconv"
	"strings"

	"github.com/shopspring/decimal"
)

var templateFuncs = template.FuncMap{
	"asset": assetURL,
	"vn":    formatVN,
	"vnp":   formatVNPlaces,
	// pair hands a partial both the page (for translations) and its rows.
	"inLang": inLang,
	"unitIn": unitIn,
	"pair":   func(page, rows any) map[string]any { return map[string]any{"P": page, "R": rows} },
}

// formatNum writes a number the reader's way: 1.234,5 in Vietnamese, 1,234.5 in
// English, no trailing zeros.
func formatNum(d decimal.Decimal, lg string) string {
	if lg == "en" {
		return groupEN(d.String())
	}
	return formatVN(d)
}

// formatVN writes a number the Vietnamese way: "." between thousands, "," before
// decimals, no trailing zeros: 1.234,5.
func formatVN(d decimal.Decimal) string {
	return groupVN(d.String())
}

// formatVNPlaces rounds to a fixed number of decimals first: formatVNPlaces(x, 1) = "7,5".
func formatVNPlaces(d decimal.Decimal, places int32) string {
	return groupVN(d.StringFixed(places))
}

// groupEN swaps the Vietnamese separators of groupVN for English ones.
func groupEN(s string) string {
	return strings.Map(func(r rune) rune {
		switch r {
		case '.':
			return ','
		case ',':
			return '.'
		}
		return r
	}, groupVN(s))
}

func groupVN(s string) string {
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	intPart, frac, hasFrac := strings.Cut(s, ".")
	var b strings.Builder
	if neg {
		b.WriteByte('-')
	}
	for i, r := range intPart {
		if i > 0 && (len(intPart)-i)%3 == 0 {
			b.WriteByte('.')
		}
		b.WriteRune(r)
	}
	if hasFrac {
		b.WriteByte(',')
		b.WriteString(frac)
	}
	return b.String()
}

// itoa writes a year or a count as plain digits: no thousands separator, in either language.
func itoa(n int) string { return strconv.Itoa(n) }
