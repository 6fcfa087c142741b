package dashboard

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"

	"github.com/gofiber/fiber/v2"
	"github.com/quangngai/chitieu/ingest"
	"github.com/quangngai/chitieu/queries"
	"github.com/quangngai/chitieu/queries/querytest"
)

// secondServer is another chitieu server on the same database: its own connections,
// its own ingester and page cache, nothing shared in memory with the first.
func (e *acctEnv) secondServer(t *testing.T) (*fiber.App, *ingest.Ingester) {
	t.Helper()
	st, err := queries.Open(context.Background(), querytest.Config(e.st.Database()))
	must(t, err)
	t.Cleanup(func() { st.Close() })
	in := ingest.New(st, ingest.Limits{MaxBytes: 20 << 20})
	d := e.deps
	d.Store, d.Ingest, d.NilReport = st, in.Ingest, in.NilReport
	app, err := New(d)
	must(t, err)
	return app, in
}

// multipartUpload is a POST of one file with fields and the caller's CSRF token.
func multipartUpload(t *testing.T, c caller, target, name string, content []byte, fields map[string]string) *http.Request {
	t.Helper()
	var buf bytes.Buffer
	w := multipart.NewWriter(&buf)
	for k, v := range fields {
		must(t, w.WriteField(k, v))
	}
	must(t, w.WriteField("_csrf", c.csrf))
	if name != "" {
		fw, err := w.CreateFormFile("file", name)
		must(t, err)
		_, _ = fw.Write(content)
	}
	must(t, w.Close())
	req := httptest.NewRequest("POST", target, &buf)
	req.Header.Set("Content-Type", w.FormDataContentType())
	for _, ck := range c.cookies {
		req.AddCookie(ck)
	}
	return req
}

// TestConcurrentSameUploadIsAcceptedOnce sends one file at the same instant through
// every channel (the CLI's ingester, POST /uploads/ID/confirm of one preview, POST
// /api/uploads) on two servers sharing one ClickHouse: exactly one upload is
// accepted, the rest are duplicates, and each figure has one version.
func TestConcurrentSameUploadIsAcceptedOnce(t *testing.T) {
	e := newUploadEnv(t, nil)
	appB, inB := e.secondServer(t)
	bql := e.as(tOther)
	ctx := context.Background()
	api := goodFile(t, "api.json")
	preview := uploadID(t, e.upPost(bql, "/upload", "api.json", api, map[string]string{"agency": "BQL", "year": "2024"}))

	confirm := func(app *fiber.App) func() (string, error) {
		return func() (string, error) {
			req := httptest.NewRequest("POST", "/uploads/"+preview+"/confirm", strings.NewReader("_csrf="+bql.csrf))
			req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
			for _, ck := range bql.cookies {
				req.AddCookie(ck)
			}
			resp, err := app.Test(req, -1)
			if err != nil {
				return "", err
			}
			if resp.StatusCode != http.StatusSeeOther {
				return "", fmt.Errorf("confirm: %d", resp.StatusCode)
			}
			up, err := e.st.UploadByID(ctx, strings.TrimPrefix(resp.Header.Get("Location"), "/uploads/"))
			return up.Outcome, err
		}
	}
	viaAPI := func(app *fiber.App) func() (string, error) {
		return func() (string, error) {
			resp, err := app.Test(multipartUpload(t, bql, "/api/uploads", "api.json", api, map[string]string{"agency": "BQL"}), -1)
			if err != nil {
				return "", err
			}
			var rep queries.IngestReport
			if err := json.NewDecoder(resp.Body).Decode(&rep); err != nil || resp.StatusCode != 200 {
				return "", fmt.Errorf("api: %d %v", resp.StatusCode, err)
			}
			return rep.Outcome, nil
		}
	}
	cli := func(in *ingest.Ingester) func() (string, error) {
		return func() (string, error) {
			rep, err := in.Ingest(ctx, queries.UploadRequest{FileName: "api.json", Content: api, Agency: "BQL", User: "cli"})
			return rep.Outcome, err
		}
	}
	inA := ingest.New(e.st, ingest.Limits{})
	sends := []func() (string, error){confirm(e.app), confirm(appB), confirm(e.app), viaAPI(e.app), viaAPI(appB), cli(inA), cli(inB)}
	outcomes := make([]string, len(sends))
	var wg sync.WaitGroup
	start := make(chan struct{})
	for i, send := range sends {
		wg.Add(1)
		go func() {
			defer wg.Done()
			<-start
			out, err := send()
			if err != nil {
				t.Errorf("send %d: %v", i, err)
			}
			outcomes[i] = out
		}()
	}
	close(start)
	wg.Wait()
	count := map[string]int{}
	for _, o := range outcomes {
		count[o]++
	}
	t.Logf("outcomes (3 confirms, 2 API, 2 CLI; two servers): %v", outcomes)
	if count[queries.UploadAccepted] != 1 || count[queries.UploadDuplicate] != len(sends)-1 {
		t.Errorf("want 1 accepted and %d duplicates, got %v", len(sends)-1, count)
	}
	cur, err := e.st.CurrentFigures(ctx, queries.FigureFilter{Agencies: []string{"BQL"}, Scopes: []string{"DQ"},
		Indicators: []string{"zone_new_jobs", "investment_new_capital"}, YearFrom: 2024, YearTo: 2024})
	must(t, err)
	for _, c := range cur {
		hist, err := e.st.FigureHistory(ctx, c.FigureKey)
		must(t, err)
		if c.Versions != 1 || len(hist) != 1 {
			t.Errorf("%s: %d versions, history of %d", c.Indicator, c.Versions, len(hist))
		}
	}
	if len(cur) != 2 {
		t.Errorf("figures: %+v", cur)
	}
	ups, err := e.st.ListUploads(ctx, queries.UploadFilter{Agencies: []string{"BQL"}})
	must(t, err)
	accepted := 0
	for _, u := range ups {
		if u.Outcome == queries.UploadAccepted {
			accepted++
		}
	}
	if accepted != 1 {
		t.Errorf("%d accepted upload records for one file", accepted)
	}
}

// TestConcurrentDifferentUploadsAreSerialised sends two different files for one
// agency and year at once, on two servers: the later one's diff is against the
// earlier one, never against what both read before either wrote.
func TestConcurrentDifferentUploadsAreSerialised(t *testing.T) {
	e := newUploadEnv(t, nil)
	_, inB := e.secondServer(t)
	inA := ingest.New(e.st, ingest.Limits{})
	ctx := context.Background()
	file := func(jobs int) []byte {
		return []byte(fmt.Sprintf(`{"agency":"BQL","year":2024,"figures":[{"indicator":"zone_new_jobs","scope":"VSIP1","value":%d,"unit":"người","status":"actual","source":"API"}]}`, jobs))
	}
	for round := 0; round < 5; round++ {
		a, b := file(1000+round*10), file(2000+round*10)
		var repA, repB queries.IngestReport
		var errA, errB error
		var wg sync.WaitGroup
		wg.Add(2)
		go func() {
			defer wg.Done()
			repA, errA = inA.Ingest(ctx, queries.UploadRequest{FileName: "a.json", Content: a, User: "cli"})
		}()
		go func() {
			defer wg.Done()
			repB, errB = inB.Ingest(ctx, queries.UploadRequest{FileName: "b.json", Content: b, User: "cli"})
		}()
		wg.Wait()
		must(t, errA)
		must(t, errB)
		if repA.Outcome != queries.UploadAccepted || repB.Outcome != queries.UploadAccepted || len(repA.Items) != 1 || len(repB.Items) != 1 {
			t.Fatalf("round %d: %s %s", round, repA.Outcome, repB.Outcome)
		}
		x, y := repA.Items[0], repB.Items[0]
		// Serialised, one of them read the other's value as the old one; a stale read
		// has both reading the value from before either.
		if (y.OldValue == x.NewValue) == (x.OldValue == y.NewValue) {
			t.Errorf("round %d: a %q→%s, b %q→%s: not serialised", round, x.OldValue, x.NewValue, y.OldValue, y.NewValue)
		}
	}
	hist, err := e.st.FigureHistory(ctx, queries.FigureKey{Indicator: "zone_new_jobs", Scope: "VSIP1", Agency: "BQL", Year: 2024})
	must(t, err)
	if len(hist) < 10 {
		t.Errorf("history of %d versions, want 10 new ones", len(hist))
	}
}
