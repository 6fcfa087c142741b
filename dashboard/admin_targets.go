package dashboard

import (
	"fmt"
	"slices"

	"github.com/gofiber/fiber/v2"
	"github.com/quangngai/chitieu/queries"
)

var (
	targetKinds = []string{queries.TargetAnnual, queries.TargetPeriodAverage, queries.TargetLevelAtEnd,
		queries.TargetCumulative, queries.TargetFloor, queries.TargetCeiling}
	targetComparators = []string{queries.CompBetween, queries.CompAtLeast, queries.CompGreaterThan,
		queries.CompAtMost, queries.CompLessThan, queries.CompEqual}
)

// targetScopes lists the codes a target may name: the scopes and the zones.
func (s *server) targetScopes(c *fiber.Ctx) ([]string, error) {
	ctx := c.UserContext()
	scopes, err := s.Store.Scopes(ctx)
	if err != nil {
		return nil, err
	}
	zones, err := s.Store.Zones(ctx)
	if err != nil {
		return nil, err
	}
	var out []string
	for _, sc := range scopes {
		out = append(out, sc.Code)
	}
	for _, z := range zones {
		out = append(out, z.Code)
	}
	return out, nil
}

// targetChecker validates target rows against the catalogue and the plan.
type targetChecker struct {
	plan       queries.Plan
	indicators map[string]bool
	scopes     map[string]bool
}

func (s *server) newTargetChecker(c *fiber.Ctx, p queries.Plan) (*targetChecker, error) {
	inds, err := s.Store.Indicators(c.UserContext())
	if err != nil {
		return nil, err
	}
	scopes, err := s.targetScopes(c)
	if err != nil {
		return nil, err
	}
	tc := &targetChecker{plan: p, indicators: map[string]bool{}, scopes: map[string]bool{}}
	for _, it := range inds {
		tc.indicators[it.Code] = true
	}
	for _, sc := range scopes {
		tc.scopes[sc] = true
	}
	return tc, nil
}

// target reads one target, with the columns of data/targets.csv. An empty plan
// column means this plan; another plan's code is an error, so a file meant for one
// plan cannot silently change another.
func (tc *targetChecker) target(fe *fieldErrors, line int, get func(string) string) queries.Target {
	w := rowAt(line)
	if p := get("plan"); p != "" && p != tc.plan.Code {
		fe.add(w, "kế hoạch "+p+" khác "+tc.plan.Code+".", "plan "+p+" is not "+tc.plan.Code+".")
	}
	t := queries.Target{Plan: tc.plan.Code, Indicator: fe.required(w, "indicator", get("indicator")),
		Scope: fe.required(w, "scope", get("scope")),
		Kind:  fe.oneOf(w, "kind", get("kind"), targetKinds...), Comparator: fe.oneOf(w, "comparator", get("comparator"), targetComparators...),
		ValueMin: fe.optDecimal(w, "value_min", get("value_min")), ValueMax: fe.optDecimal(w, "value_max", get("value_max")),
		Unit: get("unit"), Source: get("source")}
	t.PeriodStart, t.PeriodEnd = tc.plan.PeriodStart, tc.plan.PeriodEnd
	if v := get("period_start"); v != "" {
		t.PeriodStart = fe.year(w, "period_start", v)
	}
	if v := get("period_end"); v != "" {
		t.PeriodEnd = fe.year(w, "period_end", v)
	}
	if t.Indicator != "" && !tc.indicators[t.Indicator] {
		fe.add(w, "không có chỉ tiêu "+t.Indicator+" trong danh mục.", "no indicator "+t.Indicator+" in the catalogue.")
	}
	if t.Scope != "" && !tc.scopes[t.Scope] {
		fe.add(w, "không có phạm vi "+t.Scope+".", "no scope "+t.Scope+".")
	}
	if t.PeriodStart > t.PeriodEnd {
		fe.add(w, "period_start sau period_end.", "period_start is after period_end.")
	}
	checkBounds(fe, w, t)
	return t
}

// checkBounds: a comparator needs the bounds it compares with.
func checkBounds(fe *fieldErrors, w string, t queries.Target) {
	needMin := t.Comparator == queries.CompBetween || t.Comparator == queries.CompAtLeast ||
		t.Comparator == queries.CompGreaterThan || t.Comparator == queries.CompEqual
	needMax := t.Comparator == queries.CompBetween || t.Comparator == queries.CompAtMost || t.Comparator == queries.CompLessThan
	if needMin && t.ValueMin == nil {
		fe.add(w, t.Comparator+" cần value_min.", t.Comparator+" needs value_min.")
	}
	if needMax && t.ValueMax == nil {
		fe.add(w, t.Comparator+" cần value_max.", t.Comparator+" needs value_max.")
	}
	if t.ValueMin != nil && t.ValueMax != nil && t.ValueMin.GreaterThan(*t.ValueMax) {
		fe.add(w, "value_min lớn hơn value_max.", "value_min is greater than value_max.")
	}
}

func targetID(t queries.Target) string {
	return fmt.Sprintf("%s/%s/%s/%d-%d", t.Plan, t.Indicator, t.Scope, t.PeriodStart, t.PeriodEnd)
}

func targetDetail(t queries.Target) string {
	s := t.Kind + " " + t.Comparator
	if t.ValueMin != nil {
		s += " min=" + t.ValueMin.String()
	}
	if t.ValueMax != nil {
		s += " max=" + t.ValueMax.String()
	}
	return s + " " + t.Unit
}

// adminTargetSave adds a target from the form, or replaces the one with the same
// indicator, scope and period.
func (s *server) adminTargetSave(c *fiber.Ctx) error {
	p, err := s.planParam(c)
	if err != nil {
		return err
	}
	tc, err := s.newTargetChecker(c, p)
	if err != nil {
		return err
	}
	var fe fieldErrors
	t := tc.target(&fe, 0, formGetter(c))
	if err := fe.err(); err != nil {
		return err
	}
	if err := s.Store.SaveTargets(c.UserContext(), []queries.Target{t}); err != nil {
		return err
	}
	s.audit(c, queries.AuditEvent{Action: queries.AuditTargetSave, ObjectKind: "target", ObjectID: targetID(t), Detail: targetDetail(t)})
	return c.Redirect("/admin/plans/"+p.Code+"?ok=saved", fiber.StatusSeeOther)
}

// adminTargetDelete removes one target of the plan, named by indicator, scope and
// period; 404 when the plan has no such target.
func (s *server) adminTargetDelete(c *fiber.Ctx) error {
	ctx := c.UserContext()
	p, err := s.planParam(c)
	if err != nil {
		return err
	}
	targets, err := s.Store.Targets(ctx, p.Code)
	if err != nil {
		return err
	}
	var fe fieldErrors
	get := formGetter(c)
	ind, scope := get("indicator"), get("scope")
	from, to := fe.year("", "period_start", get("period_start")), fe.year("", "period_end", get("period_end"))
	if err := fe.err(); err != nil {
		return err
	}
	i := slices.IndexFunc(targets, func(t queries.Target) bool {
		return t.Indicator == ind && t.Scope == scope && t.PeriodStart == from && t.PeriodEnd == to
	})
	if i < 0 {
		return queries.ErrNotFound
	}
	if err := s.Store.DeleteTarget(ctx, targets[i]); err != nil {
		return err
	}
	s.audit(c, queries.AuditEvent{Action: queries.AuditTargetDelete, ObjectKind: "target", ObjectID: targetID(targets[i]),
		Detail: targetDetail(targets[i])})
	return c.Redirect("/admin/plans/"+p.Code+"?ok=deleted", fiber.StatusSeeOther)
}

// adminTargetsUpload loads a plan's targets from a CSV or XLSX file with the columns
// of data/targets.csv (plan, indicator, scope, period_start, period_end, kind,
// comparator, value_min, value_max, unit, source; plan_name_vi is ignored). Every row
// is checked first; one bad row and nothing is written. With replace=1, the plan's
// targets missing from the file are deleted, so the file becomes the plan's list.
func (s *server) adminTargetsUpload(c *fiber.Ctx) error {
	ctx := c.UserContext()
	p, err := s.planParam(c)
	if err != nil {
		return err
	}
	t, file, err := readUploadedTable(c, "file")
	if err != nil {
		return err
	}
	for _, col := range []string{"indicator", "scope", "kind", "comparator"} {
		if !t.has(col) {
			return badRequest("Tệp thiếu cột "+col+" (xem mẫu data/targets.csv).", "The file lacks the column "+col+" (see data/targets.csv).")
		}
	}
	tc, err := s.newTargetChecker(c, p)
	if err != nil {
		return err
	}
	var fe fieldErrors
	items := make([]queries.Target, len(t.rows))
	seen := map[string]int{}
	for i := range t.rows {
		items[i] = tc.target(&fe, t.line[i], t.getter(i))
		id := targetID(items[i])
		if prev, ok := seen[id]; ok {
			fe.add(rowAt(t.line[i]), fmt.Sprintf("trùng với dòng %d.", prev), fmt.Sprintf("repeats line %d.", prev))
		}
		seen[id] = t.line[i]
	}
	if len(items) == 0 {
		fe.add("", "Tệp không có dòng mục tiêu nào.", "The file holds no target rows.")
	}
	if err := fe.err(); err != nil {
		return err
	}
	var stale []queries.Target
	if formBool(c.FormValue("replace")) {
		cur, err := s.Store.Targets(ctx, p.Code)
		if err != nil {
			return err
		}
		for _, old := range cur {
			if _, kept := seen[targetID(old)]; !kept {
				stale = append(stale, old)
			}
		}
	}
	if err := s.Store.SaveTargets(ctx, items); err != nil {
		return err
	}
	for _, old := range stale {
		if err := s.Store.DeleteTarget(ctx, old); err != nil {
			return err
		}
	}
	s.audit(c, queries.AuditEvent{Action: queries.AuditTargetsLoad, ObjectKind: "plan", ObjectID: p.Code,
		Detail: fmt.Sprintf("file %s: %d targets saved, %d deleted", file, len(items), len(stale))})
	return c.Redirect("/admin/plans/"+p.Code+"?ok=loaded", fiber.StatusSeeOther)
}
