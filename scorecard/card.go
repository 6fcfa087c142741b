package scorecard

import (
	"github.com/quangngai/chitieu/domain"
	"github.com/quangngai/chitieu/plan"
)

// Scorecard is a plan judged at its evaluation year: one card per indicator it sets a
// target for (catalogue order), then one per context indicator of section I.
type Scorecard struct {
	Plan      domain.Plan
	Year      int // the evaluation year (EvalYear)
	Phase     plan.Phase
	Current   *domain.Plan // the plan in force today, when the scorecard is of another
	NoTargets bool         // the plan has no targets loaded at all
	Cards     []Card
	Counts    map[plan.Status]int // verdicts per category (Result.Category)
}

// Card is one indicator at the evaluation year.
type Card struct {
	Indicator domain.Indicator
	Targeted  bool // the plan sets it a target; otherwise a context indicator of section I
	Section   bool // an indicator of the outline's section I
	Evals     []Eval
	Series    plan.Series           // the series judged (the first target's scope) or the main one
	Latest    *domain.CurrentFigure // Series' latest figure up to the year
	Drawn     []plan.Series         // what its chart draws: one line per territory, split at price-basis breaks
	Figures   map[string][]domain.CurrentFigure
}

// Eval is one target judged at the evaluation year.
type Eval struct {
	Target domain.Target
	plan.Verdict
}

// Build is the scorecard of the plan asked for (else plan.DefaultPlan) at the year
// asked (else EvalYear). all holds the figures of OverviewReads up to today: which
// plan opens by default depends on whether the current one has a year of data.
func Build(c Catalogue, all []domain.CurrentFigure, planCode string, asked, today int) Scorecard {
	p, _ := plan.PickPlan(c.Plans, c.Targets, planCode, FigureYears(all), today)
	year := EvalYear(p, asked, today)
	sc := Scorecard{Plan: p, Year: year, Phase: plan.PhaseOf(p, today), Counts: map[plan.Status]int{}}
	if cur, ok := plan.CurrentPlan(c.Plans, c.Targets, today); ok && cur.Code != p.Code {
		sc.Current = &cur
	}
	targets := c.TargetsOf(p.Code)
	sc.NoTargets = len(targets) == 0
	var figs []domain.CurrentFigure
	for _, fg := range all {
		if int(fg.Year) <= year {
			figs = append(figs, fg)
		}
	}
	grouped := plan.ByIndicatorScope(figs)
	for _, targeted := range []bool{true, false} {
		for _, it := range c.Indicators {
			var ts []domain.Target
			for _, t := range targets {
				if t.Indicator == it.Code {
					ts = append(ts, t)
				}
			}
			if (len(ts) > 0) != targeted || !targeted && !InSection(it) {
				continue
			}
			card := c.card(it, ts, grouped[it.Code], year)
			card.Targeted = targeted
			for _, ev := range card.Evals {
				sc.Counts[ev.Result.Category()]++
			}
			sc.Cards = append(sc.Cards, card)
		}
	}
	return sc
}

// card judges an indicator's targets and picks the series its card shows and draws.
func (c Catalogue) card(it domain.Indicator, ts []domain.Target, scopes map[string][]domain.CurrentFigure, year int) Card {
	card := Card{Indicator: it, Section: InSection(it), Figures: scopes}
	sr := plan.MainSeries(scopes, year)
	for i, t := range ts {
		v := c.Judge(t, it, scopes, year)
		if i == 0 {
			sr = v.Series
		}
		card.Evals = append(card.Evals, Eval{Target: t, Verdict: v})
	}
	card.Series, card.Latest = sr, sr.UpTo(year)
	drawn := []plan.Series{sr}
	if plan.IsTerritory(sr.Scope) {
		drawn = plan.Territories(scopes) // one line per territory, broken at the merger
		if len(drawn) == 0 {
			drawn = []plan.Series{sr}
		}
	}
	card.Drawn = plan.SplitAtBasis(drawn) // a price-basis change breaks a line, as the merger does
	return card
}
