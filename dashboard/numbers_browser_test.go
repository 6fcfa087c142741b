package dashboard

import (
	"bytes"
	"context"
	"encoding/xml"
	"errors"
	"io"
	"os"
	"os/exec"
	"regexp"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/browser"
	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
	"github.com/quangngai/chitieu/queries"
)

// recordDrawnText runs before any page script: every string a canvas draws is kept
// in window.__drawn, so the test reads what the reader sees, not the option.
const recordDrawnText = `(function () {
  var drawn = window.__drawn = [];
  ["fillText", "strokeText"].forEach(function (m) {
    var orig = CanvasRenderingContext2D.prototype[m];
    CanvasRenderingContext2D.prototype[m] = function (text) { drawn.push(String(text)); return orig.apply(this, arguments); };
  });
})();`

// drawnText is every string drawn on the page's charts: canvas text recorded by
// recordDrawnText, and the text nodes of SVG-rendered charts.
const drawnText = `window.__drawn.concat([].map.call(document.querySelectorAll(".chart svg text, .chart svg tspan"), function (n) { return n.textContent; }))`

// chartPages are the pages that draw charts; every indicator page is added from the catalogue.
var chartPages = []string{"/", "/?plan=DHXX-2020&year=2025", "/projection", "/projection?plan=DHXX-2020",
	"/zones", "/projects", "/briefing?plan=DHXX-2020&year=2025", "/briefing"}

func withLang(path, lg string) string {
	if strings.Contains(path, "?") {
		return path + "&lang=" + lg
	}
	return path + "?lang=" + lg
}

// TestChartNumbersInReadersFormat: every number drawn on every chart, on screen, in
// the exported PNG and SVG and in the briefing PDF, is written the reader's way —
// no "14,000" on a Vietnamese axis, no "69,5" in English.
func TestChartNumbersInReadersFormat(t *testing.T) {
	base, st := startTestServer(t, nil)
	inds, err := st.Indicators(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	pages := append([]string{}, chartPages...)
	for _, it := range inds {
		pages = append(pages, "/indicators/"+it.Code)
	}
	names := properNames(t, st)
	bctx := startChromium(t, 1280, 900)
	for _, lg := range []string{"vi", "en"} {
		for _, path := range pages {
			t.Run(lg+path, func(t *testing.T) {
				tab := openRecordingTab(t, bctx)
				defer tab.close()
				tab.load(t, base+withLang(path, lg))
				texts, err := chromedp.Run(tab.ctx, chromedp.Evaluate[[]string](drawnText))
				if err != nil {
					t.Fatal(err)
				}
				checkNumbers(t, lg, "drawn", texts)
				if lg == "en" {
					checkEnglish(t, "drawn", texts, names)
				}
			})
		}
		t.Run(lg+" exported PNG and SVG", func(t *testing.T) {
			dir := t.TempDir()
			tab := openRecordingTab(t, bctx)
			defer tab.close()
			if _, err := chromedp.CallBrowser(tab.ctx, browser.SetDownloadBehavior, browser.SetDownloadBehaviorParams{
				Behavior: browser.SetDownloadBehaviorBehaviorAllow, DownloadPath: dir}); err != nil {
				t.Fatal(err)
			}
			tab.load(t, base+withLang("/indicators/investment_registered_capital_total", lg))
			if _, err := chromedp.Run(tab.ctx, chromedp.Evaluate[int](`window.__drawn.length = 0`)); err != nil {
				t.Fatal(err)
			}
			if err := chromedp.Do(tab.ctx, chromedp.Click(chromedp.CSS(`.export-png[data-chart="ind-series"]`))); err != nil {
				t.Fatal(err)
			}
			waitFile(t, dir, ".png")
			texts, err := chromedp.Run(tab.ctx, chromedp.Evaluate[[]string](`window.__drawn`))
			if err != nil || len(texts) == 0 {
				t.Fatalf("no text recorded while drawing the PNG (%v)", err)
			}
			checkNumbers(t, lg, "PNG", texts)
			if err := chromedp.Do(tab.ctx, chromedp.Click(chromedp.CSS(`.export-svg[data-chart="ind-series"]`))); err != nil {
				t.Fatal(err)
			}
			svg, err := os.ReadFile(waitFile(t, dir, ".svg"))
			if err != nil {
				t.Fatal(err)
			}
			svgTexts, err := xmlText(svg)
			if err != nil {
				t.Fatalf("exported SVG is not well-formed XML: %v", err)
			}
			checkNumbers(t, lg, "SVG", svgTexts)
		})
		t.Run(lg+" briefing PDF", func(t *testing.T) {
			r := fetch(t, base+"/briefing.pdf?plan=DHXX-2020&year=2025&lang="+lg)
			if r.Status != 200 {
				t.Fatalf("status %d", r.Status)
			}
			cmd := exec.Command("pdftotext", "-layout", "-", "-")
			cmd.Stdin = strings.NewReader(r.Body)
			out, err := cmd.Output()
			if err != nil {
				t.Fatalf("pdftotext: %v", err)
			}
			checkNumbers(t, lg, "PDF", strings.Split(string(out), "\n"))
		})
	}
}

func openRecordingTab(t *testing.T, bctx context.Context) *tab {
	t.Helper()
	tb := openTab(t, bctx)
	if err := chromedp.Do(tb.ctx, chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		_, err := cdp.Call(ctx, tg, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: recordDrawnText})
		return err
	})); err != nil {
		t.Fatal(err)
	}
	return tb
}

// vietnameseOnly: letters English text never has.
var vietnameseOnly = regexp.MustCompile(`[ăâđêôơưĂÂĐÊÔƠƯạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]`)

// checkEnglish fails on Vietnamese drawn in English mode (units, statuses, scope
// names). Names the catalogue has only in Vietnamese — zones, projects, agencies,
// place names — are proper names and stay; `names` removes them first.
func checkEnglish(t *testing.T, where string, texts []string, names []string) {
	t.Helper()
	drop := make([]string, 0, 2*len(names))
	for _, n := range names {
		drop = append(drop, n, "")
	}
	replacer := strings.NewReplacer(drop...)
	for _, s := range texts {
		// A long name cut with "..." on an axis is still that name.
		if cut, ok := strings.CutSuffix(s, "..."); ok && slices.ContainsFunc(names, func(n string) bool { return strings.HasPrefix(n, cut) }) {
			continue
		}
		if rest := replacer.Replace(s); vietnameseOnly.MatchString(rest) {
			t.Errorf("%s text %q is Vietnamese in English mode", where, s)
		}
	}
}

// properNames lists the catalogue's names that have no English, longest first, and
// the place names inside other names.
func properNames(t *testing.T, st *queries.Store) []string {
	t.Helper()
	ctx := context.Background()
	zones, err := st.Zones(ctx)
	if err != nil {
		t.Fatal(err)
	}
	projects, err := st.Projects(ctx)
	if err != nil {
		t.Fatal(err)
	}
	agencies, err := st.Agencies(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, z := range zones {
		names = append(names, z.NameVI)
	}
	for _, p := range projects {
		names = append(names, p.NameVI)
	}
	for _, a := range agencies {
		names = append(names, a.NameVI)
	}
	names = append(names, "Quảng Ngãi", "Dung Quất", "Kon Tum", "Bờ Y")
	sort.Slice(names, func(i, j int) bool { return len(names[i]) > len(names[j]) })
	return names
}

func checkNumbers(t *testing.T, lg, where string, texts []string) {
	t.Helper()
	for _, s := range texts {
		if bad := foreignNumbers(lg, s); len(bad) > 0 {
			t.Errorf("%s text %q has %q in the other language's number format", where, s, bad)
		}
	}
}

// xmlText parses an SVG with a strict XML parser and returns its text nodes.
func xmlText(b []byte) ([]string, error) {
	d := xml.NewDecoder(bytes.NewReader(b))
	var out []string
	inStyle := false
	for {
		tok, err := d.Token()
		if errors.Is(err, io.EOF) {
			return out, nil
		}
		if err != nil {
			return out, err
		}
		switch e := tok.(type) {
		case xml.StartElement:
			inStyle = e.Name.Local == "style"
		case xml.EndElement:
			inStyle = false
		}
		if cd, ok := tok.(xml.CharData); ok && !inStyle {
			if s := strings.TrimSpace(string(cd)); s != "" {
				out = append(out, s)
			}
		}
	}
}
