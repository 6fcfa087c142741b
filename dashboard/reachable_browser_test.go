package dashboard

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// Issue 21.9: every page a leader or an analyst needs is one click from the menu, and
// the menu is one line at 1440 px with "Đăng xuất" looking like the links beside it.
func TestReachableBrowser(t *testing.T) {
	e := newAcctEnv(t, false)
	base := "http://" + listenApp(t, e.app)
	bctx := startChromium(t, 1440, 900)
	shots := os.Getenv("CHITIEU_SHOTS")
	for _, lg := range []string{"vi", "en"} {
		tb := openTab(t, bctx)
		tb.signIn(t, base, e.as(tAdmin).cookies)
		must(t, chromedp.Do(tb.ctx, chromedp.EmulateViewport(1440, 900)))
		tb.load(t, base+"/indicators?lang="+lg)
		// One line: every item of the header sits on the first item's line.
		lines, err := chromedp.Run(tb.ctx, chromedp.Evaluate[[]int](`(function () {
			var tops = {}; document.querySelectorAll(".topbar a, .topbar button").forEach(function (el) {
				var r = el.getBoundingClientRect(); if (r.width > 0) tops[Math.round(r.top + r.height / 2)] = 1; });
			return Object.keys(tops).map(Number); })()`))
		must(t, err)
		if len(lines) != 1 {
			t.Errorf("%s: header items sit on %d lines (%v) at 1440 px, want one", lg, len(lines), lines)
		}
		right, err := chromedp.Run(tb.ctx, chromedp.Evaluate[float64](`document.querySelector(".topbar .lang").getBoundingClientRect().right`))
		must(t, err)
		if right > 1440 {
			t.Errorf("%s: the header runs to %.0f px, past the 1440 px window", lg, right)
		}
		// The sign-out button is styled as the menu's links are.
		style, err := chromedp.Run(tb.ctx, chromedp.Evaluate[[]string](`(function () {
			function s(el) { var c = getComputedStyle(el); return [c.color, c.fontSize, c.fontWeight, c.textDecorationLine, c.backgroundColor, c.borderTopStyle, c.cursor].join("|"); }
			return [s(document.querySelector(".usermenu form button")), s(document.querySelector('.usermenu a[href="/admin"]'))]; })()`))
		must(t, err)
		if len(style) != 2 || style[0] != strings.Replace(style[1], "|auto", "|pointer", 1) && style[0] != style[1] {
			t.Errorf("%s: sign-out %q, links %q: want the same look", lg, style[0], style[1])
		}
		// /indicators lists every indicator with its latest value.
		rows, err := chromedp.Run(tb.ctx, chromedp.Evaluate[int](`document.querySelectorAll("#table-indicators tbody tr").length`))
		must(t, err)
		cat, err := e.st.Indicators(t.Context())
		must(t, err)
		if rows != len(cat) || rows == 0 {
			t.Errorf("%s: /indicators lists %d rows, the catalogue has %d", lg, rows, len(cat))
		}
		grdp, err := chromedp.Run(tb.ctx, chromedp.Evaluate[string](`(function () {
			var a = document.querySelector('#table-indicators a[href="/indicators/grdp_growth"]'); return a ? a.closest("tr").innerText : ""; })()`))
		must(t, err)
		if want := map[string]string{"vi": "10,02", "en": "10.02"}[lg]; !strings.Contains(grdp, want) || !strings.Contains(grdp, "2025") {
			t.Errorf("%s: GRDP growth row %q, want the 2025 value %s", lg, grdp, want)
		}
		if shots != "" {
			png, err := chromedp.Run(tb.ctx, chromedp.FullScreenshot(80))
			if err == nil {
				_ = os.WriteFile(filepath.Join(shots, "indicators-admin-1440-"+lg+".jpg"), png, 0o644)
			}
		}
		// The yearly report is in the menu, on the latest year.
		must(t, chromedp.Do(tb.ctx, chromedp.Click(chromedp.CSS(`.topbar nav a[href="/report"]`)), chromedp.WaitVisible(chromedp.CSS(`body[data-charts-ready="true"]`))))
		loc, err := chromedp.Run(tb.ctx, chromedp.Evaluate[string](`location.pathname`))
		must(t, err)
		if !strings.HasPrefix(loc, "/report/20") {
			t.Errorf("%s: the menu's report link led to %s", lg, loc)
		}
		tb.check(t)
		tb.close()
	}
	// An analyst reaches the agency's answer form from the menu.
	tb := openTab(t, bctx)
	defer tb.close()
	tb.signIn(t, base, e.as(tAnalyst).cookies)
	tb.load(t, base+"/")
	must(t, chromedp.Do(tb.ctx, chromedp.Click(chromedp.CSS(`.topbar nav a[href="/answer"]`)), chromedp.WaitVisible(chromedp.CSS(`body[data-charts-ready="true"]`))))
	loc, err := chromedp.Run(tb.ctx, chromedp.Evaluate[string](`location.pathname + "|" + document.title`))
	must(t, err)
	if !strings.HasPrefix(loc, "/report/") || !strings.Contains(loc, "/answer/SCT|") {
		t.Errorf("the analyst's answer link led to %s, want the SCT answer form", loc)
	}
}
