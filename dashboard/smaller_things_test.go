package dashboard

import (
	"context"
	"math"
	"regexp"
	"strings"
	"testing"

	"github.com/quangngai/chitieu/queries"
)

// Issue 21.11: /zones ranked zones that have no figure; a count chart stepped by
// halves and printed its unit twice.
func TestSmallerThingsLeadersNoticed(t *testing.T) {
	base, _ := startTestServer(t, nil)
	body := fetch(t, base+"/zones").Body
	tbl := body[strings.Index(body, `id="table-zones"`):]
	tbl = tbl[:strings.Index(tbl, "</table>")]
	for _, row := range regexp.MustCompile(`(?s)<tr>(.*?)</tr>`).FindAllStringSubmatch(tbl, -1)[1:] {
		cells := regexp.MustCompile(`(?s)<td[^>]*>(.*?)</td>`).FindAllStringSubmatch(row[1], -1)
		if len(cells) < 9 {
			continue
		}
		rank, metric := pageText(cells[0][1]), pageText(cells[8][1])
		if metric == "—" && rank != "—" {
			t.Errorf("zone %s ranked %s without a figure", pageText(cells[2][1]), rank)
		}
	}
	o := chartOption(t, fetch(t, base+"/review").Body, "review-counts")
	x := o["xAxis"].([]any)[0].(map[string]any)
	if x["minInterval"] != 1.0 || x["name"] != nil {
		t.Errorf("counts axis %v: want whole steps and no second unit", x)
	}
}

// Issue 21.11: the plan selector wrote a one-year plan as "(2025–2025)".
func TestPlanSelectorPeriods(t *testing.T) {
	base, _ := startTestServer(t, nil)
	text := pageText(fetch(t, base+"/?plan=KH-2025").Body)
	if strings.Contains(text, "2025–2025") || strings.Contains(text, "2024–2024") {
		t.Error("a one-year plan is written as a range of one year")
	}
	mustContain(t, "selector", text, "kinh tế - xã hội năm 2025 (2025)", "(2021–2025)")
}

// Issue 21.11: a 19-digit data version on every page, chart stamp, export and file
// name. Pages print an 8-character form, the same for the same version.
func TestDataVersionShortForm(t *testing.T) {
	base, _ := startTestServer(t, nil)
	long := regexp.MustCompile(`\d{19}`)
	short := regexp.MustCompile(`(?:Phiên bản dữ liệu|Data version) ([0-9a-f]{8}) `)
	var seen []string
	for _, p := range []string{"/", "/?lang=en", "/indicators/grdp_growth", "/zones"} {
		body := fetch(t, base+p).Body
		if m := long.FindString(body); m != "" {
			t.Errorf("%s prints a 19-digit version %s", p, m)
		}
		m := short.FindStringSubmatch(pageText(body))
		if m == nil {
			t.Errorf("%s: no 8-character data version", p)
			continue
		}
		seen = append(seen, m[1])
	}
	for _, v := range seen {
		if v != seen[0] {
			t.Errorf("one data version printed as %v", seen)
		}
	}
	r := fetch(t, base+"/export/zones.csv?type=IP")
	if long.MatchString(r.Header.Get("Content-Disposition")) || long.MatchString(r.Body) {
		t.Errorf("export carries a 19-digit version: %s", r.Header.Get("Content-Disposition"))
	}
	if len(seen) > 0 {
		mustContain(t, "export", r.Header.Get("Content-Disposition")+r.Body, "v"+seen[0], seen[0])
	}
}

// Issue 21.11: export stamps printed codes ("Loại khu: IP", "Chỉ tiêu:
// industrial_output_value"); they name things in words, in the page language.
func TestExportStampsInWords(t *testing.T) {
	base, _ := startTestServer(t, nil)
	for url, wants := range map[string][]string{
		"/export/zones.csv?type=IP":                                  {"Loại khu: Khu công nghiệp"},
		"/export/zones.csv?type=IP&lang=en":                          {"Zone type: Industrial park"},
		"/export/indicator.csv?code=industrial_output_value":         {"Chỉ tiêu: Giá trị sản xuất công nghiệp"},
		"/export/indicator.csv?code=industrial_output_value&lang=en": {"Indicator: Industrial output value"},
		"/export/overview.csv?plan=DHXX-2020&year=2025":              {"Kế hoạch: Nghị quyết Đại hội"},
		"/export/projects.csv?status=proposed":                       {"Tình trạng: đề xuất"},
	} {
		body := fetch(t, base+url).Body
		mustContain(t, url, body, wants...)
		for _, code := range []string{": IP", ": industrial_output_value", ": DHXX-2020"} {
			if strings.Contains(body, code) {
				t.Errorf("%s stamps a code %q", url, code)
			}
		}
	}
	o := fetch(t, base+"/indicators/industrial_output_value").Body
	mustContain(t, "chart stamp", o, `data-stamp="`)
	if strings.Contains(o, "Chỉ tiêu: industrial_output_value") {
		t.Error("the chart stamp names the indicator by its code")
	}
}

// Issue 21.11: the agency chart ranked CTK's 2021 province-wide count against BQL's
// 2025 zones count. Agencies are ranked on the same territory and year only; when
// they report different ones, a note says who reports what.
func TestAgencyChartComparesLikeWithLike(t *testing.T) {
	base, _ := startTestServer(t, nil)
	body := fetch(t, base+"/indicators/investment_new_projects").Body
	if strings.Contains(body, `id="ind-agencies"`) {
		o := chartOption(t, body, "ind-agencies")
		labels := o["yAxis"].([]any)[0].(map[string]any)["data"].([]any)
		years := map[string]bool{}
		for _, l := range labels {
			years[regexp.MustCompile(`\((\d{4})\)$`).FindString(l.(string))] = true
		}
		if len(years) > 1 {
			t.Errorf("agency chart ranks figures of different years: %v", labels)
		}
	}
	mustContain(t, "agency note", pageText(body), "không xếp hạng với nhau", "BQL:", "CTK:")
}

// Issue 21.11: line charts printed the unit twice (title and axis), stepped project
// counts by halves, and printed an axis end between two ticks beside its neighbour
// ("300.000" against "280.000", "11" against "10"): both ends are ticks now.
func TestLineChartAxes(t *testing.T) {
	base, _ := startTestServer(t, nil)
	overview := fetch(t, base+"/?plan=DHXX-2020&year=2025").Body
	for _, c := range []struct {
		page, id string
		count    bool
	}{
		{fetch(t, base+"/indicators/investment_valid_projects").Body, "ind-series", true},
		{overview, "chart-investment_new_projects", true},
		{overview, "chart-investment_registered_capital_total", false},
		{fetch(t, base+"/indicators/grdp_growth").Body, "ind-series", false},
		{fetch(t, base+"/projection").Body, "proj-DHXX-2020-grdp_growth-province_old", false},
	} {
		y := chartOption(t, c.page, c.id)["yAxis"].([]any)[0].(map[string]any)
		if y["name"] != nil {
			t.Errorf("%s prints its unit on the axis too: %v", c.id, y)
		}
		step, _ := y["minInterval"].(float64)
		lo, _ := y["min"].(float64)
		hi, _ := y["max"].(float64)
		if step <= 0 || y["maxInterval"] != step {
			t.Errorf("%s: no fixed tick step: %v", c.id, y)
			continue
		}
		if c.count && step != math.Trunc(step) {
			t.Errorf("%s counts by %v", c.id, step)
		}
		for _, end := range []float64{lo, hi} {
			if k := end / step; math.Abs(k-math.Round(k)) > 1e-9 {
				t.Errorf("%s: axis end %v is not a tick of step %v", c.id, end, step)
			}
		}
	}
}

// Issue 21.11: /upload showed "POST /api/uploads (multipart…)" to analysts; the
// demo upload record said "0 dòng, 0 B" and linked to a file that is not there (404).
func TestUploadPagesForPeople(t *testing.T) {
	e := newAcctEnv(t, false)
	analyst := readBody(t, e.do(e.as(tAnalyst), "GET", "/upload", nil))
	mustContain(t, "analyst /upload", analyst, `action="/upload"`)
	if strings.Contains(analyst, "/api/uploads") || strings.Contains(analyst, "multipart, ") {
		t.Error("the analyst's upload page shows API text")
	}
	mustContain(t, "admin /upload", readBody(t, e.do(e.as(tAdmin), "GET", "/upload", nil)), "POST /api/uploads")

	list, err := e.st.ListUploads(context.Background(), queries.UploadFilter{Limit: 100})
	must(t, err)
	var demoID string
	for _, up := range list {
		if up.SourceKind == queries.KindDemo {
			demoID = up.ID
			if up.RowCount == 0 || up.Size == 0 {
				t.Errorf("demo upload record: %d rows, %d bytes", up.RowCount, up.Size)
			}
		}
	}
	if demoID == "" {
		t.Fatal("no demo upload record")
	}
	rep := pageText(readBody(t, e.do(e.as(tAdmin), "GET", "/uploads/"+demoID, nil)))
	mustContain(t, "demo upload record", rep, "dữ liệu mẫu", "không có tệp tải lên")
	if strings.Contains(rep, "Số dòng 0") || strings.Contains(rep, " 0 B") {
		t.Errorf("demo upload record reads 0 rows or 0 B: %s", rep)
	}
	for _, page := range []string{"/uploads/" + demoID, "/uploads"} {
		if strings.Contains(readBody(t, e.do(e.as(tAdmin), "GET", page, nil)), "/uploads/"+demoID+"/file") {
			t.Errorf("%s links the demo upload's file, which does not exist", page)
		}
	}
}
