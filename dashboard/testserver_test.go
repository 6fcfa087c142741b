package dashboard

import (
	"context"
	"io"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/quangngai/chitieu/ingest/demo"
	"github.com/quangngai/chitieu/plan"
	"github.com/quangngai/chitieu/queries"
	"github.com/quangngai/chitieu/queries/querytest"
	"github.com/shopspring/decimal"
)

// Hostile text a user could load through the normal upload path: it must show as
// text on every page, in every chart and in every export.
const (
	hostileZone    = `</script><script>alert(1)</script>`
	hostileNote    = `<b onmouseover=alert(2)>note</b>`
	hostileSource  = `=HYPERLINK("http://evil.example","x")`
	hostileProject = `<img src=x onerror=alert(3)>`
)

// testToday is "today" for every test server.
var testToday = time.Date(2026, 11, 20, 10, 0, 0, 0, plan.Zone)

// startTestServer runs the app on a loopback port in public read-only mode against
// a fresh database with the real demo data plus the hostile rows above.
func startTestServer(t *testing.T, edit func(*Deps)) (string, *queries.Store) {
	t.Helper()
	st := querytest.MustOpen(t)
	ctx := context.Background()
	if _, err := demo.Load(ctx, st); err != nil {
		t.Fatalf("demo load: %v", err)
	}
	area := decimal.RequireFromString("12.5")
	capital := decimal.RequireFromString("1234.5")
	if err := st.SaveZones(ctx, []queries.Zone{{Code: "XSS1", NameVI: hostileZone, Type: "IP", Parent: "DQ",
		Location: hostileProject, AreaHa: &area, Status: "operating", Source: hostileSource}}); err != nil {
		t.Fatal(err)
	}
	if err := st.InsertFigures(ctx, []queries.Figure{{FigureKey: queries.FigureKey{Indicator: "investment_valid_projects",
		Scope: "XSS1", Agency: "BQL", Year: 2024}, Value: decimal.NewFromInt(-3), Unit: "dự án", Status: queries.StatusActual,
		Source: hostileSource, Note: hostileNote, UploadID: "test-hostile", UploadedBy: "test", UploadedAt: time.Now(),
		Version: queries.NewVersion()}}); err != nil {
		t.Fatal(err)
	}
	if err := st.SaveProjects(ctx, []queries.Project{{Code: "XSS-P", NameVI: hostileProject, Zone: "XSS1", Investor: hostileZone,
		CapitalVNDbn: &capital, Status: "proposed", Source: hostileSource}}); err != nil {
		t.Fatal(err)
	}
	// Late 2026, as in the domain: the 2021–2025 plan has closed, the 2026–2030 one
	// has no figures yet. Tests set "today" instead of depending on when they run.
	d := Deps{Store: st, Public: true, ChromiumPath: "chromium", Now: plan.FixedClock(testToday)}
	if edit != nil {
		edit(&d)
	}
	app, err := New(d)
	if err != nil {
		t.Fatal(err)
	}
	return "http://" + listenApp(t, app), st
}

type response struct {
	Status int
	Type   string
	Header http.Header
	Body   string
}

func fetch(t *testing.T, url string) response {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return response{Status: resp.StatusCode, Type: resp.Header.Get("Content-Type"), Header: resp.Header, Body: string(b)}
}

// mustContain fails with the missing strings and a short excerpt.
func mustContain(t *testing.T, what, body string, wants ...string) {
	t.Helper()
	for _, w := range wants {
		if !strings.Contains(body, w) {
			ex := body
			if len(ex) > 3000 {
				ex = ex[:3000]
			}
			t.Errorf("%s lacks %q\n---\n%s", what, w, ex)
		}
	}
}
