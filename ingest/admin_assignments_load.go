package ingest

import (
	"context"
	"slices"
	"strings"

	"github.com/quangngai/chitieu/queries"
)

// assignments loads agency assignments with the columns of ingest/assignments_seed.csv
// (agency, indicator, scope, note).
func (ld *adminLoader) assignments(ctx context.Context) error {
	if !ld.columns("ingest/assignments_seed.csv", "agency", "indicator", "scope") {
		return nil
	}
	inds, scopes, err := catalogueCodes(ctx, ld.st)
	if err != nil {
		return err
	}
	ags, err := ld.st.Agencies(ctx)
	if err != nil {
		return err
	}
	agencies := map[string]bool{}
	for _, a := range ags {
		agencies[a.Code] = true
	}
	items := make([]queries.Assignment, len(ld.t.rows))
	ld.each(func(r row) {
		a := queries.Assignment{Agency: r.required("agency"), Indicator: r.required("indicator"),
			Scope: r.required("scope"), Note: r.get("note")}
		if a.Agency != "" && !agencies[a.Agency] {
			r.fail("agency", "table_unknown_agency", a.Agency, a.Agency)
		}
		if a.Indicator != "" && a.Indicator != "*" && !inds[a.Indicator] {
			r.fail("indicator", "table_unknown_indicator", a.Indicator, a.Indicator)
		}
		if a.Scope != "" && !assignmentScopeOK(scopes, a.Scope) {
			r.fail("scope", "table_scope_pattern", a.Scope, a.Scope)
		}
		items[r.i] = a
	})
	ld.duplicates("agency", func(i int) string {
		a := items[i]
		return a.Agency + "/" + a.Indicator + "/" + a.Scope
	})
	if !ld.ok() {
		return nil
	}
	if err := ld.st.SaveAssignments(ctx, items); err != nil {
		return err
	}
	ld.saved = len(items)
	if len(items) == 1 {
		ld.id = items[0].Agency + "/" + items[0].Indicator + "/" + items[0].Scope
	}
	return nil
}

// assignmentScopeOK: a scope or zone code, or a pattern of migration 0200 (zone:*,
// zone:EZ, zone:IP, zone:IC, province:*) or scope:<kind>, as the validator reads them.
func assignmentScopeOK(scopes map[string]bool, v string) bool {
	if scopeCode(scopes, v) {
		return true
	}
	kind, arg, ok := strings.Cut(v, ":")
	if !ok {
		return false
	}
	switch kind {
	case "zone":
		return arg == "*" || slices.Contains(zoneTypes, arg)
	case "province":
		return arg == "*"
	case "scope":
		return scopes[v]
	}
	return false
}
