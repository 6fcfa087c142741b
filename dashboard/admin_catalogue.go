package dashboard

import (
	"fmt"
	"strconv"

	"github.com/gofiber/fiber/v2"
	"github.com/quangngai/chitieu/queries"
)

type adminCatalogueModel struct {
	Indicators []queries.Indicator
	Zones      []queries.Zone
	Agencies   []queries.Agency
	Flash      string
	Kinds      []string
}

// adminCatalogueShow: indicators, zones and agencies, each with a form that adds one
// or, given an existing code, replaces it; and a file upload for many at once.
func (s *server) adminCatalogueShow(c *fiber.Ctx) error {
	ctx := c.UserContext()
	m := adminCatalogueModel{Flash: flashKey(c), Kinds: []string{"indicators", "zones", "agencies"}}
	var err error
	if m.Indicators, err = s.Store.Indicators(ctx); err != nil {
		return err
	}
	if m.Zones, err = s.Store.Zones(ctx); err != nil {
		return err
	}
	if m.Agencies, err = s.Store.Agencies(ctx); err != nil {
		return err
	}
	return s.render(c, "admin_catalogue", pageData{Title: translate(lang(c), "admin.catalogue"), Data: m})
}

// Allowed values, as in the schema (queries/migrations/0001_catalog.sql).
var (
	indicatorAggregations = []string{"none", "sum", "derived"}
	zoneTypes             = []string{"EZ", "IP", "IC"}
)

// catalogueRow reads one indicator, zone or agency from a row of a file (line > 0)
// or from the form (line 0); get returns a column's value.
func indicatorFrom(fe *fieldErrors, line int, get func(string) string) queries.Indicator {
	w := rowAt(line)
	code := get("code")
	if code == "" {
		code = get("key") // the column name of data/indicators.csv
	}
	it := queries.Indicator{Code: fe.code(w, "code", code), OutlineSection: get("outline_section"),
		NameVI: fe.required(w, "name_vi", get("name_vi")), NameEN: get("name_en"), Unit: get("unit"),
		Kind: get("kind"), Aggregation: fe.oneOf(w, "aggregation", orDefault(get("aggregation"), "none"), indicatorAggregations...),
		HigherIsBetter: formBool(get("higher_is_better"))}
	if so := get("sort_order"); so != "" {
		n, err := strconv.ParseUint(so, 10, 16)
		if err != nil {
			fe.add(w, "sort_order phải là số nguyên.", "sort_order must be a whole number.")
		}
		it.SortOrder = uint16(n)
	}
	return it
}

func zoneFrom(fe *fieldErrors, line int, get func(string) string) queries.Zone {
	w := rowAt(line)
	loc := get("location")
	if loc == "" {
		loc = get("location_before_7_2025") // the column name of data/zones.csv
	}
	return queries.Zone{Code: fe.code(w, "code", get("code")), NameVI: fe.required(w, "name_vi", get("name_vi")),
		Type: fe.oneOf(w, "type", get("type"), zoneTypes...), Parent: get("parent"), Location: loc,
		AreaHa: fe.optDecimal(w, "area_ha", get("area_ha")), Status: get("status"),
		ValidFrom: fe.optDate(w, "valid_from", get("valid_from")), ValidTo: fe.optDate(w, "valid_to", get("valid_to")),
		Source: get("source")}
}

func agencyFrom(fe *fieldErrors, line int, get func(string) string) queries.Agency {
	w := rowAt(line)
	return queries.Agency{Code: fe.code(w, "code", get("code")), NameVI: fe.required(w, "name_vi", get("name_vi")),
		Level: get("level"), ValidFrom: fe.optDate(w, "valid_from", get("valid_from")),
		ValidTo: fe.optDate(w, "valid_to", get("valid_to")), Successor: get("successor"), Source: get("source")}
}

func orDefault(v, def string) string {
	if v == "" {
		return def
	}
	return v
}

// formGetter reads trimmed form fields; a checkbox is "1" when ticked.
func formGetter(c *fiber.Ctx) func(string) string {
	return func(k string) string { return trimField(c.FormValue(k)) }
}

// adminCatalogueSave saves one indicator, zone or agency from the form (:kind).
func (s *server) adminCatalogueSave(c *fiber.Ctx) error {
	ctx := c.UserContext()
	var fe fieldErrors
	get := formGetter(c)
	var id string
	var save func() error
	switch kind := c.Params("kind"); kind {
	case "indicators":
		it := indicatorFrom(&fe, 0, get)
		if it.SortOrder == 0 {
			if err := s.keepSortOrder(c, []*queries.Indicator{&it}); err != nil {
				return err
			}
		}
		id, save = it.Code, func() error { return s.Store.SaveIndicators(ctx, []queries.Indicator{it}) }
	case "zones":
		z := zoneFrom(&fe, 0, get)
		id, save = z.Code, func() error { return s.Store.SaveZones(ctx, []queries.Zone{z}) }
	case "agencies":
		a := agencyFrom(&fe, 0, get)
		id, save = a.Code, func() error { return s.Store.SaveAgencies(ctx, []queries.Agency{a}) }
	default:
		return fiber.ErrNotFound
	}
	if err := fe.err(); err != nil {
		return err
	}
	if err := save(); err != nil {
		return err
	}
	s.audit(c, queries.AuditEvent{Action: queries.AuditCatalogue, ObjectKind: c.Params("kind"), ObjectID: id, Detail: "form"})
	return c.Redirect("/admin/catalogue?ok=saved#"+c.Params("kind"), fiber.StatusSeeOther)
}

// keepSortOrder gives indicators without a sort order their current one, or places
// new ones after the last, so a form edit does not move an indicator to the top.
func (s *server) keepSortOrder(c *fiber.Ctx, items []*queries.Indicator) error {
	cur, err := s.Store.Indicators(c.UserContext())
	if err != nil {
		return err
	}
	order := map[string]uint16{}
	var last uint16
	for _, it := range cur {
		order[it.Code] = it.SortOrder
		last = max(last, it.SortOrder)
	}
	for _, it := range items {
		if it.SortOrder != 0 {
			continue
		}
		if o, ok := order[it.Code]; ok {
			it.SortOrder = o
		} else {
			last++
			it.SortOrder = last
		}
	}
	return nil
}

// adminCatalogueUpload saves many indicators, zones or agencies from a CSV or XLSX
// file with the columns of data/indicators.csv, zones.csv or agencies.csv. The whole
// file is checked first: one bad row and nothing is written.
func (s *server) adminCatalogueUpload(c *fiber.Ctx) error {
	ctx := c.UserContext()
	kind := c.FormValue("kind")
	t, file, err := readUploadedTable(c, "file")
	if err != nil {
		return err
	}
	var fe fieldErrors
	if !t.has("name_vi") || !(t.has("code") || kind == "indicators" && t.has("key")) {
		return badRequest("Tệp phải có dòng tiêu đề với các cột code (hoặc key) và name_vi.",
			"The file needs a header row with the columns code (or key) and name_vi.")
	}
	n := len(t.rows)
	seen := map[string]int{}
	dup := func(code string, line int) {
		if prev, ok := seen[code]; ok && code != "" {
			fe.add(rowAt(line), fmt.Sprintf("mã %s trùng với dòng %d.", code, prev), fmt.Sprintf("code %s repeats line %d.", code, prev))
		}
		seen[code] = line
	}
	var save func() error
	switch kind {
	case "indicators":
		items := make([]queries.Indicator, n)
		ptrs := make([]*queries.Indicator, n)
		for i := range t.rows {
			items[i] = indicatorFrom(&fe, t.line[i], t.getter(i))
			ptrs[i] = &items[i]
			dup(items[i].Code, t.line[i])
		}
		if err := s.keepSortOrder(c, ptrs); err != nil {
			return err
		}
		save = func() error { return s.Store.SaveIndicators(ctx, items) }
	case "zones":
		items := make([]queries.Zone, n)
		for i := range t.rows {
			items[i] = zoneFrom(&fe, t.line[i], t.getter(i))
			dup(items[i].Code, t.line[i])
		}
		save = func() error { return s.Store.SaveZones(ctx, items) }
	case "agencies":
		items := make([]queries.Agency, n)
		for i := range t.rows {
			items[i] = agencyFrom(&fe, t.line[i], t.getter(i))
			dup(items[i].Code, t.line[i])
		}
		save = func() error { return s.Store.SaveAgencies(ctx, items) }
	default:
		return badRequest("Chọn loại danh mục: chỉ tiêu, khu hoặc đơn vị.", "Choose a catalogue: indicators, zones or agencies.")
	}
	if err := fe.err(); err != nil {
		return err
	}
	if err := save(); err != nil {
		return err
	}
	s.audit(c, queries.AuditEvent{Action: queries.AuditCatalogue, ObjectKind: kind, ObjectID: file,
		Detail: fmt.Sprintf("file %s: %d rows", file, n)})
	return c.Redirect("/admin/catalogue?ok=loaded#"+kind, fiber.StatusSeeOther)
}
