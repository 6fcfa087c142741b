package dashboard

import (
	"strconv"
	"strings"
	"time"
)

// dateVN writes a date as DD/MM/YYYY, or "" for none.
func dateVN(t *time.Time) string {
	if t == nil {
		return ""
	}
	return t.Format("02/01/2006")
}

// percentVN writes a percentage the Vietnamese way (45,5), or "" for none.
func percentVN(f *float64) string {
	if f == nil {
		return ""
	}
	return strings.Replace(strconv.FormatFloat(*f, 'f', -1, 64), ".", ",", 1)
}

// DateVN and PercentVN are for templates (methods, so format.go's FuncMap stays as it is).
func (p *answerPage) DateVN(t *time.Time) string  { return dateVN(t) }
func (p *answerPage) PercentVN(f *float64) string { return percentVN(f) }
