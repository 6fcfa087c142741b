package dashboard

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/xuri/excelize/v2"
)

// The final review of 2021–2025 with the demo data: DHXX-2020's four targets,
// KH-2024 and KH-2025's yearly GRDP growth, DHXIII's wastewater share and NQ23's two
// 2021–2030 averages (judged at 2025, interim).
var reviewCounts = map[string]string{"met": "2", "met_provisional": "1", "at_risk": "0", "not_met": "1",
	"not_judgeable": "2", "no_data": "3"}

// TestReviewBrowser reads the review's counts in Chromium, in both languages, and
// checks its XLSX and PDF exports and its chart's image export.
func TestReviewBrowser(t *testing.T) {
	base, _ := startTestServer(t, nil)
	bctx := startChromium(t, 1440, 1000)
	for lg, want := range map[string][]string{
		"vi": {"Tổng kết giai đoạn 2021–2025", "9 mục tiêu của 7 chỉ tiêu trong 5 kế hoạch", "Không đạt (thiếu 2023; 2025 khác địa giới)",
			"Bình quân giai đoạn 2021–2025: 7–8 %/năm", "Quyết định số 998/QĐ-UBND"},
		"en": {"Final review of 2021–2025", "9 targets on 7 indicators in 5 plans", "Not met (missing 2023; 2025 other territory)",
			"Period average 2021–2025: 7–8 %/yr", "Decision 998/QĐ-UBND"},
	} {
		tab := openTab(t, bctx)
		tab.load(t, base+"/review?lang="+lg)
		counts, err := chromedp.Run(tab.ctx, chromedp.Evaluate[map[string]string](`(function () {
			var out = {}; document.querySelectorAll("#review-scorecard li.count").forEach(function (li) {
				out[li.dataset.status] = li.querySelector(".n").textContent; }); return out; })()`))
		must(t, err)
		for st, n := range reviewCounts {
			if counts[st] != n {
				t.Errorf("%s: %s = %q, want %s (all: %v)", lg, st, counts[st], n, counts)
			}
		}
		rows, err := chromedp.Run(tab.ctx, chromedp.Evaluate[int](`document.querySelectorAll("#table-review tbody tr").length`))
		must(t, err)
		if rows != 9 {
			t.Errorf("%s: %d targets listed, want 9", lg, rows)
		}
		text, err := chromedp.Run(tab.ctx, chromedp.Evaluate[string](`document.body.innerText`))
		must(t, err)
		mustContain(t, lg+" review", strings.Join(strings.Fields(text), " "), want...)
		drawn, err := chromedp.Run(tab.ctx, chromedp.Evaluate[string](`document.getElementById("review-counts").dataset.drawn + "|" +
			document.querySelectorAll("figure .export-png[data-chart='review-counts']").length`))
		must(t, err)
		if drawn != "true|1" {
			t.Errorf("%s: counts chart drawn|png = %q, want a drawn chart with a PNG button", lg, drawn)
		}
		tab.check(t)
		tab.close()
	}
	x := fetch(t, base+"/export/review.xlsx?year=2025&lang=vi")
	xf, err := excelize.OpenReader(strings.NewReader(x.Body))
	must(t, err)
	var cells []string
	for _, sh := range xf.GetSheetList() {
		rs, _ := xf.GetRows(sh)
		for _, r := range rs {
			cells = append(cells, r...)
		}
	}
	xf.Close()
	mustContain(t, "review XLSX", strings.Join(cells, "|"), "|Không đạt (thiếu 2023; 2025 khác địa giới)|", "Bình quân giai đoạn 2021–2025: 7–8 %/năm")
	pdf := fetch(t, base+"/review.pdf?lang=vi")
	if pdf.Status != 200 || !strings.HasPrefix(pdf.Body, "%PDF") {
		t.Fatalf("review.pdf: %d %.40q", pdf.Status, pdf.Body)
	}
	p := filepath.Join(t.TempDir(), "review.pdf")
	must(t, os.WriteFile(p, []byte(pdf.Body), 0o644))
	out, err := exec.Command("pdftotext", p, "-").Output()
	must(t, err)
	mustContain(t, "review PDF", strings.Join(strings.Fields(string(out)), " "), "Tổng kết giai đoạn 2021–2025", "2 đạt, 1 tạm đạt, 0 có nguy cơ, 1 không đạt")
}

// The plans of the period without targets are named to everyone; the admin also
// gets the link to load them.
func TestReviewNamesPlansWithoutTargets(t *testing.T) {
	e := newAcctEnv(t, true)
	for who, link := range map[string]bool{tAdmin: true, tViewer: false} {
		body := readBody(t, e.do(e.as(who), "GET", "/review", nil))
		mustContain(t, who, body, `data-plan="QD998-2021"`)
		if got := strings.Contains(body, `href="/admin/plans/QD998-2021"`); got != link {
			t.Errorf("%s: upload link shown %v, want %v", who, got, link)
		}
	}
}
