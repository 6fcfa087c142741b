package ingest

import (
	"context"
	"errors"
	"fmt"
	"strconv"

	"github.com/xuri/excelize/v2"

	"github.com/quangngai/chitieu/queries"
)

// ErrUnknownAgency: a template or nil report was asked for an agency not in the catalogue.
var ErrUnknownAgency = errors.New("không có đơn vị này (unknown agency)")

// InstructionsSheet is the template's Vietnamese guide.
const InstructionsSheet = "Hướng dẫn"

// Template layout: metadata rows, then the header, then one row per figure.
const (
	templateHeaderRow = 5
	templateFirstRow  = 6
)

// templateColumns are the data sheet's columns; the parser finds them by header text.
var templateColumns = []struct {
	header   string
	width    float64
	editable bool
}{
	{"STT", 5, false},
	{"Mã chỉ tiêu", 22, false},
	{"Tên chỉ tiêu", 48, false},
	{"Mã khu/phạm vi", 15, false},
	{"Tên khu/phạm vi", 36, false},
	{"Đơn vị tính", 11, false},
	{"Giá trị", 14, true},
	{"Trạng thái", 15, true},
	{"Nguồn số liệu", 30, true},
	{"Ghi chú", 30, true},
}

// TemplateFileName is the download name: bieu-mau-BQL-2024.xlsx.
func TemplateFileName(agency string, year uint16) string {
	return fmt.Sprintf("bieu-mau-%s-%d.xlsx", agency, year)
}

// templateRow is one figure the agency reports, with its current value if any.
type templateRow struct {
	ind   queries.Indicator
	scope string
	name  string
	cur   *queries.CurrentFigure
}

// Template builds the .xlsx an agency fills in for a year: its assigned indicators and
// scopes, current values prefilled (so a correction is an edit), a status drop-down,
// locked codes and headers, and an instructions sheet. Filled in by hand, it uploads
// as it is.
func (in *Ingester) Template(ctx context.Context, agency string, year uint16) ([]byte, error) {
	cat, err := loadCatalogue(ctx, in.st)
	if err != nil {
		return nil, err
	}
	agency = clean(agency)
	ag, ok := cat.agencies[agency]
	if !ok {
		return nil, fmt.Errorf("%w: %q", ErrUnknownAgency, agency)
	}
	rows, err := in.templateRows(ctx, cat, agency, int(year))
	if err != nil {
		return nil, err
	}
	rounds, err := in.st.Rounds(ctx)
	if err != nil {
		return nil, err
	}
	var round *queries.Round
	for i := range rounds {
		if rounds[i].Year == year {
			round = &rounds[i]
		}
	}
	f := excelize.NewFile()
	defer f.Close()
	if err := writeDataSheet(f, ag, year, rows); err != nil {
		return nil, err
	}
	if err := writeInstructions(f, ag, year, round); err != nil {
		return nil, err
	}
	buf, err := f.WriteToBuffer()
	if err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

func (in *Ingester) templateRows(ctx context.Context, cat *catalogue, agency string, year int) ([]templateRow, error) {
	inds, err := in.st.Indicators(ctx)
	if err != nil {
		return nil, err
	}
	scopes, err := in.st.Scopes(ctx)
	if err != nil {
		return nil, err
	}
	zones, err := in.st.Zones(ctx)
	if err != nil {
		return nil, err
	}
	cur, err := in.st.CurrentFigures(ctx, queries.FigureFilter{Agencies: []string{agency}, YearFrom: uint16(year), YearTo: uint16(year), IncludeSynthetic: true})
	if err != nil {
		return nil, err
	}
	current := map[[2]string]*queries.CurrentFigure{}
	for i := range cur {
		current[[2]string{cur[i].Indicator, cur[i].Scope}] = &cur[i]
	}
	type place struct{ code, name string }
	var places []place
	for _, s := range scopes {
		if validIn(s.ValidFrom, s.ValidTo, year) {
			places = append(places, place{s.Code, s.NameVI})
		}
	}
	for _, z := range zones {
		if validIn(z.ValidFrom, z.ValidTo, year) {
			places = append(places, place{z.Code, z.NameVI})
		}
	}
	var out []templateRow
	for _, ind := range inds {
		for _, p := range places {
			if ok, _ := cat.assigned(agency, ind.Code, p.code); ok {
				out = append(out, templateRow{ind: ind, scope: p.code, name: p.name, cur: current[[2]string{ind.Code, p.code}]})
			}
		}
	}
	return out, nil
}

func writeDataSheet(f *excelize.File, ag queries.Agency, year uint16, rows []templateRow) error {
	sh := DataSheet
	if err := f.SetSheetName("Sheet1", sh); err != nil {
		return err
	}
	title, _ := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true, Size: 13}})
	label, _ := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}})
	border := []excelize.Border{{Type: "left", Color: "999999", Style: 1}, {Type: "right", Color: "999999", Style: 1},
		{Type: "top", Color: "999999", Style: 1}, {Type: "bottom", Color: "999999", Style: 1}}
	header, _ := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}, Border: border,
		Fill:      excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"D9E1F2"}},
		Alignment: &excelize.Alignment{WrapText: true, Vertical: "center", Horizontal: "center"}})
	locked, _ := f.NewStyle(&excelize.Style{Border: border, Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"F2F2F2"}},
		Alignment: &excelize.Alignment{WrapText: true, Vertical: "top"}})
	editable, _ := f.NewStyle(&excelize.Style{Border: border, Protection: &excelize.Protection{Locked: false},
		Alignment: &excelize.Alignment{Vertical: "top", WrapText: true}})

	set := func(cell string, v any) error { return f.SetCellValue(sh, cell, v) }
	if err := set("A1", "BIỂU BÁO CÁO KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU PHÁT TRIỂN CÔNG NGHIỆP"); err != nil {
		return err
	}
	_ = f.SetCellStyle(sh, "A1", "A1", title)
	_ = set("A2", "Mã đơn vị:")
	_ = set("B2", safeCell(ag.Code))
	_ = set("C2", safeCell(ag.NameVI))
	_ = set("A3", "Năm:")
	_ = set("B3", int(year))
	_ = f.SetCellStyle(sh, "A2", "A3", label)
	_ = f.SetCellStyle(sh, "B2", "B3", label)
	_ = set("C3", "Điền cột Giá trị, Trạng thái, Nguồn, Ghi chú; không sửa các cột khác. Xem trang \"Hướng dẫn\".")

	for i, c := range templateColumns {
		col, _ := excelize.ColumnNumberToName(i + 1)
		_ = set(col+strconv.Itoa(templateHeaderRow), c.header)
		_ = f.SetColWidth(sh, col, col, c.width)
	}
	first, _ := excelize.CoordinatesToCellName(1, templateHeaderRow)
	last, _ := excelize.CoordinatesToCellName(len(templateColumns), templateHeaderRow)
	_ = f.SetCellStyle(sh, first, last, header)
	_ = f.SetRowHeight(sh, templateHeaderRow, 30)

	for i, r := range rows {
		n := templateFirstRow + i
		row := []any{i + 1, safeCell(r.ind.Code), safeCell(r.ind.NameVI), safeCell(r.scope), safeCell(r.name), safeCell(r.ind.Unit), nil, nil, nil, nil}
		if r.cur != nil {
			v, _ := r.cur.Value.Float64()
			row[6] = v
			row[7] = statusLabel(r.cur.Status)
			row[8] = safeCell(r.cur.Source)
			row[9] = safeCell(r.cur.Note)
		}
		cell, _ := excelize.CoordinatesToCellName(1, n)
		if err := f.SetSheetRow(sh, cell, &row); err != nil {
			return err
		}
	}
	if len(rows) > 0 {
		end := templateFirstRow + len(rows) - 1
		_ = f.SetCellStyle(sh, "A"+strconv.Itoa(templateFirstRow), "F"+strconv.Itoa(end), locked)
		_ = f.SetCellStyle(sh, "G"+strconv.Itoa(templateFirstRow), "J"+strconv.Itoa(end), editable)
		dv := excelize.NewDataValidation(true)
		dv.SetSqref("H" + strconv.Itoa(templateFirstRow) + ":H" + strconv.Itoa(end))
		if err := dv.SetDropList(StatusLabels); err != nil {
			return err
		}
		dv.SetError(excelize.DataValidationErrorStyleStop, "Trạng thái", "Chọn Thực hiện, Ước thực hiện hoặc Sơ bộ.")
		if err := f.AddDataValidation(sh, dv); err != nil {
			return err
		}
	}
	if err := f.SetPanes(sh, &excelize.Panes{Freeze: true, YSplit: templateHeaderRow, TopLeftCell: "A" + strconv.Itoa(templateFirstRow), ActivePane: "bottomLeft"}); err != nil {
		return err
	}
	// Locked structure, not secrecy: no password, so an administrator can still unlock.
	return f.ProtectSheet(sh, &excelize.SheetProtectionOptions{SelectLockedCells: true, SelectUnlockedCells: true,
		FormatColumns: true, FormatRows: true})
}

func statusLabel(s string) string {
	switch s {
	case queries.StatusEstimate:
		return StatusLabels[1]
	case queries.StatusPreliminary:
		return StatusLabels[2]
	case queries.StatusApprox:
		return "Xấp xỉ"
	}
	return StatusLabels[0]
}

func writeInstructions(f *excelize.File, ag queries.Agency, year uint16, round *queries.Round) error {
	sh := InstructionsSheet
	if _, err := f.NewSheet(sh); err != nil {
		return err
	}
	deadline := "theo công văn của Sở Công Thương"
	if round != nil {
		deadline = "theo Công văn số " + round.LetterNo
		if round.Deadline != nil {
			deadline += ", hạn gửi " + round.Deadline.Format("02/01/2006")
		}
	}
	lines := []string{
		"HƯỚNG DẪN ĐIỀN BIỂU MẪU",
		fmt.Sprintf("Đơn vị: %s (%s). Năm báo cáo: %d. Kỳ báo cáo: %s.", ag.NameVI, ag.Code, year, deadline),
		"",
		"1. Chỉ điền các cột Giá trị, Trạng thái, Nguồn số liệu, Ghi chú ở trang \"Chỉ tiêu\". Các cột mã, tên, đơn vị tính được khóa; không thêm, xóa hay đổi thứ tự cột.",
		"2. Giá trị ghi theo đơn vị tính của dòng (ví dụ tỷ đồng, %). Có thể ghi 7,5 hoặc 1.234,56 (kiểu Việt Nam); không trộn kiểu 1,234.56 trong cùng tệp.",
		"3. Tỷ lệ (%) ghi số phần trăm, ví dụ 68,4. Nếu ô được định dạng %, Excel lưu 0,684 và hệ thống tự hiểu là 68,4%.",
		"4. Để trống ô Giá trị nếu chưa có số liệu (không báo cáo dòng đó). Ghi 0 nếu kết quả bằng không. Ghi \"-\" hoặc \"không có số liệu\" nếu không có số liệu; khi đó số liệu đã gửi trước của dòng này (nếu có) được rút lại.",
		"5. Trạng thái: Thực hiện (số chính thức), Ước thực hiện (ước tính trước khi hết năm), Sơ bộ (số sơ bộ). Để trống nghĩa là Thực hiện.",
		"6. Nguồn số liệu: ghi văn bản hoặc báo cáo làm căn cứ, ví dụ \"Báo cáo số 12/BC-BQL ngày 05/01/2025\".",
		"7. Tải tệp lên trang Tải số liệu hoặc bằng lệnh: chitieu ingest TỆP --agency " + ag.Code + " --year " + strconv.Itoa(int(year)) + ". Nên bấm Xem trước để kiểm tra thay đổi trước khi ghi.",
		"8. Nếu tệp có lỗi, hệ thống liệt kê mọi lỗi kèm vị trí ô (ví dụ 'Chỉ tiêu'!G7) và không ghi gì; sửa rồi tải lên lại. Tải lên tệp đã sửa sẽ thay thế số liệu cũ, lịch sử được lưu.",
		"9. Nếu đơn vị không được giao nhiệm vụ liên quan, không điền biểu này mà gửi báo cáo \"không được giao nhiệm vụ\" (số, ngày công văn và người ký).",
		"",
		"Lưu ý: giữ định dạng .xlsx khi lưu (không lưu thành .xls). Tệp CSV cũng được nhận, xem README của hệ thống.",
	}
	for i, l := range lines {
		if err := f.SetCellValue(sh, "A"+strconv.Itoa(i+1), l); err != nil {
			return err
		}
	}
	bold, _ := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true, Size: 13}})
	wrap, _ := f.NewStyle(&excelize.Style{Alignment: &excelize.Alignment{WrapText: true, Vertical: "top"}})
	_ = f.SetCellStyle(sh, "A2", "A"+strconv.Itoa(len(lines)), wrap)
	_ = f.SetCellStyle(sh, "A1", "A1", bold)
	_ = f.SetColWidth(sh, "A", "A", 120)
	f.SetActiveSheet(0)
	return nil
}
