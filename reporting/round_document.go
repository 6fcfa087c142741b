package reporting

import (
	"context"
	"fmt"
	"strings"

	"github.com/quangngai/chitieu/domain"
	"github.com/quangngai/chitieu/plan"
)

// DocumentFields are a round's document as typed, on the admin form and on `chitieu
// round`. Lists are one entry a line (or separated by "|" on the command line). An
// empty field keeps the round's value; Charts nil keeps it. ClearCitations empties the
// other cited documents, which a round may have none of (an empty field cannot say so).
type DocumentFields struct {
	RequestAbout   string
	Plan           string
	PlanCitation   string
	Citations      string
	NumberPattern  string
	SignerName     string
	SignerPosition string
	Recipients     string
	Charts         *bool
	ClearCitations bool
}

// Empty says whether nothing was typed.
func (f DocumentFields) Empty() bool {
	return f.Charts == nil && !f.ClearCitations && strings.TrimSpace(f.RequestAbout+f.Plan+f.PlanCitation+f.Citations+f.NumberPattern+
		f.SignerName+f.SignerPosition+f.Recipients) == ""
}

// Starting values of a round's document when no earlier round has one: SCT's report
// number and the usual signature and recipients, all editable per round.
var (
	defaultNumberPattern = "/BC-SCT"
	defaultPosition      = []string{"KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"}
	defaultRecipients    = []string{"Như trên", "Bộ Công Thương (b/c)", "Chủ tịch, các PCT UBND tỉnh",
		"Các sở, ban, ngành, địa phương", "Lãnh đạo Sở", "Lưu: VT, QLCN"}
)

// Document is a year's round document as the report prints it: the stored one, or the
// one the round would get on opening (the previous year's number, signer and
// recipients; the plan in force that year; a request subject named after the year).
func (s *Service) Document(ctx context.Context, year uint16) (domain.RoundDocument, error) {
	d, ok, err := s.Store.RoundDocument(ctx, year)
	if err != nil || ok {
		return d, err
	}
	return s.startingDocument(ctx, year)
}

func (s *Service) startingDocument(ctx context.Context, year uint16) (domain.RoundDocument, error) {
	d := domain.RoundDocument{Year: year, NumberPattern: defaultNumberPattern,
		SignerPosition: defaultPosition, Recipients: defaultRecipients}
	prev, ok, err := s.Store.RoundDocument(ctx, year-1)
	if err != nil {
		return d, err
	}
	if ok { // what stays from one year to the next; the plan and citations do not
		d.NumberPattern, d.SignerName, d.SignerPosition, d.Recipients = prev.NumberPattern, prev.SignerName, prev.SignerPosition, prev.Recipients
	}
	d.RequestAbout = fmt.Sprintf("báo cáo tình hình triển khai thực hiện các Chính sách và Kế hoạch phát triển công nghiệp năm %d trên địa bàn tỉnh Quảng Ngãi", year)
	return d, s.fillPlan(ctx, &d)
}

// fillPlan names the plan in force for the year (plan.ReportPlan) when none is set, and
// cites a plan without a citation by its document, in words.
func (s *Service) fillPlan(ctx context.Context, d *domain.RoundDocument) error {
	if d.Plan != "" && d.PlanCitation != "" {
		return nil
	}
	plans, err := s.Store.Plans(ctx)
	if err != nil {
		return err
	}
	if d.Plan == "" {
		targets, err := s.Store.Targets(ctx, "")
		if err != nil {
			return err
		}
		if p, ok := plan.ReportPlan(plans, targets, int(d.Year)); ok {
			d.Plan = p.Code
		}
	}
	for _, p := range plans {
		if p.Code == d.Plan && d.PlanCitation == "" {
			d.PlanCitation = PlanCitation(p)
		}
	}
	return nil
}

// PlanCitation cites a plan by its document, without the catalogue's notes in
// parentheses; by its name when it has no document.
func PlanCitation(p domain.Plan) string {
	doc := strings.TrimSpace(p.Document)
	if i := strings.Index(doc, " ("); i > 0 && strings.HasSuffix(doc, ")") {
		doc = doc[:i]
	}
	if doc == "" {
		return p.NameVI
	}
	if !strings.Contains(doc, p.NameVI) && strings.HasPrefix(doc, "Quyết định") {
		doc += " về việc ban hành " + p.NameVI
	}
	return doc
}

// applyFields writes what was typed over d. An unknown plan code is an error.
func (s *Service) applyFields(ctx context.Context, d *domain.RoundDocument, f DocumentFields) error {
	set := func(dst *string, v string) {
		if v = strings.TrimSpace(v); v != "" {
			*dst = v
		}
	}
	setLines := func(dst *[]string, v string, clean func(string) string) {
		if l := Lines(v, clean); len(l) > 0 {
			*dst = l
		}
	}
	set(&d.RequestAbout, strings.TrimPrefix(strings.TrimSpace(f.RequestAbout), "về việc "))
	if p := strings.TrimSpace(f.Plan); p != "" && p != d.Plan {
		plans, err := s.Store.Plans(ctx)
		if err != nil {
			return err
		}
		known := false
		for _, it := range plans {
			known = known || it.Code == p
		}
		if !known {
			return domain.NewError(domain.Invalid, "rule.rep.noplan", shorten(p))
		}
		d.Plan, d.PlanCitation = p, "" // a new plan is cited by its own document unless typed
	}
	set(&d.PlanCitation, f.PlanCitation)
	setLines(&d.Citations, f.Citations, nil)
	if f.ClearCitations && strings.TrimSpace(f.Citations) == "" {
		d.Citations = nil
	}
	set(&d.NumberPattern, f.NumberPattern)
	set(&d.SignerName, f.SignerName)
	setLines(&d.SignerPosition, f.SignerPosition, strings.ToUpper)
	setLines(&d.Recipients, f.Recipients, recipient)
	if f.Charts != nil {
		d.Charts = *f.Charts
	}
	return s.fillPlan(ctx, d)
}

// Lines splits a typed list at line ends and "|", trimmed, empty entries dropped, each
// passed through clean when given.
func Lines(s string, clean func(string) string) []string {
	var out []string
	for _, l := range strings.FieldsFunc(s, func(r rune) bool { return r == '\n' || r == '|' }) {
		if clean != nil {
			l = clean(l)
		}
		if l = strings.TrimSpace(l); l != "" {
			out = append(out, l)
		}
	}
	return out
}

// recipient keeps a "Nơi nhận" line's words: the report writes the dash and the ";".
func recipient(l string) string {
	l = strings.TrimSpace(l)
	l = strings.TrimSpace(strings.TrimLeft(l, "-–•"))
	return strings.TrimRight(strings.TrimSuffix(l, "./."), ";.")
}

func documentDetail(d domain.RoundDocument) string {
	return fmt.Sprintf("kế hoạch %s, số …%s, người ký %s, biểu đồ %v", d.Plan, d.NumberPattern, d.SignerName, d.Charts)
}
