package ingest

import (
	"context"

	"github.com/quangngai/chitieu/queries"
)

// Allowed values, as in the schema (queries/migrations/0001_catalog.sql).
var (
	indicatorAggregations = []string{"none", "sum", "derived"}
	zoneTypes             = []string{"EZ", "IP", "IC"}
)

// catalogue loads indicators, zones or agencies with the columns of data/indicators.csv,
// zones.csv or agencies.csv (code, or key for indicators; name_vi; the rest optional).
func (ld *adminLoader) catalogue(ctx context.Context, kind string, form bool) error {
	codeCol := "code"
	if kind == queries.AdminIndicators {
		codeCol = "code|key"
	}
	if !ld.columns("data/"+kind+".csv", codeCol, "name_vi") {
		return nil
	}
	n := len(ld.t.rows)
	codes := make([]string, n)
	var save func() error
	switch kind {
	case queries.AdminIndicators:
		items := make([]queries.Indicator, n)
		ld.each(func(r row) {
			col, code := "code", r.get("code")
			if code == "" && r.get("key") != "" {
				col, code = "key", r.get("key") // the column name of data/indicators.csv
			}
			it := queries.Indicator{Code: r.code(col, code), OutlineSection: r.get("outline_section"),
				NameVI: r.required("name_vi"), NameEN: r.get("name_en"), Unit: r.get("unit"), Kind: r.get("kind"),
				Aggregation:    r.oneOf("aggregation", orDefault(r.get("aggregation"), "none"), indicatorAggregations...),
				HigherIsBetter: r.flag("higher_is_better"), SortOrder: r.whole("sort_order")}
			items[r.i], codes[r.i] = it, it.Code
		})
		save = func() error {
			if err := keepSortOrder(ctx, ld.st, items); err != nil {
				return err
			}
			return ld.st.SaveIndicators(ctx, items)
		}
	case queries.AdminZones:
		items := make([]queries.Zone, n)
		ld.each(func(r row) {
			loc := r.get("location")
			if loc == "" {
				loc = r.get("location_before_7_2025") // the column name of data/zones.csv
			}
			z := queries.Zone{Code: r.code("code", r.get("code")), NameVI: r.required("name_vi"),
				Type: r.oneOf("type", r.get("type"), zoneTypes...), Parent: r.get("parent"), Location: loc,
				AreaHa: r.decimal("area_ha"), Status: r.get("status"), ValidFrom: r.date("valid_from"),
				ValidTo: r.date("valid_to"), Source: r.get("source")}
			items[r.i], codes[r.i] = z, z.Code
		})
		save = func() error { return ld.st.SaveZones(ctx, items) }
	case queries.AdminAgencies:
		items := make([]queries.Agency, n)
		ld.each(func(r row) {
			a := queries.Agency{Code: r.code("code", r.get("code")), NameVI: r.required("name_vi"), Level: r.get("level"),
				ValidFrom: r.date("valid_from"), ValidTo: r.date("valid_to"), Successor: r.get("successor"), Source: r.get("source")}
			items[r.i], codes[r.i] = a, a.Code
		})
		save = func() error { return ld.st.SaveAgencies(ctx, items) }
	}
	ld.resolveNumbers()
	codeAt := "code"
	if kind == queries.AdminIndicators && !ld.t.has("code") {
		codeAt = "key"
	}
	ld.duplicates(codeAt, func(i int) string { return codes[i] })
	if !ld.ok() {
		return nil
	}
	if err := save(); err != nil {
		return err
	}
	ld.saved = n
	if form {
		ld.id = codes[0]
	}
	return nil
}

// keepSortOrder gives indicators without a sort order their current one, or places new
// ones after the last, so an edit does not move an indicator to the top.
func keepSortOrder(ctx context.Context, st *queries.Store, items []queries.Indicator) error {
	cur, err := st.Indicators(ctx)
	if err != nil {
		return err
	}
	order := map[string]uint16{}
	var last uint16
	for _, it := range cur {
		order[it.Code] = it.SortOrder
		last = max(last, it.SortOrder)
	}
	for i := range items {
		if items[i].SortOrder != 0 {
			continue
		}
		if o, ok := order[items[i].Code]; ok {
			items[i].SortOrder = o
		} else {
			last++
			items[i].SortOrder = last
			order[items[i].Code] = last
		}
	}
	return nil
}

func orDefault(v, def string) string {
	if v == "" {
		return def
	}
	return v
}
