package dashboard

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"html"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/quangngai/chitieu/ingest"
	"github.com/quangngai/chitieu/queries"
	"github.com/xuri/excelize/v2"
)

// The upload tests run against the real ClickHouse with the real demo catalogue and
// the seed assignments (demo.Load): tOther is BQL's analyst, tAnalyst SCT's.

// newUploadEnv is newAcctEnv with the ingest functions wired as cmd wires them.
func newUploadEnv(t *testing.T, edit func(*Deps, *ingest.Limits)) *acctEnv {
	t.Helper()
	e := newAcctEnv(t, false)
	lim := ingest.Limits{MaxBytes: 20 << 20}
	if edit != nil {
		edit(&e.deps, &lim)
	}
	in := ingest.New(e.st, lim)
	e.deps.Ingest, e.deps.NilReport = in.Ingest, in.NilReport
	e.deps.Template = func(ctx context.Context, agency string, year uint16) ([]byte, string, error) {
		b, err := in.Template(ctx, agency, year)
		return b, ingest.TemplateFileName(agency, year), err
	}
	app, err := New(e.deps)
	must(t, err)
	e.app = app
	return e
}

func goodFile(t *testing.T, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "testdata", "ingest", "good", name))
	must(t, err)
	return b
}

func badFile(t *testing.T, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "testdata", "ingest", "bad", name))
	must(t, err)
	return b
}

// upSend sends a request as the caller with the given body and headers.
func (e *acctEnv) upSend(c caller, method, target string, body io.Reader, header map[string]string) *http.Response {
	e.t.Helper()
	req := httptest.NewRequest(method, target, body)
	for k, v := range header {
		req.Header.Set(k, v)
	}
	for _, ck := range c.cookies {
		req.AddCookie(ck)
	}
	resp, err := e.app.Test(req, -1)
	must(e.t, err)
	return resp
}

// upPost posts a multipart form with one file (none when fileName is "") and the
// caller's CSRF token.
func (e *acctEnv) upPost(c caller, target, fileName string, content []byte, fields map[string]string) *http.Response {
	e.t.Helper()
	resp, err := e.app.Test(multipartUpload(e.t, c, target, fileName, content, fields), -1)
	must(e.t, err)
	return resp
}

// uploadID is the upload a 303 answer sends the browser to.
func uploadID(t *testing.T, resp *http.Response) string {
	t.Helper()
	body := readBody(t, resp)
	loc := resp.Header.Get("Location")
	if resp.StatusCode != http.StatusSeeOther || !strings.HasPrefix(loc, "/uploads/") {
		t.Fatalf("want 303 to /uploads/…, got %d %q\n%s", resp.StatusCode, loc, body)
	}
	return strings.TrimPrefix(loc, "/uploads/")
}

// page GETs a page and returns its status and unescaped text.
func (e *acctEnv) page(c caller, target string) (int, string) {
	e.t.Helper()
	resp := e.do(c, "GET", target, nil)
	return resp.StatusCode, html.UnescapeString(readBody(e.t, resp))
}

func (e *acctEnv) figures(agency string, year uint16) map[string]string {
	e.t.Helper()
	cur, err := e.st.CurrentFigures(context.Background(), queries.FigureFilter{Agencies: []string{agency}, YearFrom: year, YearTo: year})
	must(e.t, err)
	out := map[string]string{}
	for _, f := range cur {
		out[f.Indicator+"/"+f.Scope] = f.Value.String()
	}
	return out
}

func (e *acctEnv) uploadsOf(agency string) []queries.Upload {
	e.t.Helper()
	list, err := e.st.ListUploads(context.Background(), queries.UploadFilter{Agencies: []string{agency}})
	must(e.t, err)
	return list
}

func (e *acctEnv) auditActions(action string) []queries.AuditEvent {
	e.t.Helper()
	ev, err := e.st.AuditEvents(context.Background(), queries.AuditFilter{Action: action})
	must(e.t, err)
	return ev
}

func TestUploadPreviewThenConfirm(t *testing.T) {
	t.Parallel()
	e := newUploadEnv(t, nil)
	bql := e.as(tOther)
	status, body := e.page(bql, "/upload")
	if status != 200 {
		t.Fatalf("GET /upload: %d\n%s", status, body)
	}
	mustContain(t, "upload page", body, `action="/upload"`, `enctype="multipart/form-data"`, `name="file"`, `value="BQL"`,
		`action="/template"`, `action="/nil-report"`, `href="/upload" aria-current="page"`)
	if strings.Contains(body, `value="SCT"`) {
		t.Error("BQL's analyst is offered SCT")
	}
	before := e.figures("BQL", 2024)

	content := goodFile(t, "example.csv")
	id := uploadID(t, e.upPost(bql, "/upload", "example.csv", content, map[string]string{"agency": "BQL"}))
	if got := e.figures("BQL", 2024); len(got) != len(before) {
		t.Fatalf("the preview wrote figures: %v → %v", before, got)
	}
	status, body = e.page(bql, "/uploads/"+id)
	if status != 200 {
		t.Fatalf("report: %d\n%s", status, body)
	}
	mustContain(t, "preview", body, "Xem trước", "Chưa ghi gì", "Preview:", `action="/uploads/`+id+`/confirm"`,
		"1.234,5", "25.400,75", "8.076", "investment_new_capital", "VSIP1", "dòng 3", "Mới", "example.csv")

	// Confirm: the archived bytes are written, nothing is sent again.
	resp := e.do(bql, "POST", "/uploads/"+id+"/confirm", url.Values{"_csrf": {bql.csrf}})
	id2 := uploadID(t, resp)
	if id2 == id {
		t.Fatal("the confirm did not make a new upload")
	}
	got := e.figures("BQL", 2024)
	for k, want := range map[string]string{"investment_new_capital/VSIP1": "1234.5", "investment_new_capital/zones_bql": "25400.75",
		"zone_new_jobs/zones_bql": "8076", "investment_new_projects/VSIP1": "7"} {
		if got[k] != want {
			t.Errorf("%s = %q, want %q (all: %v)", k, got[k], want, got)
		}
	}
	status, body = e.page(bql, "/uploads/"+id2)
	mustContain(t, "accepted report", body, "Đã ghi", "Written:")
	if status != 200 || strings.Contains(body, "/confirm") {
		t.Errorf("accepted report: %d, or it offers a confirm", status)
	}
	// The preview now says it was confirmed, and offers no second confirm.
	_, body = e.page(bql, "/uploads/"+id)
	mustContain(t, "confirmed preview", body, "đã được xác nhận", "/uploads/"+id2)
	if strings.Contains(body, `/confirm"`) {
		t.Error("a confirmed preview still offers the confirm button")
	}
	// Confirming again (a second click, the back button) writes nothing: a duplicate.
	id3 := uploadID(t, e.do(bql, "POST", "/uploads/"+id+"/confirm", url.Values{"_csrf": {bql.csrf}}))
	up, err := e.st.UploadByID(context.Background(), id3)
	must(t, err)
	if up.Outcome != queries.UploadDuplicate {
		t.Errorf("second confirm: outcome %s, want duplicate", up.Outcome)
	}
	// Only a preview can be confirmed.
	if resp := e.do(bql, "POST", "/uploads/"+id2+"/confirm", url.Values{"_csrf": {bql.csrf}}); resp.StatusCode != http.StatusConflict {
		t.Errorf("confirm of an accepted upload: %d, want 409", resp.StatusCode)
	}
	for _, a := range []string{queries.AuditUploadPreview, queries.AuditUploadAccept, queries.AuditUploadDuplicate} {
		ev := e.auditActions(a)
		if len(ev) == 0 || ev[0].Actor != tOther || ev[0].Agency != "BQL" {
			t.Errorf("audit %s: %+v", a, ev)
		}
	}
	if ev := e.auditActions(queries.AuditUploadAccept); len(ev) > 0 && !strings.Contains(ev[0].Detail, id) {
		t.Errorf("the accept event does not name the preview it confirms: %q", ev[0].Detail)
	}
	// The upload list shows them; SCT's analyst sees none of BQL's.
	_, body = e.page(bql, "/uploads")
	mustContain(t, "upload list", body, "/uploads/"+id, "/uploads/"+id2, "example.csv")
	_, body = e.page(e.as(tAnalyst), "/uploads")
	if strings.Contains(body, "example.csv") {
		t.Error("SCT's analyst sees BQL's uploads")
	}
	_, body = e.page(e.as(tAdmin), "/uploads?agency=BQL&year=2024")
	mustContain(t, "admin upload list", body, "/uploads/"+id2)
}

func TestUploadBadFileShowsLocatedErrors(t *testing.T) {
	t.Parallel()
	e := newUploadEnv(t, nil)
	bql := e.as(tOther)
	before := e.figures("BQL", 2024)
	for _, tc := range []struct {
		file       string
		vi, en     []string
		loc, locEN string
	}{
		{"negative-count.csv", []string{"Giá trị -3 âm", "Kiểm tra lại dấu"}, []string{"Value -3 is negative", "Check the sign"}, `dòng 2, cột "value"`, `line 2, column "value"`},
		{"text-for-number.xlsx", []string{"không phải là số"}, []string{"is not a number"}, "'Chỉ tiêu'!D5", "'Chỉ tiêu'!D5"},
		{"binary-garbage.bin", []string{"Không nhận ra định dạng tệp"}, []string{"Unrecognised file format"}, "cả tệp", "whole file"},
	} {
		t.Run(tc.file, func(t *testing.T) {
			content := badFile(t, tc.file)
			id := uploadID(t, e.upPost(bql, "/upload", tc.file, content, map[string]string{"agency": "BQL"}))
			status, body := e.page(bql, "/uploads/"+id)
			if status != 200 {
				t.Fatalf("report: %d", status)
			}
			mustContain(t, "rejected report (vi)", body, append(tc.vi, "Bị từ chối", "Tệp bị từ chối", "Nothing was written", tc.loc, tc.en[0])...)
			if strings.Contains(body, "/confirm") {
				t.Error("a rejected file offers a confirm")
			}
			_, body = e.page(bql, "/uploads/"+id+"?lang=en")
			mustContain(t, "rejected report (en)", body, append(tc.en, "Rejected", tc.locEN)...)
			if strings.Index(body, tc.en[0]) > strings.Index(body, tc.vi[0]) {
				t.Error("English is not first in the English page")
			}
			// The rejected file is archived byte for byte, its report with it.
			resp := e.do(bql, "GET", "/uploads/"+id+"/file", nil)
			if got := readBody(t, resp); resp.StatusCode != 200 || got != string(content) {
				t.Errorf("archived rejected file: %d, %d bytes, want %d", resp.StatusCode, len(got), len(content))
			}
			resp = e.do(bql, "GET", "/uploads/"+id+"/report.json", nil)
			var rep queries.IngestReport
			must(t, json.NewDecoder(resp.Body).Decode(&rep))
			resp.Body.Close()
			if rep.Outcome != queries.UploadRejected || len(rep.Errors) == 0 || rep.Errors[0].Location != strings.Trim(strings.ReplaceAll(tc.loc, "cả tệp", ""), " ") {
				t.Errorf("report.json: %s %+v", rep.Outcome, rep.Errors)
			}
		})
	}
	if got := e.figures("BQL", 2024); len(got) != len(before) {
		t.Errorf("bad files wrote figures: %v → %v", before, got)
	}
	if ev := e.auditActions(queries.AuditUploadReject); len(ev) != 3 {
		t.Errorf("%d reject events, want 3", len(ev))
	}
	// A file naming another agency than the one chosen is refused, not written elsewhere.
	id := uploadID(t, e.upPost(e.as(tAnalyst), "/upload", "example.csv", goodFile(t, "example.csv"), map[string]string{"agency": "SCT"}))
	_, body := e.page(e.as(tAnalyst), "/uploads/"+id)
	mustContain(t, "agency mismatch", body, "Tệp ghi đơn vị", "BQL", "SCT")
}

func TestUploadOtherAgencyForbidden(t *testing.T) {
	t.Parallel()
	e := newUploadEnv(t, nil)
	sct := e.as(tAnalyst) // SCT's analyst trying to act for BQL
	before := e.figures("BQL", 2024)
	content := goodFile(t, "example.csv")
	for _, resp := range []*http.Response{
		e.upPost(sct, "/upload", "example.csv", content, map[string]string{"agency": "BQL"}),
		e.upPost(sct, "/api/uploads", "example.csv", content, map[string]string{"agency": "BQL"}),
		e.upSend(sct, "POST", "/api/uploads", bytes.NewReader(goodFile(t, "api.json")), // the agency named in the JSON
			map[string]string{"Content-Type": "application/json", "X-CSRF-Token": sct.csrf}),
		e.do(sct, "POST", "/nil-report", url.Values{"_csrf": {sct.csrf}, "agency": {"BQL"}, "year": {"2022"},
			"letter_no": {"1/BQL"}, "letter_date": {"2022-12-01"}, "signer": {"X"}}),
		e.do(sct, "GET", "/template?agency=BQL&year=2024", nil),
	} {
		body := readBody(t, resp)
		if resp.StatusCode != http.StatusForbidden || !strings.Contains(body, "BQL") {
			t.Errorf("%s %s: %d, want 403 naming BQL\n%.500s", resp.Request.Method, resp.Request.URL, resp.StatusCode, body)
		}
	}
	if n := len(e.uploadsOf("BQL")); n != 0 {
		t.Errorf("%d BQL uploads recorded by a forbidden request", n)
	}
	if got := e.figures("BQL", 2024); len(got) != len(before) {
		t.Errorf("figures written: %v → %v", before, got)
	}
	subs, err := e.st.CurrentSubmissions(context.Background(), 2022, 2022)
	must(t, err)
	for _, s := range subs {
		if s.Agency == "BQL" {
			t.Errorf("a BQL submission was recorded: %+v", s)
		}
	}
	if ev := e.auditActions(queries.AuditAccessDenied); len(ev) < 5 {
		t.Errorf("%d access.denied events, want 5", len(ev))
	}
	// BQL's own preview is out of SCT's reach: view, file, report, confirm.
	bql := e.as(tOther)
	id := uploadID(t, e.upPost(bql, "/upload", "example.csv", content, map[string]string{"agency": "BQL"}))
	for _, r := range []struct{ method, path string }{{"GET", "/uploads/" + id}, {"GET", "/uploads/" + id + "/file"},
		{"GET", "/uploads/" + id + "/report.json"}, {"POST", "/uploads/" + id + "/confirm"}} {
		var form url.Values
		if r.method == "POST" {
			form = url.Values{"_csrf": {sct.csrf}}
		}
		if resp := e.do(sct, r.method, r.path, form); resp.StatusCode != http.StatusForbidden {
			t.Errorf("%s %s as SCT: %d, want 403", r.method, r.path, resp.StatusCode)
		}
		if resp := e.do(e.as(tViewer), r.method, r.path, form); resp.StatusCode != http.StatusForbidden {
			t.Errorf("%s %s as viewer: %d, want 403", r.method, r.path, resp.StatusCode)
		}
	}
	if got := e.figures("BQL", 2024); len(got) != len(before) {
		t.Errorf("figures written by a forbidden confirm: %v → %v", before, got)
	}
	// The admin may see it.
	if status, _ := e.page(e.as(tAdmin), "/uploads/"+id); status != 200 {
		t.Errorf("admin: %d", status)
	}
}

func TestUploadAPI(t *testing.T) {
	t.Parallel()
	e := newUploadEnv(t, nil)
	bql := e.as(tOther)
	decode := func(resp *http.Response, want int) queries.IngestReport {
		t.Helper()
		body := readBody(t, resp)
		if resp.StatusCode != want || !strings.HasPrefix(resp.Header.Get("Content-Type"), "application/json") {
			t.Fatalf("status %d (want %d), type %q\n%s", resp.StatusCode, want, resp.Header.Get("Content-Type"), body)
		}
		var rep queries.IngestReport
		must(t, json.Unmarshal([]byte(body), &rep))
		return rep
	}
	api := goodFile(t, "api.json")
	// Multipart, dry run: the report, nothing written.
	rep := decode(e.upPost(bql, "/api/uploads", "api.json", api, map[string]string{"agency": "BQL", "dry_run": "true"}), 200)
	if rep.Outcome != queries.UploadDryRun || rep.Counts.New != 2 || rep.Agency != "BQL" || len(rep.Items) != 2 {
		t.Errorf("dry run: %+v", rep)
	}
	if got := e.figures("BQL", 2024); got["zone_new_jobs/DQ"] != "" {
		t.Errorf("the dry run wrote %v", got)
	}
	// The JSON itself as the body, its agency inside.
	jsonReq := func() *http.Response {
		return e.upSend(bql, "POST", "/api/uploads", bytes.NewReader(api),
			map[string]string{"Content-Type": "application/json", "X-CSRF-Token": bql.csrf})
	}
	rep = decode(jsonReq(), 200)
	if rep.Outcome != queries.UploadAccepted || rep.Counts.New != 2 || rep.UploadID == "" {
		t.Errorf("accepted: %+v", rep)
	}
	if got := e.figures("BQL", 2024); got["zone_new_jobs/DQ"] != "1250" || got["investment_new_capital/DQ"] != "12.5" {
		t.Errorf("figures after the API upload: %v", got)
	}
	// The same file twice is a duplicate: nothing written, the earlier upload named.
	dup := decode(jsonReq(), 200)
	if dup.Outcome != queries.UploadDuplicate || dup.DuplicateOf != rep.UploadID {
		t.Errorf("second send: %s, duplicate of %q (want %q)", dup.Outcome, dup.DuplicateOf, rep.UploadID)
	}
	// The duplicate's file downloads as the bytes it repeated.
	resp := e.do(bql, "GET", "/uploads/"+dup.UploadID+"/file", nil)
	if got := readBody(t, resp); resp.StatusCode != 200 || got != string(api) {
		t.Errorf("duplicate's file: %d %q", resp.StatusCode, got)
	}
	// A bad file: 422 with located errors.
	bad := decode(e.upPost(bql, "/api/uploads", "neg.csv", badFile(t, "negative-count.csv"), map[string]string{"agency": "BQL"}), 422)
	if bad.Outcome != queries.UploadRejected || bad.ErrorsTotal == 0 || bad.Errors[0].Location == "" || bad.Errors[0].MessageVI == "" ||
		bad.Errors[0].MessageEN == "" {
		t.Errorf("rejected: %+v", bad)
	}
	// No CSRF token, no upload. A form-encoded body is not a file.
	resp = e.upSend(bql, "POST", "/api/uploads", bytes.NewReader(api), map[string]string{"Content-Type": "application/json"})
	if body := readBody(t, resp); resp.StatusCode != http.StatusForbidden || !strings.Contains(body, `"error"`) {
		t.Errorf("without CSRF: %d %s", resp.StatusCode, body)
	}
	resp = e.do(bql, "POST", "/api/uploads", url.Values{"_csrf": {bql.csrf}, "x": {"1"}})
	if resp.StatusCode != http.StatusUnsupportedMediaType {
		t.Errorf("form-encoded: %d", resp.StatusCode)
	}
	// Bad fields are clear 400s in both languages.
	resp = e.upPost(bql, "/api/uploads", "api.json", api, map[string]string{"agency": "BQL", "year": "twenty"})
	var msg map[string]string
	must(t, json.NewDecoder(resp.Body).Decode(&msg))
	if resp.StatusCode != 400 || !strings.Contains(msg["error"], "Năm") || !strings.Contains(msg["error_en"], "Year") {
		t.Errorf("bad year: %d %v", resp.StatusCode, msg)
	}
	// Anonymous: 401.
	resp = e.upSend(e.as(""), "POST", "/api/uploads", bytes.NewReader(api), map[string]string{"Content-Type": "application/json"})
	if resp.StatusCode != http.StatusUnauthorized {
		t.Errorf("anonymous: %d", resp.StatusCode)
	}
}

func TestUploadArchiveDownload(t *testing.T) {
	t.Parallel()
	e := newUploadEnv(t, nil)
	bql := e.as(tOther)
	content := goodFile(t, "template-bql-2024.xlsx")
	name := `Báo cáo "BQL" <2024>.xlsx`
	id := uploadID(t, e.upPost(bql, "/upload", `C:\Users\bql\Desktop\`+name, content, map[string]string{"agency": "BQL", "year": "2024"}))
	resp := e.do(bql, "GET", "/uploads/"+id+"/file", nil)
	got := readBody(t, resp)
	if resp.StatusCode != 200 || got != string(content) {
		t.Fatalf("download: %d, %d bytes, want %d identical", resp.StatusCode, len(got), len(content))
	}
	cd := resp.Header.Get("Content-Disposition")
	if cd != `attachment; filename="Bao cao _BQL_ <2024>.xlsx"; filename*=UTF-8''B%C3%A1o%20c%C3%A1o%20%22BQL%22%20%3C2024%3E.xlsx` {
		t.Errorf("Content-Disposition: %s", cd)
	}
	if ct := resp.Header.Get("Content-Type"); ct != mimeXLSX {
		t.Errorf("Content-Type: %s", ct)
	}
	// The name is shown escaped, never as markup.
	resp = e.do(bql, "GET", "/uploads/"+id, nil)
	raw := readBody(t, resp)
	if strings.Contains(raw, "<2024>") || !strings.Contains(raw, "&lt;2024&gt;") {
		t.Error("the file name is not escaped in the report page")
	}
	// An upload id that does not exist, or is not an id, is a 404.
	for _, p := range []string{"/uploads/00000000-0000-0000-0000-000000000000", "/uploads/..%2F..%2Fetc/file", "/uploads/x'y/file"} {
		if resp := e.do(bql, "GET", p, nil); resp.StatusCode != 404 {
			t.Errorf("GET %s: %d, want 404", p, resp.StatusCode)
		}
	}
}

func TestUploadTooLarge(t *testing.T) {
	t.Parallel()
	e := newUploadEnv(t, func(d *Deps, l *ingest.Limits) { d.UploadLimitMB, l.MaxBytes = 1, 1<<20 })
	bql := e.as(tOther)
	// Over the limit but within the body limit: recorded as rejected, bytes not kept.
	big := bytes.Repeat([]byte("x"), 1<<20+10)
	id := uploadID(t, e.upPost(bql, "/upload", "big.csv", big, map[string]string{"agency": "BQL"}))
	_, body := e.page(bql, "/uploads/"+id)
	mustContain(t, "too large", body, "lớn hơn giới hạn", "không được lưu")
	if resp := e.do(bql, "GET", "/uploads/"+id+"/file", nil); resp.StatusCode != 404 {
		t.Errorf("file of a too-large upload: %d", resp.StatusCode)
	}
	// Over the body limit: 413 with a clear message, nothing recorded.
	// (app.Test refuses such a body itself, so this one goes through a real listener.
	// The request declares its size and sends none of it: the server refuses it on
	// the declared length, before reading.)
	n := len(e.uploadsOf("BQL"))
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	must(t, err)
	go e.app.Listener(ln)
	defer e.app.Shutdown()
	conn, err := net.Dial("tcp", ln.Addr().String())
	must(t, err)
	defer conn.Close()
	var cookies []string
	for _, ck := range bql.cookies {
		cookies = append(cookies, ck.Name+"="+ck.Value)
	}
	_, err = fmt.Fprintf(conn, "POST /upload HTTP/1.1\r\nHost: %s\r\nContent-Type: multipart/form-data; boundary=b\r\n"+
		"Content-Length: %d\r\nCookie: %s\r\n\r\n", ln.Addr(), 3<<20, strings.Join(cookies, "; "))
	must(t, err)
	must(t, conn.SetReadDeadline(time.Now().Add(10*time.Second)))
	resp, err := http.ReadResponse(bufio.NewReader(conn), nil)
	if err != nil {
		t.Fatalf("huge: %v", err)
	}
	if body := html.UnescapeString(readBody(t, resp)); resp.StatusCode != http.StatusRequestEntityTooLarge || !strings.Contains(body, "quá lớn") {
		t.Errorf("huge: %d %.300s", resp.StatusCode, body)
	}
	if len(e.uploadsOf("BQL")) != n {
		t.Error("an over-limit body was recorded")
	}
	// No file chosen: 400, nothing recorded.
	if resp := e.upPost(bql, "/upload", "", nil, map[string]string{"agency": "BQL"}); resp.StatusCode != 400 {
		t.Errorf("no file: %d", resp.StatusCode)
	}
}

func TestNilReportForm(t *testing.T) {
	t.Parallel()
	e := newUploadEnv(t, nil)
	sct := e.as(tAnalyst)
	form := url.Values{"_csrf": {sct.csrf}, "agency": {"SCT"}, "year": {"2022"}, "letter_no": {"123/SCT-QLCN"},
		"letter_date": {"2022-12-15"}, "signer": {"Nguyễn Văn <A>"}, "note": {"không được giao"}}
	// A missing signer: refused with the message, the form keeps what was typed.
	bad := url.Values{}
	for k, v := range form {
		bad[k] = v
	}
	bad.Set("signer", "")
	resp := e.do(sct, "POST", "/nil-report", bad)
	body := html.UnescapeString(readBody(t, resp))
	if resp.StatusCode != http.StatusUnprocessableEntity {
		t.Fatalf("missing signer: %d", resp.StatusCode)
	}
	mustContain(t, "refused nil report", body, "Thiếu người ký", "signer is missing", `value="123/SCT-QLCN"`, `value="2022-12-15"`)
	bad.Set("signer", "X")
	bad.Set("letter_date", "31/02/2022")
	resp = e.do(sct, "POST", "/nil-report", bad)
	if body := html.UnescapeString(readBody(t, resp)); resp.StatusCode != 422 || !strings.Contains(body, "Ngày công văn") {
		t.Errorf("bad date: %d", resp.StatusCode)
	}
	// A field too long is named in the reader's language (a phrase inside the message).
	bad.Set("letter_date", "15/12/2022")
	bad.Set("signer", strings.Repeat("x", 201))
	resp = e.do(sct, "POST", "/nil-report", bad)
	mustContain(t, "long signer", html.UnescapeString(readBody(t, resp)), "Tên người ký dài quá 200 ký tự.")
	resp = e.do(sct, "POST", "/nil-report?lang=en", bad)
	mustContain(t, "long signer (en)", html.UnescapeString(readBody(t, resp)), "The signer is longer than 200 characters.")
	subs, err := e.st.CurrentSubmissions(context.Background(), 2022, 2022)
	must(t, err)
	for _, s := range subs {
		if s.Agency == "SCT" {
			t.Fatalf("a refused nil report was recorded: %+v", s)
		}
	}

	resp = e.do(sct, "POST", "/nil-report", form)
	loc := resp.Header.Get("Location")
	if resp.StatusCode != http.StatusSeeOther || !strings.HasPrefix(loc, "/upload?") {
		t.Fatalf("nil report: %d %q\n%s", resp.StatusCode, loc, readBody(t, resp))
	}
	subs, err = e.st.CurrentSubmissions(context.Background(), 2022, 2022)
	must(t, err)
	var got *queries.SubmissionState
	for i := range subs {
		if subs[i].Agency == "SCT" {
			got = &subs[i]
		}
	}
	if got == nil || got.Status != queries.SubmissionNil || got.LetterNo != "123/SCT-QLCN" || got.Signer != "Nguyễn Văn <A>" ||
		got.LetterDate == nil || got.LetterDate.Format("2006-01-02") != "2022-12-15" || got.SubmittedBy != tAnalyst {
		t.Fatalf("recorded: %+v", got)
	}
	status, body := e.page(sct, loc)
	if status != 200 {
		t.Fatalf("after: %d", status)
	}
	mustContain(t, "nil recorded", body, "Đã ghi nhận: SCT không được giao nhiệm vụ năm 2022", "123/SCT-QLCN", "Nguyễn Văn <A>")
	if ev := e.auditActions(queries.AuditNilReport); len(ev) != 1 || ev[0].Agency != "SCT" || !strings.Contains(ev[0].Detail, "123/SCT-QLCN") {
		t.Errorf("audit: %+v", ev)
	}
	// An agency with figures for the year cannot file a nil report (the ingester says why).
	bql := e.as(tOther)
	resp = e.upSend(bql, "POST", "/api/uploads", bytes.NewReader(goodFile(t, "api.json")),
		map[string]string{"Content-Type": "application/json", "X-CSRF-Token": bql.csrf})
	if resp.StatusCode != 200 {
		t.Fatalf("API upload: %d", resp.StatusCode)
	}
	resp = e.do(bql, "POST", "/nil-report", url.Values{"_csrf": {bql.csrf}, "agency": {"BQL"}, "year": {"2024"},
		"letter_no": {"5/BQL"}, "letter_date": {"15/12/2024"}, "signer": {"Y"}})
	body = html.UnescapeString(readBody(t, resp))
	if resp.StatusCode != 422 {
		t.Errorf("nil report over figures: %d", resp.StatusCode)
	}
	mustContain(t, "nil over figures", body, "không thể báo cáo không được giao nhiệm vụ", "it cannot file a nil report")
}

func TestTemplateDownload(t *testing.T) {
	t.Parallel()
	e := newUploadEnv(t, nil)
	bql := e.as(tOther)
	resp := e.do(bql, "GET", "/template?agency=BQL&year=2024", nil)
	body := readBody(t, resp)
	if resp.StatusCode != 200 || resp.Header.Get("Content-Type") != mimeXLSX {
		t.Fatalf("template: %d %q\n%.300s", resp.StatusCode, resp.Header.Get("Content-Type"), body)
	}
	if cd := resp.Header.Get("Content-Disposition"); !strings.Contains(cd, `filename="bieu-mau-BQL-2024.xlsx"`) {
		t.Errorf("Content-Disposition: %s", cd)
	}
	f, err := excelize.OpenReader(strings.NewReader(body))
	if err != nil {
		t.Fatalf("the template does not open: %v", err)
	}
	defer f.Close()
	rows, err := f.GetRows("Chỉ tiêu")
	must(t, err)
	if len(rows) < 6 || !strings.Contains(strings.Join(rows[0], " ")+strings.Join(rows[1], " "), "BQL") {
		t.Errorf("template rows: %v", rows)
	}
	// The template, filled in as it is, uploads (a preview of nothing new is fine).
	id := uploadID(t, e.upPost(bql, "/upload", "bieu-mau-BQL-2024.xlsx", []byte(body), map[string]string{"agency": "BQL"}))
	if up, err := e.st.UploadByID(context.Background(), id); err != nil || up.Outcome != queries.UploadDryRun {
		t.Errorf("uploading the template back: %+v %v", up.Outcome, err)
	}
	for _, tc := range []struct {
		who, target string
		status      int
	}{
		{tOther, "/template?agency=BQL", 400},
		{tOther, "/template?agency=BQL&year=abc", 400},
		{tOther, "/template?year=2024", 200}, // an analyst's only agency
		{tAdmin, "/template?year=2024", 400}, // an admin must choose
		{tAdmin, "/template?agency=NOPE&year=2024", 404},
		{tAdmin, "/template?agency=SCT&year=2024", 200},
		{tAnalyst, "/template?agency=BQL&year=2024", 403},
		{tViewer, "/template?agency=BQL&year=2024", 403},
	} {
		if resp := e.do(e.as(tc.who), "GET", tc.target, nil); resp.StatusCode != tc.status {
			t.Errorf("%s %s: %d, want %d", tc.who, tc.target, resp.StatusCode, tc.status)
		}
	}
}

func TestUploadWithoutIngest(t *testing.T) {
	t.Parallel()
	e := newAcctEnv(t, false) // no ingest functions wired
	bql := e.as(tOther)
	_, body := e.page(bql, "/upload")
	mustContain(t, "upload page", body, "chưa được bật")
	resp := e.upPost(bql, "/upload", "example.csv", goodFile(t, "example.csv"), map[string]string{"agency": "BQL"})
	if b := html.UnescapeString(readBody(t, resp)); resp.StatusCode != 503 || !strings.Contains(b, "chưa được bật") {
		t.Errorf("POST /upload without ingest: %d", resp.StatusCode)
	}
	// The menu link shows to those who can write only.
	if _, body := e.page(e.as(tViewer), "/"); strings.Contains(body, `href="/upload"`) {
		t.Error("a viewer sees the upload link")
	}
}
