package letter

import (
	"archive/zip"
	"bytes"
	"context"
	"errors"
	"os"
	"strings"
	"testing"

	"github.com/quangngai/chitieu/locale"
)

func readTestLetter(t *testing.T, name string) Letter {
	t.Helper()
	b, err := os.ReadFile(lettersDir + "/" + name)
	if err != nil {
		t.Fatal(err)
	}
	l, err := Read(context.Background(), b, DefaultLimits)
	if err != nil {
		t.Fatal(err)
	}
	return l
}

// II.7 in the agency's own columns (STT | Tên dự án | Nhà đầu tư | Tổng vốn | Tình hình
// thực hiện | Khó khăn, vướng mắc | Kiến nghị, đề xuất): every row gets its project,
// status, progress, obstacles and proposals; "Dung Quất I" is never "Dung Quất III"; an
// unknown name is a pick list, not a guess. II.8 statuses come from the values.
func TestProjectAndPolicyTables(t *testing.T) {
	res := Match(readTestLetter(t, "07-bs-part1-tables.docx"), outline2023(t), catalogue(t), Options{})
	got := map[string]ProjectRow{}
	for _, p := range res.Projects {
		if _, dup := got[p.Code]; dup {
			t.Errorf("two rows folded into %s", p.Code)
		}
		got[p.Code] = p
	}
	want := []struct{ code, status, progress, obstacles, proposals string }{
		{"DQ-POWER-1", "Đang triển khai", "Đang hoàn thiện hồ sơ thiết kế kỹ thuật", "Chưa có giá khí", "Đề nghị Bộ Công Thương sớm phê duyệt giá khí"},
		{"DQ-POWER-3", "Chưa triển khai", "Chưa triển khai, đang lập báo cáo", "Chưa thu xếp được vốn", "Kiến nghị Chính phủ bảo lãnh vốn vay"},
		{"HPG-DQ2", "Đang triển khai", "Đang thi công, đạt 45% khối lượng", "Thiếu đất đắp san nền", "Hỗ trợ cấp phép mỏ đất"},
	}
	for _, w := range want {
		p, ok := got[w.code]
		if !ok {
			t.Errorf("%s not read: %+v", w.code, res.Projects)
			continue
		}
		if p.Status != w.status || !strings.HasPrefix(p.Progress, w.progress) || p.Obstacles != w.obstacles || p.Proposals != w.proposals {
			t.Errorf("%s: %+v", w.code, p)
		}
	}
	if p := got["HPG-DQ2"]; p.Percent == nil || *p.Percent != 45 {
		t.Errorf("HPG-DQ2 percent from the progress text: %+v", p.Percent)
	}
	if len(res.Projects) != 3 {
		t.Errorf("the unknown project became a row: %+v", res.Projects)
	}
	var unknown *Decision
	for i, d := range res.Decisions {
		if strings.Contains(d.Text, "Bình Hải") {
			unknown = &res.Decisions[i]
		}
	}
	if unknown == nil || unknown.State != Unplaced || len(unknown.Picks) != len(catalogue(t)) || !strings.Contains(unknown.Words("vi"), "không nhận ra dự án") {
		t.Errorf("unknown project: %+v", unknown)
	}
	status := map[string]string{}
	for _, p := range res.Policies {
		status[p.Title] = p.Status
	}
	if status["Nghị quyết quy định chính sách hỗ trợ phát triển cụm công nghiệp"] != "issued" ||
		status["Quy chế phối hợp quản lý cụm công nghiệp"] != "submitted" ||
		status["Đề án phát triển công nghiệp hỗ trợ giai đoạn 2024-2030"] != "drafted" ||
		status["Kế hoạch khuyến công năm 2024"] != "" {
		t.Errorf("policy statuses %v", status)
	}
}

// A name is matched whole, never by prefix, and a name inside two catalogue names is
// ambiguous.
func TestMatchProjectNames(t *testing.T) {
	m := &matcher{projects: catalogue(t)}
	cases := []struct{ code, name, want, state string }{
		{"", "Nhà máy điện khí Dung Quất I", "DQ-POWER-1", Placed},
		{"", "NHÀ MÁY ĐIỆN KHÍ DUNG QUẤT III", "DQ-POWER-3", Placed},
		{"", "Điện khí Dung Quất I", "DQ-POWER-1", Warned},
		{"", "Hòa Phát Dung Quất", "", Unplaced},
		{"vsip2", "", "VSIP2", Placed},
		{"", "Nhà máy điện khí Dung Quất", "", Unplaced},
		{"", "Nhà máy xi măng Đức Phổ", "", Unplaced},
	}
	for _, c := range cases {
		code, state, _, picks := m.matchProject(c.code, c.name)
		if code != c.want || state != c.state || (code == "" && len(picks) == 0) {
			t.Errorf("%q %q: %q %s (%d picks), want %q %s", c.code, c.name, code, state, len(picks), c.want, c.state)
		}
	}
}

// Headings agencies write: paraphrased, own numbering, bold without a number, OCR's
// misread part number.
func TestHeadings(t *testing.T) {
	items := outline2023(t)
	para := func(text string, bold bool) Block { return Block{Text: text, Bold: bold} }
	cases := []struct {
		blocks []Block
		want   []string // item of each block ("" = not a heading)
	}{
		{[]Block{para("II. KẾT QUẢ THỰC HIỆN NHIỆM VỤ, GIẢI PHÁP", true), para("1. Về công tác thông tin, tuyên truyền", true), para("IV. KIẾN NGHỊ, ĐỀ XUẤT", true), para("V. KẾ HOẠCH NĂM 2024", true)},
			[]string{"II", "II.1", "IV", "V"}},
		{[]Block{para("I. KẾT QUẢ THỰC HIỆN CÁC NHIỆM VỤ, GIẢI PHÁP CHỦ YẾU", true), para("II. TỒN TẠI HẠN CHẾ", true), para("IV. KẾ HOẠCH NĂM 2024", true)},
			[]string{"II", "III", "V"}},
		{[]Block{para("II. KẾT QUẢ THỰC HIỆN CÁC NHIỆM VỤ, GIẢI PHÁP CHỦ YẾU", false), para("II. KHÓ KHĂN, VƯỚNG MẮC", false)},
			[]string{"II", "III"}},
		{[]Block{para("KẾT QUẢ THỰC HIỆN CÁC NHIỆM VỤ, GIẢI PHÁP CHỦ YẾU", true), para("Huy động và sử dụng hiệu quả nguồn nhân lực cho ngành công nghiệp", true),
			para("1. Đào tạo 300 lao động cho các doanh nghiệp trong Khu kinh tế.", false)},
			[]string{"II", "II.4.1", ""}},
	}
	for i, c := range cases {
		for j := range c.blocks {
			c.blocks[j].N = j + 1
		}
		res := Match(Letter{Blocks: c.blocks}, items, nil, Options{})
		for j, d := range res.Decisions {
			got := ""
			if d.Heading && (d.State == Placed || d.State == Warned) {
				got = d.Item
			}
			if got != c.want[j] {
				t.Errorf("case %d block %q: %q (%s: %s), want %q", i, c.blocks[j].Text, got, d.State, d.Words("vi"), c.want[j])
			}
		}
	}
}

// The seed's nil reply is offered as a nil report, not refused for want of headings.
func TestNilReply(t *testing.T) {
	res := Match(readTestLetter(t, "08-bdt-nil.docx"), outline2023(t), nil, Options{})
	if !res.Nil || res.HasErrors() || len(res.Items) != 0 {
		t.Fatalf("nil reply: nil %v, errors %v, items %+v", res.Nil, res.Problems, res.Items)
	}
	if res.Details.Signer != "Nguyễn Thế Nhân" || res.Details.Position != "PHÓ TRƯỞNG BAN" || res.Details.Number != "512/BDT-CSDT" {
		t.Errorf("details %+v", res.Details)
	}
}

// The form's limits hold for an upload: an item over its length is an error at the
// paragraph that crosses it; a table over its rows too.
func TestAnswerLimits(t *testing.T) {
	blocks := []Block{{N: 1, Text: "III. TỒN TẠI HẠN CHẾ", Bold: true}, {N: 2, Text: strings.Repeat("a", 60)}, {N: 3, Text: strings.Repeat("b", 60)},
		{N: 4, Text: "8. Tình hình triển khai xây dựng chính sách", Bold: true}}
	res := Match(Letter{Blocks: blocks}, outline2023(t), nil, Options{Limits: AnswerLimits{ItemText: 100, TableRows: 1}})
	if !res.HasErrors() || !res.Decisions[2].Error || res.Decisions[1].Error {
		t.Errorf("length limit: %+v", res.Decisions)
	}
	tbl := Block{N: 1, Table: true, Rows: [][]string{{"Số, ký hiệu", "Trích yếu", "Tình trạng"}, {"1/QĐ", "A", "Đã ban hành"}, {"2/QĐ", "B", "Dự thảo"}}}
	res = Match(Letter{Blocks: []Block{{N: 0, Text: "II. KẾT QUẢ THỰC HIỆN CÁC NHIỆM VỤ, GIẢI PHÁP CHỦ YẾU", Bold: true},
		{N: 1, Text: "8. Tình hình triển khai xây dựng chính sách về phát triển công nghiệp", Bold: true}, func() Block { tbl.N = 2; return tbl }()}},
		outline2023(t), nil, Options{Limits: AnswerLimits{ItemText: 100, TableRows: 1}})
	if !res.HasErrors() || len(res.Policies) != 1 {
		t.Errorf("row limit: %d policies, %+v", len(res.Policies), res.Decisions)
	}
}

// A zip bomb, a file of another kind and a scan with no text get clear messages,
// Vietnamese first.
func TestReadErrors(t *testing.T) {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	w, _ := zw.Create("word/document.xml")
	w.Write([]byte("<w:document>" + strings.Repeat("<w:p/>", 1<<20) + "</w:document>"))
	zw.Close()
	_, err := Read(context.Background(), buf.Bytes(), Limits{MaxUnpacked: 1 << 20, MaxPages: 1})
	var le *Error
	if !errors.As(err, &le) || !strings.Contains(locale.Render("vi", le), "giải nén ra quá lớn (vượt 1 MB)") || !strings.Contains(locale.Render("en", le), "unpacks to more than 1 MB") {
		t.Errorf("zip bomb: %v", err)
	}
	_, err = Read(context.Background(), []byte("just text"), DefaultLimits)
	if !errors.As(err, &le) || !errors.Is(err, ErrFormat) || !strings.HasPrefix(locale.Render("vi", le), "Tệp không phải") {
		t.Errorf("not a letter: %v", err)
	}
	if _, err := ocrLetter([]string{"  \n\n "}, 0); !errors.As(err, &le) || !strings.Contains(locale.Render("vi", le), "quét lại ở 300 dpi") {
		t.Errorf("empty scan: %v", err)
	}
}

// A .doc is converted and says so; a signed PDF names its signer and whether it
// verifies; a scan marks every paragraph.
func TestFormsNotes(t *testing.T) {
	if l := readTestLetter(t, "13-nn-doc.doc"); l.Format != "doc" || !strings.Contains(strings.ToLower(locale.Render("vi", l.Notes[0])), "tệp word 97–2003 (.doc): đã chuyển đổi") {
		t.Errorf(".doc: %s %+v", l.Format, l.Notes)
	}
	l := readTestLetter(t, "21-tc-signed.pdf")
	if l.Signature == nil {
		t.Fatal("no signature read")
	}
	vi, en := l.Signature.Text()
	if !strings.HasPrefix(vi, "Ký số bởi Sở Tài chính tỉnh Quảng Ngãi (UBND tỉnh Quảng Ngãi), ") || !strings.HasSuffix(vi, "— chữ ký hợp lệ, chưa xác minh được chứng thư") ||
		!strings.HasPrefix(en, "Digitally signed by") {
		t.Errorf("signature: %q / %q", vi, en)
	}
	// A changed byte after signing: the signature no longer verifies.
	b, _ := os.ReadFile(lettersDir + "/21-tc-signed.pdf")
	i := bytes.Index(b, []byte("/Producer"))
	if i < 0 {
		t.Skip("no /Producer to alter")
	}
	b = append([]byte{}, b...)
	b[i+1] = 'p'
	l2, err := Read(context.Background(), b, DefaultLimits)
	if err != nil {
		t.Fatal(err)
	}
	if l2.Signature == nil || l2.Signature.Valid {
		t.Errorf("an altered file still verifies: %+v", l2.Signature)
	}
}

// A reason is worded from the catalogue part after part, the same sentence in
// Vietnamese as before it was keyed, and wholly English in English (the title is
// left out of the English as it always was).
func TestReasonsWordedFromTheCatalogue(t *testing.T) {
	blocks := []Block{{N: 1, Text: "II. KẾT QUẢ THỰC HIỆN CÁC NHIỆM VỤ, GIẢI PHÁP CHỦ YẾU"}, {N: 2, Text: "II. KHÓ KHĂN, VƯỚNG MẮC"},
		{N: 3, Text: "Một số dự án chậm tiến độ do vướng mặt bằng."}}
	res := Match(Letter{Blocks: blocks}, outline2023(t), nil, Options{Limits: AnswerLimits{ItemText: 4000, TableRows: 30}})
	var got []string
	for _, d := range res.Decisions {
		got = append(got, d.Words("vi")+" | "+d.Words("en"))
	}
	want := []string{
		"tiêu đề mục II: số II và tên mục khớp đề cương | heading of item II: number II and title match the outline",
		`tiêu đề mục III: số II khác đề cương; nhận theo tên là mục III (Tồn tại hạn chế) | heading of item III: number II differs from the outline; taken by its title as item III`,
		"dưới tiêu đề mục III (tiêu đề ở đoạn 2 có cảnh báo) | under item III's heading (its heading at paragraph 2 has a warning)",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("reasons:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
