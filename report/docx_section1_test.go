package report

import (
	"bytes"
	"regexp"
	"strings"
	"testing"

	"github.com/quangngai/chitieu/domain"
)

// Section I is written once: the paragraph, one table, then the agencies' own part I
// sentences, attributed and under their item; several figures items become the
// table's rows, not headings of their own; the charts go to an annex after the
// replies' annex.
func TestSectionIWrittenOnce(t *testing.T) {
	in := sampleInput(t)
	items := []domain.OutlineItem{in.Outline.Items[0], in.Outline.Items[1],
		{Number: "I.2", Kind: "figures", Title: "Tỷ trọng công nghiệp - dịch vụ trong GRDP"}}
	in.Outline.Items = append(items, in.Outline.Items[2:]...)
	in.Answers[0].Items = append(in.Answers[0].Items, domain.AnswerItem{Number: "I.2", Text: "Tỷ trọng đạt 68,4 % theo số liệu của Cục Thống kê."})
	m := Compile(in)
	m.SectionI = SectionI{Lead: "Năm 2026, các chỉ tiêu được so với Nghị quyết Đại hội.",
		Rows: []IndicatorRow{{Item: "I.1", Indicator: "1. Tốc độ tăng trưởng", Plan: "≥ 7,5 %", Result: "9,2 % (chính thức; cập nhật ngày 20/11/2026)", Verdict: "Đạt"},
			{Item: "I.2", Indicator: "2. Tỷ trọng", Plan: "69–70 %", Result: "Chưa có số liệu năm 2026.", Verdict: "Chưa có số liệu"}}}
	m.Charts = sampleModel(t).Charts
	m.Doc.ChartsAnnex = true // the round prints charts (off by default)
	var buf bytes.Buffer
	if err := WriteDocx(m, &buf); err != nil {
		t.Fatal(err)
	}
	doc := docxPart(t, buf.Bytes(), "word/document.xml")
	sec := between(t, doc, "I. KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU", "II. KẾT QUẢ THỰC HIỆN CÁC NHIỆM VỤ")
	if n := len(regexp.MustCompile(`<w:tbl>`).FindAllString(sec, -1)); n != 1 {
		t.Fatalf("section I has %d tables, want one", n)
	}
	text := textOf(sec)
	lead, table, after := strings.Index(text, "Năm 2026, các chỉ tiêu"), strings.Index(text, "Thực hiện năm 2026"), strings.Index(text, "Sở Xây dựng: Tỷ trọng đạt 68,4 %")
	if lead < 0 || table < lead || after < table {
		t.Fatalf("want paragraph, table, then the attributed sentence (%d, %d, %d): %s", lead, table, after, text)
	}
	if item := strings.Index(text, "2. Tỷ trọng công nghiệp - dịch vụ trong GRDP"); item < table || item > after {
		t.Errorf("the agency's sentence is not under its item's title after the table: %s", text)
	}
	if strings.Contains(text[:table], "1. Tốc độ tăng trưởng giá trị gia tăng công nghiệp") {
		t.Errorf("a figures item printed as a heading of its own: %s", text[:table])
	}
	all := textOf(doc)
	if a, c := strings.Index(all, "TÌNH HÌNH GỬI BÁO CÁO"), strings.Index(all, ChartsAnnexTitle+"BIỂU ĐỒ CÁC CHỈ TIÊU"); a < 0 || c < a {
		t.Errorf("charts annex missing or before the replies' annex (%d, %d)", a, c)
	}
	if !strings.Contains(doc, "<w:drawing>") || strings.Contains(sec, "<w:drawing>") {
		t.Error("the chart is not in the annex, or still in section I")
	}
}
