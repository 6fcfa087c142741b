package dashboard

import (
	"net/url"
	"strconv"
	"strings"
	"unicode/utf8"

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
// with catalogue codes or printed escaped; cleanFilter caps their length so a hostile
// URL cannot blow up a page, and keeps them valid UTF-8 without control characters.
func readFilters(c *fiber.Ctx) filters {
	q := func(k string) string { return cleanFilter(c.Query(k)) }
	f := filters{Plan: q("plan"), ZoneType: q("type"), ZoneStatus: q("status"), Location: q("location"),
		Agency: q("agency"), Metric: q("metric"), Code: cleanFilter(c.Params("code")), Tables: q("table")}
	if f.Code == "" {
		f.Code = q("code") // exports name the indicator in the query
	}
	if y, err := strconv.Atoi(q("year")); err == nil && y >= 1990 && y <= 2100 {
		f.Year = y
	}
	// charts=a,b or charts=a&charts=b (the briefing's checkboxes).
	for _, raw := range c.Context().QueryArgs().PeekMulti("charts") {
		for _, ch := range strings.Split(string(raw), ",") {
			if ch = cleanFilter(ch); ch != "" && len(f.Charts) < 50 {
				f.Charts = append(f.Charts, ch)
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

// describe lists the filters in words, for exports and the briefing footer: a
// plan, indicator, zone type, status or agency by its name, never by its code
// ("Loại khu: Khu công nghiệp", not "Loại khu: IP"). name returns "" for a code it
// does not know, and the code is printed then.
func (f filters) describe(lg string, name func(kind, code string) string) string {
	var parts []string
	add := func(key, kind, val string) {
		if val == "" {
			return
		}
		if n := name(kind, val); n != "" {
			val = n
		}
		parts = append(parts, translate(lg, key)+": "+val)
	}
	add("common.plan", "plan", f.Plan)
	if f.Year > 0 {
		add("common.year", "", strconv.Itoa(f.Year))
	}
	add("filter.indicator", "indicator", f.Code)
	add("filter.zonetype", "zonetype", f.ZoneType)
	add("filter.zonestatus", "zonestatus", f.ZoneStatus)
	add("filter.location", "", f.Location)
	add("filter.agency", "agency", f.Agency)
	add("filter.metric", "indicator", f.Metric)
	if len(parts) == 0 {
		return translate(lg, "filter.none")
	}
	return strings.Join(parts, "; ")
}

// cleanFilter: invalid UTF-8 and control characters dropped (validInput refuses
// such a URL already; this keeps the rule where the value is read), spaces trimmed,
// and at most 120 bytes, cut at a character boundary so the cut never makes
// invalid UTF-8 of a long Vietnamese value.
func cleanFilter(v string) string {
	v = strings.Map(func(r rune) rune {
		if r < 0x20 || r == 0x7f || r == utf8.RuneError {
			return -1
		}
		return r
	}, v)
	v = strings.TrimSpace(v)
	if len(v) > 120 {
		cut := 120
		for cut > 0 && !utf8.RuneStart(v[cut]) {
			cut--
		}
		v = strings.TrimSpace(v[:cut])
	}
	return strings.Clone(v)
}
