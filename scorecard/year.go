// Package scorecard turns a plan and its figures into cards, verdicts, series and
// projections: data without words. The overview, the projection, the indicator
// pages, the briefing, the exports and the report's section I all read it, so the
// evaluation year and the scopes read are decided here once.
package scorecard

import (
	"github.com/quangngai/chitieu/domain"
	"github.com/quangngai/chitieu/plan"
)

// EvalYear is the year a plan's targets are judged at on a page: the one asked for,
// else this year within the plan's period (its last year for a closed plan, its
// first for one to come).
func EvalYear(p domain.Plan, asked, today int) int {
	if asked > 0 {
		return asked
	}
	if p.PeriodEnd > 0 && today > int(p.PeriodEnd) {
		return int(p.PeriodEnd)
	}
	if p.PeriodStart > 0 && today < int(p.PeriodStart) {
		return int(p.PeriodStart)
	}
	return today
}

// FinalYear is the year a plan's period targets are judged and forecast at: the one
// asked for, else this year; a closed plan's verdicts are its final ones, judged no
// earlier than its end year whatever year is asked.
func FinalYear(p domain.Plan, asked, today int) int {
	y := today
	if asked > 0 {
		y = asked
	}
	if plan.PhaseOf(p, today) == plan.Closed && y < int(p.PeriodEnd) {
		y = int(p.PeriodEnd)
	}
	return y
}

// TargetYear is the year one target is judged at on an indicator's page: EvalYear of
// its plan; for a target whose plan is unknown, this year capped at its end.
func TargetYear(t domain.Target, p domain.Plan, known bool, asked, today int) int {
	if asked > 0 {
		return asked
	}
	if !known {
		return min(today, int(t.PeriodEnd))
	}
	return EvalYear(p, 0, today)
}
