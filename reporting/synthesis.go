package reporting

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	"github.com/quangngai/chitieu/domain"
	"github.com/quangngai/chitieu/plan"
	"github.com/quangngai/chitieu/report"
)

// SynthesisRequest is one save of SCT's text for an outline item: Final puts it in
// the report ("Đưa vào báo cáo"), else it is a draft the report does not print.
type SynthesisRequest struct {
	Year  uint16
	Item  string
	Text  string
	Final bool
}

// SaveSynthesis checks the item is one of the round's outline, writes a new version
// of SCT's text for it, and audits it. The caller has checked the permission to
// compile. A final save with an empty text withdraws the item's text from the report
// (the agencies' paragraphs are printed again). Broken rules are *domain.Error.
func (s *Service) SaveSynthesis(ctx context.Context, req SynthesisRequest, by domain.Actor) (domain.Synthesis, error) {
	if !plan.ValidYear(int(req.Year)) {
		return domain.Synthesis{}, domain.NewError(domain.Invalid, "rule.rep.year")
	}
	code, err := s.Store.RoundOutlineCode(ctx, req.Year)
	if err != nil {
		return domain.Synthesis{}, err
	}
	o, err := s.Store.OutlineByCode(ctx, code)
	if err != nil {
		return domain.Synthesis{}, outlineErr(err, code)
	}
	if !hasItem(o, req.Item) {
		return domain.Synthesis{}, domain.NewError(domain.Invalid, "rule.rep.noitem", code, shorten(req.Item))
	}
	text := report.CleanText(req.Text)
	if n := len([]rune(text)); n > report.AnswerTextMax {
		return domain.Synthesis{}, domain.NewError(domain.Invalid, "rule.rep.itemlong", req.Item, n, report.AnswerTextMax)
	}
	x := domain.Synthesis{Year: req.Year, Item: req.Item, State: domain.SynthesisDraft, Text: text,
		SavedBy: by.AuditName(), SavedAt: s.now(), Version: s.Store.NewVersion()}
	if req.Final {
		x.State = domain.SynthesisFinal
		x.Deleted = strings.TrimSpace(text) == ""
	}
	if err := s.Store.SaveSynthesis(ctx, x); err != nil {
		return x, err
	}
	detail := fmt.Sprintf("mục %s năm %d: %s, %d ký tự", x.Item, x.Year, x.State, len([]rune(text)))
	if x.Deleted {
		detail += ", bỏ khỏi báo cáo (withdrawn)"
	}
	return x, s.audit(ctx, by, domain.AuditEvent{Action: "report.synthesis." + x.State, ObjectKind: "report_synthesis",
		ObjectID: fmt.Sprintf("%d/%s/%d", x.Year, x.Item, x.Version), Agency: report.Consolidator, Detail: detail})
}

// SetSynthesisMode records where a round's report prints the agencies' paragraphs of
// an item SCT has written ("chỉ bản tổng hợp của SCT", or in an annex), and audits it.
func (s *Service) SetSynthesisMode(ctx context.Context, year uint16, annex bool, by domain.Actor) error {
	if !plan.ValidYear(int(year)) {
		return domain.NewError(domain.Invalid, "rule.rep.year")
	}
	if err := s.Store.SetSynthesisMode(ctx, domain.SynthesisMode{Year: year, Annex: annex, SetBy: by.AuditName(), SetAt: s.now()}); err != nil {
		return err
	}
	mode := "chỉ bản tổng hợp của SCT"
	if annex {
		mode = "kèm ý kiến các đơn vị ở phụ lục"
	}
	return s.audit(ctx, by, domain.AuditEvent{Action: "round.synthesis_mode", ObjectKind: "round", ObjectID: strconv.Itoa(int(year)),
		Agency: report.Consolidator, Detail: mode})
}

func hasItem(o domain.Outline, number string) bool {
	for _, it := range o.Items {
		if it.Number == number {
			return true
		}
	}
	return false
}
