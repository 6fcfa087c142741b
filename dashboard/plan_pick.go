package dashboard

import "github.com/quangngai/chitieu/queries"

// pickPlan resolves the plan filter: the one asked for, else the plan in force this
// year that has targets (the latest to start), else the first plan.
func pickPlan(c *catalog, code string, year int) (queries.Plan, bool) {
	if p, ok := c.plan[code]; ok {
		return p, true
	}
	hasTargets := map[string]bool{}
	for _, t := range c.Targets {
		hasTargets[t.Plan] = true
	}
	var best *queries.Plan
	for i, p := range c.Plans {
		if int(p.PeriodStart) <= year && year <= int(p.PeriodEnd) && hasTargets[p.Code] {
			if best == nil || p.PeriodStart > best.PeriodStart {
				best = &c.Plans[i]
			}
		}
	}
	if best != nil {
		return *best, true
	}
	if len(c.Plans) > 0 {
		return c.Plans[0], true
	}
	return queries.Plan{}, false
}

// pickYear resolves the year filter: the one asked for, else this year within the
// plan's period (its last year for a closed plan).
func pickYear(p queries.Plan, year, today int) int {
	if year > 0 {
		return year
	}
	if p.PeriodEnd > 0 && today > int(p.PeriodEnd) {
		return int(p.PeriodEnd)
	}
	if p.PeriodStart > 0 && today < int(p.PeriodStart) {
		return int(p.PeriodStart)
	}
	return today
}
