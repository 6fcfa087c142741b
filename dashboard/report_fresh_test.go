package dashboard

import (
	"bytes"
	"context"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/gofiber/fiber/v2"
	"github.com/quangngai/chitieu/plan"
	"github.com/quangngai/chitieu/queries"
	"github.com/quangngai/chitieu/report"
)

// docxText is the text of a .docx's main part, tags dropped.
func docxText(t *testing.T, doc []byte) string {
	t.Helper()
	return regexp.MustCompile(`<[^>]+>`).ReplaceAllString(docxDocument(t, doc), "")
}

// pdfBytesText is the text pdftotext reads from a PDF.
func pdfBytesText(t *testing.T, pdf []byte) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), "r.pdf")
	must(t, os.WriteFile(p, pdf, 0o600))
	out, err := exec.Command("pdftotext", "-layout", p, "-").Output()
	must(t, err)
	return strings.Join(strings.Fields(string(out)), " ")
}

// A report's .docx and PDF follow an answer saved again (a submitted answer's later
// save writes no submission row) and an outline edit, on the server that wrote and on
// another one on the same database. Both were cached by year only, and the answer and
// outline tables were not data changes.
func TestReportFilesFreshAfterAnswerAndOutlineEdits(t *testing.T) {
	e := newAcctEnv(t, false)
	appB := secondServer(t, e.deps, e.st.Database())
	admin := e.as(tAdmin)
	get := func(app *fiber.App, path string) []byte {
		t.Helper()
		req := httptest.NewRequest("GET", path, nil)
		for _, ck := range admin.cookies {
			req.AddCookie(ck)
		}
		for i := 0; ; i++ {
			resp, err := app.Test(req.Clone(context.Background()), -1)
			must(t, err)
			b, _ := io.ReadAll(resp.Body)
			if resp.StatusCode == http.StatusServiceUnavailable && resp.Header.Get("Retry-After") != "" && i < 120 {
				time.Sleep(time.Second) // an export job still running
				continue
			}
			if resp.StatusCode != 200 {
				t.Fatalf("GET %s: %d %.300s", path, resp.StatusCode, b)
			}
			return b
		}
	}
	save := func(action, text string) {
		t.Helper()
		resp := e.do(admin, "POST", "/report/2023/answer/SCT", url.Values{"_csrf": {admin.csrf}, "action": {action},
			"letter_no": {"55/SCT-QLCN"}, "letter_date": {"15/12/2023"}, "signer": {"Người Ký"}, "item:II.1": {text}})
		if resp.StatusCode != http.StatusSeeOther {
			t.Fatalf("save %s: %d %s", action, resp.StatusCode, readBody(t, resp))
		}
	}
	apps := map[string]*fiber.App{"the writing server": e.app, "another server": appB}
	check := func(step, want, gone string, pdf bool) {
		t.Helper()
		for name, app := range apps {
			doc := docxText(t, get(app, "/report/2023/report.docx"))
			if !strings.Contains(doc, want) || (gone != "" && strings.Contains(doc, gone)) {
				t.Errorf("%s: %s report.docx: want %q, not %q", step, name, want, gone)
			}
			if !pdf {
				continue
			}
			txt := pdfBytesText(t, get(app, "/report/2023/report.pdf"))
			if !strings.Contains(txt, want) || (gone != "" && strings.Contains(txt, gone)) {
				t.Errorf("%s: %s report.pdf: want %q, not %q", step, name, want, gone)
			}
		}
	}
	save("submit", "CHUOITHUMOT tuyên truyền.")
	check("submitted", "CHUOITHUMOT", "", true)
	save("draft", "CHUOITHUHAI tuyên truyền.") // a submitted answer stays submitted
	check("saved again", "CHUOITHUHAI", "CHUOITHUMOT", true)

	o, err := e.st.OutlineByCode(context.Background(), queries.DefaultOutline)
	must(t, err)
	for i, it := range o.Items {
		if it.Number == "III" {
			o.Items[i].Title = "TIEUDEMOI HẠN CHẾ"
		}
	}
	resp := e.do(admin, "POST", "/admin/outlines/"+o.Code, url.Values{"_csrf": {admin.csrf}, "items": {outlineLines(o)}})
	if resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("outline save: %d %s", resp.StatusCode, readBody(t, resp))
	}
	check("outline edited", "TIEUDEMOI", "", true)
}

// A 2024 answer plans 2025, a year of the merged province (plan.TerritoryOf): its
// next-year targets are stored on that territory, so they can be judged on 2025's figures.
func TestNextYearTargetsFollowTheTerritoryOfTheirYear(t *testing.T) {
	e := newAcctEnv(t, false)
	bql := e.as(tOther)
	for _, year := range []int{2024, 2022} {
		resp := e.do(bql, "POST", "/report/"+itoa(year)+"/answer/BQL", url.Values{"_csrf": {bql.csrf}, "action": {"draft"},
			"signer": {"Lê Văn C"}, "target:industrial_va_growth": {"10,5"}})
		if resp.StatusCode != http.StatusSeeOther {
			t.Fatalf("save %d: %d %s", year, resp.StatusCode, readBody(t, resp))
		}
		ts, err := e.st.Targets(context.Background(), nextYearPlan(uint16(year), "BQL"))
		must(t, err)
		if want := plan.TerritoryOf(year + 1); len(ts) != 1 || ts[0].Scope != want {
			t.Fatalf("targets for %d: %+v, want scope %s", year+1, ts, want)
		}
	}
}

// A round opened on /admin/outlines (deadline and outline, no letter date) keeps the
// letter date `chitieu round` wrote: the table keeps only a year's newest row.
func TestRoundOpenedInTheUIKeepsTheLetterDate(t *testing.T) {
	e := newAcctEnv(t, false)
	ctx := context.Background()
	ld := time.Date(2026, 12, 8, 0, 0, 0, 0, time.UTC)
	dl := time.Date(2026, 12, 31, 0, 0, 0, 0, time.UTC)
	must(t, e.st.SaveRounds(ctx, []queries.Round{{Year: 2026, LetterNo: "3006/SCT-QLCN", LetterDate: &ld, Deadline: &dl}}))
	admin := e.as(tAdmin)
	resp := e.do(admin, "POST", "/admin/outlines/round", url.Values{"_csrf": {admin.csrf}, "year": {"2026"},
		"outline": {queries.DefaultOutline}, "deadline": {"20/01/2027"}})
	if resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("open round: %d %s", resp.StatusCode, readBody(t, resp))
	}
	rounds, err := e.st.Rounds(ctx)
	must(t, err)
	for _, r := range rounds {
		if r.Year != 2026 {
			continue
		}
		if r.LetterDate == nil || !r.LetterDate.Equal(ld) || r.LetterNo != "3006/SCT-QLCN" || r.Deadline == nil || r.Deadline.Format("2006-01-02") != "2027-01-20" {
			t.Fatalf("round after the UI: %+v (letter date %v)", r, r.LetterDate)
		}
		return
	}
	t.Fatal("no 2026 round")
}

// report.pdf is built as a job: with a conversion slower than the request deadline,
// the download answers 503 with Retry-After and "Đang tạo báo cáo…" (English on
// English pages) until the file is ready, then the file; never a 500. A build under
// way stops when the server shuts down.
func TestReportPDFIsBuiltAsAJob(t *testing.T) {
	e := newAcctEnv(t, false)
	var hold atomic.Pointer[chan struct{}] // the forced slow conversion waits on it
	release := make(chan struct{})
	hold.Store(&release)
	started, stopped := make(chan struct{}, 8), make(chan error, 1)
	d := e.deps
	d.RequestTimeout, d.ExportWait = 2*time.Second, 100*time.Millisecond
	d.ConvertPDF = func(ctx context.Context, doc []byte) ([]byte, error) {
		started <- struct{}{}
		select {
		case <-*hold.Load():
		case <-ctx.Done():
			stopped <- ctx.Err()
			return nil, ctx.Err()
		}
		return report.ConvertPDF(ctx, "", doc)
	}
	app, err := New(d)
	must(t, err)
	e.app = app
	viewer := e.as(tViewer)
	for _, lg := range []string{"vi", "en"} {
		resp := e.do(viewer, "GET", "/report/2023/report.pdf?lang="+lg, nil)
		body := readBody(t, resp)
		want := map[string]string{"vi": "Đang tạo báo cáo, vui lòng thử lại sau ít giây", "en": "The report is being generated"}[lg]
		if resp.StatusCode != http.StatusServiceUnavailable || resp.Header.Get("Retry-After") == "" || !strings.Contains(body, want) {
			t.Fatalf("%s while building: %d Retry-After=%q\n%.400s", lg, resp.StatusCode, resp.Header.Get("Retry-After"), body)
		}
	}
	time.Sleep(3 * time.Second) // past the request deadline: the build is not cut short
	close(release)
	var pdf []byte
	for i := 0; i < 240 && pdf == nil; i++ {
		resp := e.do(viewer, "GET", "/report/2023/report.pdf", nil)
		b, _ := io.ReadAll(resp.Body)
		switch resp.StatusCode {
		case http.StatusOK:
			pdf = b
		case http.StatusServiceUnavailable:
			time.Sleep(500 * time.Millisecond)
		default:
			t.Fatalf("while building: %d %.300s", resp.StatusCode, b)
		}
	}
	// The letter number may wrap after its hyphen ("3006/SCT-" / "QLCN"): compare without spaces.
	if !bytes.HasPrefix(pdf, []byte("%PDF")) || !strings.Contains(strings.Join(strings.Fields(pdfBytesText(t, pdf)), ""), "3006/SCT-QLCN") {
		t.Fatalf("no PDF after the build (%d bytes)", len(pdf))
	}
	// A build under way (another year) is cancelled at shutdown.
	for len(started) > 0 {
		<-started
	}
	never := make(chan struct{})
	hold.Store(&never)
	if resp := e.do(viewer, "GET", "/report/2024/report.pdf", nil); resp.StatusCode != http.StatusServiceUnavailable {
		t.Fatalf("2024 build: %d", resp.StatusCode)
	}
	select {
	case <-started:
	case <-time.After(90 * time.Second):
		t.Fatal("the 2024 conversion never started")
	}
	must(t, app.Shutdown())
	select {
	case err := <-stopped:
		if !errors.Is(err, context.Canceled) {
			t.Fatalf("build ended with %v, want cancelled", err)
		}
	default:
		t.Fatal("shutdown returned with the build still running")
	}
}

// A wait for a render slot ends with its request (or a build cancelled at shutdown),
// not after a fixed minute.
func TestRenderSlotWaitHonoursCancellation(t *testing.T) {
	for i := 0; i < cap(pdfSlots); i++ {
		must(t, takeRenderSlot(context.Background()))
	}
	defer func() {
		for i := 0; i < cap(pdfSlots); i++ {
			releaseRenderSlot()
		}
	}()
	ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel()
	if err := takeRenderSlot(ctx); !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("wait on a cancelled request: %v, want its deadline", err) // a fixed wait gives 429
	}
}
