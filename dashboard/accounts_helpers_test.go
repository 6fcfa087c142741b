package dashboard

import (
	"context"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/gofiber/fiber/v2"
	"github.com/quangngai/chitieu/ingest"
	"github.com/quangngai/chitieu/ingest/demo"
	"github.com/quangngai/chitieu/queries"
	"github.com/quangngai/chitieu/queries/querytest"
)

// Passwords hash cheaply here (querytest.Main).
func TestMain(m *testing.M) { querytest.Main(m) }

// acctEnv is a dashboard on a fresh ClickHouse database with one user of each kind.
type acctEnv struct {
	t               *testing.T
	st              *queries.Store
	app             *fiber.App
	deps            Deps
	clock           *querytest.Clock
	agSame, agOther string
}

// The callers of the authorisation matrix, by username ("" is anonymous).
const (
	tViewer   = "viewer1"
	tAnalyst  = "analyst_same"
	tOther    = "analyst_other"
	tAdmin    = "admin1"
	tDisabled = "disabled1"
	tCompiler = "compiler1"   // a viewer given the permission to compile a round
	tSample   = "sample_user" // the :username of admin routes; never a caller
	tPlan     = "P_TEST"
)

func newAcctEnv(t *testing.T, public bool) *acctEnv {
	t.Helper()
	st := querytest.MustOpen(t)
	ctx := context.Background()
	e := &acctEnv{t: t, st: st, agSame: "SCT", agOther: "BQL"}
	// The real published data, so that every page has something to show.
	if _, err := demo.Load(ctx, st); err != nil {
		t.Fatalf("demo load: %v", err)
	}
	must(t, st.SavePlans(ctx, []queries.Plan{{Code: tPlan, NameVI: "Kế hoạch thử", PeriodStart: 2021, PeriodEnd: 2025}}))
	for _, u := range []queries.User{
		{Username: tViewer, Role: queries.RoleViewer},
		{Username: tAnalyst, Role: queries.RoleAnalyst, Agencies: []string{"SCT"}},
		{Username: tOther, Role: queries.RoleAnalyst, Agencies: []string{"BQL"}},
		{Username: tAdmin, Role: queries.RoleAdmin},
		{Username: tDisabled, Role: queries.RoleAdmin, Disabled: true},
		{Username: tSample, Role: queries.RoleViewer},
		{Username: tCompiler, Role: queries.RoleViewer, CanCompile: true},
	} {
		u.PasswordHash = "not-a-hash" // these users never sign in with a password
		must(t, st.SaveUser(ctx, u))
	}
	e.clock = &querytest.Clock{}
	e.deps = Deps{Store: st, Now: e.clock.Now, Logger: slog.New(slog.NewTextHandler(io.Discard, nil)), Public: public, SessionTTL: time.Hour,
		ChromiumPath: "/nonexistent/chromium"} // PDF export answers 503 at once; its own tests cover it
	e.deps.LoadAdmin = ingest.New(st, ingest.Limits{}).LoadAdmin // as cmd wires it
	e.deps.ReportDocx, e.deps.ParseNumber = ingest.ParseDocxAnswer, ingest.ParseFormNumber
	app, err := New(e.deps)
	if err != nil {
		t.Fatal(err)
	}
	e.app = app
	return e
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

// caller holds the cookies and CSRF token of one browser.
type caller struct {
	cookies []*http.Cookie
	csrf    string
}

// as signs username in directly in the store (no password), as the session
// middleware will see it; "" gives an anonymous browser. Every browser also holds a
// pre-session cookie (it has seen a page). The CSRF token is the one the pages it was
// shown carry: the session's, or for a dead session (a disabled user) the pre-session one.
func (e *acctEnv) as(username string) caller {
	e.t.Helper()
	pre := randomToken()
	c := caller{cookies: []*http.Cookie{{Name: preCookie, Value: pre}}, csrf: csrfFor("pre", pre)}
	if username == "" {
		return c
	}
	now := e.clock.Now()
	tok, _, err := e.st.CreateSessionAt(context.Background(), username, "127.0.0.1", "test", now, now.Add(time.Hour))
	must(e.t, err)
	c.cookies = append(c.cookies, &http.Cookie{Name: sessionCookie, Value: tok})
	u, err := e.st.UserByName(context.Background(), username)
	must(e.t, err)
	if !u.Disabled {
		c.csrf = csrfFor("session", tok)
	}
	return c
}

// do sends a request as the caller; form is sent url-encoded for POST.
func (e *acctEnv) do(c caller, method, target string, form url.Values) *http.Response {
	e.t.Helper()
	var body io.Reader
	if form != nil {
		body = strings.NewReader(form.Encode())
	}
	req := httptest.NewRequest(method, target, body)
	if form != nil {
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	}
	for _, ck := range c.cookies {
		req.AddCookie(ck)
	}
	resp, err := e.app.Test(req, -1)
	must(e.t, err)
	return resp
}

func readBody(t *testing.T, resp *http.Response) string {
	t.Helper()
	b, err := io.ReadAll(resp.Body)
	must(t, err)
	resp.Body.Close()
	return string(b)
}

// cookieOf finds a cookie the response sets.
func cookieOf(resp *http.Response, name string) *http.Cookie {
	for _, ck := range resp.Cookies() {
		if ck.Name == name {
			return ck
		}
	}
	return nil
}
