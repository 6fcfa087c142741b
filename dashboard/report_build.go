package dashboard

import (
	"context"
	"slices"

	"github.com/quangngai/chitieu/plan"
	"github.com/quangngai/chitieu/queries"
	"github.com/quangngai/chitieu/report"
)

// reportModel reads a round's answers and compiles the consolidated report. Section I
// is the scorecard's (reportSectionI), so targets, attainment and verdicts are the
// overview's, computed once.
func (s *server) reportModel(ctx context.Context, year uint16) (report.Model, error) {
	in := report.Input{Year: year, Now: s.localNow()}
	var err error
	if in.Outline, err = s.Store.RoundOutline(ctx, year); err != nil {
		return report.Model{}, err
	}
	rounds, err := s.Store.Rounds(ctx)
	if err != nil {
		return report.Model{}, err
	}
	if i := slices.IndexFunc(rounds, func(r queries.Round) bool { return r.Year == year }); i >= 0 {
		in.Round = &rounds[i]
	}
	if in.Agencies, err = s.Store.Agencies(ctx); err != nil {
		return report.Model{}, err
	}
	if in.Answers, err = s.Store.CurrentReportAnswers(ctx, year, false); err != nil {
		return report.Model{}, err
	}
	if in.Submissions, err = s.Store.CurrentSubmissions(ctx, year, year); err != nil {
		return report.Model{}, err
	}
	if in.Projects, err = s.Store.Projects(ctx); err != nil {
		return report.Model{}, err
	}
	syn, err := s.Store.RoundSyntheses(ctx, year)
	if err != nil {
		return report.Model{}, err
	}
	in.Syntheses = map[string]string{}
	for item := range syn.Printed {
		in.Syntheses[item] = syn.PrintedText(item)
	}
	mode, err := s.Store.SynthesisMode(ctx, year)
	if err != nil {
		return report.Model{}, err
	}
	in.SynthesisAnnex = mode.Annex
	rows, err := s.Store.ReportingRows(ctx, year, year)
	if err != nil {
		return report.Model{}, err
	}
	in.Figures = map[string]int{}
	for k, n := range rows.WithFigures {
		in.Figures[k.Agency] = n
	}
	m := report.Compile(in)
	doc, err := s.reports.Document(ctx, year)
	if err != nil {
		return report.Model{}, err
	}
	m.SetDocument(doc)
	m.SectionI, err = s.reportSectionI(ctx, in.Outline, year)
	return m, err
}

// reportOverview is the overview of the plan a year's report is judged against
// (plan.ReportPlan: the plan in force that year), at that year; the default plan when
// no plan with targets covers the year.
func (s *server) reportOverview(ctx context.Context, year uint16) (*overviewModel, error) {
	cat, err := s.loadCatalog(ctx)
	if err != nil {
		return nil, err
	}
	f := filters{Year: int(year)}
	if p, ok := plan.ReportPlan(cat.Plans, cat.Targets, int(year)); ok {
		f.Plan = p.Code
	}
	return s.buildOverview(ctx, f, "vi")
}
