package dashboard

import (
	"context"
	"net"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/quangngai/chitieu/plan"
	"github.com/quangngai/chitieu/queries/querytest"
)

// Every page a reader can open answers on a freshly migrated database with no data
// at all (a new installation before the first upload): 200 or a clear 4xx, never a
// 500. /zones used to panic: "index out of range [0] with length 0".
func TestEveryPageOnEmptyDatabase(t *testing.T) {
	st := querytest.MustOpen(t) // migrated, nothing loaded
	app, err := New(Deps{Store: st, Public: true, ChromiumPath: "chromium", Now: plan.FixedClock(testToday)})
	if err != nil {
		t.Fatal(err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	go app.Listener(ln)
	t.Cleanup(func() { _ = app.ShutdownWithTimeout(5 * time.Second) })
	base := "http://" + ln.Addr().String()
	params := map[string]string{"code": "grdp_growth", "year": "2023", "agency": "BQL", "name": "charts.js"}
	var paths []string
	for _, r := range Routes() {
		if r.Method != http.MethodGet || r.Access > AccessViewer || strings.Contains(r.Path, ":page") {
			continue
		}
		p := r.Path
		for k, v := range params {
			p = strings.ReplaceAll(p, ":"+k, v)
		}
		if strings.Contains(p, ":") {
			t.Fatalf("route %s has a parameter this test does not fill", r.Path)
		}
		paths = append(paths, p)
	}
	for _, page := range []string{"overview", "projection", "indicator", "zones", "reporting", "submission", "projects"} {
		for _, format := range []string{"csv", "xlsx"} {
			paths = append(paths, "/export/"+page+"."+format+"?code=grdp_growth&agency=BQL&year=2023")
		}
	}
	paths = append(paths, "/zones?metric=zone_investment&type=IP", "/briefing?plan=DHXX-2020&year=2025", "/projection?plan=DHXX-2020",
		"/indicators/grdp_growth?plan=DHXX-2020")
	for _, lg := range []string{"vi", "en"} {
		for _, p := range paths {
			if strings.HasSuffix(p, ".pdf") && lg == "en" {
				continue // slow (Chromium); once is enough
			}
			r := fetch(t, base+withLang(p, lg))
			if r.Status >= 500 && r.Status != http.StatusServiceUnavailable {
				t.Errorf("%s (%s) on an empty database: %d %.300s", p, lg, r.Status, pageText(r.Body))
			}
		}
	}
}

// A page build that panics is not kept: the next request builds again (it used to
// find an empty entry and fail with "interface conversion" for the rest of the day).
func TestPanickedPageBuildIsNotCached(t *testing.T) {
	st := querytest.MustOpen(t)
	s := &server{Deps: Deps{Store: st}, pages: newPageCache(time.Hour)}
	func() {
		defer func() { _ = recover() }()
		_, _ = cached(s, context.Background(), "page", func() (string, error) { panic("boom") })
	}()
	got, err := cached(s, context.Background(), "page", func() (string, error) { return "built", nil })
	if err != nil || got != "built" {
		t.Fatalf("after a panicked build: %q, %v", got, err)
	}
}
