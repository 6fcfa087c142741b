package dashboard

import (
	"strconv"
	"strings"

	"github.com/gofiber/fiber/v2"
	"github.com/quangngai/chitieu/plan"
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

func (e *fieldErrors) required(where, col, v string) string {
	if v == "" {
		e.add(where, "thiếu "+col+".", "missing "+col+".")
	}
	return v
}

func (e *fieldErrors) year(where, col, v string) uint16 {
	n, err := strconv.Atoi(v)
	if err != nil || !plan.ValidYear(n) {
		e.add(where, col+" phải là năm (ví dụ 2025), không phải "+strconv.Quote(v)+".", col+" must be a year such as 2025, not "+strconv.Quote(v)+".")
		return 0
	}
	return uint16(n)
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
