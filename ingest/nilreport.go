package ingest

import (
	"context"
	"fmt"

	"github.com/google/uuid"

	"github.com/quangngai/chitieu/queries"
)

// NilReport records that an agency had no assigned task for a year ("không được giao
// nhiệm vụ"), with its letter's number, date and signer. It counts as a submission and
// differs from a missing report and from figures of zero. Problems come back in the
// report (Outcome "rejected"); the error is for ClickHouse failures only.
func (in *Ingester) NilReport(ctx context.Context, req queries.NilReportRequest) (queries.IngestReport, error) {
	rep, err := in.nilReport(ctx, req)
	if err == nil && !rep.Rejected() {
		in.auditNil(ctx, req, rep)
	}
	return rep, err
}

func (in *Ingester) nilReport(ctx context.Context, req queries.NilReportRequest) (queries.IngestReport, error) {
	rep := queries.IngestReport{UploadID: uuid.NewString(), Kind: "nil", Agency: clean(req.Agency), User: req.User,
		At: in.now().UTC(), Years: []uint16{req.Year}}
	cat, err := loadCatalogue(ctx, in.st)
	if err != nil {
		return rep, err
	}
	var probs []queries.IngestError
	ag, known := cat.agencies[rep.Agency]
	switch {
	case rep.Agency == "":
		probs = append(probs, problem("agency_missing", Location{}, ""))
	case !known:
		probs = append(probs, problem("agency_unknown", Location{}, rep.Agency, rep.Agency))
	case !ag.ActiveIn(int(req.Year)):
		probs = append(probs, problem("agency_inactive", Location{}, rep.Agency, rep.Agency, int(req.Year), ag.Successor))
	}
	if req.Year == 0 {
		probs = append(probs, problem("year_missing", Location{}, ""))
	} else if cat.yearMax > 0 && (int(req.Year) < cat.yearMin || int(req.Year) > cat.yearMax) {
		probs = append(probs, problem("year_range", Location{}, fmt.Sprint(req.Year), int(req.Year), cat.yearMin, cat.yearMax))
	}
	for _, m := range []struct {
		empty bool
		vi    string
	}{
		{clean(req.LetterNo) == "", "số"}, {req.LetterDate == nil, "ngày"}, {clean(req.Signer) == "", "người ký"},
	} {
		if m.empty {
			e := problem("letter_missing", Location{}, "", m.vi)
			e.MessageEN = fmt.Sprintf("The letter's %s is missing.", map[string]string{"số": "number", "ngày": "date", "người ký": "signer"}[m.vi])
			probs = append(probs, e)
		}
	}
	if known && req.Year != 0 {
		// Held until the report is written: an upload of figures for the same agency and
		// year, on any server, cannot slip in between the check below and the insert.
		claim, err := in.st.ClaimAgencyYears(ctx, rep.Agency, []uint16{req.Year},
			queries.ClaimHolder{UploadID: rep.UploadID, User: req.User, Channel: req.Channel}, in.lim.ClaimWait)
		if err != nil {
			return rep, err
		}
		defer func() { _ = claim.Release(context.WithoutCancel(ctx)) }()
		cur, err := in.st.CurrentFigures(ctx, queries.FigureFilter{Agencies: []string{rep.Agency}, YearFrom: req.Year, YearTo: req.Year, IncludeSynthetic: true})
		if err != nil {
			return rep, err
		}
		if len(cur) > 0 {
			probs = append(probs, problem("nil_has_figures", Location{}, "", rep.Agency, len(cur), int(req.Year)))
		}
	}
	if len(probs) > 0 {
		rep.Outcome, rep.Errors, rep.ErrorsTotal = queries.UploadRejected, probs, len(probs)
		summarize(&rep, rep.At)
		return rep, nil
	}
	if err := in.st.InsertSubmission(ctx, queries.Submission{Agency: rep.Agency, Year: req.Year, Status: queries.SubmissionNil,
		LetterNo: clean(req.LetterNo), LetterDate: req.LetterDate, Signer: clean(req.Signer), Note: clean(req.Note),
		UploadID: rep.UploadID, SubmittedBy: req.User, SubmittedAt: rep.At}); err != nil {
		return rep, fmt.Errorf("ghi báo cáo không được giao nhiệm vụ (record nil report): %w", err)
	}
	rep.Outcome = queries.UploadAccepted
	rep.SummaryVI = fmt.Sprintf("Đã ghi nhận: %s không được giao nhiệm vụ năm %d (Công văn số %s).", rep.Agency, req.Year, clean(req.LetterNo))
	rep.SummaryEN = fmt.Sprintf("Recorded: %s had no assigned task in %d (letter %s).", rep.Agency, req.Year, clean(req.LetterNo))
	return rep, nil
}
