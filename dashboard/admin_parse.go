package dashboard

import (
	"strconv"
	"strings"

	"github.com/quangngai/chitieu/domain"
	"github.com/quangngai/chitieu/locale"
	"github.com/quangngai/chitieu/plan"
)

// fieldErrors collects every problem of a form or file, so the admin fixes them all
// at once; nothing is written while there is one.
type fieldErrors struct{ lines locale.Lines }

// add is a problem with the catalogue's key and args, at a line of the form's text
// (0: the form as a whole).
func (e *fieldErrors) add(line int, key string, args ...any) {
	if len(e.lines) >= 200 {
		return
	}
	p := domain.NewError(domain.Invalid, key, args...)
	if line > 0 {
		p = domain.NewError(domain.Invalid, "http.line.at", line, p)
	}
	e.lines = append(e.lines, p)
}

// err is every problem, one per line, or nil.
func (e *fieldErrors) err() error {
	if len(e.lines) == 0 {
		return nil
	}
	return domain.NewError(domain.Invalid, "http.lines", e.lines)
}

func (e *fieldErrors) required(line int, col, v string) string {
	if v == "" {
		e.add(line, "http.field.missing", col)
	}
	return v
}

func (e *fieldErrors) year(line int, col, v string) uint16 {
	n, err := strconv.Atoi(v)
	if err != nil || !plan.ValidYear(n) {
		e.add(line, "http.field.year", col, v)
		return 0
	}
	return uint16(n)
}

// code checks an identifier typed by an admin: letters, digits, _ - . only.
func (e *fieldErrors) code(line int, col, v string) string {
	if v == "" {
		e.add(line, "http.field.missing", col)
		return v
	}
	if len(v) > 64 || strings.IndexFunc(v, func(r rune) bool {
		return !(r == '_' || r == '-' || r == '.' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9')
	}) >= 0 {
		e.add(line, "http.field.code", col, v)
	}
	return v
}
