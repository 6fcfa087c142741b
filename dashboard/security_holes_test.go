package dashboard

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"sync"
	"testing"
	"unicode/utf8"
)

var anyHrefAttr = regexp.MustCompile(`href="([^"]*)"`)

// TestLanguageLinkStaysOnSite: a path such as //evil.example/x reaches the 404 page;
// its language link (and every other link) must still point at this site.
func TestLanguageLinkStaysOnSite(t *testing.T) {
	e := newAcctEnv(t, true)
	addr := listenApp(t, e.app)
	for target, want := range map[string]string{
		"//evil.example/x":         `href="/evil.example/x?lang=en"`,
		"///evil.example/x?a=1":    `href="/evil.example/x?a=1&amp;lang=en"`,
		"/\\evil.example/x":        `href="/evil.example/x?lang=en"`,
		"/zones//..//evil.example": `href="/evil.example?lang=en"`,
	} {
		head, body := rawDo(t, addr, "GET", target, nil, "")
		checkRawHead(t, target, head)
		for _, m := range anyHrefAttr.FindAllStringSubmatch(body, -1) {
			if h := m[1]; h != "data:," && !strings.HasPrefix(h, "/") || strings.HasPrefix(h, "//") || strings.HasPrefix(h, `/\`) {
				t.Errorf("GET %s: link %q leaves the site", target, h)
			}
		}
		if !strings.Contains(body, want) {
			t.Errorf("GET %s: no %s in\n%.1500s", target, want, body)
		}
	}
}

// TestCSRFTokenOnlyFromBodyOrHeader: a token in the query string does not count, and a
// browser that says the request comes from another site is refused even with the token.
func TestCSRFTokenOnlyFromBodyOrHeader(t *testing.T) {
	e := newAcctEnv(t, false)
	admin := e.as(tAdmin)
	target := "/admin/users/" + tSample + "/disable"
	form := func(v url.Values) io.Reader { return strings.NewReader(v.Encode()) }
	disabled := func() bool {
		u, err := e.st.UserByName(context.Background(), tSample)
		must(t, err)
		return u.Disabled
	}
	ctForm := "application/x-www-form-urlencoded"
	refused := []struct {
		what   string
		target string
		body   url.Values
		header map[string]string
	}{
		{"token in the query", target + "?_csrf=" + url.QueryEscape(admin.csrf), url.Values{"disabled": {"1"}}, nil},
		{"token in the query, empty body field", target + "?_csrf=" + url.QueryEscape(admin.csrf), url.Values{"disabled": {"1"}, "_csrf": {""}}, nil},
		{"Origin of another site", target, url.Values{"disabled": {"1"}, "_csrf": {admin.csrf}}, map[string]string{"Origin": "http://evil.example"}},
		{"Origin null", target, url.Values{"disabled": {"1"}, "_csrf": {admin.csrf}}, map[string]string{"Origin": "null"}},
		{"Sec-Fetch-Site cross-site", target, url.Values{"disabled": {"1"}, "_csrf": {admin.csrf}}, map[string]string{"Sec-Fetch-Site": "cross-site"}},
		{"Sec-Fetch-Site same-site", target, url.Values{"disabled": {"1"}, "_csrf": {admin.csrf}}, map[string]string{"Sec-Fetch-Site": "same-site"}},
	}
	for _, r := range refused {
		h := map[string]string{"Content-Type": ctForm}
		for k, v := range r.header {
			h[k] = v
		}
		resp := e.upSend(admin, "POST", r.target, form(r.body), h)
		body := readBody(t, resp)
		if resp.StatusCode != http.StatusForbidden || disabled() {
			t.Fatalf("%s: status %d, disabled %v, want 403 and nothing changed\n%.500s", r.what, resp.StatusCode, disabled(), body)
		}
	}
	// The same request from this site, token in the body or the header: accepted.
	resp := e.upSend(admin, "POST", target, form(url.Values{"disabled": {"1"}, "_csrf": {admin.csrf}}),
		map[string]string{"Content-Type": ctForm, "Origin": "http://example.com", "Sec-Fetch-Site": "same-origin"})
	if resp.StatusCode != http.StatusSeeOther || !disabled() {
		t.Fatalf("same-origin form: status %d, disabled %v", resp.StatusCode, disabled())
	}
	resp = e.upSend(admin, "POST", target, form(url.Values{"disabled": {"0"}}),
		map[string]string{"Content-Type": ctForm, "X-CSRF-Token": admin.csrf})
	if resp.StatusCode != http.StatusSeeOther || disabled() {
		t.Fatalf("header token: status %d, disabled %v", resp.StatusCode, disabled())
	}
}

// TestHEADServedLikeGET: monitoring and link checkers use HEAD. (The access matrix
// checks HEAD on every route under the same rules as GET.)
func TestHEADServedLikeGET(t *testing.T) {
	e := newAcctEnv(t, false)
	anon, admin := e.as(""), e.as(tAdmin)
	for _, tc := range []struct {
		who    caller
		target string
		status int
	}{{anon, "/healthz", 200}, {anon, "/signin", 200}, {anon, "/", http.StatusSeeOther}, {admin, "/", 200},
		{admin, "/zones?type=IP", 200}, {admin, "/export/overview.csv", 200}, {admin, "/no/such/page", 404}} {
		head := e.do(tc.who, "HEAD", tc.target, nil)
		hb := readBody(t, head)
		get := e.do(tc.who, "GET", tc.target, nil)
		gb := readBody(t, get)
		if head.StatusCode != tc.status || get.StatusCode != tc.status || hb != "" {
			t.Errorf("%s: HEAD %d (body %d bytes), GET %d, want %d", tc.target, head.StatusCode, len(hb), get.StatusCode, tc.status)
		}
		if tc.status == 200 && (gb == "" || head.Header.Get("Content-Type") != get.Header.Get("Content-Type")) {
			// A HEAD first must not leave an empty page in the page cache for the GET after it.
			t.Errorf("%s: GET after HEAD: %d bytes, type %q vs %q", tc.target, len(gb), get.Header.Get("Content-Type"), head.Header.Get("Content-Type"))
		}
	}
}

// TestInvalidUTF8Filters: a filter that is not UTF-8 never reaches a page (nor a
// query); a long Vietnamese filter is cut at a character boundary.
func TestInvalidUTF8Filters(t *testing.T) {
	e := newAcctEnv(t, true)
	anon := e.as("")
	for _, target := range []string{"/zones?location=%c3%28", "/reporting?agency=%80", "/projects?plan=%c0%af",
		"/indicators/grdp_growth?plan=%ff", "/export/zones.csv?location=%c3%28", "/briefing?agency=%e1%bb"} {
		resp := e.do(anon, "GET", target, nil)
		body := readBody(t, resp)
		if !utf8.ValidString(body) || resp.StatusCode != http.StatusBadRequest {
			t.Errorf("GET %s: status %d, valid UTF-8 %v", target, resp.StatusCode, utf8.ValidString(body))
		}
	}
	long := "a" + strings.Repeat("ệ", 60) // 181 bytes: a cut at 120 falls inside a letter
	for _, target := range []string{"/zones?location=" + url.QueryEscape(long), "/reporting?agency=" + url.QueryEscape(long)} {
		resp := e.do(anon, "GET", target, nil)
		body := readBody(t, resp)
		if resp.StatusCode != http.StatusOK || !utf8.ValidString(body) {
			t.Errorf("GET %s: status %d, valid UTF-8 %v", target, resp.StatusCode, utf8.ValidString(body))
		}
	}
}

// TestExportNamesUnderConcurrency hammers two export URLs in parallel over keep-alive
// connections (fasthttp reuses a connection's buffers for its next request) and checks
// every file name and body against what each URL gave alone. The page cache keeps the
// models, so a string kept from a request buffer would show another request's text.
func TestExportNamesUnderConcurrency(t *testing.T) {
	base, _ := startTestServer(t, nil)
	// Same parameter order, the second value shorter than the first, so that a buffer
	// reused in place would overwrite the first one's kept text.
	urls := []string{base + "/export/indicator.csv?code=grdp_growth&lang=vi",
		base + "/export/indicator.csv?code=iip_growth&lang=en&plan=DHXX-2020"}
	client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: 16}}
	get := func(u string) (string, string, error) {
		resp, err := client.Get(u)
		if err != nil {
			return "", "", err
		}
		defer resp.Body.Close()
		b, err := io.ReadAll(resp.Body)
		if resp.StatusCode != 200 {
			return "", "", fmt.Errorf("status %d", resp.StatusCode)
		}
		return resp.Header.Get("Content-Disposition"), withoutGenerated(string(b)), err
	}
	type answer struct{ name, body string }
	want := make([]answer, len(urls))
	for i, u := range urls {
		n, b, err := get(u)
		must(t, err)
		want[i] = answer{n, b}
		if !strings.Contains(n, strings.TrimSuffix(strings.TrimPrefix(u[strings.Index(u, "code="):], "code="), u[strings.Index(u, "&"):])) {
			t.Fatalf("%s: file name %q", u, n)
		}
	}
	if want[0].name == want[1].name {
		t.Fatalf("both exports are named %q", want[0].name)
	}
	var wg sync.WaitGroup
	var mu sync.Mutex
	bad := 0
	for w := 0; w < 8; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			for i := 0; i < 40; i++ {
				k := (w + i) % 2
				n, b, err := get(urls[k])
				if err != nil || n != want[k].name || b != want[k].body {
					mu.Lock()
					if bad++; bad <= 5 {
						t.Errorf("%s: name %q (want %q), body equal %v, err %v", urls[k], n, want[k].name, b == want[k].body, err)
					}
					mu.Unlock()
				}
			}
		}(w)
	}
	wg.Wait()
	if bad > 0 {
		t.Errorf("%d of 320 answers differ", bad)
	}
}

// withoutGenerated drops the export's "generated at" line (minute resolution).
func withoutGenerated(body string) string {
	var keep []string
	for _, l := range strings.Split(body, "\n") {
		if !strings.HasPrefix(l, translate("vi", "export.generated")) && !strings.HasPrefix(l, translate("en", "export.generated")) {
			keep = append(keep, l)
		}
	}
	return strings.Join(keep, "\n")
}
