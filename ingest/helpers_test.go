package ingest

import (
	"testing"

	"github.com/xuri/excelize/v2"
)

// buildXLSX writes a workbook with one sheet of rows (strings, numbers as float64/int).
func buildXLSX(tb testing.TB, sheet string, rows [][]any) []byte {
	tb.Helper()
	f := excelize.NewFile()
	defer f.Close()
	if sheet != "Sheet1" {
		if err := f.SetSheetName("Sheet1", sheet); err != nil {
			tb.Fatal(err)
		}
	}
	for i, r := range rows {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		if err := f.SetSheetRow(sheet, cell, &r); err != nil {
			tb.Fatal(err)
		}
	}
	buf, err := f.WriteToBuffer()
	if err != nil {
		tb.Fatal(err)
	}
	return buf.Bytes()
}

func minimalXLSX(tb testing.TB) []byte {
	return buildXLSX(tb, "Chỉ tiêu", [][]any{
		{"Mã đơn vị:", "CTK"},
		{"Năm:", 2024},
		{},
		{"Mã chỉ tiêu", "Mã khu/phạm vi", "Đơn vị tính", "Giá trị", "Trạng thái"},
		{"grdp_growth", "province_old", "%", 7.5, "Thực hiện"},
	})
}
