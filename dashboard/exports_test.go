package dashboard

import (
	"html"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

var (
	pageExportLink = regexp.MustCompile(`<p class="exports">[^<]*(?:<a class="button" href="([^"]+)" download>(?:XLSX|CSV)</a>\s*)+`)
	hrefAttr       = regexp.MustCompile(`href="([^"]+)"`)
	dataFileAttr   = regexp.MustCompile(`data-file="([^"]+)"`)
)

// pageExports returns the page-level export links of a page, XLSX first.
func pageExports(t *testing.T, body string) []string {
	t.Helper()
	block := pageExportLink.FindString(body)
	if block == "" {
		t.Fatal("no page export links")
	}
	var out []string
	for _, m := range hrefAttr.FindAllStringSubmatch(block, -1) {
		out = append(out, html.UnescapeString(m[1]))
	}
	return out
}

// TestPageExportLinks: the "Tải dữ liệu của trang" links carry the page's plan, year,
// filters and language as separate parameters (they were escaped into one value, so
// the file held the default view or was a 404), XLSX comes first, and the file's
// name says what it holds.
func TestPageExportLinks(t *testing.T) {
	base, _ := startTestServer(t, nil)
	for _, c := range []struct {
		page string
		want []string // in the exported CSV
		name []string // in the file name
	}{
		{"/?plan=DHXX-2020&year=2025", []string{"Kế hoạch: Nghị quyết Đại hội Đảng bộ tỉnh Quảng Ngãi lần thứ XX (2021-2025); Năm: 2025", "Tốc độ tăng trưởng GRDP"}, []string{"overview", "DHXX-2020", "2025", "vi"}},
		{"/projection?plan=DHXX-2020&year=2025", []string{"Kế hoạch: Nghị quyết Đại hội Đảng bộ tỉnh Quảng Ngãi lần thứ XX (2021-2025); Năm: 2025"}, []string{"projection", "DHXX-2020", "2025"}},
		{"/zones?type=IP", []string{"Loại khu: Khu công nghiệp"}, []string{"zones"}},
		{"/reporting?year=2023", []string{"Năm: 2023"}, []string{"reporting", "2023"}},
		{"/indicators/grdp_growth?plan=DHXX-2020", []string{"Chỉ tiêu: Tốc độ tăng trưởng GRDP", "10,02"}, []string{"indicator", "grdp_growth"}},
		{"/reporting/BDT/2023", []string{"BDT"}, []string{"submission", "BDT", "2023"}},
		{"/?plan=DHXX-2020&year=2025&lang=en", []string{"Plan: Resolution of the 20th provincial Party Congress (2021-2025); Year: 2025", "GRDP growth rate", "10,02"}, []string{"overview", "en"}},
	} {
		t.Run(c.page, func(t *testing.T) {
			p := fetch(t, base+c.page)
			if p.Status != 200 {
				t.Fatalf("page: %d", p.Status)
			}
			links := pageExports(t, p.Body)
			if len(links) != 2 || !strings.Contains(links[0], ".xlsx?") || !strings.Contains(links[1], ".csv?") {
				t.Fatalf("page export links %q, want XLSX then CSV", links)
			}
			r := fetch(t, base+links[1])
			if r.Status != 200 {
				t.Fatalf("%s = %d", links[1], r.Status)
			}
			mustContain(t, links[1], r.Body, c.want...)
			name := r.Header.Get("Content-Disposition")
			mustContain(t, "file name", name, c.name...)
		})
	}
}

// TestExportLanguageFollowsTheLink: an export link says the language of the page it
// came from; a cookie from an earlier English page does not turn a Vietnamese link English.
func TestExportLanguageFollowsTheLink(t *testing.T) {
	base, _ := startTestServer(t, nil)
	en := fetch(t, base+"/?plan=DHXX-2020&year=2025&lang=en")
	links := pageExports(t, en.Body)
	if !strings.Contains(links[0], "lang=en") {
		t.Errorf("export link from an English page %q does not say lang=en", links[0])
	}
	vi := pageExports(t, fetch(t, base+"/?plan=DHXX-2020&year=2025&lang=vi").Body)
	req, _ := http.NewRequest("GET", base+vi[1], nil)
	req.AddCookie(&http.Cookie{Name: "lang", Value: "en"})
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b := readAll(t, resp)
	mustContain(t, "csv from a Vietnamese link with an English cookie", b, "Phiên bản dữ liệu", "Tốc độ tăng trưởng GRDP")
	if resp.Header.Get("Set-Cookie") != "" {
		t.Errorf("an export changed the language cookie: %s", resp.Header.Get("Set-Cookie"))
	}
}

// TestChartFileNamesSayWhatTheyHold: every chart's PNG/SVG name carries the page, the
// chart (indicator code), plan, year and language, and no two charts share one.
func TestChartFileNamesSayWhatTheyHold(t *testing.T) {
	base, _ := startTestServer(t, nil)
	seen := map[string]string{}
	for _, page := range []string{"/briefing?plan=DHXX-2020&year=2025", "/briefing?plan=DHXX-2020&year=2025&lang=en", "/indicators/grdp_growth",
		"/indicators/grdp_per_capita_usd", "/indicators/grdp_growth?lang=en", "/projection", "/zones"} {
		body := fetch(t, base+page).Body
		names := dataFileAttr.FindAllStringSubmatch(body, -1)
		if len(names) == 0 {
			t.Fatalf("%s: no chart file names", page)
		}
		for _, m := range names {
			n := m[1]
			if prev, dup := seen[n]; dup {
				t.Errorf("%s and %s both name a chart %q", prev, page, n)
			}
			seen[n] = page
			lg := "vi"
			if strings.Contains(page, "lang=en") {
				lg = "en"
			}
			if !strings.Contains(n, "-"+lg+"-") {
				t.Errorf("%s: chart file %q does not say its language %s", page, n, lg)
			}
		}
	}
	mustContain(t, "indicator chart name", strings.Join(keys(seen), " "), "chitieu-indicator-grdp_growth-ind-series-vi-",
		"chitieu-overview-DHXX-2020-brief-grdp_growth-2025-vi-")
}

func keys(m map[string]string) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	return out
}

func readAll(t *testing.T, r *http.Response) string {
	t.Helper()
	var sb strings.Builder
	buf := make([]byte, 32<<10)
	for {
		n, err := r.Body.Read(buf)
		sb.Write(buf[:n])
		if err != nil {
			break
		}
	}
	return sb.String()
}

// TestCSVReadsInLibreOfficeWithVietnameseSettings: the CSV convention (";", decimal
// comma, no thousands separator) is read by LibreOffice Calc with Vietnamese
// settings (locale 1066) as numbers with the right values.
func TestCSVReadsInLibreOfficeWithVietnameseSettings(t *testing.T) {
	soffice, err := exec.LookPath("soffice")
	if err != nil {
		t.Fatal("soffice is required (make test installs libreoffice-calc-nogui)")
	}
	base, _ := startTestServer(t, nil)
	dir := t.TempDir()
	r := fetch(t, base+"/export/indicator.csv?code=investment_registered_capital_total&lang=vi")
	if r.Status != 200 {
		t.Fatalf("csv: %d", r.Status)
	}
	src := filepath.Join(dir, "export.csv")
	if err := os.WriteFile(src, []byte(r.Body), 0o600); err != nil {
		t.Fatal(err)
	}
	// CSV filter options: separator 59 (;), text delimiter 34 ("), UTF-8 (76), first
	// line 1, default column types, language 1066 (Vietnamese).
	cmd := exec.Command(soffice, "-env:UserInstallation=file://"+filepath.Join(dir, "profile"), "--headless",
		`--infilter=CSV:59,34,76,1,,1066`, "--convert-to", "xlsx", "--outdir", dir, src)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("soffice: %v\n%s", err, out)
	}
	x, err := excelize.OpenFile(filepath.Join(dir, "export.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	sh := x.GetSheetList()[0]
	rows, _ := x.GetRows(sh, excelize.Options{RawCellValue: true})
	numbers := map[float64]bool{}
	for i, row := range rows {
		for j, v := range row {
			ref, _ := excelize.CoordinatesToCellName(j+1, i+1)
			if typ, _ := x.GetCellType(sh, ref); typ == excelize.CellTypeSharedString || typ == excelize.CellTypeInlineString {
				continue
			}
			if f, err := strconv.ParseFloat(v, 64); err == nil {
				numbers[f] = true
			}
		}
	}
	// 296.715 tỷ đồng (2020) and 391.000 (2023): read as those numbers, not 296,715.
	for _, want := range []float64{296715, 391000, 2020, 2023} {
		if !numbers[want] {
			t.Errorf("LibreOffice did not read %v as a number; numbers read: %v", want, numbers)
		}
	}
}

// TestXLSXCells: years are numbers, and attainment is the value rounded as shown.
func TestXLSXCells(t *testing.T) {
	base, _ := startTestServer(t, nil)
	r := fetch(t, base+"/export/overview.xlsx?plan=DHXX-2020&year=2025&table=overview&lang=vi")
	x, err := excelize.OpenReader(strings.NewReader(r.Body))
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	sh := x.GetSheetList()[1]
	rows, _ := x.GetRows(sh, excelize.Options{RawCellValue: true})
	var years, attain int
	for i, row := range rows {
		for j, v := range row {
			ref, _ := excelize.CoordinatesToCellName(j+1, i+1)
			typ, _ := x.GetCellType(sh, ref)
			isText := typ == excelize.CellTypeSharedString || typ == excelize.CellTypeInlineString
			if v == "2025" || v == "2024" {
				years++
				if isText {
					t.Errorf("year %s at %s stored as text", v, ref)
				}
			}
			if i >= 2 && j < len(rows[1]) && (rows[1][j] == translate("vi", "col.attainment")) && v != "" {
				attain++
				if f, err := strconv.ParseFloat(v, 64); err != nil || f*10 != float64(int64(f*10)) {
					t.Errorf("attainment %s at %s is not rounded to one decimal as on the page", v, ref)
				}
			}
		}
	}
	if years == 0 || attain == 0 {
		t.Errorf("found %d years and %d attainment values in %v", years, attain, rows)
	}
}
