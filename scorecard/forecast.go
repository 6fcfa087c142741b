package scorecard

import (
	"github.com/quangngai/chitieu/domain"
	"github.com/quangngai/chitieu/plan"
)

// PlanForecasts are one plan's period targets, judged and forecast at FinalYear.
type PlanForecasts struct {
	Plan   domain.Plan
	Closed bool // its period ended before today: the verdicts are final
	Year   int  // the year its targets are judged at
	Rows   []Forecast
}

// Forecast is one period target: its verdict, where the indicator will be at the
// plan's end at the current pace, and the series its chart draws.
type Forecast struct {
	Target     domain.Target
	Indicator  domain.Indicator
	Verdict    plan.Verdict
	Projection plan.Projection
	Drawn      []plan.Series
}

// Forecasts judges and forecasts every plan's period targets (plan.Order; only
// planCode's when given) on figs, the figures of ProjectionReads up to the year.
func Forecasts(c Catalogue, figs []domain.CurrentFigure, planCode string, asked, today int) []PlanForecasts {
	grouped := plan.ByIndicatorScope(figs)
	ind := map[string]domain.Indicator{}
	for _, it := range c.Indicators {
		ind[it.Code] = it
	}
	var out []PlanForecasts
	for _, p := range plan.Order(c.Plans, c.Targets) {
		if planCode != "" && p.Code != planCode {
			continue
		}
		g := PlanForecasts{Plan: p, Closed: plan.PhaseOf(p, today) == plan.Closed, Year: FinalYear(p, asked, today)}
		for _, t := range c.TargetsOf(p.Code) {
			if !plan.IsPeriodKind(t.Kind) {
				continue
			}
			it := ind[t.Indicator]
			v := c.Judge(t, it, grouped[t.Indicator], g.Year)
			sr := v.Series
			row := Forecast{Target: t, Indicator: it, Verdict: v,
				Projection: plan.ProjectOn(AttainTarget(t, it, int(p.PeriodStart)), sr.Scope, sr.Points(), g.Year)}
			drawn := []plan.Series{sr}
			if plan.IsTerritory(sr.Scope) {
				drawn = plan.Territories(grouped[t.Indicator]) // one line per territory, broken at the merger
			}
			row.Drawn = plan.SplitAtBasis(drawn)
			g.Rows = append(g.Rows, row)
		}
		out = append(out, g)
	}
	return out
}
