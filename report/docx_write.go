package report

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/gomutex/godocx"
	"github.com/gomutex/godocx/common/units"
	"github.com/gomutex/godocx/docx"
	"github.com/gomutex/godocx/wml/ctypes"
	"github.com/gomutex/godocx/wml/stypes"
	"github.com/quangngai/chitieu/domain"
)

// ChartsAnnexTitle heads the charts annex, printed only when the round turns charts on;
// it follows the annex of who answered.
const ChartsAnnexTitle = "PHỤ LỤC II"

func hasChartsAnnex(m Model) bool { return m.Doc.ChartsAnnex && len(m.Charts) > 0 }

// agencyAnnexTitle: the agencies' paragraphs come after the charts, when there are any.
func agencyAnnexTitle(m Model) string {
	if hasChartsAnnex(m) {
		return "PHỤ LỤC III"
	}
	return "PHỤ LỤC II"
}

// Page geometry (Nghị định 30/2020, Appendix I), in twips (1 mm = 56.7 twips).
const (
	pageW, pageH = 11906, 16838 // A4
	marginTop    = 1134         // 20 mm
	marginBottom = 1134         // 20 mm
	marginLeft   = 1701         // 30 mm (binding side)
	marginRight  = 1134         // 20 mm
	textWidth    = pageW - marginLeft - marginRight
	// A landscape page for wide tables: the binding side (left on the portrait page) is
	// then the top edge.
	landTop, landBottom, landLeft, landRight = 1701, 1134, 1134, 1134
	landWidth                                = pageH - landLeft - landRight
	// cellPad is the cells' left and right padding. Word places a table's border that far
	// left of the indent, so the table is indented by it to keep the borders on the margin.
	cellPad        = 85 // 1.5 mm
	bodyPt         = 14
	tablePt        = 11
	firstLineTwips = 720 // 1.27 cm
	afterTwips     = 120 // 6 pt between paragraphs
	fontName       = "Times New Roman"
)

// WriteDocx writes the consolidated report as a .docx in the decree's form.
func WriteDocx(m Model, w io.Writer) error {
	rd, err := godocx.NewDocument()
	if err != nil {
		return fmt.Errorf("docx: %w", err)
	}
	useDecreeStyles(rd)
	d := &docWriter{rd: rd, width: textWidth}
	tmp, err := os.MkdirTemp("", "chitieu-docx-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)
	d.tmp = tmp
	d.headerBlock(m)
	d.titleBlock(m)
	d.intro(m)
	for _, sec := range m.Sections {
		d.section(m, sec)
	}
	d.closing(m)
	d.annex(m)
	d.chartsAnnex(m)
	d.agencyAnnex(m)
	d.pageSetup()
	var buf bytes.Buffer
	if err := rd.Write(&buf); err != nil {
		return fmt.Errorf("docx: %w", err)
	}
	out, err := addPageNumberHeader(buf.Bytes(), "Dự thảo — Báo cáo "+Subject(m.Year))
	if err != nil {
		return err
	}
	_, err = w.Write(out)
	return err
}

type docWriter struct {
	rd     *docx.RootDoc
	tmp    string
	images int
	width  int // the current section's text width, in twips
}

// runStyle says how a run looks.
type runStyle struct {
	pt             uint64
	bold, italic   bool
	underlineSpace bool // a run of spaces drawn as a short rule
}

func (d *docWriter) run(p *docx.Paragraph, text string, st runStyle) {
	r := p.AddText(text)
	pt := st.pt
	if pt == 0 {
		pt = bodyPt
	}
	r.Font(fontName).Size(pt).Color("000000")
	if st.bold {
		r.Bold(true)
	}
	if st.italic {
		r.Italic(true)
	}
	if st.underlineSpace {
		r.Underline(stypes.UnderlineSingle)
	}
}

// body adds a justified body paragraph with a first-line indent.
func (d *docWriter) body(text string, st runStyle) *docx.Paragraph {
	p := d.rd.AddEmptyParagraph()
	p.Justification(stypes.JustificationBoth)
	fl := uint64(firstLineTwips)
	p.Indent(&ctypes.Indent{FirstLine: &fl})
	p.Spacing(0, afterTwips)
	if text != "" {
		d.run(p, text, st)
	}
	return p
}

func (d *docWriter) centred(text string, st runStyle) *docx.Paragraph {
	p := d.rd.AddEmptyParagraph()
	p.Justification(stypes.JustificationCenter)
	p.Spacing(0, 0)
	d.run(p, text, st)
	return p
}

// rule is a short centred line under a block (issuing body, motto, title): an empty
// paragraph with a bottom border, indented to the rule's length (in twips) within width.
func rule(p *docx.Paragraph, width, length int) {
	side := max((width-length)/2, 0)
	p.Indent(&ctypes.Indent{Left: &side, Right: &side})
	p.Spacing(0, 120)
	sz := 6
	ct := p.GetCT()
	ct.Property.Border = &ctypes.ParaBorder{Bottom: &ctypes.Border{Val: stypes.BorderStyleSingle, Size: &sz}}
}

func cellPara(d *docWriter, c *docx.Cell, text string, st runStyle, jc stypes.Justification) *docx.Paragraph {
	p := c.AddEmptyPara()
	p.Justification(jc)
	p.Spacing(0, 0)
	if text != "" {
		d.run(p, text, st)
	}
	return p
}

// twoColumns starts a borderless table of the text width split at left twips (the
// decree's header block, "Nơi nhận" beside the signature) and returns its first row's
// two cells and the column widths.
func (d *docWriter) twoColumns(left int) (t *docx.Table, l, r *docx.Cell, leftW, rightW int) {
	t = d.rd.AddTable()
	right := textWidth - left
	t.Width(textWidth, stypes.TableWidthDxa)
	t.Grid(uint64(left), uint64(right))
	insideMargins(t)
	row := t.AddRow()
	l = row.AddCell().Width(left, stypes.TableWidthDxa)
	r = row.AddCell().Width(right, stypes.TableWidthDxa)
	return t, l, r, left, right
}

// headerBlock: the two-column block without borders (issuer left, national title right),
// then the number and the place and date.
func (d *docWriter) headerBlock(m Model) {
	t, l, rc, left, right := d.twoColumns(3800)
	cellPara(d, l, "UBND TỈNH QUẢNG NGÃI", runStyle{pt: 13}, stypes.JustificationCenter)
	cellPara(d, l, "SỞ CÔNG THƯƠNG", runStyle{pt: 13, bold: true}, stypes.JustificationCenter)
	rule(l.AddEmptyPara(), left, 1400)
	cellPara(d, rc, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", runStyle{pt: 12, bold: true}, stypes.JustificationCenter)
	cellPara(d, rc, "Độc lập - Tự do - Hạnh phúc", runStyle{pt: 13, bold: true}, stypes.JustificationCenter)
	rule(rc.AddEmptyPara(), right, 3100)
	r2 := t.AddRow()
	cellPara(d, r2.AddCell().Width(left, stypes.TableWidthDxa), NumberLine(m), runStyle{pt: 13}, stypes.JustificationCenter)
	cellPara(d, r2.AddCell().Width(right, stypes.TableWidthDxa), DraftPlaceDate(m.Date), runStyle{pt: 14, italic: true}, stypes.JustificationCenter)
}

// Subject is the report's subject line.
func Subject(year uint16) string {
	return fmt.Sprintf("Tình hình triển khai thực hiện các Chính sách và Kế hoạch phát triển công nghiệp năm %d trên địa bàn tỉnh Quảng Ngãi", year)
}

// PartialNotice is the first-page warning of a partial compilation ("" when complete).
func PartialNotice(m Model) string {
	if !m.Partial {
		return ""
	}
	return fmt.Sprintf("BẢN TỔNG HỢP CHƯA ĐẦY ĐỦ: mới có %d/%d đơn vị gửi báo cáo (đến ngày %s); còn %d đơn vị chưa gửi, xem Phụ lục.",
		m.Answered, m.Expected, m.Date.Format("02/01/2006"), len(m.Missing))
}

func (d *docWriter) titleBlock(m Model) {
	p := d.centred("BÁO CÁO", runStyle{pt: 14, bold: true})
	p.Spacing(360, 0)
	d.centred(Subject(m.Year), runStyle{pt: 14, bold: true})
	rule(d.rd.AddEmptyParagraph(), textWidth, 2000)
	if n := PartialNotice(m); n != "" {
		p := d.centred(n, runStyle{pt: 13, bold: true, italic: true})
		p.Spacing(120, 120)
	}
	p = d.centred("Kính gửi: Ủy ban nhân dân tỉnh Quảng Ngãi.", runStyle{pt: 14})
	p.Spacing(120, 240)
}

// intro is written from the round's document (Intro); how many agencies answered is
// the first page's notice and the annex, not part of the signed sentence.
func (d *docWriter) intro(m Model) {
	d.body(Intro(m), runStyle{})
	if m.Illustrative {
		d.body("Ghi chú: một số nội dung dưới đây là "+IllustrationNote+", không phải công văn thật của đơn vị.", runStyle{pt: 12, italic: true})
	}
}

// HeadingText writes an item's number the way the decree's headings do: "II. …" for a
// part (upper case), "4. …" for an item, "4.1. …" for a sub-item.
func HeadingText(number, title string, depth int) string {
	return LabelledHeading(number, "", title, depth)
}

// LabelledHeading is HeadingText with the outline's own label ("-", "1."), when it has one.
func LabelledHeading(number, label, title string, depth int) string {
	if label = strings.TrimSpace(label); label != "" {
		return label + " " + title
	}
	parts := strings.Split(number, ".")
	switch depth {
	case 0:
		return number + ". " + strings.ToUpper(title)
	case 1:
		return parts[len(parts)-1] + ". " + title
	}
	return strings.Join(parts[1:], ".") + ". " + title
}

func (d *docWriter) heading(it domain.OutlineItem) {
	number, title, depth := it.Number, it.Title, it.Depth()
	p := d.rd.AddEmptyParagraph()
	p.Style("Heading" + strconv.Itoa(min(depth+1, 3)))
	p.Justification(stypes.JustificationBoth)
	fl := uint64(firstLineTwips)
	p.Indent(&ctypes.Indent{FirstLine: &fl})
	p.Spacing(120, afterTwips)
	d.run(p, LabelledHeading(number, it.Label, title, depth), runStyle{bold: true, italic: depth >= 2 && it.Label == ""})
}

func (d *docWriter) section(m Model, sec Section) {
	it := sec.Item
	if it.Kind == "projects" && len(m.Projects) > 0 {
		// Eight columns do not fit a portrait page ("TT" wrapped to "T/T", the agency over
		// eight lines): the item, heading and table, sits on a landscape section of its own.
		d.landscape(true)
		defer d.landscape(false)
	}
	if it.Kind == "figures" {
		d.sectionI(m, sec)
		return
	}
	d.heading(it)
	// The outline's guidance is addressed to the agencies, never printed in SCT's report;
	// an item nobody answered says nothing (the annex lists who answered).
	// SCT's own text stands for the item; the agencies' paragraphs are printed only
	// where SCT has written none (or in the annex, when the round chose it).
	if sec.Synthesized() {
		d.synthesis(sec.Synthesis)
	} else {
		for _, e := range sec.Entries {
			d.entry(e)
		}
	}
	switch {
	case it.Kind == "projects" && len(m.Projects) > 0:
		d.projectTable(m.Projects)
	case it.Kind == "policies" && len(m.Policies) > 0:
		d.policyTable(m.Policies)
	}
}

// entry writes one agency's text, attributed: "Sở Xây dựng: …".
func (d *docWriter) entry(e Entry) {
	if e.Nothing {
		p := d.body("", runStyle{})
		d.run(p, e.AgencyName+": ", runStyle{bold: true})
		d.run(p, "Không có nội dung phát sinh.", runStyle{})
		return
	}
	for i, b := range e.Blocks {
		var p *docx.Paragraph
		text := b.Text
		if b.Bullet {
			text = "- " + text
		}
		p = d.body("", runStyle{})
		if i == 0 {
			d.run(p, e.AgencyName+": ", runStyle{bold: true})
		}
		d.run(p, text, runStyle{})
		// Demo texts carry the mark already: it is printed once.
		if i == len(e.Blocks)-1 && e.Illustrative && !strings.Contains(b.Text, IllustrationNote) {
			d.run(p, " ("+IllustrationNote+")", runStyle{pt: 12, italic: true})
		}
	}
}

// table writes a bordered table of the current text width: a bold header row that
// repeats on every page and stays with the first row, then rows that never break across
// a page. widths are relative column widths, scaled to the text width.
func (d *docWriter) table(headers []string, widths []int, rows [][]string) {
	widths = scaleWidths(widths, d.width)
	t := d.rd.AddTable()
	t.Width(d.width, stypes.TableWidthDxa)
	g := make([]uint64, len(widths))
	for i, w := range widths {
		g[i] = uint64(w)
	}
	t.Grid(g...)
	t.Layout(stypes.TableLayoutFixed)
	insideMargins(t)
	line := func() *ctypes.Border {
		sz := 4
		return &ctypes.Border{Val: stypes.BorderStyleSingle, Size: &sz}
	}
	addRow := func(cells []string, header bool) {
		r := t.AddRow()
		for i, c := range cells {
			cell := r.AddCell().Width(widths[i], stypes.TableWidthDxa)
			cell.Borders(line(), line(), line(), line(), nil, nil, nil, nil)
			jc := stypes.JustificationLeft
			if header {
				jc = stypes.JustificationCenter
			}
			for _, l := range strings.Split(c, "\n") {
				p := cellPara(d, cell, l, runStyle{pt: tablePt, bold: header}, jc)
				if header {
					keepWithNext(p)
				}
			}
		}
		rows := t.GetCT().RowContents
		row := rows[len(rows)-1].Row
		if row.Property == nil {
			row.Property = &ctypes.RowProperty{}
		}
		row.Property.CantSplit = ctypes.OnOffFromBool(true)
		if header {
			row.Property.Header = ctypes.OnOffFromBool(true)
		}
	}
	addRow(headers, true)
	for _, r := range rows {
		addRow(r, false)
	}
	d.rd.AddEmptyParagraph().Spacing(0, afterTwips)
}

// scaleWidths scales relative column widths to total twips exactly (the last column
// takes the rounding), so no table is wider than its page's text.
func scaleWidths(rel []int, total int) []int {
	sum := 0
	for _, w := range rel {
		sum += w
	}
	out := make([]int, len(rel))
	if sum <= 0 {
		return out
	}
	used := 0
	for i, w := range rel {
		out[i] = w * total / sum
		used += out[i]
	}
	out[len(out)-1] += total - used
	return out
}

// insideMargins keeps a table's borders on the page margins: explicit cell padding, and
// the table indented by that padding (Word draws the border that far left of the indent).
func insideMargins(t *docx.Table) {
	pad := func() *ctypes.TableWidth { return ctypes.NewTableWidth(cellPad, stypes.TableWidthDxa) }
	t.CellMargin(nil, pad(), nil, pad())
	t.GetCT().TableProp.Indent = ctypes.NewTableWidth(cellPad, stypes.TableWidthDxa)
}

// chartsAnnex: section I's charts, when the round asks for them (off by default), on a
// page of their own after the annex, each with its caption and source line.
func (d *docWriter) chartsAnnex(m Model) {
	if !hasChartsAnnex(m) {
		return
	}
	d.rd.AddPageBreak()
	d.centred(ChartsAnnexTitle, runStyle{pt: 14, bold: true})
	d.centred(fmt.Sprintf("BIỂU ĐỒ CÁC CHỈ TIÊU PHÁT TRIỂN CÔNG NGHIỆP NĂM %d", m.Year), runStyle{pt: 14, bold: true})
	p := d.centred(fmt.Sprintf("(Kèm theo Báo cáo số      %s ngày %s của Sở Công Thương)", strings.TrimPrefix(NumberLine(m), "Số:        "),
		m.Date.Format("02/01/2006")), runStyle{pt: 13, italic: true})
	p.Spacing(0, 240)
	for _, c := range m.Charts {
		if len(c.PNG) == 0 || c.Width == 0 {
			continue
		}
		d.images++
		path := filepath.Join(d.tmp, fmt.Sprintf("chart%d.png", d.images))
		if err := os.WriteFile(path, c.PNG, 0o600); err != nil {
			continue
		}
		w := units.Inch(float64(textWidth) / 1440)
		h := units.Inch(float64(w) * float64(c.Height) / float64(c.Width))
		pic, err := d.rd.AddPicture(path, w, h)
		if err == nil && pic != nil && pic.Para != nil {
			pic.Para.Justification(stypes.JustificationCenter)
		}
		d.centred(c.Title, runStyle{pt: 12, bold: true}).Spacing(0, 0)
		src := strings.TrimSpace(c.Source)
		if src == "" {
			src = "số liệu của các sở, ngành, địa phương tổng hợp trên hệ thống chitieu"
		}
		d.centred("Nguồn: "+src, runStyle{pt: 12, italic: true}).Spacing(0, afterTwips)
	}
}

// projectTable is written on the landscape section the item opens (see section).
func (d *docWriter) projectTable(rows []ProjectRow) {
	// The item's own title (the outline's text) names the plan's appendices; the caption
	// names no document, so a later plan's round prints nothing of 2021's.
	keepWithNext(d.body("Tổng hợp tiến độ các dự án do các đơn vị báo cáo:", runStyle{bold: true, italic: true}))
	var out [][]string
	for i, r := range rows {
		out = append(out, []string{strconv.Itoa(i + 1), r.Project, r.Agency, r.Status, r.Percent, r.Milestones, r.Obstacles, r.Proposals})
	}
	d.table([]string{"TT", "Dự án", "Đơn vị báo cáo", "Tình trạng", "% hoàn thành", "Mốc đạt được trong năm", "Vướng mắc", "Kiến nghị"},
		[]int{560, 2400, 1700, 1300, 1000, 2500, 2500, 2600}, out)
}

func (d *docWriter) policyTable(rows []PolicyRow) {
	keepWithNext(d.body("Tổng hợp chính sách do các sở, ngành, địa phương xây dựng:", runStyle{bold: true, italic: true}))
	var out [][]string
	for i, r := range rows {
		out = append(out, []string{strconv.Itoa(i + 1), r.Number + "\n" + r.Date, r.Title, r.Issuer, r.Status, r.Agency})
	}
	d.table([]string{"TT", "Số, ngày", "Trích yếu", "Cơ quan ban hành", "Tình trạng", "Đơn vị báo cáo"},
		[]int{560, 1600, 3100, 1400, 1100, textWidth - 7760}, out)
}

// closing: the closing sentence, then "Nơi nhận" on the left beside the signature block.
func (d *docWriter) closing(m Model) {
	d.body("Sở Công Thương kính báo cáo Ủy ban nhân dân tỉnh xem xét, chỉ đạo./.", runStyle{})
	_, l, rc, _, _ := d.twoColumns(4500)
	cellPara(d, l, "Nơi nhận:", runStyle{pt: 12, bold: true, italic: true}, stypes.JustificationLeft)
	for _, to := range RecipientLines(m) {
		cellPara(d, l, to, runStyle{pt: 11}, stypes.JustificationLeft)
	}
	for _, line := range m.Signer.authority() {
		cellPara(d, rc, line, runStyle{pt: 14, bold: true}, stypes.JustificationCenter)
	}
	for i := 0; i < 4; i++ {
		cellPara(d, rc, "", runStyle{}, stypes.JustificationCenter)
	}
	// The name is printed as it will be signed; none set yet leaves the line for SCT to fill.
	cellPara(d, rc, m.Signer.Name, runStyle{pt: 14, bold: true}, stypes.JustificationCenter)
	p := d.rd.AddEmptyParagraph()
	p.Spacing(240, 0)
	d.run(p, fmt.Sprintf("Bản dự thảo do hệ thống chitieu tổng hợp ngày %s; Sở Công Thương chỉnh sửa trước khi ký ban hành.",
		m.Date.Format("02/01/2006")), runStyle{pt: 10, italic: true})
}

// annex: who answered (with the letter), who replied nil, who has not answered.
func (d *docWriter) annex(m Model) {
	d.rd.AddPageBreak()
	title := "PHỤ LỤC"
	if hasChartsAnnex(m) || len(m.AnnexSections()) > 0 {
		title = "PHỤ LỤC I" // the charts, then the agencies' paragraphs, follow as II, III
	}
	d.centred(title, runStyle{pt: 14, bold: true})
	d.centred(fmt.Sprintf("TÌNH HÌNH GỬI BÁO CÁO CỦA CÁC SỞ, NGÀNH, ĐỊA PHƯƠNG NĂM %d", m.Year), runStyle{pt: 14, bold: true})
	p := d.centred(fmt.Sprintf("(Kèm theo Báo cáo số      %s ngày %s của Sở Công Thương)", strings.TrimPrefix(NumberLine(m), "Số:        "),
		m.Date.Format("02/01/2006")), runStyle{pt: 13, italic: true})
	p.Spacing(0, 240)
	widths := []int{500, 2900, 2300, 1900, textWidth - 7600}
	list := func(title string, rs []Reply) {
		keepWithNext(d.body(title, runStyle{bold: true}))
		var rows [][]string
		for i, r := range rs {
			rows = append(rows, []string{strconv.Itoa(i + 1), r.AgencyName, "Số " + r.LetterNo + "\nngày " + r.LetterDate, r.Signer, r.Note})
		}
		if len(rows) == 0 {
			rows = append(rows, []string{"", "Không có", "", "", ""})
		}
		d.table([]string{"TT", "Đơn vị", "Công văn", "Người ký", "Ghi chú"}, widths, rows)
	}
	list(fmt.Sprintf("1. Đơn vị đã gửi báo cáo (%d)", len(m.Replies)), m.Replies)
	list(fmt.Sprintf("2. Đơn vị không được giao nhiệm vụ (%d)", len(m.Nil)), m.Nil)
	deadline := "hạn gửi"
	if m.Deadline != nil {
		deadline = "hạn " + DateVN(m.Deadline)
	}
	keepWithNext(d.body(fmt.Sprintf("3. Đơn vị chưa gửi báo cáo đến %s (%d)", deadline, len(m.Missing)), runStyle{bold: true}))
	if len(m.Missing) == 0 {
		d.body("Không có.", runStyle{})
	}
	for _, n := range m.Missing {
		d.body("- "+n, runStyle{})
	}
	if len(m.Published) > 0 {
		d.body(fmt.Sprintf("4. Đơn vị chưa gửi báo cáo, đã có số liệu từ nguồn công bố (%d)", len(m.Published)), runStyle{bold: true})
		for _, n := range m.Published {
			d.body("- "+n, runStyle{})
		}
	}
}

// pageSetup: A4 portrait, the decree's margins, a distinct first page (no number on it).
func (d *docWriter) pageSetup() {
	d.rd.Document.Body.SectPr = portraitSection()
}

func portraitSection() *ctypes.SectionProp {
	return section(pageW, pageH, marginTop, marginBottom, marginLeft, marginRight, "")
}

func section(w, h uint64, top, bottom, left, right int, orient stypes.PageOrient) *ctypes.SectionProp {
	header, footer, gutter := 567, 567, 0
	return &ctypes.SectionProp{
		PageSize:   &ctypes.PageSize{Width: &w, Height: &h, Orient: orient},
		PageMargin: &ctypes.PageMargin{Top: &top, Bottom: &bottom, Left: &left, Right: &right, Header: &header, Footer: &footer, Gutter: &gutter},
	}
}

// landscape ends the current section (portrait when on is true, landscape when false)
// with a section break, so what follows starts a new page of the other orientation. In
// WordprocessingML a section's properties sit at its end, in its last paragraph.
func (d *docWriter) landscape(on bool) {
	p := d.rd.AddEmptyParagraph()
	p.Spacing(0, 0)
	ct := p.GetCT()
	if ct.Property == nil {
		ct.Property = &ctypes.ParagraphProp{}
	}
	if on {
		ct.Property.SectPr = portraitSection()
		d.width = landWidth
		return
	}
	ct.Property.SectPr = section(pageH, pageW, landTop, landBottom, landLeft, landRight, stypes.PageOrientLandscape)
	d.width = textWidth
}
