package dashboard

import (
	"bytes"
	"context"
	"encoding/json"
	"github.com/quangngai/chitieu/accounts"
	"io"
	"net"
	"net/http"
	"net/url"
	"os/exec"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/gofiber/fiber/v2"
	"github.com/quangngai/chitieu/ingest"
	"github.com/quangngai/chitieu/queries"
)

// listenApp serves app on a loopback port, so that tests can read the bytes the
// server really writes (net/http's client would reject a split response, and
// app.Test parses it back).
func listenApp(t *testing.T, app *fiber.App) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	must(t, err)
	go app.Listener(ln)
	t.Cleanup(func() { _ = app.ShutdownWithTimeout(5 * time.Second) })
	return ln.Addr().String()
}

// rawDo sends one HTTP/1.1 request over TCP and returns the response head (status
// line and header lines) exactly as written, and the body.
func rawDo(t *testing.T, addr, method, target string, header map[string]string, body string) (string, string) {
	t.Helper()
	conn, err := net.Dial("tcp", addr)
	must(t, err)
	defer conn.Close()
	_ = conn.SetDeadline(time.Now().Add(90 * time.Second))
	var req strings.Builder
	req.WriteString(method + " " + target + " HTTP/1.1\r\nHost: " + addr + "\r\nConnection: close\r\n")
	for k, v := range header {
		req.WriteString(k + ": " + v + "\r\n")
	}
	if body != "" {
		req.WriteString("Content-Length: " + strconv.Itoa(len(body)) + "\r\n")
	}
	req.WriteString("\r\n" + body)
	_, err = io.WriteString(conn, req.String())
	must(t, err)
	b, err := io.ReadAll(conn)
	if err != nil && len(b) == 0 {
		t.Fatalf("%s %s: %v", method, target, err)
	}
	head, rest, ok := strings.Cut(string(b), "\r\n\r\n")
	if !ok {
		t.Fatalf("%s %s: no end of header in %q", method, target, b)
	}
	return head, rest
}

func cookieHeader(c caller) string {
	var parts []string
	for _, ck := range c.cookies {
		parts = append(parts, ck.Name+"="+ck.Value)
	}
	return strings.Join(parts, "; ")
}

var (
	rawHeaderLine  = regexp.MustCompile(`^[A-Za-z0-9-]+: [\x20-\x7e]*$`)
	rawDisposition = regexp.MustCompile(`^attachment; filename="[\x20\x21\x23-\x3a\x3c-\x5b\x5d-\x7e]*"(; filename\*=UTF-8''[A-Za-z0-9%._~-]+)?$`)
	rawLocation    = regexp.MustCompile(`^/([^/\\]|$)[\x21-\x7e]*$`)
	cookieAttrs    = map[string]bool{"path": true, "max-age": true, "expires": true, "httponly": true, "secure": true, "samesite": true}
)

// checkRawHead fails unless every header line is one printable-ASCII "Name: value"
// (no CR, LF, NUL or non-ASCII byte got through), no header was injected, the lang
// cookie holds only vi or en with only our attributes, and Location and
// Content-Disposition have their safe shapes.
func checkRawHead(t *testing.T, what, head string) {
	t.Helper()
	lines := strings.Split(head, "\r\n")
	if !strings.HasPrefix(lines[0], "HTTP/1.1 ") {
		t.Errorf("%s: status line %q", what, lines[0])
	}
	seen := map[string]int{}
	for _, l := range lines[1:] {
		if !rawHeaderLine.MatchString(l) {
			t.Errorf("%s: header line %q is not one clean field", what, l)
			continue
		}
		name, val, _ := strings.Cut(l, ": ")
		name = strings.ToLower(name)
		seen[name]++
		switch name {
		case "x-injected":
			t.Errorf("%s: injected header %q", what, l)
		case "set-cookie":
			parts := strings.Split(val, "; ")
			ck, v, _ := strings.Cut(parts[0], "=")
			if ck == "lang" && v != "vi" && v != "en" {
				t.Errorf("%s: lang cookie %q", what, val)
			}
			for _, a := range parts[1:] {
				an, _, _ := strings.Cut(a, "=")
				if !cookieAttrs[strings.ToLower(an)] {
					t.Errorf("%s: cookie attribute %q in %q", what, a, val)
				}
			}
		case "location":
			if !rawLocation.MatchString(val) {
				t.Errorf("%s: Location %q", what, val)
			}
		case "content-disposition":
			if !rawDisposition.MatchString(val) {
				t.Errorf("%s: Content-Disposition %q", what, val)
			}
		}
	}
	for _, one := range []string{"content-type", "location", "content-disposition"} {
		if seen[one] > 1 {
			t.Errorf("%s: %d %s headers\n%s", what, seen[one], one, head)
		}
	}
}

func rawStatus(head string) string {
	s, _, _ := strings.Cut(head, "\r\n")
	return strings.TrimPrefix(s, "HTTP/1.1 ")[:3]
}

// hostileHeaderText: what an attacker puts in a parameter that reaches a header.
var hostileHeaderText = []string{
	"\r\nX-Injected: crlf",
	"\nX-Injected: lf",
	"\rX-Injected: cr",
	"\x00X-Injected: nul",
	"; Domain=evil.example; Path=/x",
	"tiếng Việt ế\u00a0đ",
	"\r\n\r\n<script src=/x></script>",
	"\r\nContent-Type: text/javascript\r\nLocation: //evil.example",
}

// TestHeadersFromRequestDataRaw feeds CR, LF, NUL, ";" and non-ASCII through every
// header the app writes from request data, on a real listening server, and checks
// the raw response bytes: the lang cookie (pages, 404s), Location (sign-in's next on
// GET and POST, the sign-in redirect), Content-Disposition (data exports from
// filters, the upload archive under the uploader's file name, the template, the PDF).
func TestHeadersFromRequestDataRaw(t *testing.T) {
	chromium, _ := exec.LookPath("chromium")
	e := newUploadEnv(t, func(d *Deps, _ *ingest.Limits) { d.ChromiumPath = chromium })
	ctx := context.Background()
	hash, err := accounts.HashPassword("hàng rào an toàn 2025")
	must(t, err)
	must(t, e.st.SaveUser(ctx, queries.User{Username: "sec_reader", Role: queries.RoleViewer, PasswordHash: hash}))
	addr := listenApp(t, e.app)
	admin, bql, sct := e.as(tAdmin), e.as(tOther), e.as(tAnalyst)
	apiJSON := goodFile(t, "api.json")

	for i, p := range hostileHeaderText {
		qp := url.QueryEscape(p)
		get := func(who caller, target string, wantStatus string) string {
			t.Helper()
			h := map[string]string{}
			if ck := cookieHeader(who); ck != "" {
				h["Cookie"] = ck
			}
			head, _ := rawDo(t, addr, "GET", target, h, "")
			checkRawHead(t, "GET "+target, head)
			if wantStatus != "" && rawStatus(head) != wantStatus {
				t.Errorf("GET %s: %s, want %s\n%s", target, rawStatus(head), wantStatus, head)
			}
			return head
		}
		anon := e.as("")
		get(anon, "/signin?lang=vi"+qp, "200")
		get(anon, "/signin?lang=en"+qp+"&next=/zones"+qp, "200")
		get(anon, "/no/such/page?lang=en"+qp, "404")
		get(anon, "/admin?x="+qp+"&lang="+qp, "303")
		get(admin, "/signin?next=/zones"+qp, "303")
		get(admin, "/signin?next="+qp, "303")
		get(admin, "/export/overview.csv?agency="+qp+"&lang=en"+qp, "200")
		get(admin, "/export/zones.csv?table="+qp, "404")
		get(sct, "/template?agency=SCT&year=2025&lang=vi"+qp, "200")

		// The uploader chooses the archived file's name.
		resp := e.upSend(bql, "POST", "/api/uploads?agency=BQL&file_name="+url.QueryEscape("bao-cao"+p+".json"),
			bytes.NewReader(apiJSON), map[string]string{"Content-Type": "application/json", "X-CSRF-Token": bql.csrf})
		var rep queries.IngestReport
		if err := json.Unmarshal([]byte(readBody(t, resp)), &rep); err != nil || rep.UploadID == "" {
			t.Fatalf("API upload named %q: %d %v %+v", p, resp.StatusCode, err, rep)
		}
		get(bql, "/uploads/"+rep.UploadID+"/file", "200")

		// POST sign-in: the form's next becomes Location.
		pre := e.as("")
		form := url.Values{"username": {"sec_reader"}, "password": {"hàng rào an toàn 2025"}, "next": {"/zones" + p}, "_csrf": {pre.csrf}}
		head, _ := rawDo(t, addr, "POST", "/signin", map[string]string{"Cookie": cookieHeader(pre),
			"Content-Type": "application/x-www-form-urlencoded"}, form.Encode())
		checkRawHead(t, "POST /signin next="+p, head)
		if rawStatus(head) != "303" {
			t.Errorf("POST /signin next=%q: %s\n%s", p, rawStatus(head), head)
		}

		if chromium != "" && i == 0 {
			get(admin, "/briefing.pdf?agency="+qp+"&code="+qp+"&lang="+qp, "200")
		}
	}
}

// TestOpenRedirectNext: after sign-in (GET while signed in, and the POST itself) the
// browser goes only to a path on this site. A TAB or newline is stripped by browsers,
// a backslash read as "/", so each of these would leave the site.
func TestOpenRedirectNext(t *testing.T) {
	e := newAcctEnv(t, false)
	ctx := context.Background()
	hash, err := accounts.HashPassword("hàng rào an toàn 2025")
	must(t, err)
	must(t, e.st.SaveUser(ctx, queries.User{Username: "sec_reader", Role: queries.RoleViewer, PasswordHash: hash}))
	offsite := []string{
		"/\t/evil.example", "/\t\\evil.example", "/\\evil.example", "\\\\evil.example", "\\/evil.example",
		"//evil.example", "///evil.example", "/\n/evil.example", "/\r\n/evil.example", "/\r/evil.example",
		"/%09/evil.example", "/%2F/evil.example", "/%2f%2fevil.example", "/%5Cevil.example", "/%0d%0a/evil.example",
		"\t//evil.example", " //evil.example", "/\x0b/evil.example", "/\x00/evil.example", "/\u3000/evil.example",
		"https://evil.example", "http:/evil.example", "javascript:alert(1)", "evil.example", "/\x7f/evil.example",
		"/\xc2\x85/evil.example", "/\xff/evil.example",
	}
	local := map[string]string{
		"/zones":                                 "/zones",
		"/indicators/grdp_growth?plan=DHXX-2020": "/indicators/grdp_growth?plan=DHXX-2020",
		"/?plan=DHXX-2020&year=2025":             "/?plan=DHXX-2020&year=2025",
		"/zones?location=Dung%20Qu%E1%BA%A5t":    "/zones?location=Dung%20Qu%E1%BA%A5t",
		"/signin?next=/x":                        "/",
	}
	admin := e.as(tAdmin)
	check := func(how, next, loc, want string) {
		t.Helper()
		if loc != want {
			t.Errorf("%s next=%q: Location %q, want %q", how, next, loc, want)
		}
	}
	for _, next := range offsite {
		resp := e.do(admin, "GET", "/signin?next="+url.QueryEscape(next), nil)
		if resp.StatusCode != http.StatusBadRequest { // invalid UTF-8 is refused outright
			check("GET", next, resp.Header.Get("Location"), "/")
		}
		resp.Body.Close()
	}
	for next, want := range local {
		resp := e.do(admin, "GET", "/signin?next="+url.QueryEscape(next), nil)
		check("GET", next, resp.Header.Get("Location"), want)
		resp.Body.Close()
	}
	for _, next := range append(offsite[:8:8], "/%09/evil.example", "https://evil.example") {
		pre := e.as("")
		resp := e.do(pre, "POST", "/signin", url.Values{"username": {"sec_reader"}, "password": {"hàng rào an toàn 2025"},
			"next": {next}, "_csrf": {pre.csrf}})
		if resp.StatusCode != http.StatusSeeOther {
			t.Errorf("POST next=%q: status %d", next, resp.StatusCode)
		}
		check("POST", next, resp.Header.Get("Location"), "/")
		resp.Body.Close()
	}
}
