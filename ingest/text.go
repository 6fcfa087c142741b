package ingest

import (
	"strings"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// clean normalises a cell's text so that codes and names compare exactly: Unicode NFC
// (Word, macOS and some web forms write NFD, Excel on Windows NFC), outer spaces and
// no-break spaces removed, and the apostrophe we put before formula-like text undone.
func clean(s string) string {
	if s == "" {
		return s
	}
	ascii := true
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			ascii = false
			break
		}
	}
	if ascii {
		s = strings.TrimSpace(s)
	} else {
		if !norm.NFC.IsNormalString(s) {
			s = norm.NFC.String(s)
		}
		s = strings.TrimFunc(s, func(r rune) bool {
			return r == ' ' || r == '\u00a0' || r == '\u202f' || r == '\u2009' || r == '\ufeff' || r == '\t' || r == '\r' || r == '\n'
		})
	}
	if len(s) > 1 && s[0] == '\'' && isFormulaStart(s[1]) {
		s = s[1:]
	}
	return s
}

// isFormulaStart: a text cell starting with one of these is run as a formula by
// spreadsheets that open an exported file (CSV injection).
func isFormulaStart(c byte) bool {
	return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r'
}

// safeCell escapes text written into a spreadsheet or CSV against formula injection.
// Numbers are written as numbers, never through here.
func safeCell(s string) string {
	if s != "" && isFormulaStart(s[0]) {
		return "'" + s
	}
	return s
}

// headerKey folds a header cell for matching: lower case, single spaces, no trailing colon.
func headerKey(s string) string {
	s = strings.ToLower(clean(s))
	s = strings.TrimSuffix(s, ":")
	return strings.Join(strings.Fields(s), " ")
}
