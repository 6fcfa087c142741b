package dashboard

import (
	"strings"

	"github.com/quangngai/chitieu/plan"
	"github.com/quangngai/chitieu/queries"
)

// planOption is one entry of a plan selector: short name and period.
type planOption struct {
	Code     string
	Label    string
	Selected bool
}

// planOptions lists the plans in plan.Order, labelled "short name (start–end)".
func planOptions(cat *catalog, selected, lg string) []planOption {
	var out []planOption
	for _, p := range plan.Order(cat.Plans, cat.Targets) {
		out = append(out, planOption{Code: p.Code, Selected: p.Code == selected,
			Label: shortPlanName(p, lg) + " (" + planPeriod(p) + ")"})
	}
	return out
}

// shortPlanName is the plan's name without the period it repeats in brackets, in
// the reader's language.
func shortPlanName(p queries.Plan, lg string) string {
	n := planName(p, lg)
	if i := strings.LastIndex(n, " ("); i > 0 && strings.HasSuffix(n, ")") {
		n = n[:i]
	}
	return n
}

func init() { templateFuncs["planPeriod"] = planPeriod }

// planPeriod is a plan's period as people write it: "2021–2025", or "2025" for a
// one-year plan (never "2025–2025").
func planPeriod(p queries.Plan) string {
	if p.PeriodStart == p.PeriodEnd {
		return itoa(int(p.PeriodEnd))
	}
	return itoa(int(p.PeriodStart)) + "–" + itoa(int(p.PeriodEnd))
}
