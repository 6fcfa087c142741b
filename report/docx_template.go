package report

import (
	"bytes"
	"fmt"
	"io"

	"github.com/gomutex/godocx"
	"github.com/quangngai/chitieu/domain"
)

// Labels of the template's letter fields; the reader (ingest) looks for the same words.
const (
	LabelLetterNo   = "Số công văn"
	LabelLetterDate = "Ngày công văn"
	LabelSigner     = "Người ký"
	LabelPosition   = "Chức vụ"
	NothingText     = "Không có nội dung phát sinh"
)

// Column headers of the template's tables; the reader matches columns by these words.
var (
	ProjectColumns = []string{"Mã dự án", "Tên dự án", "Tình trạng", "% hoàn thành", "Mốc đạt được trong năm", "Vướng mắc", "Kiến nghị"}
	PolicyColumns  = []string{"Số văn bản", "Ngày", "Trích yếu", "Cơ quan ban hành", "Tình trạng (dự thảo / đã trình / đã ban hành)"}
)

// WriteTemplate writes the .docx an agency fills in: its letter fields, the round's
// outline as numbered headings (Heading 1–3 styles, so Word's navigation shows them),
// an empty paragraph under each item, and the II.7 and II.8 tables.
func WriteTemplate(o domain.Outline, agencyName string, year uint16, projects []domain.Project, w io.Writer) error {
	rd, err := godocx.NewDocument()
	if err != nil {
		return fmt.Errorf("docx: %w", err)
	}
	d := &docWriter{rd: rd}
	d.centred("ĐỀ CƯƠNG BÁO CÁO NĂM "+fmt.Sprint(year), runStyle{bold: true})
	d.centred(agencyName, runStyle{bold: true})
	d.body("Điền vào chỗ trống dưới mỗi mục; giữ nguyên các tiêu đề đánh số. Mục không có nội dung: ghi \""+NothingText+"\". "+
		"Số liệu mục I gửi qua biểu mẫu Excel.", runStyle{pt: 12, italic: true})
	for _, l := range []string{LabelLetterNo, LabelLetterDate, LabelSigner, LabelPosition} {
		p := d.body("", runStyle{})
		d.run(p, l+": ", runStyle{bold: true})
	}
	for _, it := range o.Items {
		it.Label = "" // the form keeps full numbers: its reader places answers by them
		d.heading(it)
		if it.Guidance != "" {
			d.body(it.Guidance, runStyle{pt: 12, italic: true})
		}
		if it.Answerable() {
			d.body("", runStyle{})
		}
		switch it.Kind {
		case domain.ItemProjects:
			var rows [][]string
			for _, p := range projects {
				rows = append(rows, []string{p.Code, p.NameVI, "", "", "", "", ""})
			}
			d.table(ProjectColumns, []int{900, 1900, 1100, 900, 1500, 1400, textWidth - 7700}, rows)
		case domain.ItemPolicies:
			d.table(PolicyColumns, []int{1500, 1100, 3000, 1600, textWidth - 7200}, [][]string{{"", "", "", "", ""}, {"", "", "", "", ""}, {"", "", "", "", ""}})
		}
	}
	d.pageSetup()
	var buf bytes.Buffer
	if err := rd.Write(&buf); err != nil {
		return fmt.Errorf("docx: %w", err)
	}
	_, err = w.Write(buf.Bytes())
	return err
}
