package ingest

import (
	"strconv"
	"time"

	"github.com/xuri/excelize/v2"
)

// ParseDate reads a date as Vietnamese letters write it (08/12/2023, 8/12/2023) or
// ISO (2023-12-08). The CLI, the admin files and the forms all read dates here.
func ParseDate(s string) (time.Time, bool) {
	for _, layout := range []string{"02/01/2006", "2/1/2006", "2006-01-02"} {
		if t, err := time.Parse(layout, s); err == nil {
			return t, true
		}
	}
	return time.Time{}, false
}

// parseCellDate is ParseDate, or for a spreadsheet's date cell its serial number
// (days since 1899-12-30: 45839 is 2025-07-01).
func parseCellDate(s string, numberCell bool) (time.Time, bool) {
	if t, ok := ParseDate(s); ok {
		return t, true
	}
	if !numberCell {
		return time.Time{}, false
	}
	serial, err := strconv.ParseFloat(s, 64)
	if err != nil || serial < 1 || serial > 2958465 {
		return time.Time{}, false
	}
	t, err := excelize.ExcelDateToTime(serial, false)
	if err != nil {
		return time.Time{}, false
	}
	y, m, d := t.Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC), true
}
