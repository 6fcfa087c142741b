package dashboard

import (
	"context"
	"encoding/json"
	"html"
	"regexp"
	"strings"
	"testing"

	"github.com/quangngai/chitieu/queries"
	"github.com/shopspring/decimal"
)

// chartOption reads the ECharts option of the chart with this id from a page.
func chartOption(t *testing.T, body, id string) map[string]any {
	t.Helper()
	re := regexp.MustCompile(`id="` + regexp.QuoteMeta(id) + `"[^>]*?data-option="([^"]*)"`)
	m := re.FindStringSubmatch(body)
	if m == nil {
		t.Fatalf("no chart %s on the page", id)
	}
	var o map[string]any
	if err := json.Unmarshal([]byte(html.UnescapeString(m[1])), &o); err != nil {
		t.Fatalf("chart %s option: %v", id, err)
	}
	return o
}

// chartAttr reads one data attribute of the chart with this id ("" when absent).
func chartAttr(body, id, attr string) string {
	re := regexp.MustCompile(`<div class="chart[^"]*" id="` + regexp.QuoteMeta(id) + `"[^>]*>`)
	tag := re.FindString(body)
	m := regexp.MustCompile(attr + `="([^"]*)"`).FindStringSubmatch(tag)
	if m == nil {
		return ""
	}
	return html.UnescapeString(m[1])
}

// seriesYears lists, per series name, the x-axis years that carry a value.
func seriesYears(o map[string]any) map[string][]string {
	axis := o["xAxis"].([]any)[0].(map[string]any)["data"].([]any)
	out := map[string][]string{}
	for _, s := range o["series"].([]any) {
		sm := s.(map[string]any)
		for i, d := range sm["data"].([]any) {
			if v := d.(map[string]any)["value"]; v != "-" {
				out[sm["name"].(string)] = append(out[sm["name"].(string)], axis[i].(string))
			}
		}
	}
	return out
}

func pageText(body string) string {
	body = regexp.MustCompile(`(?s)<script.*?</script>|data-option="[^"]*"`).ReplaceAllString(body, "")
	t := regexp.MustCompile(`<[^>]+>`).ReplaceAllString(body, " ")
	return strings.Join(strings.Fields(html.UnescapeString(t)), " ")
}

// Issue 11 §2: the old province and the merged one are two territories. Their
// figures are two lines, a target is judged on its own territory only, and the
// merger note rides on the chart's exports.
func TestMergerBreaksEverySeries(t *testing.T) {
	base, _ := startTestServer(t, nil)
	dhxx := fetch(t, base+"/?plan=DHXX-2020&year=2025").Body
	text := pageText(dhxx)
	// GRDP growth 7–8 %/year for the old province: 6,05, 8,08, 4,07 average 6,07 —
	// not met. The merged province's 10,02 (2025) is reference only.
	mustContain(t, "DHXX overview", text, "bình quân các năm 2021, 2022, 2024: 6,07", "Không đạt",
		"Thiếu số liệu năm 2023; Khác địa giới, không tính năm 2025",
		"Tham khảo (địa giới khác, không tính vào đánh giá): 2025 Tỉnh Quảng Ngãi (từ 1/7/2025): 10,02 %")
	// The old province's 2025 end levels cannot be judged; they are not "Đạt" on the
	// merged province's 69,5 % estimate.
	mustContain(t, "DHXX overview", text, "Không đánh giá được (khác địa giới) Mục tiêu 69–70 %")
	ys := seriesYears(chartOption(t, dhxx, "chart-grdp_growth"))
	old, nw := ys["Tỉnh Quảng Ngãi (trước 1/7/2025)"], ys["Tỉnh Quảng Ngãi (từ 1/7/2025)"]
	if strings.Join(old, ",") != "2021,2022,2024" || strings.Join(nw, ",") != "2025" || len(ys) != 2 {
		t.Fatalf("card lines %v: want the old province 2021, 2022, 2024 and the merged one 2025, apart", ys)
	}
	if note := chartAttr(dhxx, "chart-grdp_growth", "data-note"); !strings.Contains(note, "Chuỗi số liệu qua năm 2025") {
		t.Fatalf("card chart note %q, want the merger note", note)
	}
	// The indicator page: one legend entry per territory, the note on the chart.
	ind := fetch(t, base+"/indicators/grdp_growth").Body
	o := chartOption(t, ind, "ind-series")
	var names []string
	for _, s := range o["series"].([]any) {
		names = append(names, s.(map[string]any)["name"].(string))
	}
	if strings.Join(names, "|") != "Tỉnh Quảng Ngãi (trước 1/7/2025)|Tỉnh Quảng Ngãi (từ 1/7/2025)" {
		t.Fatalf("indicator lines %v, want one per territory", names)
	}
	if chartAttr(ind, "ind-series", "data-note") == "" {
		t.Fatal("the indicator chart shows both territories: its exports must carry the merger note")
	}
	// A chart of one territory carries no merger note.
	if note := chartAttr(ind, "ind-zones", "data-note"); note != "" {
		t.Fatalf("zone breakdown carries %q", note)
	}
	// /projection: industry + construction 44–45 % in 2030 (merged province) is
	// forecast from the merged province's 41,3 % only, never by a line from the old
	// province's 43,6 % of 2022 (which gave 37,5 %).
	proj := pageText(fetch(t, base+"/projection?plan=DHI-2025").Body)
	if strings.Contains(proj, "37,5") || !strings.Contains(proj, "mức năm 2025: 41,3 · Mức đạt 93,9 % · Chưa đủ số liệu để dự báo") {
		t.Fatalf("projection mixes territories: %.600s", proj[strings.Index(proj, "44–45"):])
	}
	// English: the same verdict, in English.
	en := pageText(fetch(t, base+"/?plan=DHXX-2020&year=2025&lang=en").Body)
	mustContain(t, "English overview", en, "Cannot be judged (different territory)", "For reference only (other territory, not counted)")
}

// Issue 11 §3: statuses that cannot contradict each other.
func TestStatusesAgree(t *testing.T) {
	base, _ := startTestServer(t, nil)
	// GRDP per capita (DHXX-2020, 2025 level of the old province): no forecast of a
	// closed period, 0 years counted, a status that says why.
	proj := fetch(t, base+"/projection?plan=DHXX-2020&year=2025").Body
	text := pageText(proj)
	if strings.Contains(text, "4.877") {
		t.Fatal("a closed period's level is forecast from years outside it")
	}
	mustContain(t, "projection", text, "GRDP bình quân đầu người 4.200–4.400 USD 2025 Mức cuối kỳ 0",
		"Không đánh giá được (khác địa giới) GRDP bình quân đầu người")
	// A plan that ended in 2025 is closed in 2026, whatever year the filter names.
	if !strings.Contains(text, "lần thứ XX (2021–2025) Đã kết thúc") {
		t.Fatalf("DHXX-2020 is not shown as closed: %.600s", text)
	}
	ov := pageText(fetch(t, base+"/?plan=DHXX-2020&year=2024").Body)
	mustContain(t, "overview of a closed plan", ov, "(2021–2025) Đã kết thúc")
	// Reporting: the BQL's 2024 figures are on every page; the register says they come
	// from published sources, and the agency-year page says the same.
	repBody := fetch(t, base+"/reporting?year=2024").Body
	for _, code := range []string{"BQL", "CTK"} {
		cell := regexp.MustCompile(`<td class="st (sub-\w+)"[^>]*><a href="/reporting/` + code + `/2024">([^<]*)</a>`).FindStringSubmatch(repBody)
		if cell == nil || cell[1] != "sub-published" || html.UnescapeString(cell[2]) != "Số liệu công bố" {
			t.Fatalf("%s 2024 in the register: %v, want published figures", code, cell)
		}
	}
	rep := pageText(repBody)
	if strings.Contains(rep[strings.Index(rep, "Cơ quan chưa gửi báo cáo năm 2024"):], "BQL Ban Quản lý") {
		t.Fatal("BQL listed as owing a report while its figures are shown")
	}
	sub := pageText(fetch(t, base+"/reporting/BQL/2024").Body)
	if strings.Contains(sub, "Cơ quan chưa gửi báo cáo") || !strings.Contains(sub, "số liệu từ nguồn công bố, không qua báo cáo") {
		t.Fatalf("/reporting/BQL/2024 contradicts itself: %.400s", sub)
	}
	mustContain(t, "BDT nil report", pageText(fetch(t, base+"/reporting/BDT/2023").Body), "Báo cáo không")
}

// Issue 11 §4: a target is drawn once, where it applies.
func TestTargetsDrawnWhereTheyApply(t *testing.T) {
	base, _ := startTestServer(t, nil)
	o := chartOption(t, fetch(t, base+"/indicators/grdp_growth").Body, "ind-series")
	first := o["series"].([]any)[0].(map[string]any)
	type mark struct {
		label    string
		from, to string
		offset   string
	}
	var marks []mark
	labelOf := func(item map[string]any) (string, string) {
		l, _ := item["label"].(map[string]any)
		off, _ := json.Marshal(l["offset"])
		f, _ := l["formatter"].(string)
		return f, string(off)
	}
	if ma, ok := first["markArea"].(map[string]any); ok {
		for _, d := range ma["data"].([]any) {
			pair := d.([]any)
			a, b := pair[0].(map[string]any), pair[1].(map[string]any)
			l, off := labelOf(a)
			marks = append(marks, mark{l, a["xAxis"].(string), b["xAxis"].(string), off})
		}
	}
	if ml, ok := first["markLine"].(map[string]any); ok {
		for _, d := range ml["data"].([]any) {
			pair, ok := d.([]any)
			if !ok {
				t.Fatalf("a target drawn as a level across the whole chart: %v", d)
			}
			a, b := pair[0].(map[string]any), pair[1].(map[string]any)
			l, off := labelOf(a)
			marks = append(marks, mark{l, a["coord"].([]any)[0].(string), b["coord"].([]any)[0].(string), off})
		}
	}
	if mp, ok := first["markPoint"].(map[string]any); ok {
		for _, d := range mp["data"].([]any) {
			a := d.(map[string]any)
			l, off := labelOf(a)
			y := a["coord"].([]any)[0].(string)
			marks = append(marks, mark{l, y, y, off})
		}
	}
	want := map[string][2]string{
		"DHXX-2020: 7–8 %/năm": {"2021", "2024"}, // one band, one label, the old province's years only
		"KH-2024: 2,5–3 %":     {"2024", "2024"}, // a one-year target at its year only
		"KH-2025: ≥ 10 %":      {"2025", "2025"},
		"DHI-2025: ≥ 10 %/năm": {"2026", "2030"},
	}
	seen := map[string]int{}
	for i, m := range marks {
		seen[m.label]++
		if w, ok := want[m.label]; !ok || w != [2]string{m.from, m.to} {
			t.Errorf("target %q drawn over %s–%s, want %v", m.label, m.from, m.to, want[m.label])
		}
		// Targets over overlapping years never print their labels at the same place.
		for _, o := range marks[:i] {
			if o.from <= m.to && m.from <= o.to && o.offset == m.offset {
				t.Errorf("labels %q and %q overprint (offset %s)", o.label, m.label, m.offset)
			}
		}
	}
	for l := range want {
		if seen[l] != 1 {
			t.Errorf("target %q labelled %d times, want once", l, seen[l])
		}
	}
	// Small cards draw no target labels at all (the card's text lists the targets).
	card := chartOption(t, fetch(t, base+"/?plan=DHXX-2020").Body, "chart-grdp_growth")
	if b, _ := json.Marshal(card["series"]); strings.Contains(string(b), `"show":true`) {
		t.Fatal("a small card prints target labels")
	}
}

// Issue 11 §7: the landing page is a scorecard of the last closed plan until the
// current one has data.
func TestLandingScorecard(t *testing.T) {
	base, _ := startTestServer(t, nil)
	body := fetch(t, base+"/").Body
	text := pageText(body)
	mustContain(t, "scorecard", text, "Nghị quyết Đại hội Đảng bộ tỉnh Quảng Ngãi lần thứ XX (2021–2025) Đã kết thúc",
		"0 đạt 0 tạm đạt 0 có nguy cơ 1 không đạt 2 không đánh giá được 1 chưa có số liệu")
	mustContain(t, "current plan one click away", body, `<a href="/?plan=DHI-2025&amp;lang=vi">`)
	ti, ci := strings.Index(text, "Chỉ tiêu có mục tiêu trong kế hoạch"), strings.Index(text, "Chỉ tiêu tham khảo")
	if ti < 0 || ci < ti {
		t.Fatal("targeted indicators must come before the context ones")
	}
	if strings.Contains(text[ti:ci], "Chưa có mục tiêu") {
		t.Fatal("an untargeted card among the targeted ones")
	}
	sel := regexp.MustCompile(`<option value="([^"]+)"[^>]*>([^<]*)</option>`).FindAllStringSubmatch(body[strings.Index(body, `name="plan"`):], -1)
	var codes []string
	for _, m := range sel {
		codes = append(codes, m[1])
	}
	if strings.Join(codes[:7], ",") != "NQ23-2018,DHI-2025,DHXX-2020,QD998-2021,DHXIII-2021,KH-2025,KH-2024" {
		t.Fatalf("plan selector order %v", codes)
	}
	if html.UnescapeString(sel[1][2]) != "Nghị quyết Đại hội Đảng bộ tỉnh Quảng Ngãi lần thứ I (2026–2030)" {
		t.Fatalf("plan option %q, want short name and period", sel[1][2])
	}
	// The industrial plan without targets says so and points the admin to the upload.
	qd := fetch(t, base+"/?plan=QD998-2021").Body
	mustContain(t, "QD998", qd, `href="/admin/plans/QD998-2021"`, "Quản trị viên nạp mục tiêu")
	if strings.Contains(pageText(qd), "Chưa có mục tiêu") {
		t.Fatal("QD998 looks like a plan where everything has no target")
	}
	en := pageText(fetch(t, base+"/?lang=en").Body)
	mustContain(t, "English scorecard", en, "Closed", "1 not met 2 cannot be judged 1 no data yet", "Indicators with a target in this plan")
}

// Issue 10 §4: the revision history of an indicator is one read, grouped per figure.
func TestIndicatorHistoryShowsEveryRevision(t *testing.T) {
	base, st := startTestServer(t, nil)
	ctx := context.Background()
	cur, err := st.CurrentFigures(ctx, queries.FigureFilter{Indicators: []string{"grdp_growth"}})
	if err != nil {
		t.Fatal(err)
	}
	var revised []queries.Figure
	for _, c := range cur {
		if c.Year == 2022 || c.Year == 2024 {
			f := c.Figure
			f.Value, f.Note, f.Version = f.Value.Add(decimal.NewFromFloat(0.01)), "revision-"+itoa(int(f.Year)), queries.NewVersion()
			revised = append(revised, f)
		}
	}
	if len(revised) != 2 {
		t.Fatalf("demo figures for 2022 and 2024: %d", len(revised))
	}
	if err := st.InsertFigures(ctx, revised); err != nil {
		t.Fatal(err)
	}
	body := fetch(t, base+"/indicators/grdp_growth").Body
	i := strings.Index(body, `id="table-history"`)
	if i < 0 {
		t.Fatal("no revision history table")
	}
	hist := body[i:]
	hist = hist[:strings.Index(hist, "</table>")]
	if n := strings.Count(hist, "<tr>") - 1; n != 4 {
		t.Fatalf("history rows %d, want 2 figures × 2 versions", n)
	}
	mustContain(t, "history", pageText(hist), "8,09", "8,08", "4,08", "4,07", "revision-2022", "revision-2024")
}

// Issue 11 §3: a verdict resting on an estimate is provisional, even once the plan
// has closed ("Đạt (tạm tính)", counted as "tạm đạt"), never a final "Đạt".
func TestVerdictOnEstimateIsProvisional(t *testing.T) {
	base, st := startTestServer(t, nil)
	ctx := context.Background()
	if err := st.InsertFigures(ctx, []queries.Figure{{FigureKey: queries.FigureKey{Indicator: "industry_services_share_grdp",
		Scope: "province_old", Agency: "CTK", Year: 2025}, Value: decimal.RequireFromString("69.5"), Unit: "%",
		Status: queries.StatusEstimate, Source: "test", UploadID: "test-estimate", UploadedBy: "test", UploadedAt: testToday,
		Version: queries.NewVersion()}}); err != nil {
		t.Fatal(err)
	}
	text := pageText(fetch(t, base+"/?plan=DHXX-2020").Body)
	mustContain(t, "overview", text, "Đạt (tạm tính) Mục tiêu 69–70 %", "0 đạt 1 tạm đạt")
	en := pageText(fetch(t, base+"/?plan=DHXX-2020&lang=en").Body)
	mustContain(t, "overview in English", en, "Met (provisional)", "0 met 1 provisionally met")
}
