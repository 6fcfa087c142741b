package dashboard

import (
	"context"
	"strings"

	"github.com/quangngai/chitieu/domain"
	"github.com/quangngai/chitieu/plan"
	"github.com/quangngai/chitieu/queries"
	"github.com/quangngai/chitieu/report"
	"github.com/quangngai/chitieu/scorecard"
)

// reportSectionI is section I in words, read from the scorecard of the plan in force
// in the report's year (plan.ReportPlan) at that year: one row per outline indicator,
// and the paragraph that opens it. The report is Vietnamese.
func (s *server) reportSectionI(ctx context.Context, o queries.Outline, year uint16) (report.SectionI, error) {
	const lg = "vi"
	cat, err := s.loadCatalog(ctx)
	if err != nil {
		return report.SectionI{}, err
	}
	today := s.localNow().Year()
	codes, scopes := cat.scorecard().OverviewReads()
	var all []queries.CurrentFigure
	if len(codes) > 0 {
		if all, err = s.Store.CurrentFigures(ctx, queries.FigureFilter{Indicators: codes, Scopes: scopes, YearTo: uint16(today)}); err != nil {
			return report.SectionI{}, err
		}
	}
	code := ""
	if p, ok := plan.ReportPlan(cat.Plans, cat.Targets, int(year)); ok {
		code = p.Code
	}
	sc := scorecard.Build(cat.scorecard(), all, code, int(year), today)
	rows := scorecard.OutlineRows(cat.scorecard(), sc, o)
	out := report.SectionI{Lead: sectionILead(sc, rows, lg)}
	lastItem := ""
	for _, r := range rows {
		it := r.Card.Indicator
		name := indName(it, lg)
		if u := unitIn(it.Unit, lg); u != "" {
			name += " (" + u + ")"
		}
		label := "- " + name
		if len(r.Item.Indicators) == 1 {
			label = report.LabelledHeading(r.Item.Number, r.Item.Label, r.Item.Title, r.Item.Depth())
			if !strings.EqualFold(strings.TrimSpace(r.Item.Title), strings.TrimSpace(indName(it, lg))) {
				label += ":\n" + name
			} else if u := unitIn(it.Unit, lg); u != "" {
				label += " (" + u + ")"
			}
		} else if r.Item.Number != lastItem {
			label = report.LabelledHeading(r.Item.Number, r.Item.Label, r.Item.Title, r.Item.Depth()) + ":\n" + label
		}
		lastItem = r.Item.Number
		row := report.IndicatorRow{Item: r.Item.Number, Indicator: label, Plan: sectionIPlan(sc, r, cat, lg),
			Result: sectionIResult(r, int(year), lg), Verdict: sectionIVerdict(r, cat, lg)}
		if f := r.AtYear; f != nil {
			row.Source = f.Source
		} else if f := r.Earlier; f != nil {
			row.Source = f.Source
		}
		out.Rows = append(out.Rows, row)
	}
	return out, nil
}

// sectionIPlan: the plan's targets; where it sets none, that it sets none, and the
// target another plan sets (those in force in the year first).
func sectionIPlan(sc scorecard.Scorecard, r scorecard.OutlineRow, cat *catalog, lg string) string {
	var lines []string
	for _, e := range r.Card.Evals {
		lines = append(lines, shortPlanName(sc.Plan, lg)+": "+targetLine(e.Target, lg))
	}
	if len(lines) > 0 {
		return strings.Join(lines, "\n")
	}
	out := shortPlanName(sc.Plan, lg) + " không đặt chỉ tiêu này"
	if len(r.Others) == 0 {
		return out + "; chưa có kế hoạch nào khác đặt chỉ tiêu này."
	}
	for i, t := range r.Others {
		if i == 2 {
			break
		}
		out += ";\n" + shortPlanName(cat.plan[t.Plan], lg) + ": " + targetLine(t, lg)
	}
	return out
}

// targetLine: "69–70 % (mức cuối kỳ, 2025)".
func targetLine(t queries.Target, lg string) string {
	return targetText(t, lg) + " (" + strings.ToLower(translate(lg, "kind."+t.Kind)) + ", " + periodText(t) + ")"
}

// sectionIResult is year N's figure with its status and as-of date, or, when there is
// none, that it is missing and the latest earlier figure, marked as such.
func sectionIResult(r scorecard.OutlineRow, year int, lg string) string {
	if f := r.AtYear; f != nil {
		return figureWithStatus(*f, lg)
	}
	missing := "Chưa có số liệu năm " + itoa(year)
	if f := r.Earlier; f != nil {
		return missing + ";\nsố liệu gần nhất là năm " + itoa(int(f.Year)) + ": " + figureWithStatus(*f, lg)
	}
	return missing + "."
}

// figureWithStatus: "khoảng 391.000 tỷ đồng (khoảng; tính đến tháng 10/2023)".
func figureWithStatus(f domain.CurrentFigure, lg string) string {
	v := formatNum(f.Value, lg)
	if u := unitIn(f.Unit, lg); u != "" {
		v += " " + u
	}
	return v + " (" + report.FigureStatusVI(f.Status) + "; " + asOf(f) + ")"
}

// asOf is the date a figure stands at: the source's own "tính đến …" when its note
// says so (a count taken in October), else the day it reached the system.
func asOf(f domain.CurrentFigure) string {
	if i := strings.Index(strings.ToLower(f.Note), "tính đến"); i >= 0 {
		n := f.Note[i:]
		if j := strings.IndexAny(n, ";,("); j > 0 {
			n = n[:j]
		}
		return strings.TrimSpace(n)
	}
	return "cập nhật ngày " + f.UploadedAt.In(vietnam).Format("02/01/2006")
}

// sectionIVerdict: each target's verdict, attainment and what was compared.
func sectionIVerdict(r scorecard.OutlineRow, cat *catalog, lg string) string {
	if len(r.Card.Evals) == 0 {
		return "Không đánh giá (kế hoạch không đặt chỉ tiêu)"
	}
	var lines []string
	for _, e := range r.Card.Evals {
		ev := describeEval(e.Target, e.Verdict, cat, lg)
		l := ev.Verdict
		if ev.Attain != "" {
			l += ", đạt " + ev.Attain + " kế hoạch"
		}
		if ev.Compared != "" {
			l += "; " + ev.Compared
		}
		lines = append(lines, l)
	}
	return strings.Join(lines, "\n")
}

// sectionILead is the paragraph before the table: the plan judged against, in words,
// and how many indicators have a target, a verdict and a figure for the year.
func sectionILead(sc scorecard.Scorecard, rows []scorecard.OutlineRow, lg string) string {
	y := itoa(sc.Year)
	out := "Năm " + y + ", kết quả thực hiện các chỉ tiêu được so với " + planName(sc.Plan, lg) +
		", kế hoạch có hiệu lực trong năm " + y + "."
	if len(rows) == 0 {
		return out
	}
	targeted, atYear, earlier := 0, 0, 0
	counts := map[plan.Status]int{}
	for _, r := range rows {
		if len(r.Card.Evals) > 0 {
			targeted++
		}
		for _, e := range r.Card.Evals {
			counts[e.Result.Category()]++
		}
		switch {
		case r.AtYear != nil:
			atYear++
		case r.Earlier != nil:
			earlier++
		}
	}
	out += " Trong " + itoa(len(rows)) + " chỉ tiêu của đề cương, kế hoạch đặt mục tiêu cho " + itoa(targeted) + " chỉ tiêu"
	var parts []string
	for _, st := range plan.Categories {
		if counts[st] > 0 {
			parts = append(parts, itoa(counts[st])+" "+translate(lg, "count."+string(st)))
		}
	}
	if len(parts) > 0 {
		out += " (" + strings.Join(parts, ", ") + ")"
	}
	out += "; " + itoa(atYear) + " chỉ tiêu đã có số liệu năm " + y + ", " + itoa(earlier) +
		" chỉ tiêu mới có số liệu các năm trước, " + itoa(len(rows)-atYear-earlier) + " chỉ tiêu chưa có số liệu."
	return out
}
