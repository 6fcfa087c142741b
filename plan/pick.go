package plan

import (
	"sort"

	"github.com/quangngai/chitieu/domain"
)

// Plan levels: a province's own plans come before national ones.
const (
	LevelProvince = "province"
	LevelNational = "national"
)

// Level is a plan's level: national when every target it sets is national,
// provincial otherwise (a plan without targets yet is the province's own document).
func Level(p domain.Plan, targets []domain.Target) string {
	n := 0
	for _, t := range targets {
		if t.Plan != p.Code {
			continue
		}
		if t.Scope != ScopeNational {
			return LevelProvince
		}
		n++
	}
	if n > 0 {
		return LevelNational
	}
	return LevelProvince
}

// Phase is where a plan stands on a day: upcoming, in force, or closed.
type Phase string

const (
	Upcoming Phase = "upcoming"
	InForce  Phase = "in_force"
	Closed   Phase = "closed" // "Đã kết thúc": its verdicts are final
)

// PhaseOf says where the plan stands in year today.
func PhaseOf(p domain.Plan, today int) Phase {
	switch {
	case today > int(p.PeriodEnd):
		return Closed
	case today < int(p.PeriodStart):
		return Upcoming
	}
	return InForce
}

// Order sorts plans for a selector: by period (latest end first, the longer period
// first within one end year), then level (the province's own plans before national
// ones), then plans with targets before plans without, then code.
func Order(plans []domain.Plan, targets []domain.Target) []domain.Plan {
	has := map[string]bool{}
	for _, t := range targets {
		has[t.Plan] = true
	}
	out := append([]domain.Plan(nil), plans...)
	sort.SliceStable(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if a.PeriodEnd != b.PeriodEnd {
			return a.PeriodEnd > b.PeriodEnd
		}
		if a.PeriodStart != b.PeriodStart {
			return a.PeriodStart < b.PeriodStart
		}
		la, lb := Level(a, targets) == LevelProvince, Level(b, targets) == LevelProvince
		if la != lb {
			return la
		}
		if has[a.Code] != has[b.Code] {
			return has[a.Code]
		}
		return a.Code < b.Code
	})
	return out
}

// HasData says whether the figures hold a value for (indicator, scope, year).
type HasData func(indicator, scope string, year int) bool

// hasYearOfData: some target of the plan has a figure on its own scope for a year of
// the plan's period up to today.
func hasYearOfData(p domain.Plan, targets []domain.Target, has HasData, today int) bool {
	for _, t := range targets {
		if t.Plan != p.Code {
			continue
		}
		sc := ReadScope(t.Scope, int(t.PeriodEnd))
		for y := int(p.PeriodStart); y <= min(int(p.PeriodEnd), today); y++ {
			if has(t.Indicator, sc, y) {
				return true
			}
		}
	}
	return false
}

// DefaultPlan is the plan a page opens on: the current plan (in force today, with
// targets, the province's own before national ones, the latest to start) once it has
// a year of data; until then the most recently closed plan with targets, for its
// final verdicts (the province's own, the longest period, first). With neither, the
// first plan in Order.
func DefaultPlan(plans []domain.Plan, targets []domain.Target, has HasData, today int) (domain.Plan, bool) {
	withTargets := map[string]bool{}
	for _, t := range targets {
		withTargets[t.Plan] = true
	}
	ordered := Order(plans, targets)
	var closed *domain.Plan
	for i, p := range ordered {
		// Order puts the longer, provincial plan first within an end year.
		if withTargets[p.Code] && PhaseOf(p, today) == Closed && (closed == nil || p.PeriodEnd > closed.PeriodEnd) {
			closed = &ordered[i]
		}
	}
	current, ok := CurrentPlan(plans, targets, today)
	switch {
	case ok && (closed == nil || hasYearOfData(current, targets, has, today)):
		return current, true
	case closed != nil:
		return *closed, true
	case len(ordered) > 0:
		return ordered[0], true
	}
	return domain.Plan{}, false
}

// CurrentPlan is the plan in force today with targets: the province's own before
// national ones, the latest to start.
func CurrentPlan(plans []domain.Plan, targets []domain.Target, today int) (domain.Plan, bool) {
	withTargets := map[string]bool{}
	for _, t := range targets {
		withTargets[t.Plan] = true
	}
	var current *domain.Plan
	for i, p := range plans {
		if withTargets[p.Code] && PhaseOf(p, today) == InForce && (current == nil || better(p, *current, targets)) {
			current = &plans[i]
		}
	}
	if current == nil {
		return domain.Plan{}, false
	}
	return *current, true
}

// better: the province's own plan over a national one, then the later start.
func better(a, b domain.Plan, targets []domain.Target) bool {
	la, lb := Level(a, targets) == LevelProvince, Level(b, targets) == LevelProvince
	if la != lb {
		return la
	}
	return a.PeriodStart > b.PeriodStart
}

// PickPlan resolves a plan filter: the plan asked for, else DefaultPlan.
func PickPlan(plans []domain.Plan, targets []domain.Target, code string, has HasData, today int) (domain.Plan, bool) {
	for _, p := range plans {
		if p.Code == code {
			return p, true
		}
	}
	return DefaultPlan(plans, targets, has, today)
}

// FirstYear is the earliest year a page offers: the year before the earliest plan
// starts (a plan's baseline), or today when there is no plan.
func FirstYear(plans []domain.Plan, today int) int {
	first := today
	for _, p := range plans {
		if p.PeriodStart > 0 && int(p.PeriodStart)-1 < first {
			first = int(p.PeriodStart) - 1
		}
	}
	return first
}

// ReportPlan is the plan a year's written report judges section I against: a plan in
// force that year, with targets, the province's own before a national one, and the
// development plan before a one-year plan (the longer period). None: ok is false.
func ReportPlan(plans []domain.Plan, targets []domain.Target, year int) (domain.Plan, bool) {
	withTargets := map[string]bool{}
	for _, t := range targets {
		withTargets[t.Plan] = true
	}
	var best *domain.Plan
	for i, p := range plans {
		if !withTargets[p.Code] || int(p.PeriodStart) > year || int(p.PeriodEnd) < year {
			continue
		}
		if best == nil || reportBetter(p, *best, targets) {
			best = &plans[i]
		}
	}
	if best == nil {
		return domain.Plan{}, false
	}
	return *best, true
}

func reportBetter(a, b domain.Plan, targets []domain.Target) bool {
	la, lb := Level(a, targets) == LevelProvince, Level(b, targets) == LevelProvince
	if la != lb {
		return la
	}
	return a.PeriodEnd-a.PeriodStart > b.PeriodEnd-b.PeriodStart
}
