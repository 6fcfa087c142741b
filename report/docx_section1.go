package report

import (
	"strconv"

	"github.com/quangngai/chitieu/domain"
)

// sectionI writes part I once, at its first figures item: the paragraph, one table of
// every outline indicator, then the agencies' own part I sentences, attributed. With
// several figures items their titles are the table's rows, not headings of their own;
// a lone figures item keeps its heading.
func (d *docWriter) sectionI(m Model, sec Section) {
	var items []Section
	for _, s := range m.Sections {
		if s.Item.Kind == domain.ItemFigures {
			items = append(items, s)
		}
	}
	if m.FirstFiguresItem() != sec.Item.Number {
		return // written with the first figures item
	}
	if len(items) == 1 {
		d.heading(sec.Item)
	}
	if m.SectionI.Lead != "" {
		d.body(m.SectionI.Lead, runStyle{})
	}
	if len(m.SectionI.Rows) > 0 {
		var rows [][]string
		for _, r := range m.SectionI.Rows {
			src := r.Source
			if src == "" {
				src = "—"
			}
			rows = append(rows, []string{r.Indicator, r.Plan, r.Result, r.Verdict, src})
		}
		d.table(SectionIHeaders(m.Year), []int{1900, 2100, 1900, 1800, textWidth - 7700}, rows)
	}
	for _, s := range items {
		if len(s.Entries) == 0 {
			continue
		}
		if len(items) > 1 {
			d.body(LabelledHeading(s.Item.Number, s.Item.Label, s.Item.Title, s.Item.Depth()), runStyle{italic: true})
		}
		for _, e := range s.Entries {
			d.entry(e)
		}
	}
}

// SectionIHeaders are the columns of section I's table, as SCT writes them.
func SectionIHeaders(year uint16) []string {
	return []string{"Chỉ tiêu", "Kế hoạch (văn bản)", "Thực hiện năm " + strconv.Itoa(int(year)), "So với kế hoạch / đánh giá", "Nguồn"}
}
