package ingest

import "strings"

// field is a column of the upload layouts.
type field uint8

const (
	fIndicator field = iota
	fScope
	fAgency
	fYear
	fValue
	fUnit
	fStatus
	fSource
	fNote
	nFields
)

// fieldNames are the CSV and JSON names, also shown in CSV error locations.
var fieldNames = [nFields]string{"indicator", "scope", "agency", "year", "value", "unit", "status", "source", "note"}

// fieldLabels are the template's Vietnamese headers.
var fieldLabels = [nFields]string{"Mã chỉ tiêu", "Mã khu/phạm vi", "Mã đơn vị", "Năm", "Giá trị", "Đơn vị tính", "Trạng thái", "Nguồn số liệu", "Ghi chú"}

// headerAliases maps folded header texts to fields; several tools and habits meet here.
var headerAliases = map[string]field{}

func init() {
	add := func(f field, names ...string) {
		for _, n := range names {
			headerAliases[headerKey(n)] = f
		}
	}
	add(fIndicator, "indicator", "indicator_code", "mã chỉ tiêu", "ma chi tieu", "ma_chi_tieu", "chỉ tiêu (mã)")
	add(fScope, "scope", "zone", "scope_code", "mã khu/phạm vi", "mã phạm vi", "mã khu", "ma_pham_vi", "khu/phạm vi (mã)")
	add(fAgency, "agency", "agency_code", "mã đơn vị", "ma_don_vi")
	add(fYear, "year", "năm", "nam")
	add(fValue, "value", "giá trị", "gia_tri", "gia tri", "số liệu", "kết quả thực hiện")
	add(fUnit, "unit", "đơn vị tính", "don_vi_tinh", "đvt")
	add(fStatus, "status", "trạng thái", "trang_thai", "tình trạng")
	add(fSource, "source", "nguồn", "nguồn số liệu", "nguon")
	add(fNote, "note", "ghi chú", "ghi_chu")
}

// matchHeader finds the field a header cell names. "Giá trị\n(value)" and
// "Giá trị (value)" match through either part.
func matchHeader(cell string) (field, bool) {
	k := headerKey(cell)
	if f, ok := headerAliases[k]; ok {
		return f, true
	}
	if i := strings.IndexByte(k, '('); i > 0 {
		if f, ok := headerAliases[strings.TrimSpace(k[:i])]; ok {
			return f, true
		}
		inner := strings.TrimSuffix(k[i+1:], ")")
		if f, ok := headerAliases[strings.TrimSpace(inner)]; ok {
			return f, true
		}
	}
	return 0, false
}

// preKind says what a reader already knows about a value cell.
type preKind uint8

const (
	preText   preKind = iota // text to parse (CSV, text cells, JSON strings)
	preNumber                // a number the file stored as a number
	preError                 // the cell cannot hold a figure (date, formula error...)
)

// rawRow is one data row as a reader saw it: texts after clean(), before validation.
type rawRow struct {
	n      int // sheet row, CSV line, or JSON index
	f      [nFields]string
	pre    preKind
	num    Number // preNumber
	errArg string // preError: the shown value
	errMsg string // preError: message code
}

// locator turns a row number and a field into a place in the file.
type locator func(n int, f field) Location
