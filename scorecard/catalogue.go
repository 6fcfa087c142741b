package scorecard

import (
	"strings"

	"github.com/quangngai/chitieu/domain"
	"github.com/quangngai/chitieu/plan"
)

// Catalogue is what a scorecard is built from besides figures.
type Catalogue struct {
	Indicators []domain.Indicator // in catalogue order: the cards' order
	Plans      []domain.Plan
	Targets    []domain.Target
}

// planOf finds a plan by code.
func (c Catalogue) planOf(code string) (domain.Plan, bool) {
	for _, p := range c.Plans {
		if p.Code == code {
			return p, true
		}
	}
	return domain.Plan{}, false
}

// TargetsOf are a plan's targets in catalogue order of their indicators.
func (c Catalogue) TargetsOf(code string) []domain.Target {
	var out []domain.Target
	for _, it := range c.Indicators {
		for _, t := range c.Targets {
			if t.Plan == code && t.Indicator == it.Code {
				out = append(out, t)
			}
		}
	}
	return out
}

// InSection reports whether an indicator belongs to section I of the report outline.
func InSection(it domain.Indicator) bool { return strings.HasPrefix(it.OutlineSection, "I.") }

// AttainTarget converts a stored target for the plan package's rules; planStart is
// the first year of the plan that sets it.
func AttainTarget(t domain.Target, it domain.Indicator, planStart int) plan.Target {
	out := plan.Target{Kind: t.Kind, Comparator: t.Comparator, Start: int(t.PeriodStart), End: int(t.PeriodEnd),
		HigherIsBetter: it.HigherIsBetter, PlanStart: planStart}
	if t.ValueMin != nil {
		v, _ := t.ValueMin.Float64()
		out.Min = &v
	}
	if t.ValueMax != nil {
		v, _ := t.ValueMax.Float64()
		out.Max = &v
	}
	return out
}

// Judge judges one target on its own scope at year (plan.Judge).
func (c Catalogue) Judge(t domain.Target, it domain.Indicator, scopes map[string][]domain.CurrentFigure, year int) plan.Verdict {
	p, _ := c.planOf(t.Plan)
	return plan.Judge(AttainTarget(t, it, int(p.PeriodStart)), t.Scope, scopes, year)
}

// OverviewReads are the indicators and scopes whose figures the overview needs: every
// targeted indicator and the outline's section I, on the territories, the BQL zones
// and every target's own scope.
func (c Catalogue) OverviewReads() (codes, scopes []string) {
	seen := map[string]bool{}
	scopes = []string{plan.ScopeBQL, plan.ScopeOld, plan.ScopeNew}
	for _, t := range c.Targets {
		if !seen[t.Indicator] {
			seen[t.Indicator] = true
			codes = append(codes, t.Indicator)
		}
		if t.Scope != plan.ScopeNational {
			scopes = append(scopes, t.Scope)
		}
	}
	for _, it := range c.Indicators {
		if InSection(it) && !seen[it.Code] {
			seen[it.Code] = true
			codes = append(codes, it.Code)
		}
	}
	return codes, scopes
}

// ProjectionReads are the indicators and scopes the projection needs: those of the
// period targets.
func (c Catalogue) ProjectionReads() (codes, scopes []string) {
	scopes = []string{plan.ScopeOld, plan.ScopeNew, plan.ScopeBQL}
	for _, t := range c.Targets {
		if plan.IsPeriodKind(t.Kind) {
			codes = append(codes, t.Indicator)
			scopes = append(scopes, t.Scope)
		}
	}
	return codes, scopes
}

// FigureYears answers plan.HasData from a set of current figures.
func FigureYears(figs []domain.CurrentFigure) plan.HasData {
	type key struct {
		ind, scope string
		year       int
	}
	has := map[key]bool{}
	for _, f := range figs {
		has[key{f.Indicator, f.Scope, int(f.Year)}] = true
	}
	return func(ind, scope string, year int) bool { return has[key{ind, scope, year}] }
}
