package plan

import "github.com/quangngai/chitieu/domain"

// ReviewPeriod is the closed period a final review ("tổng kết giai đoạn") covers: the
// multi-year plans with targets that ended in end (the latest closed one when end is
// 0), from the earliest of their starts. ok is false when no such plan has closed.
func ReviewPeriod(plans []domain.Plan, targets []domain.Target, end, today int) (from, to int, ok bool) {
	has := map[string]bool{}
	for _, t := range targets {
		has[t.Plan] = true
	}
	for _, p := range plans {
		pe := int(p.PeriodEnd)
		if !has[p.Code] || p.PeriodEnd <= p.PeriodStart || PhaseOf(p, today) != Closed || end > 0 && pe != end {
			continue
		}
		if pe > to || pe == to && int(p.PeriodStart) < from {
			from, to = int(p.PeriodStart), pe
		}
	}
	return from, to, to > 0
}

// ReviewTargets are the targets a review of from..to judges: every target of any plan
// that starts within the period — the term's own plans, the yearly plans inside it,
// and a longer plan's targets (NQ23 to 2030), judged at the period's end as an interim
// verdict.
func ReviewTargets(targets []domain.Target, from, to int) []domain.Target {
	var out []domain.Target
	for _, t := range targets {
		if int(t.PeriodStart) >= from && int(t.PeriodStart) <= to {
			out = append(out, t)
		}
	}
	return out
}

// PlansWithoutTargets are the plans of the period (starting and ending within it)
// that have no target loaded: the review names them rather than passing over them
// (Decision 998 until its targets are entered).
func PlansWithoutTargets(plans []domain.Plan, targets []domain.Target, from, to int) []domain.Plan {
	has := map[string]bool{}
	for _, t := range targets {
		has[t.Plan] = true
	}
	var out []domain.Plan
	for _, p := range plans {
		if !has[p.Code] && int(p.PeriodStart) >= from && int(p.PeriodEnd) <= to {
			out = append(out, p)
		}
	}
	return out
}
