package dashboard

import (
	"context"
	"regexp"
	"testing"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

// recordTextPerChart runs before any page script: every string a canvas draws is
// kept under the id of its chart, so a label drawn twice on one chart shows.
const recordTextPerChart = `(function () {
  var byChart = window.__byChart = {};
  ["fillText", "strokeText"].forEach(function (m) {
    var orig = CanvasRenderingContext2D.prototype[m];
    CanvasRenderingContext2D.prototype[m] = function (text) {
      var el = this.canvas && this.canvas.closest && this.canvas.closest(".chart");
      if (el) { (byChart[el.id] = byChart[el.id] || []).push(String(text)); }
      return orig.apply(this, arguments);
    };
  });
})();`

// sceneLabels lists, per chart, the texts the chart's scene holds once painted, with
// their boxes on screen: canvas and SVG alike, and free of repaint counts.
const sceneLabels = `(function () {
  var out = [];
  document.querySelectorAll(".chart").forEach(function (el) {
    var inst = window.echarts && echarts.getInstanceByDom(el);
    if (!inst) { return; }
    inst.getZr().storage.getDisplayList(true).forEach(function (d) {
      if (d.invisible || d.ignore || !d.style || typeof d.style.text !== "string" || !d.style.text) { return; }
      var r = d.getBoundingRect().clone();
      if (d.transform) { r.applyTransform(d.transform); }
      out.push({chart: el.id, text: d.style.text, x: r.x, y: r.y, w: r.width, h: r.height});
    });
  });
  return out;
})()`

type sceneLabel struct {
	Chart      string
	Text       string
	X, Y, W, H float64
}

// targetLabel is how a target's label starts: its plan's code ("DHI-2025: 75–76 %").
var targetLabel = regexp.MustCompile(`^[A-Z][A-Z0-9]*-\d{4}: `)

// Issue 11 §4: a target is drawn once — a range is one band with one label — and two
// targets' labels never print over each other, on every page that charts targets.
func TestTargetLabelsDrawnOnce(t *testing.T) {
	base, st := startTestServer(t, nil)
	inds, err := st.Indicators(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	pages := []string{"/", "/?plan=DHXX-2020&year=2025", "/?plan=DHI-2025", "/?plan=KH-2025", "/projection",
		"/projection?plan=DHXX-2020", "/projection?plan=DHI-2025", "/briefing", "/briefing?plan=DHXX-2020&year=2025",
		"/briefing?plan=DHI-2025", "/report/2023/charts"}
	for _, it := range inds {
		pages = append(pages, "/indicators/"+it.Code)
	}
	bctx := startChromium(t, 1280, 900)
	seen := 0
	for _, lg := range []string{"vi", "en"} {
		for _, path := range pages {
			t.Run(lg+path, func(t *testing.T) {
				tb := openTab(t, bctx)
				defer tb.close()
				if err := chromedp.Do(tb.ctx, chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
					_, err := cdp.Call(ctx, tg, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: recordTextPerChart})
					return err
				})); err != nil {
					t.Fatal(err)
				}
				tb.load(t, base+withLang(path, lg))
				labels, err := chromedp.Run(tb.ctx, chromedp.Evaluate[[]sceneLabel](sceneLabels))
				if err != nil {
					t.Fatal(err)
				}
				byChart := map[string][]sceneLabel{}
				for _, l := range labels {
					if targetLabel.MatchString(l.Text) {
						byChart[l.Chart] = append(byChart[l.Chart], l)
					}
				}
				for chart, ls := range byChart {
					seen += len(ls)
					count := map[string]int{}
					for i, a := range ls {
						if count[a.Text]++; count[a.Text] == 2 {
							t.Errorf("chart %s draws the target label %q twice", chart, a.Text)
						}
						for _, b := range ls[:i] {
							if a.X < b.X+b.W && b.X < a.X+a.W && a.Y < b.Y+b.H && b.Y < a.Y+a.H {
								t.Errorf("chart %s: target labels %q and %q print over each other", chart, a.Text, b.Text)
							}
						}
					}
				}
				// What the canvas really painted while the page drew (charts draw
				// without animation: one paint each).
				drawn, err := chromedp.Run(tb.ctx, chromedp.Evaluate[map[string][]string](`window.__byChart`))
				if err != nil {
					t.Fatal(err)
				}
				for chart, texts := range drawn {
					count := map[string]int{}
					for _, s := range texts {
						if targetLabel.MatchString(s) {
							count[s]++
						}
					}
					for s, n := range count {
						if n > 1 {
							t.Errorf("chart %s painted the target label %q %d times", chart, s, n)
						}
					}
				}
			})
		}
	}
	if seen == 0 {
		t.Fatal("no target label found on any chart: the test reads nothing")
	}
}
