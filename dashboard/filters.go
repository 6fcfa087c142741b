package dashboard

import (
	"net/url"
	"strconv"
	"strings"

	"github.com/gofiber/fiber/v2"
)

// filters are the choices a page is drawn for. They live in the URL (never in a
// session), so every view can be bookmarked, shared and reproduced by an export.
type filters struct {
	Plan       string // plan code
	Year       int    // evaluation year (0: the default for the page)
	ZoneType   string // EZ, IP, IC
	ZoneStatus string // operating, planned, ...
	Location   string // part of a zone's location
	Agency     string // agency code
	Metric     string // indicator ranked on the zones page
	Code       string // indicator on the indicator page
	Tables     string // export: one table id, or empty for all
	Charts     []string
}

// readFilters takes the filters from the query string. Values are only ever compared
// with catalogue codes or printed escaped, so no further cleaning is needed; lengths
// are capped so a hostile URL cannot blow up a page.
func readFilters(c *fiber.Ctx) filters {
	// Copies: Fiber's strings point into the request buffer, reused after the handler
	// returns, and filters live on in cached pages (export file names were garbled).
	q := func(k string) string {
		v := strings.TrimSpace(c.Query(k))
		if len(v) > 120 {
			v = v[:120]
		}
		return strings.Clone(v)
	}
	f := filters{Plan: q("plan"), ZoneType: q("type"), ZoneStatus: q("status"), Location: q("location"),
		Agency: q("agency"), Metric: q("metric"), Code: strings.Clone(c.Params("code")), Tables: q("table")}
	if f.Code == "" {
		f.Code = q("code") // exports name the indicator in the query
	}
	if y, err := strconv.Atoi(q("year")); err == nil && y >= 1990 && y <= 2100 {
		f.Year = y
	}
	// charts=a,b or charts=a&charts=b (the briefing's checkboxes).
	for _, raw := range c.Context().QueryArgs().PeekMulti("charts") {
		for _, ch := range strings.Split(string(raw), ",") {
			if ch = strings.TrimSpace(ch); ch != "" && len(f.Charts) < 50 {
				f.Charts = append(f.Charts, strings.Clone(ch))
			}
		}
	}
	return f
}

// values is the filters as URL parameters (only the ones set).
func (f filters) values() url.Values {
	v := url.Values{}
	set := func(k, val string) {
		if val != "" {
			v.Set(k, val)
		}
	}
	set("plan", f.Plan)
	set("code", f.Code)
	if f.Year > 0 {
		v.Set("year", strconv.Itoa(f.Year))
	}
	set("type", f.ZoneType)
	set("status", f.ZoneStatus)
	set("location", f.Location)
	set("agency", f.Agency)
	set("metric", f.Metric)
	if len(f.Charts) > 0 {
		v.Set("charts", strings.Join(f.Charts, ","))
	}
	return v
}

// query is the filters as a query string, without the leading "?".
func (f filters) query() string { return f.values().Encode() }

// with returns the query string with one table chosen (for per-chart data exports).
func (f filters) withTable(id string) string {
	v := f.values()
	v.Set("table", id)
	return v.Encode()
}

// describe lists the filters in words, for exports and the briefing footer.
func (f filters) describe(lg string) string {
	var parts []string
	add := func(key, val string) {
		if val != "" {
			parts = append(parts, translate(lg, key)+": "+val)
		}
	}
	add("common.plan", f.Plan)
	if f.Year > 0 {
		add("common.year", strconv.Itoa(f.Year))
	}
	add("filter.indicator", f.Code)
	add("filter.zonetype", f.ZoneType)
	add("filter.zonestatus", f.ZoneStatus)
	add("filter.location", f.Location)
	add("filter.agency", f.Agency)
	add("filter.metric", f.Metric)
	if len(parts) == 0 {
		return translate(lg, "filter.none")
	}
	return strings.Join(parts, "; ")
}
