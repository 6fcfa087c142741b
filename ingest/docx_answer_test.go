package ingest

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/quangngai/chitieu/queries"
	"github.com/quangngai/chitieu/report"
)

// outline2023 is the seeded outline's shape (numbers, kinds, a few verbatim titles).
func outline2023() queries.Outline {
	o := queries.Outline{Code: "DC-2023"}
	add := func(num, kind, title string) {
		o.Items = append(o.Items, queries.OutlineItem{Number: num, Kind: kind, Title: title, Position: uint16(len(o.Items) + 1)})
	}
	add("I", "heading", "KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU")
	add("I.1", "figures", "Tốc độ tăng trưởng giá trị gia tăng công nghiệp")
	add("II", "heading", "KẾT QUẢ THỰC HIỆN CÁC NHIỆM VỤ, GIẢI PHÁP CHỦ YẾU")
	add("II.1", "narrative", "Công tác thông tin, tuyên truyền")
	add("II.2", "narrative", "Nhóm nhiệm vụ về phân bố không gian và chuyển dịch cơ cấu ngành công nghiệp")
	add("II.4", "narrative", "Huy động và sử dụng hiệu quả nguồn nhân lực; đẩy mạnh nghiên cứu, ứng dụng khoa học, công nghệ cho phát triển công nghiệp")
	add("II.4.1", "narrative", "Huy động và sử dụng hiệu quả nguồn nhân lực cho ngành công nghiệp")
	add("II.7", "projects", "Kết quả, tiến độ thực hiện các dự án theo Phụ lục số 2, 3 kèm theo Quyết định số 998/QĐ-UBND ngày 07/7/2021 của Chủ tịch UBND tỉnh")
	add("II.8", "policies", "Tình hình triển khai xây dựng chính sách về phát triển công nghiệp của các sở, ngành, địa phương.")
	add("III", "narrative", "Tồn tại hạn chế")
	add("IV", "narrative", "Đề xuất, kiến nghị")
	return o
}

var testProjects = []queries.Project{{Code: "VSIP2", NameVI: "Hạ tầng KCN VSIP II Quảng Ngãi"}, {Code: "HPG-DQ2", NameVI: "Khu liên hợp sản xuất gang thép Hòa Phát Dung Quất 2"}}

// The untouched template reads back as every heading placed, nothing answered, no error.
func TestParseDocxTemplate(t *testing.T) {
	var buf bytes.Buffer
	o := outline2023()
	if err := report.WriteTemplate(o, "Sở Xây dựng", 2026, testProjects, &buf); err != nil {
		t.Fatal(err)
	}
	got, err := ParseDocxAnswer(buf.Bytes(), o, testProjects, nil)
	if err != nil {
		t.Fatal(err)
	}
	if got.HasErrors() || len(got.Placements) != len(o.Items) || len(got.Answer.Items) != 0 || len(got.Answer.Projects) != 0 {
		t.Fatalf("template: %d placements, %d items, %d projects, problems %+v", len(got.Placements), len(got.Answer.Items), len(got.Answer.Projects), got.Problems)
	}
}

// LibreOfficeDocx converts HTML to .docx with LibreOffice Writer, as an agency writing
// its letter in Writer would produce.
func libreOfficeDocx(t *testing.T, html string) []byte {
	t.Helper()
	dir := t.TempDir()
	in := filepath.Join(dir, "thu.html")
	if err := os.WriteFile(in, []byte(html), 0o600); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 120*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, "soffice", "-env:UserInstallation=file://"+filepath.Join(dir, "profile"), "--headless",
		"--convert-to", "docx:MS Word 2007 XML", "--outdir", dir, in)
	cmd.Env = append(os.Environ(), "HOME="+dir)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("soffice: %v %s", err, out)
	}
	b, err := os.ReadFile(filepath.Join(dir, "thu.docx"))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// An agency's own letter written in LibreOffice Writer: headings by number (some with
// Writer's heading styles), numbered text paragraphs that are not headings, bullets,
// tables for II.7 and II.8, a heading the outline lacks, and the closing.
func TestParseDocxLibreOfficeLetter(t *testing.T) {
	html := `<html><head><meta charset="utf-8"></head><body>
<p>UBND TỈNH QUẢNG NGÃI</p><p>Số: 456/SXD-KT</p><p>Ngày công văn: 15/12/2026</p><p>Người ký: Trần Văn Bình</p>
<p>Kính gửi: Sở Công Thương.</p>
<h1>I. KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU</h1><p>Số liệu gửi kèm.</p>
<h1>II. KẾT QUẢ THỰC HIỆN CÁC NHIỆM VỤ, GIẢI PHÁP CHỦ YẾU</h1>
<p><b>1. Công tác thông tin, tuyên truyền</b></p>
<p>Đã tổ chức 12 hội nghị.</p><ul><li>Đăng 40 tin bài</li><li>Phát hành 2.000 tờ rơi</li></ul>
<p>2. Nhóm nhiệm vụ về phân bố không gian và chuyển dịch cơ cấu ngành công nghiệp</p><p>Không có nội dung phát sinh.</p>
<h2>4. Huy động và sử dụng hiệu quả nguồn nhân lực</h2>
<p>1. Đào tạo 300 lao động cho KCN (đoạn đánh số, không phải tiêu đề).</p>
<h3>4.1. Huy động và sử dụng hiệu quả nguồn nhân lực cho ngành công nghiệp</h3><p>Phối hợp với trường nghề.</p>
<h2>9. Mục không có trong đề cương</h2><p>Nội dung lạc.</p>
<p>7. Kết quả, tiến độ thực hiện các dự án theo Phụ lục số 2, 3</p>
<table border="1"><tr><th>Mã dự án</th><th>Tên dự án</th><th>Tình trạng</th><th>% hoàn thành</th><th>Mốc đạt được trong năm</th><th>Vướng mắc</th><th>Kiến nghị</th></tr>
<tr><td>VSIP2</td><td>Hạ tầng KCN VSIP II</td><td>Đang thi công</td><td>45,5</td><td>San nền giai đoạn 1</td><td>Thiếu đất đắp</td><td>Hỗ trợ mỏ đất</td></tr>
<tr><td>HPG-DQ2</td><td>Hòa Phát Dung Quất 2</td><td></td><td></td><td></td><td></td><td></td></tr></table>
<p>8. Tình hình triển khai xây dựng chính sách về phát triển công nghiệp của các sở, ngành, địa phương.</p>
<table border="1"><tr><th>Số văn bản</th><th>Ngày</th><th>Trích yếu</th><th>Cơ quan ban hành</th><th>Tình trạng</th></tr>
<tr><td>05/2026/QĐ-UBND</td><td>15/03/2026</td><td>Quy chế quản lý cụm công nghiệp</td><td>UBND tỉnh</td><td>Đã ban hành</td></tr></table>
<h1>III. Tồn tại hạn chế</h1><p>Giải phóng mặt bằng chậm.</p>
<p>Nơi nhận:</p><p>- Như trên;</p><p>GIÁM ĐỐC</p>
</body></html>`
	doc := libreOfficeDocx(t, html)
	got, err := ParseDocxAnswer(doc, outline2023(), testProjects, nil)
	if err != nil {
		t.Fatal(err)
	}
	text := map[string]queries.AnswerItem{}
	for _, it := range got.Answer.Items {
		text[it.Number] = it
	}
	if it := text["II.1"]; it.Text != "Đã tổ chức 12 hội nghị.\n- Đăng 40 tin bài\n- Phát hành 2.000 tờ rơi" {
		t.Errorf("II.1 = %q", it.Text)
	}
	if !text["II.2"].Nothing {
		t.Errorf("II.2 not 'không có nội dung phát sinh': %+v", text["II.2"])
	}
	if !strings.Contains(text["II.4"].Text, "Đào tạo 300 lao động") {
		t.Errorf("a numbered text paragraph was taken for a heading: II.4 = %q", text["II.4"].Text)
	}
	if text["II.4.1"].Text != "Phối hợp với trường nghề." || text["III"].Text != "Giải phóng mặt bằng chậm." {
		t.Errorf("II.4.1 %q, III %q", text["II.4.1"].Text, text["III"].Text)
	}
	if len(got.Answer.Projects) != 1 || got.Answer.Projects[0].Project != "VSIP2" || *got.Answer.Projects[0].Percent != 45.5 {
		t.Errorf("projects %+v", got.Answer.Projects)
	}
	if len(got.Answer.Policies) != 1 || got.Answer.Policies[0].Status != queries.PolicyIssued {
		t.Errorf("policies %+v", got.Answer.Policies)
	}
	if got.Answer.Letter.Number != "456/SXD-KT" || got.Answer.Letter.Signer != "Trần Văn Bình" || got.Answer.Letter.Date == nil {
		t.Errorf("letter %+v", got.Answer.Letter)
	}
	// Every paragraph is accounted for: the heading the outline lacks and its text wait
	// for the analyst's choice; part I's sentence stays under I.
	states := map[string]string{}
	for _, p := range got.Paragraphs {
		states[p.Text] = p.State + " " + p.Item
	}
	if states["9. Mục không có trong đề cương"] != "unplaced " || states["Nội dung lạc."] != "unplaced " || states["Số liệu gửi kèm."] != "placed I" {
		t.Errorf("paragraph states %v", states)
	}
	if strings.Contains(text["III"].Text, "Như trên") {
		t.Error("the closing went into III")
	}
}
