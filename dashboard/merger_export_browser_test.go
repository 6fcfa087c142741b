package dashboard

import (
	"os"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/browser"
	"github.com/chromedp/chromedp"
)

// Issue 11 §2: an exported image of a chart that shows both territories carries the
// merger note; one that shows a single territory does not.
func TestMergerNoteOnExportedImages(t *testing.T) {
	bctx := startChromium(t, 1280, 900)
	base, _ := startTestServer(t, nil)
	tab := openTab(t, bctx)
	defer tab.close()
	for _, c := range []struct {
		chart    string
		withNote bool
	}{{"ind-series", true}, {"ind-zones", false}} {
		dir := t.TempDir()
		if _, err := chromedp.CallBrowser(tab.ctx, browser.SetDownloadBehavior, browser.SetDownloadBehaviorParams{
			Behavior: browser.SetDownloadBehaviorBehaviorAllow, DownloadPath: dir}); err != nil {
			t.Fatal(err)
		}
		tab.load(t, base+"/indicators/investment_valid_projects")
		if c.withNote {
			tab.load(t, base+"/indicators/grdp_growth")
		}
		if err := chromedp.Do(tab.ctx, chromedp.Click(chromedp.CSS(`.export-svg[data-chart="`+c.chart+`"]`))); err != nil {
			t.Fatalf("click: %v", err)
		}
		svg, err := os.ReadFile(waitFile(t, dir, ".svg"))
		if err != nil {
			t.Fatal(err)
		}
		if has := strings.Contains(string(svg), "Chuỗi số liệu qua năm 2025"); has != c.withNote {
			t.Errorf("%s: merger note on the SVG = %v, want %v", c.chart, has, c.withNote)
		}
	}
	tab.check(t)
}
