package ingest

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/quangngai/chitieu/locale"
	"github.com/quangngai/chitieu/queries"
)

// problem builds a located error from the catalogue (locale, "ingest."+code and
// its ".hint"). value is the offending text.
func problem(code string, loc Location, value string, args ...any) queries.IngestError {
	key, hintKey := "ingest."+code, "ingest."+code+".hint"
	vi, en := code, code
	if locale.Has(key) {
		vi, en = locale.Text("vi", key), locale.Text("en", key)
	}
	var hintVI, hintEN string
	if locale.Has(hintKey) {
		hintVI, hintEN = locale.Text("vi", hintKey), locale.Text("en", hintKey)
	}
	e := queries.IngestError{Code: code, Sheet: loc.Sheet, Cell: loc.Cell, Line: loc.Line, Column: loc.Column,
		Value: shorten(value), HintVI: hintVI, HintEN: hintEN}
	e.Location = loc.String()
	e.MessageVI, e.MessageEN = vi, en
	if len(args) > 0 {
		args = withoutRuntimeText(args)
		e.MessageVI = fmt.Sprintf(vi, args...)
		e.MessageEN = fmt.Sprintf(en, args...)
	}
	if strings.Contains(hintVI, "%s") && len(args) > 1 {
		e.HintVI = fmt.Sprintf(hintVI, args[len(args)-1])
		e.HintEN = fmt.Sprintf(hintEN, args[len(args)-1])
	} else {
		e.HintVI = strings.ReplaceAll(hintVI, "%%", "%")
		e.HintEN = strings.ReplaceAll(hintEN, "%%", "%")
	}
	return e
}

// withoutRuntimeText keeps a Go runtime error that a library let through (an error's
// text quoted in a message: "damaged or incomplete (%s)") out of what users read.
func withoutRuntimeText(args []any) []any {
	copied := false
	for i, a := range args {
		s, ok := a.(string)
		if ok && (strings.Contains(s, "runtime error") || strings.Contains(s, "goroutine ") || strings.Contains(s, "panic")) {
			if !copied {
				args, copied = append([]any(nil), args...), true
			}
			args[i] = "lỗi nội bộ / internal error"
		}
	}
	return args
}

// shorten keeps reports readable when a cell holds a whole paragraph or garbage.
func shorten(s string) string {
	const max = 80
	if len(s) <= max {
		return s
	}
	cut := max
	for cut > 0 && !utf8.RuneStart(s[cut]) {
		cut--
	}
	return s[:cut] + "…"
}

// Location is where a value sits: a sheet cell, a CSV line and column, or a JSON path.
type Location struct {
	Sheet  string
	Cell   string
	Line   int
	Column string
	Path   string
}

// String writes the location as the report shows it: 'Chỉ tiêu'!G7, dòng 12, cột "value".
func (l Location) String() string {
	switch {
	case l.Sheet != "" && l.Cell != "":
		return "'" + strings.ReplaceAll(l.Sheet, "'", "''") + "'!" + l.Cell
	case l.Sheet != "":
		return "'" + strings.ReplaceAll(l.Sheet, "'", "''") + "'"
	case l.Path != "":
		return l.Path
	case l.Line > 0 && l.Column != "":
		return fmt.Sprintf("dòng %d, cột %q", l.Line, l.Column)
	case l.Line > 0:
		return fmt.Sprintf("dòng %d", l.Line)
	}
	return ""
}
