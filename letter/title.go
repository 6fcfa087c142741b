package letter

import (
	"regexp"
	"strings"
	"unicode"
)

var (
	romanHeading  = regexp.MustCompile(`^([IVX]{1,4})[.)]\s*(\S.*)$`)
	subHeading    = regexp.MustCompile(`^(\d{1,2})\.(\d{1,2})\.?\s+(\S.*)$`)
	numberHeading = regexp.MustCompile(`^(\d{1,2})[.)]\s+(\S.*)$`)
	annexHeading  = regexp.MustCompile(`(?i)^(phụ lục|biểu)(\s+(số\s+)?[0-9IVX]+[a-z]?)?\s*[:.\-–]?\s*`)
)

// stopWords carry no meaning when titles are compared.
var stopWords = map[string]bool{"về": true, "và": true, "các": true, "của": true, "cho": true, "trong": true, "theo": true,
	"tại": true, "để": true, "với": true, "đối": true, "những": true, "việc": true, "công": false}

// synonyms: agencies name parts III–V in their own words. Each phrase becomes the
// group's token before comparing.
var synonyms = [][]string{
	{"tồn tại", "hạn chế", "khó khăn", "vướng mắc", "bất cập"},
	{"kiến nghị", "đề xuất"},
	{"kế hoạch", "phương hướng"},
}

// words normalises a title for comparison: lower case, diacritics kept, punctuation
// and stop words dropped, synonym phrases folded; the result is a set (word order aside).
func words(s string) map[string]bool {
	var ws []string
	var b strings.Builder
	flush := func() {
		if b.Len() > 0 {
			ws = append(ws, b.String())
			b.Reset()
		}
	}
	for _, r := range strings.ToLower(s) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(r)
		} else {
			flush()
		}
	}
	flush()
	out := map[string]bool{}
	for i := 0; i < len(ws); i++ {
		if i+1 < len(ws) {
			if g := synonymGroup(ws[i] + " " + ws[i+1]); g != "" {
				out[g] = true
				i++
				continue
			}
		}
		if !stopWords[ws[i]] {
			out[ws[i]] = true
		}
	}
	return out
}

func synonymGroup(phrase string) string {
	for i, g := range synonyms {
		for _, p := range g {
			if p == phrase {
				return "#" + string(rune('a'+i))
			}
		}
	}
	return ""
}

// similarity of a heading to an item's title: how much of the heading is in the title
// (a shortened title keeps its words) and how much of the title the heading covers.
func similarity(heading, title string) (contain, cover float64, common int) {
	h, t := words(heading), words(title)
	if len(h) == 0 || len(t) == 0 {
		return 0, 0, 0
	}
	for w := range h {
		if t[w] {
			common++
		}
	}
	return float64(common) / float64(len(h)), float64(common) / float64(len(t)), common
}

// confirms: the heading's words are (nearly all) the title's, at least two of them
// or the whole title.
func confirms(heading, title string) bool {
	contain, cover, common := similarity(heading, title)
	return contain >= 0.75 && (common >= 2 || cover >= 0.99)
}

func score(heading, title string) float64 {
	contain, cover, common := similarity(heading, title)
	if common == 0 {
		return 0
	}
	return contain*0.6 + cover*0.4
}

func isHeadingStyle(s string) bool {
	s = strings.ToLower(strings.ReplaceAll(s, " ", ""))
	return strings.HasPrefix(s, "heading") || strings.HasPrefix(s, "title") || strings.HasPrefix(s, "tiêuđề")
}

// normName is a name compared exactly: lower case, punctuation and spacing aside.
func normName(s string) string {
	var b strings.Builder
	space := false
	for _, r := range strings.ToLower(s) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			b.WriteRune(r)
			space = false
		} else {
			space = true
		}
	}
	return b.String()
}

func isUpper(s string) bool {
	letters := 0
	for _, r := range s {
		if unicode.IsLetter(r) {
			letters++
			if unicode.IsLower(r) {
				return false
			}
		}
	}
	return letters > 0
}

func wordCount(s string) int { return len(strings.Fields(s)) }
