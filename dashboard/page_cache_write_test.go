package dashboard

import (
	"context"
	"html"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/gofiber/fiber/v2"
	"github.com/quangngai/chitieu/queries"
	"github.com/quangngai/chitieu/queries/querytest"
)

// TestWritesShowAtOnceThroughThePageCache writes through every write path of the web
// app and reads the page that shows the write at once, both through the server that
// wrote (its own change counter) and through another server on the same database
// that checks the shared change stamp on every request. Each page is read just before
// the write, so a stale copy is in both caches.
func TestWritesShowAtOnceThroughThePageCache(t *testing.T) {
	e := newUploadEnv(t, nil)
	appB := secondServer(t, e.deps, e.st.Database())
	admin, bql, sct := e.as(tAdmin), e.as(tOther), e.as(tAnalyst)
	read := func(useB bool, path string) string {
		req := httptest.NewRequest("GET", path, nil)
		for _, ck := range admin.cookies {
			req.AddCookie(ck)
		}
		app := e.app
		if useB {
			app = appB
		}
		resp, err := app.Test(req, -1)
		must(t, err)
		b, _ := io.ReadAll(resp.Body)
		if resp.StatusCode != 200 {
			t.Fatalf("GET %s: %d", path, resp.StatusCode)
		}
		return html.UnescapeString(string(b))
	}
	api := func(body string) func() *http.Response {
		return func() *http.Response {
			return e.upSend(bql, "POST", "/api/uploads", strings.NewReader(body),
				map[string]string{"Content-Type": "application/json", "X-CSRF-Token": bql.csrf})
		}
	}
	fig := func(value, source string) string {
		return `{"agency":"BQL","year":2024,"figures":[{"indicator":"zone_new_jobs","scope":"VSIP1","value":` + value +
			`,"unit":"người","status":"actual","source":"` + source + `"}]}`
	}
	steps := []struct {
		name, page string
		write      func() *http.Response
		want, gone string
	}{
		{"upload", "/reporting/BQL/2024", api(fig("4321", "NGUON-CACHE-MOT")), "NGUON-CACHE-MOT", ""},
		{"revision", "/reporting/BQL/2024", api(fig("4322", "NGUON-CACHE-HAI")), "NGUON-CACHE-HAI", "NGUON-CACHE-MOT"},
		{"withdrawal", "/reporting/BQL/2024", api(fig(`"-"`, "NGUON-CACHE-BA")), "", "NGUON-CACHE-HAI"},
		{"nil report", "/reporting/SCT/2022", func() *http.Response {
			return e.do(sct, "POST", "/nil-report", url.Values{"_csrf": {sct.csrf}, "agency": {"SCT"}, "year": {"2022"},
				"letter_no": {"77/SCT-CACHE"}, "letter_date": {"2022-12-15"}, "signer": {"Người Ký"}})
		}, "77/SCT-CACHE", ""},
		{"target edit", "/indicators/grdp_growth?plan=" + tPlan, func() *http.Response {
			return e.do(admin, "POST", "/admin/plans/"+tPlan+"/targets", url.Values{"_csrf": {admin.csrf}, "indicator": {"grdp_growth"},
				"scope": {"province_old"}, "period_start": {"2021"}, "period_end": {"2025"}, "kind": {"period_average"},
				"comparator": {"at_least"}, "value_min": {"7,77"}, "unit": {"%"}, "source": {"MUCTIEU-CACHE"}})
		}, "7,77", ""},
		{"catalogue edit", "/zones", func() *http.Response {
			return e.do(admin, "POST", "/admin/catalogue/zones", url.Values{"_csrf": {admin.csrf}, "code": {"KCN-CACHE"},
				"name_vi": {"KCN Thử Bộ Đệm"}, "type": {"IP"}, "status": {"operating"}})
		}, "KCN Thử Bộ Đệm", ""},
	}
	for _, s := range steps {
		for _, b := range []bool{false, true} {
			read(b, s.page) // a copy from before the write in each cache
		}
		resp := s.write()
		body := readBody(t, resp)
		if resp.StatusCode != 200 && resp.StatusCode != http.StatusSeeOther {
			t.Fatalf("%s: %d\n%.500s", s.name, resp.StatusCode, body)
		}
		for _, b := range []bool{false, true} {
			server := "the writing server"
			if b {
				server = "another server"
			}
			got := read(b, s.page)
			if s.want != "" && !strings.Contains(got, s.want) {
				t.Errorf("%s: %s %s lacks %q right after the write", s.name, server, s.page, s.want)
			}
			if s.gone != "" && strings.Contains(got, s.gone) {
				t.Errorf("%s: %s %s still shows %q", s.name, server, s.page, s.gone)
			}
		}
	}
}

// secondServer is another chitieu server on the same database, with its own store and
// page cache, checking the shared change stamp on every request.
func secondServer(t *testing.T, d Deps, database string) *fiber.App {
	t.Helper()
	other, err := queries.Open(context.Background(), querytest.Config(database))
	must(t, err)
	t.Cleanup(func() { other.Close() })
	d.Store, d.PageCacheCheck = other, time.Nanosecond
	app, err := New(d)
	must(t, err)
	return app
}
