package report

import (
	"archive/zip"
	"bytes"
	"context"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// artefactDir is where rendered pages go for a person to look at:
// $CHITIEU_TEST_ARTEFACTS, or a fixed directory under the system temp dir.
func artefactDir(t testing.TB) string {
	dir := os.Getenv("CHITIEU_TEST_ARTEFACTS")
	if dir == "" {
		dir = filepath.Join(os.TempDir(), "chitieu-test-artefacts")
	}
	dir = filepath.Join(dir, "report")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	return dir
}

func docxPart(t *testing.T, doc []byte, name string) string {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(doc), int64(len(doc)))
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range zr.File {
		if f.Name == name {
			rc, _ := f.Open()
			b, _ := io.ReadAll(rc)
			rc.Close()
			return string(b)
		}
	}
	t.Fatalf("%s not in the package", name)
	return ""
}

// The .docx carries the decree's page setup and header block, and page numbers from the
// hand-written header part.
func TestWriteDocxStructure(t *testing.T) {
	var buf bytes.Buffer
	if err := WriteDocx(sampleModel(t), &buf); err != nil {
		t.Fatal(err)
	}
	doc := docxPart(t, buf.Bytes(), "word/document.xml")
	for _, want := range []string{`w:w="11906"`, `w:h="16838"`, `w:left="1701"`, `w:right="1134"`, `w:top="1134"`,
		`<w:headerReference w:type="default" r:id="rIdChitieuHdr1"`, `<w:titlePg`, "Times New Roman",
		"UBND TỈNH QUẢNG NGÃI", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "&lt;b&gt;kéo dài&lt;/b&gt;"} {
		if !strings.Contains(doc, want) {
			t.Errorf("document.xml lacks %s", want)
		}
	}
	if core := docxPart(t, buf.Bytes(), "docProps/core.xml"); !strings.Contains(core, "Dự thảo — Báo cáo Tình hình") {
		t.Errorf("core properties do not say draft: %s", core)
	}
	if hdr := docxPart(t, buf.Bytes(), "word/header_chitieu1.xml"); !strings.Contains(hdr, "PAGE") {
		t.Error("no PAGE field in the header")
	}
	if rels := docxPart(t, buf.Bytes(), "word/_rels/document.xml.rels"); !strings.Contains(rels, "header_chitieu1.xml") {
		t.Error("header relationship missing")
	}
	if ct := docxPart(t, buf.Bytes(), "[Content_Types].xml"); !strings.Contains(ct, "/word/header_chitieu1.xml") {
		t.Error("header content type missing")
	}
}

// The document opens in LibreOffice: converted to PDF, its text is the Vietnamese report
// in order, page 2 carries a number and page 1 none; page 1 is rendered for a person.
func TestWriteDocxOpensInLibreOffice(t *testing.T) {
	var buf bytes.Buffer
	if err := WriteDocx(sampleModel(t), &buf); err != nil {
		t.Fatal(err)
	}
	pdf, err := ConvertPDF(context.Background(), "", buf.Bytes())
	if err != nil {
		t.Fatalf("soffice (apt-get install libreoffice-writer-nogui): %v", err)
	}
	dir := artefactDir(t)
	pdfPath := filepath.Join(dir, "report-sample.pdf")
	if err := os.WriteFile(pdfPath, pdf, 0o644); err != nil {
		t.Fatal(err)
	}
	_ = os.WriteFile(filepath.Join(dir, "report-sample.docx"), buf.Bytes(), 0o644)
	text := pdfText(t, pdfPath)
	flat := strings.Join(strings.Fields(text), " ")
	for _, want := range []string{"UBND TỈNH QUẢNG NGÃI", "SỞ CÔNG THƯƠNG", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
		"Độc lập - Tự do - Hạnh phúc", "Số: /BC-SCT", "Quảng Ngãi, ngày tháng 12 năm 2026", "BÁO CÁO",
		"BẢN TỔNG HỢP CHƯA ĐẦY ĐỦ: mới có 2/3 đơn vị", "Kính gửi: Ủy ban nhân dân tỉnh Quảng Ngãi",
		"II. KẾT QUẢ THỰC HIỆN CÁC NHIỆM VỤ", "Sở Xây dựng: Đã tổ chức 12 hội nghị", "- Phát hành 2.000 tờ rơi",
		"4.1. Huy động", "Sở Xây dựng: Không có nội dung phát sinh", "Hạ tầng KCN VSIP II", "Quy chế quản lý cụm công nghiệp",
		"Nơi nhận:", "KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "PHỤ LỤC", "Ban Dân tộc", "không được giao nhiệm vụ", "Nguyễn Thế Nhân",
		"Sở Tài chính", "≥ 7,5 %/năm", "108,0 %"} {
		if !strings.Contains(flat, want) {
			t.Errorf("PDF text lacks %q", want)
		}
	}
	if i, j := strings.Index(flat, "II. KẾT QUẢ"), strings.Index(flat, "III. TỒN TẠI HẠN CHẾ"); i < 0 || j < i {
		t.Errorf("sections out of order (%d, %d)", i, j)
	}
	pages := strings.Split(text, "\f")
	if len(pages) < 2 {
		t.Fatalf("one page only")
	}
	if regexp.MustCompile(`^\s*2\s*$`).FindString(strings.SplitN(strings.TrimLeft(pages[1], " \n"), "\n", 2)[0]) == "" {
		t.Errorf("page 2 does not start with its number: %q", strings.SplitN(pages[1], "\n", 3))
	}
	if first := strings.TrimSpace(strings.SplitN(strings.TrimLeft(pages[0], " \n"), "\n", 2)[0]); first == "1" {
		t.Error("page 1 carries a number")
	}
	png := filepath.Join(dir, "report-sample-page1")
	if out, err := exec.Command("pdftoppm", "-png", "-r", "60", "-f", "1", "-l", "1", "-singlefile", pdfPath, png).CombinedOutput(); err != nil {
		t.Fatalf("pdftoppm: %v %s", err, out)
	}
	t.Logf("page 1 rendered to %s.png", png)
}

func pdfText(t *testing.T, path string) string {
	t.Helper()
	out, err := exec.Command("pdftotext", path, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	return string(out)
}
