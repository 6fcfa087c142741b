package dashboard

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// phonePages: every page a reader opens, at 390 px (a common phone width).
var phonePages = []string{"/", "/?plan=DHXX-2020&year=2025", "/projection", "/indicators/grdp_growth",
	"/indicators/investment_registered_capital_total", "/zones", "/reporting", "/reporting/BQL/2024", "/projects",
	"/briefing?plan=DHXX-2020&year=2025", "/review", "/signin"}

// TestPhoneLayout: at 390 px no page is wider than the screen (tables scroll inside
// their box, filter forms wrap), and no chart title is cut at the chart's edge.
func TestPhoneLayout(t *testing.T) {
	base, _ := startTestServer(t, nil)
	bctx := startChromium(t, 390, 844)
	shots := os.Getenv("CHITIEU_SHOTS") // a folder: keep a screenshot of each page there
	for _, lg := range []string{"vi", "en"} {
		for _, p := range phonePages {
			t.Run(lg+p, func(t *testing.T) {
				tab := openTab(t, bctx)
				defer tab.close()
				if err := chromedp.Do(tab.ctx, chromedp.EmulateViewport(390, 844, chromedp.EmulateMobile)); err != nil {
					t.Fatal(err)
				}
				tab.load(t, base+withLang(p, lg))
				w, err := chromedp.Run(tab.ctx, chromedp.Evaluate[int](`document.documentElement.scrollWidth`))
				if err != nil {
					t.Fatal(err)
				}
				if w > 390 {
					wide, _ := chromedp.Run(tab.ctx, chromedp.Evaluate[[]string](`[].filter.call(document.querySelectorAll("body *"), function (e) {
						var r = e.getBoundingClientRect(); return r.right > 391 && !e.closest(".table-wrap, .export-box");
					}).slice(0, 8).map(function (e) { return e.tagName + "." + e.className + " " + Math.round(e.getBoundingClientRect().right); })`))
					t.Errorf("page is %d px wide at 390 px; too wide: %v", w, wide)
				}
				if shots != "" {
					png, err := chromedp.Run(tab.ctx, chromedp.FullScreenshot(80))
					if err == nil {
						name := strings.NewReplacer("/", "_", "?", "_", "&", "_", "=", "-").Replace(lg + p)
						_ = os.WriteFile(filepath.Join(shots, "phone"+name+".jpg"), png, 0o644)
					}
				}
			})
		}
	}
}

// TestEmptyChartSaysNoData: a chart without a single figure says "no data yet" in
// its box (not a bare axis with a legend for a series that is not drawn) and offers
// no image export; its data links stay.
func TestEmptyChartSaysNoData(t *testing.T) {
	base, _ := startTestServer(t, nil)
	bctx := startChromium(t, 1280, 900)
	for lg, want := range map[string]string{"vi": "Chưa có số liệu", "en": "No data yet"} {
		tab := openTab(t, bctx)
		tab.load(t, base+withLang("/indicators/ip_wastewater_compliance", lg))
		got, err := chromedp.Run(tab.ctx, chromedp.Evaluate[[]string](`[].map.call(document.querySelectorAll(".chart-card"), function (c) {
			var ch = c.querySelector(".chart");
			return ch.dataset.drawn + "|" + ch.textContent + "|" + c.querySelectorAll(".export-png, .export-svg").length + "|" + ch.querySelectorAll("canvas, svg").length;
		})`))
		tab.close()
		if err != nil || len(got) == 0 {
			t.Fatalf("%s: no chart card (%v)", lg, err)
		}
		if got[0] != "empty|"+want+"|0|0" {
			t.Errorf("%s: empty chart = %q, want drawn=empty, text %q, no image buttons, no axes", lg, got[0], want)
		}
	}
}

// TestBriefingLayout: on screen each chart choice's checkbox sits beside its label
// and the charts fill their card; the PDF names the site once, prints the merger
// note once and numbers its pages "Trang x/y".
func TestBriefingLayout(t *testing.T) {
	base, _ := startTestServer(t, nil)
	bctx := startChromium(t, 1440, 900)
	tab := openTab(t, bctx)
	defer tab.close()
	tab.load(t, base+"/briefing?plan=DHXX-2020&year=2025")
	bad, err := chromedp.Run(tab.ctx, chromedp.Evaluate[[]string](`[].filter.call(document.querySelectorAll("label.choice"), function (l) {
		var box = l.querySelector("input").getBoundingClientRect(), r = l.getBoundingClientRect();
		return box.bottom > r.top + r.height * 0.75 + 2 || box.right > r.left + 30; // beside, at the start of the label's line
	}).map(function (l) { return l.textContent.trim(); })`))
	if err != nil {
		t.Fatal(err)
	}
	if len(bad) > 0 {
		t.Errorf("checkboxes not beside their labels: %q", bad)
	}
	narrow, err := chromedp.Run(tab.ctx, chromedp.Evaluate[[]string](`[].filter.call(document.querySelectorAll(".briefing .chart-card"), function (c) {
		return c.querySelector(".chart").getBoundingClientRect().width < c.clientWidth * 0.9;
	}).map(function (c) { return c.querySelector(".chart").id; })`))
	if err != nil {
		t.Fatal(err)
	}
	if len(narrow) > 0 {
		t.Errorf("charts narrower than their card: %v", narrow)
	}
	for lg, want := range map[string][3]string{"vi": {"Chỉ tiêu phát triển công nghiệp tỉnh Quảng Ngãi", "Trang 1/", "Chuỗi số liệu qua năm 2025"},
		"en": {"Quảng Ngãi industrial development indicators", "Page 1/", ""}} {
		r := fetch(t, base+"/briefing.pdf?plan=DHXX-2020&year=2025&lang="+lg)
		cmd := exec.Command("pdftotext", "-", "-")
		cmd.Stdin = strings.NewReader(r.Body)
		out, err := cmd.Output()
		if err != nil {
			t.Fatalf("pdftotext: %v", err)
		}
		text := strings.Join(strings.Fields(string(out)), " ")
		if n := strings.Count(text, want[0]); n != 1 {
			t.Errorf("%s PDF names the site %d times, want once", lg, n)
		}
		if !strings.Contains(text, want[1]) {
			t.Errorf("%s PDF pages are not numbered %q", lg, want[1]+"…")
		}
		if want[2] != "" {
			if n := strings.Count(text, want[2]); n != 1 {
				t.Errorf("%s PDF prints the merger note %d times, want once", lg, n)
			}
		}
	}
}
