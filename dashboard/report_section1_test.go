package dashboard

import (
	"archive/zip"
	"bytes"
	"io"
	"regexp"
	"strings"
	"testing"
	"time"
)

// docxDocument is a .docx's word/document.xml, tags kept.
func docxDocument(t *testing.T, doc []byte) string {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(doc), int64(len(doc)))
	must(t, err)
	for _, f := range zr.File {
		if f.Name == "word/document.xml" {
			rc, err := f.Open()
			must(t, err)
			b, _ := io.ReadAll(rc)
			rc.Close()
			return string(b)
		}
	}
	t.Fatal("word/document.xml missing")
	return ""
}

// Issue 20 §1: the 2023 report's section I is one table plus a paragraph, from the
// scorecard of the plan in force in 2023 (named in words): each outline indicator's
// 2023 result with its status and as-of date, a missing 2023 figure said with the
// latest earlier one marked as such, and where the plan sets no target, another
// plan's target named.
func TestReportSectionIOneTable(t *testing.T) {
	base, _ := startTestServer(t, func(d *Deps) { d.ChromiumPath = "/nonexistent-chromium" })
	var r response
	for i := 0; i < 120; i++ {
		if r = fetch(t, base+"/report/2023/report.docx"); r.Status != 503 {
			break
		}
		time.Sleep(time.Second) // the export job still running
	}
	if r.Status != 200 {
		t.Fatalf("report.docx: %d %.300s", r.Status, r.Body)
	}
	doc := docxDocument(t, []byte(r.Body))
	start := strings.Index(doc, "I. KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU")
	end := strings.Index(doc, "II. KẾT QUẢ THỰC HIỆN CÁC NHIỆM VỤ")
	if start < 0 || end < start {
		t.Fatalf("section I not found (%d, %d)", start, end)
	}
	sec := doc[start:end]
	tables := regexp.MustCompile(`(?s)<w:tbl>.*?</w:tbl>`).FindAllString(sec, -1)
	if len(tables) != 1 {
		t.Fatalf("section I has %d tables, want one", len(tables))
	}
	text := func(xml string) string {
		s := regexp.MustCompile(`</w:p>`).ReplaceAllString(xml, "\n")
		s = regexp.MustCompile(`<[^>]+>`).ReplaceAllString(s, "")
		return strings.NewReplacer("&gt;", ">", "&lt;", "<", "&amp;", "&").Replace(s)
	}
	tbl := text(tables[0])
	lead := text(sec[:strings.Index(sec, "<w:tbl>")])
	mustContain(t, "the paragraph before the table", lead,
		"Năm 2023, kết quả thực hiện các chỉ tiêu được so với Nghị quyết Đại hội Đảng bộ tỉnh Quảng Ngãi lần thứ XX",
		"Trong 12 chỉ tiêu của đề cương", "2 chỉ tiêu đã có số liệu năm 2023")
	mustContain(t, "section I's table", tbl,
		"Chỉ tiêu", "Kế hoạch (văn bản)", "Thực hiện năm 2023", "So với kế hoạch / đánh giá", "Nguồn",
		// one row per outline indicator, in outline order, with the outline's own labels
		"- Tốc độ tăng trưởng giá trị gia tăng công nghiệp", "- Tổng vốn đăng ký còn hiệu lực (lũy kế) (tỷ đồng)",
		// the status and as-of date of a 2023 figure: an approximation counted in October
		"391.000 tỷ đồng (khoảng; tính đến tháng 10/2023)", "348 dự án (chính thức; tính đến tháng 10/2023)",
		// a missing 2023 figure, with the 2022 one marked as the latest earlier figure
		"Chưa có số liệu năm 2023;", "số liệu gần nhất là năm 2022: 68,4 % (chính thức; cập nhật ngày",
		// the plan in words, with its target
		"Nghị quyết Đại hội Đảng bộ tỉnh Quảng Ngãi lần thứ XX: 69–70 % (mức cuối kỳ, 2025)",
		// no target in the plan: said, and another plan's target named
		"Nghị quyết Đại hội Đảng bộ tỉnh Quảng Ngãi lần thứ XX không đặt chỉ tiêu này",
		"Nghị quyết Đại hội XIII của Đảng: ≥ 92 % (mức cuối kỳ, 2025)",
		"Nghị quyết 23-NQ/TW (22/3/2018) và Nghị quyết 124/NQ-CP: > 8,5 %/năm (bình quân giai đoạn, 2021–2030)",
		"kinhtedothi.vn (tổng kết năm 2022)", "baobariavungtau.com.vn (10/2023)")
	for _, bad := range []string{"DHXX-2020", "NQ23-2018", "DHXIII-2021", "Chưa có chỉ tiêu kế hoạch", "năm 2023: 391.000"} {
		if strings.Contains(text(sec), bad) {
			t.Errorf("section I says %q", bad)
		}
	}
	// The table is the only one: no per-indicator tables, and the rows count the
	// outline's indicators (12) plus the header.
	if n := strings.Count(tables[0], "<w:tr>") + strings.Count(tables[0], "<w:tr "); n != 13 {
		t.Errorf("section I's table has %d rows, want 13 (header + 12 indicators)", n)
	}
	// The page on screen shows the same table.
	page := fetch(t, base+"/report/2023").Body
	i := strings.Index(page, `id="report-section1"`)
	if i < 0 || strings.Count(page, `class="admin-table report-fig"`) != 1 {
		t.Fatalf("/report/2023 lacks section I's one table")
	}
	mustContain(t, "/report/2023 section I", pageText(page[i:i+strings.Index(page[i:], "</table>")]),
		"391.000 tỷ đồng (khoảng; tính đến tháng 10/2023)", "Chưa có số liệu năm 2023;")
}
