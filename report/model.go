package report

import (
	"time"

	"github.com/quangngai/chitieu/domain"
)

// Model is the consolidated report of one round, ready to write: everything is text
// already formatted the Vietnamese way, in outline order.
type Model struct {
	Year        uint16
	Date        time.Time // the report's date ("Quảng Ngãi, ngày … tháng … năm …")
	RequestNo   string    // SCT's request letter, e.g. 3006/SCT-QLCN
	RequestDate *time.Time
	Deadline    *time.Time
	Outline     domain.Outline
	// Partial: not every expected agency has answered; the first page says so.
	Partial            bool
	Expected, Answered int
	// Section I: a paragraph and one table; its charts, as print-resolution images, go
	// to an annex.
	SectionI SectionI
	Charts   []Chart

	Sections     []Section    // every outline item, in order
	Projects     []ProjectRow // II.7 compiled
	Policies     []PolicyRow  // II.8 compiled
	Replies      []Reply      // annex: who answered, by agency order
	Nil          []Reply      // annex: nil replies
	Missing      []string     // annex: agencies without an answer
	Published    []string     // annex: no answer, but figures from published sources
	Illustrative bool         // some answers are illustrations, not real letters
	Signer       Signer       // who signs the report (the round's)
	Doc          Document     // the round's own text: citations, number, recipients (SetDocument)
	// AgencyAnnex: the agencies' paragraphs of an item SCT has written go to an annex
	// ("kèm ý kiến các đơn vị ở phụ lục"); otherwise SCT's text alone is printed.
	AgencyAnnex bool
}

// Signer is the signature block: the authority lines ("KT. GIÁM ĐỐC" over "PHÓ GIÁM ĐỐC",
// or "GIÁM ĐỐC" alone for the head) and the signer's full name, without titles.
type Signer struct {
	Authority []string
	Name      string
}

// authority is the block's upper lines; a deputy signing for the director by default.
func (s Signer) authority() []string {
	if len(s.Authority) > 0 {
		return s.Authority
	}
	return []string{"KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"}
}

// SectionI is part I as SCT writes it: a short paragraph, then one table with a row
// per indicator of the outline, judged against the plan in force in the report's year.
type SectionI struct {
	Lead string
	Rows []IndicatorRow
}

// IndicatorRow is one row of section I's table, every cell already in words.
type IndicatorRow struct {
	Item      string // the outline's number of the figures item (I.1…)
	Indicator string // "Tốc độ tăng trưởng giá trị gia tăng công nghiệp (%)"
	Plan      string // the plan's target, or that the plan sets none and another plan's
	Result    string // year N's result with status, as-of date; or that it is missing and the latest earlier one
	Verdict   string // compared with the plan
	Source    string
}

// Chart is one chart image.
type Chart struct {
	Title  string
	Source string // the figures' source, printed under the chart
	PNG    []byte
	// Width and Height in pixels; the document sizes it to the text width.
	Width, Height int
}

// Section is one outline item with every agency's text under it.
type Section struct {
	Item    domain.OutlineItem
	Entries []Entry
	// Synthesis is SCT's own text for the item (its final version), which the report
	// prints in place of the agencies' paragraphs; nil when SCT has written none.
	Synthesis []Block
}

// Synthesized says SCT has written its own text for the item.
func (s Section) Synthesized() bool { return len(s.Synthesis) > 0 }

// AnnexSections are the sections whose agencies' paragraphs the annex prints: those
// SCT has written its own text for, when the round chose the annex.
func (m Model) AnnexSections() []Section {
	if !m.AgencyAnnex {
		return nil
	}
	var out []Section
	for _, sec := range m.Sections {
		if sec.Synthesized() && len(sec.Entries) > 0 {
			out = append(out, sec)
		}
	}
	return out
}

// Entry is one agency's answer to an item.
type Entry struct {
	Agency       string // agency code
	AgencyName   string // "Sở Xây dựng"
	Blocks       []Block
	Nothing      bool // "Không có nội dung phát sinh"
	Illustrative bool
}

// ProjectRow is one agency's progress report on one key project (II.7).
type ProjectRow struct {
	Project, Agency, Status, Percent, Milestones, Obstacles, Proposals string
}

// PolicyRow is one policy document (II.8).
type PolicyRow struct {
	Agency, Number, Date, Title, Issuer, Status string
}

// Reply is an agency's letter in the annex.
type Reply struct {
	Agency, AgencyName, LetterNo, LetterDate, Signer, Note string
}

// DateVN writes a date as DD/MM/YYYY, or "…" for none.
func DateVN(t *time.Time) string {
	if t == nil {
		return "…"
	}
	return t.Format("02/01/2006")
}

// DraftPlaceDate is the place-date line of a draft: the day is left blank until the
// report is signed ("Quảng Ngãi, ngày      tháng 12 năm 2026").
func DraftPlaceDate(t time.Time) string {
	return "Quảng Ngãi, ngày      tháng " + t.Format("01") + " năm " + t.Format("2006")
}

// PlaceDate is the line "Quảng Ngãi, ngày 08 tháng 12 năm 2026" (leading zeros as the decree asks).
func PlaceDate(t time.Time) string {
	return "Quảng Ngãi, ngày " + t.Format("02") + " tháng " + t.Format("01") + " năm " + t.Format("2006")
}

// PolicyStatusVI names a policy status in Vietnamese.
func PolicyStatusVI(s string) string {
	switch s {
	case domain.PolicyDrafted:
		return "Dự thảo"
	case domain.PolicySubmitted:
		return "Đã trình"
	case domain.PolicyIssued:
		return "Đã ban hành"
	}
	return s
}

// FigureStatusVI names a figure's status as a report writes it beside the value.
func FigureStatusVI(s string) string {
	switch s {
	case domain.StatusActual:
		return "chính thức"
	case domain.StatusEstimate:
		return "ước tính"
	case domain.StatusPreliminary:
		return "sơ bộ"
	case domain.StatusApprox:
		return "khoảng"
	}
	return s
}

// ItemHeading says whether an item is printed with a heading of its own: every item
// but the figures items of an outline that has several (they are the rows of section
// I's one table, and their agencies' sentences follow it under their titles).
func (m Model) ItemHeading(it domain.OutlineItem) bool {
	if it.Kind != domain.ItemFigures {
		return true
	}
	n := 0
	for _, o := range m.Outline.Items {
		if o.Kind == domain.ItemFigures {
			n++
		}
	}
	return n <= 1
}

// FirstFiguresItem is the number of the outline's first figures item, where section
// I's paragraph and table stand ("" when the outline has none).
func (m Model) FirstFiguresItem() string {
	for _, it := range m.Outline.Items {
		if it.Kind == domain.ItemFigures {
			return it.Number
		}
	}
	return ""
}
