package ingest

import (
	"math"
	"strings"
	"unicode/utf8"

	"github.com/shopspring/decimal"
)

// Convention is how a file writes decimals: Vietnamese "1.234,5" or international "1,234.5".
type Convention uint8

const (
	ConvUnknown       Convention = iota // nothing in the text says which
	ConvVietnamese                      // ',' decimal, '.' or space thousands
	ConvInternational                   // '.' decimal, ',' or space thousands
)

func (c Convention) String() string {
	switch c {
	case ConvVietnamese:
		return "vi"
	case ConvInternational:
		return "intl"
	}
	return "unknown"
}

// Scale is the number of decimals stored: figures.value is Decimal(18, 4).
const Scale = 4

const scaleFactor = 10_000

// maxUnits bounds a value to what Decimal(18, 4) holds: |v| < 10^14.
const maxUnits = int64(1e18) - 1

// Number is a parsed value in ten-thousandths (Scale decimals), so that parsing a
// million cells allocates nothing.
type Number struct {
	Units     int64      // value × 10^4
	Percent   bool       // written with a % sign
	Rounded   bool       // had more than 4 decimals
	Ambiguous bool       // "1.234": thousands or decimals, decided by the column's convention
	Conv      Convention // what the punctuation proved
}

// Decimal returns the value as a decimal for the driver.
func (n Number) Decimal() decimal.Decimal { return decimal.New(n.Units, -Scale) }

// String writes the value canonically ("1234.5"), as it is shown in previews.
func (n Number) String() string { return n.Decimal().String() }

// numberError codes; the messages live in messages.go.
const (
	errNotNumber  = "not_a_number"
	errAmbiguous  = "ambiguous_number"
	errTooLarge   = "number_too_large"
	errBadGroups  = "bad_digit_groups"
	errMixedConv  = "mixed_convention"
	errNumberDate = "date_not_number"
)

// NumberError says why a text is not a number; Code selects the message.
type NumberError struct {
	Code string
	Text string
}

func (e *NumberError) Error() string { return e.Code + ": " + e.Text }

// isNoData reports whether a cell says explicitly that there is no figure.
func isNoData(s string) bool {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "-", "–", "—", "x", "..", "n/a", "na", "kcsl", "không có", "không có số liệu", "chưa có số liệu", "không có dữ liệu", "no data":
		return true
	}
	return false
}

// isSpace covers the spaces people and tools put between digit groups.
func isSpace(r rune) bool {
	return r == ' ' || r == '\u00a0' || r == '\u202f' || r == '\u2009' || r == '\t'
}

// ParseNumber reads a number as people write it: "7,5", "1.234,56", "1 234", "12%",
// "1,234.56", "-3.5", "−2,1". conv decides a lone "1.234" (ambiguous otherwise: the
// result has Ambiguous set and Units read as the international decimal, which the
// caller must not use before deciding). An error says what is wrong.
func ParseNumber(s string, conv Convention) (Number, error) {
	var n Number
	t := strings.TrimFunc(s, isSpace)
	if t == "" {
		return n, &NumberError{Code: errNotNumber, Text: s}
	}
	neg := false
	switch {
	case strings.HasPrefix(t, "-"), strings.HasPrefix(t, "+"):
		neg = t[0] == '-'
		t = t[1:]
	case strings.HasPrefix(t, "−"): // U+2212 minus sign
		neg = true
		t = t[len("−"):]
	}
	if strings.HasSuffix(t, "%") {
		n.Percent = true
		t = strings.TrimRightFunc(t[:len(t)-1], isSpace)
	}
	t = strings.TrimLeftFunc(t, isSpace)
	if t == "" || len(t) > 64 {
		return n, &NumberError{Code: errNotNumber, Text: s}
	}
	// Collect digit groups and the separators between them.
	var groups [32]struct {
		digits string
		sep    byte // separator before this group: 0 first, '.', ',' or ' '
	}
	ng := 0
	start := 0
	var sep byte
	for i := 0; i < len(t); {
		c := t[i]
		switch {
		case c >= '0' && c <= '9':
			i++
			continue
		case c == '.' || c == ',':
		default:
			r, size := utf8.DecodeRuneInString(t[i:])
			if !isSpace(r) {
				return n, &NumberError{Code: errNotNumber, Text: s}
			}
			c = ' '
			if ng >= len(groups) || i == start {
				return n, &NumberError{Code: errNotNumber, Text: s}
			}
			groups[ng].digits, groups[ng].sep = t[start:i], sep
			ng++
			i += size
			start, sep = i, c
			continue
		}
		if ng >= len(groups) || i == start {
			return n, &NumberError{Code: errNotNumber, Text: s}
		}
		groups[ng].digits, groups[ng].sep = t[start:i], sep
		ng++
		i++
		start, sep = i, c
	}
	if start == len(t) {
		return n, &NumberError{Code: errNotNumber, Text: s}
	}
	groups[ng].digits, groups[ng].sep = t[start:], sep
	ng++

	var dots, commas, spaces int
	for i := 1; i < ng; i++ {
		switch groups[i].sep {
		case '.':
			dots++
		case ',':
			commas++
		default:
			spaces++
		}
	}
	// Decide which separator, if any, is the decimal one.
	var dec byte
	switch {
	case dots > 0 && commas > 0:
		last := groups[ng-1].sep
		if last == ' ' || (last == '.' && dots > 1) || (last == ',' && commas > 1) {
			return n, &NumberError{Code: errBadGroups, Text: s}
		}
		dec = last
	case dots+commas == 0:
	case spaces > 0:
		// "1 234,5" / "1 234.5": with space grouping the other mark is the decimal one.
		if dots+commas > 1 || groups[ng-1].sep == ' ' {
			return n, &NumberError{Code: errBadGroups, Text: s}
		}
		dec = groups[ng-1].sep
	case dots > 1 || commas > 1:
		// Repeated mark: thousands ("1.234.567").
	default:
		mark := groups[ng-1].sep
		head, tail := groups[0].digits, groups[1].digits
		if len(tail) == 3 && len(head) <= 3 && head[0] != '0' {
			switch conv {
			case ConvVietnamese:
				if mark == ',' {
					dec = ','
				}
			case ConvInternational:
				if mark == '.' {
					dec = '.'
				}
			default:
				n.Ambiguous = true
				dec = '.' // provisional; the caller resolves it
				if mark == ',' {
					dec = ','
				}
			}
		} else {
			dec = mark
		}
	}
	switch {
	case n.Ambiguous:
	case dec == ',' || (dec == 0 && dots > 0):
		n.Conv = ConvVietnamese
	case dec == '.' || (dec == 0 && commas > 0):
		n.Conv = ConvInternational
	}
	if !n.Ambiguous && conv != ConvUnknown && n.Conv != ConvUnknown && n.Conv != conv {
		return n, &NumberError{Code: errMixedConv, Text: s}
	}
	// Thousands groups: 1–3 digits first, then exactly 3.
	intEnd := ng
	if dec != 0 {
		intEnd = ng - 1
	}
	for i := 0; intEnd > 1 && i < intEnd; i++ {
		g := groups[i].digits
		if (i == 0 && (len(g) > 3 || g[0] == '0')) || (i > 0 && len(g) != 3) {
			return n, &NumberError{Code: errBadGroups, Text: s}
		}
	}
	var units int64
	for i := 0; i < intEnd; i++ {
		for j := 0; j < len(groups[i].digits); j++ {
			d := int64(groups[i].digits[j] - '0')
			if units > (maxUnits/scaleFactor-d)/10 {
				return n, &NumberError{Code: errTooLarge, Text: s}
			}
			units = units*10 + d
		}
	}
	units *= scaleFactor
	if dec != 0 {
		frac := groups[ng-1].digits
		mul := int64(scaleFactor / 10)
		for j := 0; j < len(frac); j++ {
			d := int64(frac[j] - '0')
			if mul == 0 {
				if j == Scale && d >= 5 {
					units++ // round half away from zero on the 5th decimal
				}
				if d != 0 {
					n.Rounded = true
				}
				continue
			}
			units += d * mul
			mul /= 10
		}
	}
	if units > maxUnits { // rounding the 5th decimal up can carry past the largest value
		return n, &NumberError{Code: errTooLarge, Text: s}
	}
	if neg {
		units = -units
	}
	n.Units = units
	return n, nil
}

// fromDecimal converts a canonical number (a spreadsheet's raw cell value) to Units,
// multiplying by 100 when the cell shows a percentage.
func fromDecimal(d decimal.Decimal, percent bool) (Number, error) {
	if percent {
		d = d.Shift(2)
	}
	r := d.Round(Scale)
	n := Number{Percent: percent, Rounded: !r.Equal(d)}
	scaled := r.Shift(Scale)
	f, _ := scaled.Float64()
	if math.Abs(f) >= float64(maxUnits) {
		return n, &NumberError{Code: errTooLarge, Text: d.String()}
	}
	n.Units = scaled.IntPart()
	return n, nil
}
