package ingest

import (
	"strconv"
	"time"

	rules "github.com/quangngai/chitieu/plan" // ingest has its own plan()
	"github.com/xuri/excelize/v2"
)

// ParseDate reads a date as Vietnamese letters write it (08/12/2023, 8/12/2023) or
// ISO (2023-12-08): the one rule in plan.ParseDate, named here for ingest's callers.
func ParseDate(s string) (time.Time, bool) { return rules.ParseDate(s) }

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
