package scorecard

import (
	"github.com/quangngai/chitieu/domain"
	"github.com/quangngai/chitieu/plan"
)

// Band is a target as a chart draws it: a range as a shaded band, an inequality as a
// line (Max nil), over the years of the target's own territory only.
type Band struct {
	From, To int
	Min, Max *float64
}

// BandOf is a target's band. The old province's 69–70 % for 2025 is not drawn around
// the merged province's 2025 point (From > To then, and nothing is drawn).
func BandOf(t domain.Target) Band {
	b := Band{From: int(t.PeriodStart), To: int(t.PeriodEnd)}
	switch plan.ReadScope(t.Scope, int(t.PeriodEnd)) {
	case plan.ScopeOld:
		b.To = min(b.To, plan.MergerYear-1)
	case plan.ScopeNew:
		b.From = max(b.From, plan.MergerYear)
	}
	if t.ValueMin != nil {
		v, _ := t.ValueMin.Float64()
		b.Min = &v
	}
	if t.ValueMax != nil {
		v, _ := t.ValueMax.Float64()
		b.Max = &v
	}
	if t.Comparator != domain.CompBetween && b.Min != nil && b.Max != nil {
		b.Max = nil
	}
	return b
}
