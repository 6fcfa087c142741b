package dashboard

import (
	"context"
	"fmt"
	"image/png"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/browser"
	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
)

// browserPages are loaded in real headless Chromium: each must draw every chart, log
// no console error (CSP violations included), open no dialog (no injected script
// ran) and send no request off this machine.
var browserPages = []string{
	"/", "/?plan=DHXX-2020&year=2025", "/?lang=en", "/projection", "/indicators/grdp_growth",
	"/indicators/investment_valid_projects", "/zones", "/reporting?year=2023", "/reporting/BDT/2023",
	"/projects", "/briefing?plan=DHXX-2020&year=2025",
}

// TestBrowser uses one Chromium for the whole test binary, one tab per page.
func TestBrowser(t *testing.T) {
	bctx := startChromium(t, 1280, 900)
	base, _ := startTestServer(t, nil)
	for _, path := range browserPages {
		t.Run(path, func(t *testing.T) {
			tab := openTab(t, bctx)
			defer tab.close()
			tab.load(t, base+path)
			total, err := chromedp.Run(tab.ctx, chromedp.Evaluate[int](`document.querySelectorAll(".chart").length`))
			if err != nil {
				t.Fatal(err)
			}
			drawn, err := chromedp.Run(tab.ctx, chromedp.Evaluate[int](
				`document.querySelectorAll('.chart[data-drawn="true"] canvas, .chart[data-drawn="true"] svg, .chart[data-drawn="empty"] .chart-empty').length`))
			if err != nil {
				t.Fatal(err)
			}
			if total == 0 && !strings.HasPrefix(path, "/reporting/") || drawn < total {
				t.Errorf("%d of %d charts drawn", drawn, total)
			}
			tab.check(t)
		})
	}
	t.Run("charts write numbers the reader's way", func(t *testing.T) {
		for lang, want := range map[string]string{"vi": "18.663,679", "en": "18,663.679"} {
			tab := openTab(t, bctx)
			tab.load(t, base+"/projects?lang="+lang)
			got, err := chromedp.Run(tab.ctx, chromedp.Evaluate[string](`(function () {
				var o = echarts.getInstanceByDom(document.querySelector(".chart")).getOption();
				return [].concat(o.xAxis)[0].axisLabel.formatter(18663.679);
			})()`))
			tab.close()
			if err != nil || got != want {
				t.Errorf("lang=%s: value axis label for 18663.679 = %q (%v), want %q", lang, got, err, want)
			}
		}
	})
	t.Run("export buttons produce files", func(t *testing.T) {
		dir := t.TempDir()
		tab := openTab(t, bctx)
		defer tab.close()
		if _, err := chromedp.CallBrowser(tab.ctx, browser.SetDownloadBehavior, browser.SetDownloadBehaviorParams{
			Behavior: browser.SetDownloadBehaviorBehaviorAllow, DownloadPath: dir}); err != nil {
			t.Fatal(err)
		}
		tab.load(t, base+"/indicators/grdp_growth?lang=vi")
		click := func(sel string) {
			t.Helper()
			if err := chromedp.Do(tab.ctx, chromedp.Click(chromedp.CSS(sel))); err != nil {
				t.Fatalf("click %s: %v", sel, err)
			}
		}
		click(`.export-png[data-chart="ind-series"]`)
		pngFile := waitFile(t, dir, ".png")
		f, err := os.Open(pngFile)
		if err != nil {
			t.Fatal(err)
		}
		cfg, err := png.DecodeConfig(f)
		f.Close()
		if err != nil || cfg.Width < 2560 || cfg.Height < 1440 {
			t.Errorf("PNG %dx%d (%v), want at least 2560x1440 (2× for slides)", cfg.Width, cfg.Height, err)
		}
		click(`.export-svg[data-chart="ind-series"]`)
		svg, err := os.ReadFile(waitFile(t, dir, ".svg"))
		if err != nil {
			t.Fatal(err)
		}
		mustContain(t, "svg", string(svg), "<svg", "Tốc độ tăng trưởng GRDP", "Đơn vị: %", "Nguồn:", "tapchicongthuong.vn 131446", "Số liệu tính đến",
			"Phiên bản dữ liệu", "Chỉ tiêu: Tốc độ tăng trưởng GRDP")
		click(`a[href^="/export/indicator.csv"]`)
		csv, err := os.ReadFile(waitFile(t, dir, ".csv"))
		if err != nil {
			t.Fatal(err)
		}
		mustContain(t, "downloaded csv", string(csv), "4,07", "Phiên bản dữ liệu")
		click(`a[href^="/export/indicator.xlsx"]`)
		waitFile(t, dir, ".xlsx")
		tab.check(t)
	})
}

// tab is one page with everything it logged and every host it asked.
type tab struct {
	ctx    context.Context
	cancel context.CancelFunc
	mu     sync.Mutex
	errs   []string
	remote []string
}

// startChromium starts one headless Chromium for a test, with this window size.
func startChromium(t *testing.T, width, height int) context.Context {
	t.Helper()
	bin, err := exec.LookPath("chromium")
	if err != nil {
		t.Fatal("chromium is required for browser tests (make test installs it)")
	}
	opts := append([]chromedp.ExecAllocatorOption{chromedp.ExecPath(bin), chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(width, height)}, chromiumFlags...)
	actx, cancel := chromedp.NewExecAllocator(context.Background(), opts...)
	t.Cleanup(cancel)
	bctx, bcancel := chromedp.NewContext(actx)
	t.Cleanup(bcancel)
	if err := chromedp.Do(bctx); err != nil {
		t.Fatalf("start chromium: %v", err)
	}
	return bctx
}

func openTab(t *testing.T, bctx context.Context) *tab {
	tb := &tab{}
	ctx, cancel := chromedp.NewContext(bctx, chromedp.WithListener(tb.listen))
	tctx, tcancel := context.WithTimeout(ctx, 60*time.Second)
	tb.ctx, tb.cancel = tctx, func() { tcancel(); cancel() }
	err := chromedp.Do(tb.ctx, chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		if _, err := cdp.Call(ctx, tg, network.Enable, network.EnableParams{}); err != nil {
			return err
		}
		_, err := cdp.Call(ctx, tg, log.Enable, cdp.Empty{})
		return err
	}))
	if err != nil {
		t.Fatal(err)
	}
	return tb
}

func (tb *tab) close() { tb.cancel() }

// signIn gives the tab's browser these session cookies for the server at base.
func (tb *tab) signIn(t *testing.T, base string, cookies []*http.Cookie) {
	t.Helper()
	must(t, chromedp.Do(tb.ctx, chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		for _, ck := range cookies {
			if _, err := cdp.Call(ctx, tg, network.SetCookie, network.SetCookieParams{Name: ck.Name, Value: ck.Value, URL: base}); err != nil {
				return err
			}
		}
		return nil
	})))
}

func (tb *tab) listen(ev any) {
	tb.mu.Lock()
	defer tb.mu.Unlock()
	switch e := ev.(type) {
	case *runtime.EventConsoleAPICalled:
		if e.Type == runtime.ConsoleAPICalledTypeError || e.Type == runtime.ConsoleAPICalledTypeAssert {
			var parts []string
			for _, a := range e.Args {
				parts = append(parts, string(a.Value)+a.Description)
			}
			tb.errs = append(tb.errs, "console: "+strings.Join(parts, " "))
		}
	case *runtime.EventExceptionThrown:
		tb.errs = append(tb.errs, "exception: "+e.ExceptionDetails.Text+" "+fmt.Sprint(e.ExceptionDetails.Exception))
	case *log.EventEntryAdded:
		if e.Entry.Level == log.EntryLevelError {
			tb.errs = append(tb.errs, "log: "+e.Entry.Text+" "+e.Entry.URL)
		}
	case *page.EventJavascriptDialogOpening:
		tb.errs = append(tb.errs, "dialog opened: "+e.Message)
	case *network.EventRequestWillBeSent:
		u, err := url.Parse(e.Request.URL)
		if err != nil {
			tb.remote = append(tb.remote, e.Request.URL)
			return
		}
		if u.Scheme == "data" || u.Scheme == "blob" {
			return
		}
		if h := u.Hostname(); h != "127.0.0.1" && h != "localhost" && h != "::1" {
			tb.remote = append(tb.remote, e.Request.URL)
		}
	}
}

func (tb *tab) load(t *testing.T, u string) {
	t.Helper()
	if err := chromedp.Do(tb.ctx, chromedp.Navigate(u), chromedp.WaitVisible(chromedp.CSS(`body[data-charts-ready="true"]`))); err != nil {
		t.Fatalf("load %s: %v", u, err)
	}
}

// check fails on any console error and any request to another machine.
func (tb *tab) check(t *testing.T) {
	t.Helper()
	time.Sleep(200 * time.Millisecond) // late log entries
	tb.mu.Lock()
	defer tb.mu.Unlock()
	for _, e := range tb.errs {
		t.Errorf("console: %s", e)
	}
	for _, r := range tb.remote {
		t.Errorf("request left the machine: %s", r)
	}
}

// waitFile waits for a finished download with this extension.
func waitFile(t *testing.T, dir, ext string) string {
	t.Helper()
	for i := 0; i < 100; i++ {
		matches, _ := filepath.Glob(filepath.Join(dir, "*"+ext))
		for _, m := range matches {
			if st, err := os.Stat(m); err == nil && st.Size() > 0 {
				return m
			}
		}
		time.Sleep(100 * time.Millisecond)
	}
	entries, _ := os.ReadDir(dir)
	t.Fatalf("no %s file downloaded; dir has %v", ext, entries)
	return ""
}
