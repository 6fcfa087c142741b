package ingest

import (
	"context"
	"strings"
	"time"

	"github.com/quangngai/chitieu/queries"
)

// catalogue is what an upload is checked against, read once per upload.
type catalogue struct {
	indicators  map[string]queries.Indicator
	zones       map[string]queries.Zone
	scopes      map[string]queries.Scope
	agencies    map[string]queries.Agency
	assignments map[string][]queries.Assignment // by agency
	yearMin     int
	yearMax     int
}

// Baseline years before a plan's first year are accepted: targets are set against them
// (the 2021–2025 plan is measured from 2020).
const baselineYears = 1

func loadCatalogue(ctx context.Context, st *queries.Store) (*catalogue, error) {
	c := &catalogue{indicators: map[string]queries.Indicator{}, zones: map[string]queries.Zone{},
		scopes: map[string]queries.Scope{}, agencies: map[string]queries.Agency{}, assignments: map[string][]queries.Assignment{}}
	inds, err := st.Indicators(ctx)
	if err != nil {
		return nil, err
	}
	for _, it := range inds {
		c.indicators[it.Code] = it
	}
	zones, err := st.Zones(ctx)
	if err != nil {
		return nil, err
	}
	for _, it := range zones {
		c.zones[it.Code] = it
	}
	scopes, err := st.Scopes(ctx)
	if err != nil {
		return nil, err
	}
	for _, it := range scopes {
		c.scopes[it.Code] = it
	}
	ags, err := st.Agencies(ctx)
	if err != nil {
		return nil, err
	}
	for _, it := range ags {
		c.agencies[it.Code] = it
	}
	as, err := st.Assignments(ctx, "")
	if err != nil {
		return nil, err
	}
	for _, a := range as {
		c.assignments[a.Agency] = append(c.assignments[a.Agency], a)
	}
	plans, err := st.Plans(ctx)
	if err != nil {
		return nil, err
	}
	for _, p := range plans {
		if c.yearMin == 0 || int(p.PeriodStart)-baselineYears < c.yearMin {
			c.yearMin = int(p.PeriodStart) - baselineYears
		}
		if int(p.PeriodEnd) > c.yearMax {
			c.yearMax = int(p.PeriodEnd)
		}
	}
	return c, nil
}

// validIn reports whether a validity interval overlaps the year.
func validIn(from, to *time.Time, year int) bool {
	return (from == nil || from.Year() <= year) && (to == nil || to.Year() >= year)
}

// scopeKnown says whether code is a zone or a scope, and whether it existed that year.
func (c *catalogue) scopeKnown(code string, year int) (known, active bool) {
	if z, ok := c.zones[code]; ok {
		return true, validIn(z.ValidFrom, z.ValidTo, year)
	}
	if s, ok := c.scopes[code]; ok {
		return true, validIn(s.ValidFrom, s.ValidTo, year)
	}
	return false, false
}

// assigned reports whether the agency reports the indicator for the scope. An agency
// without assignment rows may report province-wide figures only (defaulted = true).
func (c *catalogue) assigned(agency, indicator, scope string) (ok, defaulted bool) {
	rules := c.assignments[agency]
	if len(rules) == 0 {
		s, isScope := c.scopes[scope]
		return isScope && s.Kind == "province", true
	}
	for _, r := range rules {
		if (r.Indicator == "*" || r.Indicator == indicator) && c.scopeMatches(r.Scope, scope) {
			return true, false
		}
	}
	return false, false
}

// scopeMatches applies an assignment's scope pattern (see migration 0200).
func (c *catalogue) scopeMatches(pattern, scope string) bool {
	if pattern == scope {
		return true
	}
	kind, arg, ok := strings.Cut(pattern, ":")
	if !ok {
		return false
	}
	switch kind {
	case "zone":
		z, isZone := c.zones[scope]
		return isZone && (arg == "*" || z.Type == arg)
	case "province", "scope":
		s, isScope := c.scopes[scope]
		return isScope && (arg == "*" && kind == "province" && s.Kind == "province" || kind == "scope" && s.Kind == arg)
	}
	return false
}
