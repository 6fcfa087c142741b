package report

import (
	"fmt"
	"strings"
)

// synthesis writes SCT's own text for an item: plain body paragraphs and bullets,
// no agency name in front (the quoted parts carry their "(Nguồn: …)" inline).
func (d *docWriter) synthesis(blocks []Block) {
	for _, b := range blocks {
		text := b.Text
		if b.Bullet {
			text = "- " + text
		}
		d.body(text, runStyle{})
	}
}

// agencyAnnex is the annex "kèm ý kiến các đơn vị": for every item SCT has written,
// the agencies' attributed paragraphs, under the item's heading. Nothing when the round
// chose SCT's text alone, or SCT has written no item.
func (d *docWriter) agencyAnnex(m Model) {
	secs := m.AnnexSections()
	if len(secs) == 0 {
		return
	}
	d.rd.AddPageBreak()
	d.centred(agencyAnnexTitle(m), runStyle{pt: 14, bold: true})
	d.centred(fmt.Sprintf("Ý KIẾN CỦA CÁC SỞ, NGÀNH, ĐỊA PHƯƠNG THEO TỪNG NỘI DUNG NĂM %d", m.Year), runStyle{pt: 14, bold: true})
	p := d.centred(fmt.Sprintf("(Kèm theo Báo cáo số      %s ngày %s của Sở Công Thương)", strings.TrimPrefix(NumberLine(m), "Số:        "),
		m.Date.Format("02/01/2006")), runStyle{pt: 13, italic: true})
	p.Spacing(0, 240)
	for _, sec := range secs {
		d.heading(sec.Item)
		for _, e := range sec.Entries {
			d.entry(e)
		}
	}
}
