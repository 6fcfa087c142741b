package reporting

import (
	"context"
	"errors"
	"fmt"
	"strconv"

	"github.com/quangngai/chitieu/domain"
	"github.com/quangngai/chitieu/plan"
	"github.com/shopspring/decimal"
)

// SaveRequest is one save of an agency's answer, from the web form or a confirmed Word
// upload: the answer's content (Year, Agency, Letter, Items, Projects, Policies),
// whether it is submitted ("Nộp báo cáo"), and section V's next-year targets.
type SaveRequest struct {
	Answer   domain.ReportAnswer
	Submit   bool
	Source   string // web, docx
	FileName string // the Word file, for the audit trail (docx)
	// AuditNote and SubmissionNote end the audit line and the submission's note (a
	// letter's blocks moved in the preview, its digital signature).
	AuditNote, SubmissionNote string
	// Targets are the next year's targets as typed, per indicator of part I; an
	// indicator in Cleared had a target and has none now. Nil for a Word upload.
	Targets    map[string]decimal.Decimal
	Cleared    []string
	Indicators []domain.Indicator // part I's indicators (unit, direction)
	AgencyName string             // for the next-year plan's name
}

// SaveAnswer writes a new version of the answer (one INSERT), its next-year targets,
// and, when submitted, the submission that counts in the reporting tracker, then
// audits it. An answer once submitted stays submitted. It returns the saved version.
func (s *Service) SaveAnswer(ctx context.Context, req SaveRequest, by domain.Actor) (domain.ReportAnswer, error) {
	a := req.Answer
	prev, err := s.Store.ReportAnswer(ctx, a.Year, a.Agency, 0)
	if err != nil && !errors.Is(err, domain.ErrAnswerNone) {
		return a, err
	}
	a.State = domain.AnswerDraft
	if req.Submit || prev.State == domain.AnswerSubmitted {
		a.State = domain.AnswerSubmitted
	}
	a.Source, a.SavedBy, a.Version, a.SavedAt = req.Source, by.AuditName(), s.Store.NewVersion(), s.now()
	if err := s.Store.SaveReportAnswers(ctx, a); err != nil {
		return a, err
	}
	if err := s.saveNextYearTargets(ctx, a, req, by); err != nil {
		return a, err
	}
	detail := fmt.Sprintf("%s %d: %s, %d mục, %d dự án, %d chính sách", a.Agency, a.Year, a.State, len(a.Items), len(a.Projects), len(a.Policies))
	note := "báo cáo viết (written report) " + strconv.FormatUint(a.Version, 10)
	if req.Source == "docx" {
		detail = fmt.Sprintf("từ tệp %s (upload %s)", req.FileName, a.UploadID)
		note = "báo cáo viết từ tệp công văn (upload " + a.UploadID + ")"
	}
	detail += req.AuditNote
	note += req.SubmissionNote
	if req.Submit {
		sub := domain.Submission{Agency: a.Agency, Year: a.Year, Status: domain.SubmissionSubmitted,
			LetterNo: a.Letter.Number, LetterDate: a.Letter.Date, Signer: a.Letter.Signer,
			Note: note, SubmittedBy: a.SavedBy, SubmittedAt: a.SavedAt}
		if err := s.Store.InsertSubmission(ctx, sub); err != nil {
			return a, err
		}
	}
	return a, s.audit(ctx, by, domain.AuditEvent{Action: "report.answer." + a.State, ObjectKind: "report_answer",
		ObjectID: fmt.Sprintf("%s/%d/%d", a.Agency, a.Year, a.Version), Agency: a.Agency, Detail: detail})
}

// NextYearPlan is the plan of kind "kế hoạch năm" holding an agency's targets for the
// year after the report.
func NextYearPlan(year uint16, agency string) string {
	return fmt.Sprintf("KHN-%d-%s", year+1, agency)
}

// saveNextYearTargets stores section V's targets as a plan of kind "kế hoạch năm"
// through the normal target model (plans + targets), so the dashboard judges them like
// any plan's, on the territory of their year (plan.TerritoryOf). Cleared indicators
// are deleted from the plan.
func (s *Service) saveNextYearTargets(ctx context.Context, a domain.ReportAnswer, req SaveRequest, by domain.Actor) error {
	code := NextYearPlan(a.Year, a.Agency)
	next := a.Year + 1
	scope := plan.TerritoryOf(int(next))
	for _, ind := range req.Cleared {
		if err := s.Store.DeleteTarget(ctx, domain.Target{Plan: code, Indicator: ind, Scope: scope, PeriodStart: next, PeriodEnd: next}); err != nil {
			return err
		}
	}
	var ts []domain.Target
	for _, ind := range req.Indicators {
		v, ok := req.Targets[ind.Code]
		if !ok {
			continue
		}
		comp := domain.CompAtLeast
		if !ind.HigherIsBetter {
			comp = domain.CompAtMost
		}
		ts = append(ts, domain.Target{Plan: code, Indicator: ind.Code, Scope: scope, PeriodStart: next, PeriodEnd: next,
			Kind: domain.TargetAnnual, Comparator: comp, ValueMin: &v, Unit: ind.Unit,
			Source: fmt.Sprintf("Báo cáo năm %d của %s, mục V", a.Year, req.AgencyName)})
	}
	if len(ts) == 0 {
		return nil
	}
	p := domain.Plan{Code: code, NameVI: fmt.Sprintf("Kế hoạch năm %d — %s", next, req.AgencyName),
		NameEN:   fmt.Sprintf("Annual plan %d — %s", next, a.Agency),
		Document: fmt.Sprintf("kế hoạch năm (mục V báo cáo năm %d)", a.Year), PeriodStart: next, PeriodEnd: next}
	if err := s.Store.SavePlans(ctx, []domain.Plan{p}); err != nil {
		return err
	}
	if err := s.Store.SaveTargets(ctx, ts); err != nil {
		return err
	}
	return s.audit(ctx, by, domain.AuditEvent{Action: domain.AuditTargetSave, ObjectKind: "plan", ObjectID: code, Agency: a.Agency,
		Detail: fmt.Sprintf("%d chỉ tiêu năm %d", len(ts), next)})
}
