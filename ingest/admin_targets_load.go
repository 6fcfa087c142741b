package ingest

import (
	"context"
	"strings"

	rules "github.com/quangngai/chitieu/plan"
	"github.com/quangngai/chitieu/queries"
)

// targets loads a plan's targets with the columns of data/targets.csv (plan,
// indicator, scope, period_start, period_end, kind, comparator, value_min, value_max,
// unit, source; plan_name_vi is ignored). An empty plan column means this plan;
// another plan's code is an error, so a file meant for one plan cannot change another.
// With replace, the plan's targets missing from the file are deleted in the same insert.
func (ld *adminLoader) targets(ctx context.Context, planCode string, replace bool) error {
	plans, err := ld.st.Plans(ctx)
	if err != nil {
		return err
	}
	var plan queries.Plan
	for _, p := range plans {
		if p.Code == planCode {
			plan = p
		}
	}
	if plan.Code == "" {
		return queries.ErrNotFound
	}
	if !ld.columns("data/targets.csv", "indicator", "scope", "kind", "comparator") {
		return nil
	}
	inds, scopes, err := catalogueCodes(ctx, ld.st)
	if err != nil {
		return err
	}
	items := make([]queries.Target, len(ld.t.rows))
	ld.each(func(r row) {
		if p := r.get("plan"); p != "" && p != plan.Code {
			r.fail("plan", "table_plan_mismatch", p, p, plan.Code)
		}
		t := queries.Target{Plan: plan.Code, Indicator: r.required("indicator"), Scope: r.required("scope"),
			Kind:       r.oneOf("kind", r.get("kind"), rules.Kinds...),
			Comparator: r.oneOf("comparator", r.get("comparator"), rules.Comparators...),
			ValueMin:   r.decimal("value_min"), ValueMax: r.decimal("value_max"), Unit: r.get("unit"), Source: r.get("source"),
			PeriodStart: plan.PeriodStart, PeriodEnd: plan.PeriodEnd}
		if r.get("period_start") != "" {
			t.PeriodStart = r.year("period_start")
		}
		if r.get("period_end") != "" {
			t.PeriodEnd = r.year("period_end")
		}
		if t.Indicator != "" && !inds[t.Indicator] {
			r.fail("indicator", "table_unknown_indicator", t.Indicator, t.Indicator)
		}
		if t.Scope != "" && !scopeCode(scopes, t.Scope) {
			r.fail("scope", "table_unknown_scope", t.Scope, t.Scope)
		}
		if t.PeriodStart > t.PeriodEnd {
			r.fail("period_start", "table_period_order", "", t.PeriodStart, t.PeriodEnd)
		}
		items[r.i] = t
	})
	ld.resolveNumbers()
	ld.each(func(r row) { checkBounds(r, items[r.i]) })
	ld.duplicates("indicator", func(i int) string { return targetKey(items[i]) })
	if !ld.ok() {
		return nil
	}
	var stale []queries.Target
	if replace {
		cur, err := ld.st.Targets(ctx, plan.Code)
		if err != nil {
			return err
		}
		kept := map[string]bool{}
		for _, t := range items {
			kept[targetKey(t)] = true
		}
		for _, old := range cur {
			if !kept[targetKey(old)] {
				stale = append(stale, old)
			}
		}
	}
	if err := ld.st.ReplaceTargets(ctx, items, stale); err != nil {
		return err
	}
	ld.saved, ld.deleted = len(items), len(stale)
	if len(items) == 1 {
		ld.id = targetKey(items[0])
	}
	return nil
}

// checkBounds: a comparator needs the bounds it compares with.
func checkBounds(r row, t queries.Target) {
	needMin, needMax := rules.NeedsMin(t.Comparator), rules.NeedsMax(t.Comparator)
	if needMin && t.ValueMin == nil {
		r.fail("value_min", "table_bound_missing", "", t.Comparator, "value_min")
	}
	if needMax && t.ValueMax == nil {
		r.fail("value_max", "table_bound_missing", "", t.Comparator, "value_max")
	}
	unsettled := r.ld.nums.unsettled[t.ValueMin] || r.ld.nums.unsettled[t.ValueMax]
	if t.ValueMin != nil && t.ValueMax != nil && !unsettled && t.ValueMin.GreaterThan(*t.ValueMax) {
		r.fail("value_min", "table_min_max", "", t.ValueMin.String(), t.ValueMax.String())
	}
}

// catalogueCodes are the indicator codes, and the codes a target or an assignment may
// name as its scope: the scopes and the zones.
func catalogueCodes(ctx context.Context, st *queries.Store) (inds, scopes map[string]bool, err error) {
	inds, scopes = map[string]bool{}, map[string]bool{}
	is, err := st.Indicators(ctx)
	if err != nil {
		return nil, nil, err
	}
	for _, it := range is {
		inds[it.Code] = true
	}
	ss, err := st.Scopes(ctx)
	if err != nil {
		return nil, nil, err
	}
	for _, s := range ss {
		scopes[s.Code] = true
		scopes["scope:"+s.Kind] = true // the kinds, for assignment patterns
	}
	zs, err := st.Zones(ctx)
	if err != nil {
		return nil, nil, err
	}
	for _, z := range zs {
		scopes[z.Code] = true
	}
	return inds, scopes, nil
}

// scopeCode: a real scope or zone code (not a "scope:kind" pattern key).
func scopeCode(scopes map[string]bool, v string) bool {
	return scopes[v] && !strings.HasPrefix(v, "scope:")
}
