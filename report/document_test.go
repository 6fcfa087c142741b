package report

import (
	"archive/zip"
	"bytes"
	"strings"
	"testing"

	"github.com/quangngai/chitieu/domain"
)

func mediaCount(t *testing.T, doc []byte) int {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(doc), int64(len(doc)))
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, f := range zr.File {
		if strings.HasPrefix(f.Name, "word/media/") {
			n++
		}
	}
	return n
}

// Charts are a per-round choice, off by default: off, the report has no chart and no
// charts annex; on, the charts sit in an annex after the signature, each with a source
// line. The round's signer, number and recipients are printed from its document.
func TestChartsAnnexFollowsTheRound(t *testing.T) {
	for _, on := range []bool{false, true} {
		m := sampleModel(t)
		m.Charts[0].Source = "Cục Thống kê tỉnh Quảng Ngãi"
		m.SetDocument(domain.RoundDocument{Year: 2026, NumberPattern: "/BC-SCT-QLCN", SignerName: "Phạm Thị Lan",
			SignerPosition: []string{"GIÁM ĐỐC"}, Recipients: []string{"Như trên", "Lưu: VT"}, Charts: on})
		var buf bytes.Buffer
		if err := WriteDocx(m, &buf); err != nil {
			t.Fatal(err)
		}
		flat := textOf(docxPart(t, buf.Bytes(), "word/document.xml"))
		hasAnnex := strings.Contains(flat, ChartsAnnexTitle+"BIỂU ĐỒ CÁC CHỈ TIÊU")
		if hasAnnex != on || (mediaCount(t, buf.Bytes()) > 0) != on {
			t.Errorf("charts %v: annex %v, images %d", on, hasAnnex, mediaCount(t, buf.Bytes()))
		}
		if on {
			annex := flat[strings.Index(flat, ChartsAnnexTitle+"BIỂU ĐỒ"):]
			for _, want := range []string{"Biểu đồ 1. Tốc độ tăng trưởng", "Nguồn: Cục Thống kê tỉnh Quảng Ngãi"} {
				if !strings.Contains(annex, want) {
					t.Errorf("the charts annex lacks %q", want)
				}
			}
			if strings.Index(flat, "Phạm Thị Lan") > strings.Index(flat, ChartsAnnexTitle+"BIỂU ĐỒ") {
				t.Error("the charts come before the signature")
			}
		}
		for _, want := range []string{"Số:        /BC-SCT-QLCN", "Phạm Thị Lan", "- Như trên;", "- Lưu: VT."} {
			if !strings.Contains(flat, want) {
				t.Errorf("the report lacks %q", want)
			}
		}
		if strings.Contains(flat, "KT. GIÁM ĐỐC") {
			t.Error("the default authority is printed over the round's")
		}
	}
}

// Part I is printed with the outline's own numbering (its "1." heading over the
// figures, not a "1.1." of ours), a depth-2 item without a label keeps its number, and
// guidance is never printed.
func TestOutlineLabelsArePrinted(t *testing.T) {
	in := sampleInput(t)
	in.Outline.Items = append([]domain.OutlineItem{
		{Number: "I", Kind: "heading", Title: "Kết quả thực hiện các chỉ tiêu", Guidance: "Các đơn vị ghi rõ nguồn số liệu."},
		{Number: "I.1", Kind: "heading", Title: "Kết quả thực hiện các chỉ tiêu phát triển công nghiệp"},
		{Number: "I.1.1", Kind: "figures", Label: "-", Title: "Tốc độ tăng trưởng giá trị gia tăng công nghiệp"},
		{Number: "I.1.2", Kind: "figures", Label: "-", Title: "Tỷ trọng công nghiệp - dịch vụ trong GRDP"},
	}, in.Outline.Items[2:]...)
	var buf bytes.Buffer
	if err := WriteDocx(Compile(in), &buf); err != nil {
		t.Fatal(err)
	}
	flat := textOf(docxPart(t, buf.Bytes(), "word/document.xml"))
	// The figures items themselves are the rows of section I's one table
	// (TestSectionIWrittenOnce), not headings.
	for _, want := range []string{"I. KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU", "1. Kết quả thực hiện các chỉ tiêu phát triển công nghiệp",
		"4.1. Huy động"} {
		if !strings.Contains(flat, want) {
			t.Errorf("the report lacks %q", want)
		}
	}
	for _, never := range []string{"1.1. Tốc độ", "Các đơn vị ghi rõ"} {
		if strings.Contains(flat, never) {
			t.Errorf("the report prints %q", never)
		}
	}
}
