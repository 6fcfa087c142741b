package scorecard

import (
	"github.com/quangngai/chitieu/domain"
	"github.com/quangngai/chitieu/plan"
)

// OutlineRow is one indicator of the report outline's part I, read from a scorecard:
// the report's section I is one table of these.
type OutlineRow struct {
	Item domain.OutlineItem // the figures item that names the indicator
	Card Card
	// AtYear is the figure of the evaluation year itself; when there is none, Earlier
	// is the latest earlier one, which a report must mark as such.
	AtYear, Earlier *domain.CurrentFigure
	// Others are other plans' targets for the indicator, when the scorecard's plan sets
	// none: the plans in force in the year first (plan.Order), then the rest.
	Others []domain.Target
}

// OutlineRows lists the outline's figures indicators, in outline order, with their
// cards from sc (an indicator without a card is left out).
func OutlineRows(c Catalogue, sc Scorecard, o domain.Outline) []OutlineRow {
	cards := map[string]Card{}
	for _, cd := range sc.Cards {
		cards[cd.Indicator.Code] = cd
	}
	var out []OutlineRow
	for _, it := range o.Items {
		if it.Kind != domain.ItemFigures {
			continue
		}
		for _, code := range it.Indicators {
			cd, ok := cards[code]
			if !ok {
				continue
			}
			r := OutlineRow{Item: it, Card: cd, AtYear: cd.Series.At(sc.Year)}
			if r.AtYear == nil {
				r.Earlier = cd.Series.UpTo(sc.Year - 1)
			}
			if len(cd.Evals) == 0 {
				r.Others = c.otherTargets(code, sc.Plan.Code, sc.Year)
			}
			out = append(out, r)
		}
	}
	return out
}

// otherTargets are the targets other plans set for an indicator: those of plans in
// force in year first, each group in plan.Order.
func (c Catalogue) otherTargets(indicator, except string, year int) []domain.Target {
	var inForce, rest []domain.Target
	for _, p := range plan.Order(c.Plans, c.Targets) {
		if p.Code == except {
			continue
		}
		for _, t := range c.Targets {
			if t.Plan != p.Code || t.Indicator != indicator {
				continue
			}
			if int(p.PeriodStart) <= year && year <= int(p.PeriodEnd) {
				inForce = append(inForce, t)
			} else {
				rest = append(rest, t)
			}
		}
	}
	return append(inForce, rest...)
}
