package report

import (
	"strings"

	"github.com/quangngai/chitieu/domain"
)

// Document is the round's own text the report is written from (domain.RoundDocument):
// the introduction's citations, the report's number, the signature and "Nơi nhận".
type Document struct {
	RequestAbout  string   // the request letter's "về việc"
	PlanCitation  string   // the plan in force, cited in full
	Citations     []string // other documents cited, each in full
	NumberPattern string   // "/BC-SCT"
	Recipients    []string
	ChartsAnnex   bool // section I's charts in an annex; off: no charts
}

// SetDocument takes the round's document into the model.
func (m *Model) SetDocument(d domain.RoundDocument) {
	m.Doc = Document{RequestAbout: d.RequestAbout, PlanCitation: d.PlanCitation, Citations: d.Citations,
		NumberPattern: d.NumberPattern, Recipients: d.Recipients, ChartsAnnex: d.Charts}
	m.Signer = Signer{Authority: d.SignerPosition, Name: d.SignerName}
}

// Intro is the report's first paragraph, from the round's document: what it carries out
// (the documents cited, the plan in force last), then the request it answers.
func Intro(m Model) string {
	var b strings.Builder
	cited := append(append([]string(nil), m.Doc.Citations...), m.Doc.PlanCitation)
	var docs []string
	for _, c := range cited {
		if c = strings.TrimSpace(c); c != "" {
			docs = append(docs, c)
		}
	}
	if len(docs) > 0 {
		b.WriteString("Thực hiện " + joinVI(docs) + "; trên cơ sở báo cáo của các sở, ngành, địa phương theo ")
	} else {
		b.WriteString("Trên cơ sở báo cáo của các sở, ngành, địa phương theo ")
	}
	if m.RequestNo != "" {
		b.WriteString("Công văn số " + m.RequestNo)
		if m.RequestDate != nil {
			b.WriteString(" ngày " + DateVN(m.RequestDate))
		}
		b.WriteString(" của Sở Công Thương")
		if a := strings.TrimSpace(m.Doc.RequestAbout); a != "" {
			b.WriteString(" về việc " + a)
		}
	} else {
		b.WriteString("yêu cầu báo cáo của Sở Công Thương")
	}
	subj := Subject(m.Year)
	b.WriteString(", Sở Công Thương tổng hợp báo cáo " + strings.ToLower(subj[:1]) + subj[1:] + " như sau:")
	return b.String()
}

// joinVI joins citations: "A; B và C".
func joinVI(items []string) string {
	if len(items) == 1 {
		return items[0]
	}
	return strings.Join(items[:len(items)-1], "; ") + " và " + items[len(items)-1]
}

// NumberLine is the report's number line with the number left blank: "Số:        /BC-SCT".
func NumberLine(m Model) string {
	p := strings.TrimSpace(m.Doc.NumberPattern)
	if p == "" {
		p = "/BC-SCT"
	}
	if !strings.HasPrefix(p, "/") {
		p = "/" + p
	}
	return "Số:        " + p
}

// RecipientLines are "Nơi nhận" as the decree writes them: "- …;" and the last "- ….".
func RecipientLines(m Model) []string {
	var out []string
	for i, r := range m.Doc.Recipients {
		end := ";"
		if i == len(m.Doc.Recipients)-1 {
			end = "."
		}
		out = append(out, "- "+r+end)
	}
	return out
}
