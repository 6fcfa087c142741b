package dashboard

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/quangngai/chitieu/ingest"
)

// TestUploadBrowser goes through the upload page in real headless Chromium as BQL's
// analyst: choose a file, preview, confirm; a file over the limit is stopped before it
// is sent. No console error (CSP included), nothing fetched from elsewhere.
// CHITIEU_SCREENSHOTS=dir keeps a screenshot of each step.
func TestUploadBrowser(t *testing.T) {
	bctx := startChromium(t, 1280, 900)
	e := newUploadEnv(t, func(d *Deps, l *ingest.Limits) { d.UploadLimitMB, l.MaxBytes = 1, 1<<20 })
	base := "http://" + listenApp(t, e.app)
	tab := openTab(t, bctx)
	defer tab.close()
	bql := e.as(tOther)
	tab.signIn(t, base, bql.cookies)
	shots := os.Getenv("CHITIEU_SCREENSHOTS")
	shot := func(name string) {
		t.Helper()
		if shots == "" {
			return
		}
		b, err := chromedp.Run(tab.ctx, chromedp.FullScreenshot(100))
		must(t, err)
		must(t, os.WriteFile(filepath.Join(shots, name+".png"), b, 0o644))
	}
	text := func(sel string) string {
		t.Helper()
		s, err := chromedp.Run(tab.ctx, chromedp.Text(chromedp.CSS(sel)))
		if err != nil {
			t.Fatalf("text of %s: %v", sel, err)
		}
		return s
	}
	example, err := filepath.Abs(filepath.Join("..", "testdata", "ingest", "good", "example.csv"))
	must(t, err)

	tab.load(t, base+"/upload")
	shot("1-upload")
	must(t, chromedp.Do(tab.ctx,
		chromedp.SetUploadFiles(chromedp.CSS(`#upload-form input[type="file"]`), []string{example}),
		chromedp.Click(chromedp.CSS(`#upload-form button[type="submit"]`)),
		chromedp.WaitVisible(chromedp.CSS(`form.confirm button`))))
	shot("2-preview")
	mustContain(t, "preview", text(".upload-report"), "Xem trước", "1.234,5", "VSIP1")
	must(t, chromedp.Do(tab.ctx,
		chromedp.Click(chromedp.CSS(`form.confirm button`)),
		chromedp.WaitVisible(chromedp.CSS(`.outcome.o-accepted`))))
	shot("3-accepted")
	if got := e.figures("BQL", 2024); got["investment_new_capital/VSIP1"] != "1234.5" {
		t.Errorf("after confirm in the browser: %v", got)
	}

	// A file over the limit is refused in the page, not sent.
	big := filepath.Join(t.TempDir(), "lon.csv")
	must(t, os.WriteFile(big, bytes.Repeat([]byte("x"), 1<<20+1), 0o644))
	n := len(e.uploadsOf("BQL"))
	tab.load(t, base+"/upload")
	must(t, chromedp.Do(tab.ctx,
		chromedp.SetUploadFiles(chromedp.CSS(`#upload-form input[type="file"]`), []string{big}),
		chromedp.Click(chromedp.CSS(`#upload-form button[type="submit"]`)),
		chromedp.Sleep(300*time.Millisecond)))
	msg, err := chromedp.Run(tab.ctx, chromedp.Evaluate[string](`document.querySelector('#upload-form input[type="file"]').validationMessage`))
	must(t, err)
	loc, err := chromedp.Run(tab.ctx, chromedp.Location())
	must(t, err)
	if !strings.Contains(msg, "1 MB") || !strings.HasSuffix(loc, "/upload") {
		t.Errorf("over-limit file: message %q, page %s", msg, loc)
	}
	if len(e.uploadsOf("BQL")) != n {
		t.Error("the over-limit file was sent")
	}
	tab.check(t)
}
