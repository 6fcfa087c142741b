package dashboard

import (
	"regexp"
	"strings"
	"testing"
)

// numberToken is a run of digits with "." or "," between groups: how a number is
// written in either language.
var numberToken = regexp.MustCompile(`\d+(?:[.,]\d+)+`)

var (
	viNumber = regexp.MustCompile(`^(?:\d{1,3}(?:\.\d{3})+|\d+)(?:,\d+)?$`)
	enNumber = regexp.MustCompile(`^(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$`)
	// A group separator followed by three digits ending in 0 is never a decimal part:
	// numbers are written without trailing zeros, so "14,000" in Vietnamese text is
	// English, and "12.840" in English text is Vietnamese.
	viTrailingGroup = regexp.MustCompile(`,\d\d0$`)
	enTrailingGroup = regexp.MustCompile(`\.\d\d0$`)
)

// foreignNumbers lists the numbers in s written in the other language's format:
// "9.5" or "14,000" in Vietnamese text, "69,5" or "12.840" in English text. It is
// what the chart, export and PDF checks read drawn text with.
func foreignNumbers(lg, s string) []string {
	var out []string
	for _, loc := range numberToken.FindAllStringIndex(s, -1) {
		tok := s[loc[0]:loc[1]]
		// A digit run glued to letters on the left ("v1.2", "QH15.3") is a code.
		if loc[0] > 0 && isLetter(s[loc[0]-1]) {
			continue
		}
		bad := false
		if lg == "en" {
			bad = !enNumber.MatchString(tok) || enTrailingGroup.MatchString(tok)
		} else {
			bad = !viNumber.MatchString(tok) || viTrailingGroup.MatchString(tok)
		}
		if bad {
			out = append(out, tok)
		}
	}
	return out
}

func isLetter(b byte) bool { return b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' }

func TestForeignNumbers(t *testing.T) {
	for _, c := range []struct {
		lg, s string
		want  []string
	}{
		{"vi", "14,000 400,000 9.5 70.1 5,000 / 4,500", []string{"14,000", "400,000", "9.5", "70.1", "5,000", "4,500"}},
		{"vi", "12.840 tỷ đồng; 69,5 %; 1.234.567,25; 2021–2025; 02/12/2026 09:52; QH15", nil},
		{"vi", "4,07 %", nil},
		{"en", "69,5 12.840 1.234,5", []string{"69,5", "12.840", "1.234,5"}},
		{"en", "12,840 billion VND; 69.5 %; 1,234,567.25; 4.07; DHXX-2020", nil},
	} {
		got := foreignNumbers(c.lg, c.s)
		if strings.Join(got, "|") != strings.Join(c.want, "|") {
			t.Errorf("foreignNumbers(%s, %q) = %q, want %q", c.lg, c.s, got, c.want)
		}
	}
}
