package dashboard

import (
	"strings"
	"testing"

	"github.com/chromedp/cdproto/browser"
	"github.com/chromedp/chromedp"
)

// axisOverlapJS lists, for every chart drawn on the page, the axis labels ECharts
// shows that print over or against a neighbour ("11/10", "300.000/280.000"), as
// "chart: label / label". It reads the rendered scene, not the option: a label is
// an element whose animation id is "label_…", grouped by its axis.
const axisOverlapJS = `(function () {
  var out = [], seen = 0;
  document.querySelectorAll(".chart[data-drawn=true]").forEach(function (el) {
    var inst = echarts.getInstanceByDom(el);
    if (!inst) { return; }
    var groups = new Map();
    inst.getZr().storage.getDisplayList(true).forEach(function (d) {
      var t = d.anid && String(d.anid).indexOf("label_") === 0 ? d : (d.parent && d.parent.anid && String(d.parent.anid).indexOf("label_") === 0 ? d.parent : null);
      if (!t || t.ignore || t.invisible) { return; }
      var r = t.getBoundingRect().clone();
      var m = t.getComputedTransform();
      if (m) { r.applyTransform(m); }
      var g = t.parent;
      if (!groups.has(g)) { groups.set(g, []); }
      var list = groups.get(g);
      if (list.some(function (x) { return x.t === t; })) { return; }
      list.push({ t: t, r: r, s: (t.style && t.style.text) || "" });
      seen++;
    });
    groups.forEach(function (list) {
      for (var i = 0; i < list.length; i++) {
        for (var j = i + 1; j < list.length; j++) {
          var a = list[i].r, b = list[j].r;
          // Labels less than 6 px apart read as one ("300.000/280.000"): each box
          // grows by 3 px before the test.
          if (a.x - 3 < b.x + b.width + 3 && b.x - 3 < a.x + a.width + 3 && a.y - 3 < b.y + b.height + 3 && b.y - 3 < a.y + a.height + 3) {
            out.push(el.id + ": " + list[i].s + " / " + list[j].s);
          }
        }
      }
    });
  });
  return [String(seen)].concat(out);
})()`

// Issue 21.11: axis ticks printed over each other ("11/10", "300.000/280.000"), at a
// desk and on a phone.
func TestAxisLabelsDoNotOverlap(t *testing.T) {
	base, _ := startTestServer(t, nil)
	pages := []string{"/", "/indicators/investment_registered_capital_total", "/indicators/investment_new_projects",
		"/indicators/industrial_output_value", "/zones", "/projects", "/projection", "/reporting", "/review"}
	for _, w := range []int{1440, 390} {
		bctx := startChromium(t, w, 900)
		for _, p := range pages {
			tab := openTab(t, bctx)
			if w < 500 {
				must(t, chromedp.Do(tab.ctx, chromedp.EmulateViewport(390, 844, chromedp.EmulateMobile)))
			}
			tab.load(t, base+p)
			got, err := chromedp.Run(tab.ctx, chromedp.Evaluate[[]string](axisOverlapJS))
			tab.close()
			must(t, err)
			if len(got) == 0 || got[0] == "0" {
				t.Errorf("%d px %s: no axis label found on the page's charts", w, p)
				continue
			}
			for _, o := range got[1:] {
				t.Errorf("%d px %s: axis labels overlap: %s", w, p, o)
			}
		}
	}
}

// adminPages are every admin page a phone may open.
var adminPages = []string{"/admin", "/admin/users", "/admin/users/" + tViewer, "/admin/catalogue", "/admin/assignments",
	"/admin/plans", "/admin/plans/DHXX-2020", "/admin/audit", "/admin/outlines",
	"/report/2023/answer/SXD"} // the answer form: its cols="90" boxes made it 752 px wide

// Issue 21.11: admin pages were wider than a phone (/admin/plans/DHXX-2020 was
// 1,044 px at 390): wide tables scroll inside their box, the page does not.
func TestAdminPagesFitPhone(t *testing.T) {
	e := newAcctEnv(t, false)
	base := "http://" + listenApp(t, e.app)
	bctx := startChromium(t, 390, 844)
	for _, lg := range []string{"vi", "en"} {
		for _, p := range adminPages {
			tab := openTab(t, bctx)
			must(t, chromedp.Do(tab.ctx, chromedp.EmulateViewport(390, 844, chromedp.EmulateMobile)))
			tab.signIn(t, base, e.as(tAdmin).cookies)
			tab.load(t, base+withLang(p, lg))
			w, err := chromedp.Run(tab.ctx, chromedp.Evaluate[int](`document.scrollingElement.scrollWidth`))
			must(t, err)
			if w > 390 {
				wide, _ := chromedp.Run(tab.ctx, chromedp.Evaluate[[]string](`[].filter.call(document.querySelectorAll("body *"), function (e) {
					return e.getBoundingClientRect().right > 391 && !e.closest(".table-wrap, .scroll");
				}).slice(0, 6).map(function (e) { return e.tagName + "." + e.className + " " + Math.round(e.getBoundingClientRect().right); })`))
				t.Errorf("%s (%s) is %d px wide at 390 px: %v", p, lg, w, wide)
			}
			tab.close()
		}
	}
}

// Issue 21.11: the overview's small charts had no image export; each card's trend
// now offers PNG and SVG like the big charts, and the PNG downloads.
func TestOverviewSmallChartsExport(t *testing.T) {
	base, _ := startTestServer(t, nil)
	bctx := startChromium(t, 1440, 900)
	tab := openTab(t, bctx)
	defer tab.close()
	dir := t.TempDir()
	if _, err := chromedp.CallBrowser(tab.ctx, browser.SetDownloadBehavior, browser.SetDownloadBehaviorParams{
		Behavior: browser.SetDownloadBehaviorBehaviorAllow, DownloadPath: dir}); err != nil {
		t.Fatal(err)
	}
	tab.load(t, base+"/?plan=DHXX-2020&year=2025")
	res, err := chromedp.Run(tab.ctx, chromedp.Evaluate[[]string](`[].map.call(document.querySelectorAll(".card .chart-small[data-drawn=true]"), function (c) {
		var card = c.closest(".card");
		return c.id + "|" + card.querySelectorAll('.export-png[data-chart="' + c.id + '"]').length + "|" + card.querySelectorAll('.export-svg[data-chart="' + c.id + '"]').length;
	})`))
	must(t, err)
	if len(res) == 0 {
		t.Fatal("no small chart drawn on the overview")
	}
	for _, r := range res {
		if !strings.HasSuffix(r, "|1|1") {
			t.Errorf("small chart %s: want one PNG and one SVG button", r)
		}
	}
	id := strings.Split(res[0], "|")[0]
	must(t, chromedp.Do(tab.ctx, chromedp.Click(chromedp.CSS(`.export-png[data-chart="`+id+`"]`))))
	f := waitFile(t, dir, ".png")
	if !strings.Contains(f, id) {
		t.Errorf("PNG %s does not name its chart %s", f, id)
	}
	tab.check(t)
}
