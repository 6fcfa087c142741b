package dashboard

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/gofiber/fiber/v2"
	"github.com/shopspring/decimal"
)

// fieldErrors collects every problem of a form or file, so the admin fixes them all
// at once; nothing is written while there is one.
type fieldErrors struct{ vi, en []string }

func (e *fieldErrors) add(where, vi, en string) {
	if len(e.vi) < 200 {
		e.vi = append(e.vi, where+vi)
		e.en = append(e.en, strings.Replace(where, "dòng ", "line ", 1)+en)
	}
}

func (e *fieldErrors) err() error {
	if len(e.vi) == 0 {
		return nil
	}
	return &userError{Status: fiber.StatusBadRequest, VI: strings.Join(e.vi, "\n"), EN: strings.Join(e.en, "\n")}
}

// rowAt names a row of a file ("dòng 3: ") or nothing for a form.
func rowAt(line int) string {
	if line == 0 {
		return ""
	}
	return fmt.Sprintf("dòng %d: ", line)
}

func (e *fieldErrors) required(where, col, v string) string {
	if v == "" {
		e.add(where, "thiếu "+col+".", "missing "+col+".")
	}
	return v
}

func (e *fieldErrors) year(where, col, v string) uint16 {
	n, err := strconv.Atoi(v)
	if err != nil || n < 1900 || n > 2200 {
		e.add(where, col+" phải là năm (ví dụ 2025), không phải "+strconv.Quote(v)+".", col+" must be a year such as 2025, not "+strconv.Quote(v)+".")
		return 0
	}
	return uint16(n)
}

// optDecimal reads "7.5", "7,5", "1.234,5" or "1,234.5"; "" is no value.
func (e *fieldErrors) optDecimal(where, col, v string) *decimal.Decimal {
	if v == "" {
		return nil
	}
	d, err := decimal.NewFromString(looseNumber(v))
	if err != nil {
		e.add(where, col+" không phải là số: "+strconv.Quote(v)+".", col+" is not a number: "+strconv.Quote(v)+".")
		return nil
	}
	return &d
}

// looseNumber turns a number written the Vietnamese or the English way into Go's:
// with both separators the last one is the decimal mark; a lone comma is decimal.
func looseNumber(v string) string {
	v = strings.ReplaceAll(strings.TrimSpace(v), " ", "")
	lastDot, lastComma := strings.LastIndex(v, "."), strings.LastIndex(v, ",")
	switch {
	case lastDot >= 0 && lastComma >= 0 && lastComma > lastDot:
		return strings.ReplaceAll(strings.ReplaceAll(v, ".", ""), ",", ".")
	case lastDot >= 0 && lastComma >= 0:
		return strings.ReplaceAll(v, ",", "")
	case lastComma >= 0 && strings.Count(v, ",") == 1:
		return strings.Replace(v, ",", ".", 1)
	}
	return v
}

func (e *fieldErrors) optDate(where, col, v string) *time.Time {
	if v == "" {
		return nil
	}
	for _, layout := range []string{"2006-01-02", "02/01/2006", "2/1/2006"} {
		if t, err := time.Parse(layout, v); err == nil {
			return &t
		}
	}
	e.add(where, col+" phải là ngày (2025-07-01 hoặc 01/07/2025): "+strconv.Quote(v)+".", col+" must be a date (2025-07-01 or 01/07/2025): "+strconv.Quote(v)+".")
	return nil
}

func (e *fieldErrors) oneOf(where, col, v string, allowed ...string) string {
	for _, a := range allowed {
		if v == a {
			return v
		}
	}
	e.add(where, col+" phải là một trong "+strings.Join(allowed, ", ")+"; không phải "+strconv.Quote(v)+".",
		col+" must be one of "+strings.Join(allowed, ", ")+", not "+strconv.Quote(v)+".")
	return v
}

// code checks an identifier typed by an admin: letters, digits, _ - . only.
func (e *fieldErrors) code(where, col, v string) string {
	if v == "" {
		e.add(where, "thiếu "+col+".", "missing "+col+".")
		return v
	}
	if len(v) > 64 || strings.IndexFunc(v, func(r rune) bool {
		return !(r == '_' || r == '-' || r == '.' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9')
	}) >= 0 {
		e.add(where, col+" chỉ gồm chữ không dấu, số, _ - . (tối đa 64): "+strconv.Quote(v)+".",
			col+" may hold only letters a-z, digits, _ - . (64 at most): "+strconv.Quote(v)+".")
	}
	return v
}

func formBool(v string) bool {
	switch strings.ToLower(strings.TrimSpace(v)) {
	case "1", "true", "yes", "on", "có", "x":
		return true
	}
	return false
}
