package dashboard

import (
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// Issue 21.1: a verdict carries what it rests on wherever it is quoted — the card,
// the overview table, the projection table, and the CSV and XLSX exports.
func TestVerdictCarriesItsCaveat(t *testing.T) {
	base, _ := startTestServer(t, nil)
	const want = "Không đạt (thiếu 2023; 2025 khác địa giới)"
	ov := fetch(t, base+"/?plan=DHXX-2020&year=2025").Body
	card := ov[strings.Index(ov, `id="chart-grdp_growth"`)-2500 : strings.Index(ov, `id="chart-grdp_growth"`)]
	mustContain(t, "GRDP card", pageText(card), want)
	table := ov[strings.Index(ov, `<table`):]
	mustContain(t, "overview table", pageText(table), want)
	proj := pageText(fetch(t, base+"/projection?plan=DHXX-2020&year=2025").Body)
	mustContain(t, "projection", proj, want)
	csv := fetch(t, base+"/export/overview.csv?plan=DHXX-2020&year=2025&table=overview&lang=vi").Body
	mustContain(t, "overview CSV", csv, want)
	csv = fetch(t, base+"/export/projection.csv?plan=DHXX-2020&year=2025&table=projection&lang=vi").Body
	mustContain(t, "projection CSV", csv, want)
	r := fetch(t, base+"/export/overview.xlsx?plan=DHXX-2020&year=2025&table=overview&lang=vi")
	x, err := excelize.OpenReader(strings.NewReader(r.Body))
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	rows, _ := x.GetRows(x.GetSheetList()[1])
	found := false
	for _, row := range rows {
		for _, v := range row {
			found = found || v == want
		}
	}
	if !found {
		t.Fatalf("overview XLSX has no cell %q: %v", want, rows)
	}
	en := pageText(fetch(t, base+"/?plan=DHXX-2020&year=2025&lang=en").Body)
	mustContain(t, "English overview", en, "Not met (missing 2023; 2025 other territory)")
}

// Issue 21.2 and 21.3 on the page: the 2026–2030 plan is not "at risk" from 2025
// alone, and NQ23's remaining pace is spread over the merged province's 2026–2030.
func TestForecastOnlyFromEnoughData(t *testing.T) {
	base, _ := startTestServer(t, nil)
	dhi := pageText(fetch(t, base+"/projection?plan=DHI-2025").Body)
	if strings.Contains(dhi, "Có nguy cơ") || strings.Contains(dhi, "Giữ nguyên mức hiện tại") {
		t.Fatalf("DHI-2025 forecast from the base year: %.800s", dhi)
	}
	// 75–76 % in 2030 from 69,5 % in 2025: 1,3 points a year, and no forecast.
	mustContain(t, "DHI-2025 projection", dhi, "Chưa đủ số liệu để dự báo Tỷ trọng công nghiệp - dịch vụ trong GRDP",
		"Chưa đủ số liệu để dự báo (chỉ nêu nhịp cần đạt) · Cần bình quân các năm còn lại 1,1")
	nq := pageText(fetch(t, base+"/projection?plan=NQ23-2018").Body)
	// (6 × 8,5 − 17,8) / 5 = 6,64, not (10 × 8,5 − 17,8) / 9 = 7,47.
	if strings.Contains(nq, "7,47") || !strings.Contains(nq, "Cần bình quân các năm còn lại 6,64") {
		t.Fatalf("NQ23 remaining pace: %.900s", nq[strings.Index(nq, "Nghị quyết 23"):])
	}
	mustContain(t, "NQ23 attainment on one year", nq, "209,4 % (1 năm số liệu)")
}

// Issue 21.3 and 21.5 on the chart: a target is drawn over its own territory's years
// only, never as dashes (a forecast's style), and a share's axis keeps a floor.
func TestTargetChartsHonest(t *testing.T) {
	base, _ := startTestServer(t, nil)
	ov := fetch(t, base+"/?plan=DHXX-2020&year=2025").Body
	o := chartOption(t, ov, "chart-industry_services_share_grdp")
	first := o["series"].([]any)[0].(map[string]any)
	for _, k := range []string{"markArea", "markLine", "markPoint"} {
		if _, ok := first[k]; ok {
			t.Fatalf("the old province's 69–70 %% for 2025 is drawn on the merged province's year (%s)", k)
		}
	}
	if min, _ := o["yAxis"].([]any)[0].(map[string]any)["min"].(float64); min > 60 {
		t.Fatalf("share axis starts at %v: a 0,5-point gap looks like a fall", min)
	}
	nq := fetch(t, base+"/projection?plan=NQ23-2018").Body
	p := chartOption(t, nq, "proj-NQ23-2018-industrial_va_growth-national")
	ml := p["series"].([]any)[0].(map[string]any)["markLine"].(map[string]any)
	if ml["lineStyle"].(map[string]any)["type"] == "dashed" {
		t.Fatal("a target line is dashed like the forecast")
	}
	pair := ml["data"].([]any)[0].([]any)
	if from := pair[0].(map[string]any)["coord"].([]any)[0]; from != "2025" {
		t.Fatalf("NQ23 read on the merged province drawn from %v, want 2025", from)
	}
}

// Issue 21.4: industrial output value joined 132.611 (2023, old basis) to 157.521
// (2024, new basis), reading as +19 %. The series breaks at the flag on the figure,
// with a legend entry and a note that ride on the image exports.
func TestPriceBasisBreaksTheSeries(t *testing.T) {
	base, _ := startTestServer(t, nil)
	for lg, want := range map[string][2]string{
		"vi": {"Tỉnh Quảng Ngãi (trước 1/7/2025) — cơ sở giá khác từ 2024", "Giá trị từ năm 2024 tính theo cơ sở giá khác các năm trước"},
		"en": {"Quảng Ngãi province (before 1 July 2025) — other price basis from 2024", "Values from 2024 are at a different price basis"},
	} {
		body := fetch(t, base+"/indicators/industrial_output_value?lang="+lg).Body
		ys := seriesYears(chartOption(t, body, "ind-series"))
		old := ys[strings.TrimSuffix(want[0], map[string]string{"vi": " — cơ sở giá khác từ 2024", "en": " — other price basis from 2024"}[lg])]
		if strings.Join(old, ",") != "2021,2022,2023" || strings.Join(ys[want[0]], ",") != "2024" {
			t.Fatalf("%s: lines %v, want 2021–2023 and 2024 apart", lg, ys)
		}
		if note := chartAttr(body, "ind-series", "data-note"); !strings.Contains(note, want[1]) {
			t.Errorf("%s: chart note %q lacks the price-basis break", lg, note)
		}
		mustContain(t, lg+" page notes", pageText(body), want[1])
	}
}
