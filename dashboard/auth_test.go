package dashboard

import (
	"context"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/gofiber/fiber/v2"
	"github.com/quangngai/chitieu/accounts"
	"github.com/quangngai/chitieu/queries"
	"github.com/shopspring/decimal"
)

// signinPage loads the sign-in form as a fresh browser and returns its cookies and
// the form's CSRF token, read from the page like a browser would.
func (e *acctEnv) signinPage() caller {
	e.t.Helper()
	resp := e.do(caller{}, "GET", "/signin", nil)
	body := readBody(e.t, resp)
	pre := cookieOf(resp, preCookie)
	if resp.StatusCode != 200 || pre == nil || !pre.HttpOnly || pre.SameSite != http.SameSiteLaxMode {
		e.t.Fatalf("GET /signin: %d, pre-session cookie %+v", resp.StatusCode, pre)
	}
	return caller{cookies: []*http.Cookie{{Name: preCookie, Value: pre.Value}}, csrf: hiddenCSRF(e.t, body)}
}

func hiddenCSRF(t *testing.T, body string) string {
	t.Helper()
	const marker = `name="_csrf" value="`
	i := strings.Index(body, marker)
	if i < 0 {
		t.Fatalf("no CSRF field in the page:\n%s", body)
	}
	rest := body[i+len(marker):]
	return rest[:strings.IndexByte(rest, '"')]
}

func (e *acctEnv) setPassword(username, password string) {
	e.t.Helper()
	ctx := context.Background()
	u, err := e.st.UserByName(ctx, username)
	must(e.t, err)
	u.PasswordHash, err = accounts.HashPassword(password)
	must(e.t, err)
	must(e.t, e.st.SaveUser(ctx, u))
}

func (e *acctEnv) signin(c caller, username, password string) *http.Response {
	e.t.Helper()
	return e.do(c, "POST", "/signin", url.Values{"_csrf": {c.csrf}, "username": {username}, "password": {password}, "next": {"/admin"}})
}

func TestSigninSessionAndSignout(t *testing.T) {
	t.Parallel()
	e := newAcctEnv(t, false)
	e.setPassword(tAdmin, "mật-khẩu-đúng-1")
	b := e.signinPage()
	resp := e.signin(b, "  ADMIN1 ", "mật-khẩu-đúng-1")
	if resp.StatusCode != http.StatusSeeOther || resp.Header.Get("Location") != "/admin" {
		t.Fatalf("sign-in: %d %s", resp.StatusCode, resp.Header.Get("Location"))
	}
	ck := cookieOf(resp, sessionCookie)
	if ck == nil || !ck.HttpOnly || ck.SameSite != http.SameSiteLaxMode || ck.MaxAge != 3600 || ck.Secure {
		t.Fatalf("session cookie %+v: want HttpOnly, SameSite=Lax, Max-Age=3600, not Secure without SecureCookies", ck)
	}
	// Only the token's hash is stored.
	if _, err := e.st.SessionByToken(context.Background(), ck.Value); err != nil {
		t.Fatalf("session not found by token: %v", err)
	}
	signed := caller{cookies: []*http.Cookie{{Name: sessionCookie, Value: ck.Value}}, csrf: csrfFor("session", ck.Value)}
	resp = e.do(signed, "GET", "/admin", nil)
	body := readBody(t, resp)
	if resp.StatusCode != 200 || !strings.Contains(body, `action="/signout"`) || hiddenCSRF(t, body) != signed.csrf {
		t.Fatalf("GET /admin after sign-in: %d", resp.StatusCode)
	}
	// A second server (another app on the same database) knows the session: nothing
	// lives in one server's memory.
	other, err := New(e.deps)
	must(t, err)
	req, _ := http.NewRequest("GET", "/admin/users", nil)
	req.AddCookie(&http.Cookie{Name: sessionCookie, Value: ck.Value})
	if r, err := other.Test(req, -1); err != nil || r.StatusCode != 200 {
		t.Fatalf("second server: %v %v", r.StatusCode, err)
	}
	// Sign-out revokes it everywhere.
	resp = e.do(signed, "POST", "/signout", url.Values{"_csrf": {signed.csrf}})
	if resp.StatusCode != http.StatusSeeOther || !cleared(cookieOf(resp, sessionCookie)) {
		t.Fatalf("sign-out: %d, cookie %+v", resp.StatusCode, cookieOf(resp, sessionCookie))
	}
	// The second server learns of it within the session cache's bound.
	e.clock.Advance(accounts.RevocationBound + time.Millisecond)
	if r, _ := other.Test(req, -1); r.StatusCode != http.StatusSeeOther {
		t.Fatalf("after sign-out the second server still accepts the session: %d", r.StatusCode)
	}
	ev, _ := e.st.AuditEvents(context.Background(), queries.AuditFilter{Actor: tAdmin})
	var actions []string
	for _, a := range ev {
		actions = append(actions, a.Action)
	}
	if got := strings.Join(actions, " "); !strings.Contains(got, "signout") || !strings.Contains(got, "signin.ok") {
		t.Fatalf("audit for %s: %s", tAdmin, got)
	}
}

// cleared: the response tells the browser to drop the cookie.
func cleared(ck *http.Cookie) bool {
	return ck != nil && ck.Value == "" && (ck.MaxAge < 0 || !ck.Expires.IsZero() && ck.Expires.Before(time.Now()))
}

func TestSigninNextStaysOnSite(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"/admin/users?x=1", "/admin/users?x=1"}, {"", "/"}, {"//evil.example/", "/"}, {"/\\evil.example", "/"},
		{"https://evil.example", "/"}, {"/signin?next=/x", "/"}, {"/a\r\nSet-Cookie: x", "/"},
	} {
		if got := safeNext(c.in); got != c.want {
			t.Errorf("safeNext(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestCSRFRejected(t *testing.T) {
	t.Parallel()
	e := newAcctEnv(t, false)
	admin := e.as(tAdmin)
	otherSession := e.as(tAdmin)
	form := func(token string) url.Values {
		v := url.Values{"code": {"P_NEW"}, "name_vi": {"Kế hoạch mới"}, "period_start": {"2026"}, "period_end": {"2030"}}
		if token != "" {
			v.Set("_csrf", token)
		}
		return v
	}
	wrong := "x" + admin.csrf[1:]
	if wrong == admin.csrf { // a token starting with x (1 in 64) made this case pass before
		wrong = "y" + admin.csrf[1:]
	}
	for name, token := range map[string]string{"missing": "", "wrong": wrong, "another session's": otherSession.csrf,
		"pre-session": csrfFor("pre", "whatever")} {
		resp := e.do(admin, "POST", "/admin/plans", form(token))
		body := readBody(t, resp)
		if resp.StatusCode != http.StatusForbidden || !strings.Contains(body, "Biểu mẫu đã hết hạn") {
			t.Errorf("%s token: %d, want 403 with the message", name, resp.StatusCode)
		}
	}
	plans, _ := e.st.Plans(context.Background())
	for _, p := range plans {
		if p.Code == "P_NEW" {
			t.Fatal("a request without a valid CSRF token wrote a plan")
		}
	}
	// The header works for API calls; the right token writes.
	req := func(hdr string) int {
		r, _ := http.NewRequest("POST", "/admin/plans", strings.NewReader(form("").Encode()))
		r.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		r.Header.Set("X-CSRF-Token", hdr)
		r.AddCookie(admin.cookies[1])
		resp, err := e.app.Test(r, -1)
		must(t, err)
		return resp.StatusCode
	}
	if code := req("nope"); code != http.StatusForbidden {
		t.Fatalf("wrong header token: %d", code)
	}
	if code := req(admin.csrf); code != http.StatusSeeOther {
		t.Fatalf("right header token: %d, want 303", code)
	}
	// Sign-in itself needs the token of the form the browser was shown.
	b := e.signinPage()
	b.csrf = "forged"
	if resp := e.signin(b, tAdmin, "x"); resp.StatusCode != http.StatusForbidden {
		t.Fatalf("sign-in with a forged token: %d", resp.StatusCode)
	}
	// State never changes through GET: no route takes GET for a write (the route
	// table has none, and GET /signout does not exist).
	if resp := e.do(admin, "GET", "/signout", nil); resp.StatusCode != http.StatusNotFound && resp.StatusCode != http.StatusMethodNotAllowed {
		t.Fatalf("GET /signout = %d", resp.StatusCode)
	}
}

func TestSessionExpiry(t *testing.T) {
	t.Parallel()
	e := newAcctEnv(t, false)
	ctx := context.Background()
	// A session whose end has passed is no session, on every route.
	tok, _, err := e.st.CreateSession(ctx, tAdmin, "127.0.0.1", "test", time.Now().Add(-time.Second))
	must(t, err)
	expired := caller{cookies: []*http.Cookie{{Name: sessionCookie, Value: tok}}, csrf: csrfFor("session", tok)}
	resp := e.do(expired, "GET", "/admin", nil)
	if resp.StatusCode != http.StatusSeeOther || !strings.HasPrefix(resp.Header.Get("Location"), "/signin?next=") {
		t.Fatalf("expired session: %d %s", resp.StatusCode, resp.Header.Get("Location"))
	}
	if ck := cookieOf(resp, sessionCookie); !cleared(ck) {
		t.Fatalf("the dead cookie is not cleared: %+v", ck)
	}
	// A real sign-in gets a session that ends SessionTTL later, in the cookie and in
	// the store.
	e.setPassword(tViewer, "mật-khẩu-xem-1")
	resp = e.signin(e.signinPage(), tViewer, "mật-khẩu-xem-1")
	ck := cookieOf(resp, sessionCookie)
	if resp.StatusCode != http.StatusSeeOther || ck == nil || ck.MaxAge != 3600 {
		t.Fatalf("sign-in: %d, cookie %+v", resp.StatusCode, ck)
	}
	se, err := e.st.SessionByToken(ctx, ck.Value)
	must(t, err)
	if d := time.Until(se.ExpiresAt); d < 58*time.Minute || d > 61*time.Minute {
		t.Fatalf("session ends in %s, want about an hour", d)
	}
	// With a three-second lifetime, the session is refused once those seconds are over
	// (on the server's clock, moved forward: nothing sleeps).
	e.deps.SessionTTL = 3 * time.Second
	app, err := New(e.deps)
	must(t, err)
	e.app = app
	resp = e.signin(e.signinPage(), tViewer, "mật-khẩu-xem-1")
	if ck = cookieOf(resp, sessionCookie); resp.StatusCode != http.StatusSeeOther || ck == nil {
		t.Fatalf("sign-in: %d", resp.StatusCode)
	}
	c := caller{cookies: []*http.Cookie{{Name: sessionCookie, Value: ck.Value}}}
	if r := e.do(c, "GET", "/account", nil); r.StatusCode != 200 {
		t.Fatalf("before expiry: %d", r.StatusCode)
	}
	e.clock.Advance(4 * time.Second)
	if r := e.do(c, "GET", "/account", nil); r.StatusCode != http.StatusSeeOther {
		t.Fatalf("after expiry: %d, want 303 to sign in", r.StatusCode)
	}
	// The API answers 401, not a redirect.
	req, _ := http.NewRequest("GET", "/admin/users", nil)
	req.Header.Set("Accept", "application/json")
	req.AddCookie(c.cookies[0])
	if r, _ := e.app.Test(req, -1); r.StatusCode != http.StatusUnauthorized {
		t.Fatalf("expired session asking for JSON: %d, want 401", r.StatusCode)
	}
}

// A wrong password, an unknown username and a disabled account answer alike; after
// signinUserLimit failures the name is refused with 429, whether it exists or not,
// even with the right password.
func TestSigninRateLimitAndNoUserEnumeration(t *testing.T) {
	t.Parallel()
	e := newAcctEnv(t, false)
	e.setPassword(tViewer, "mật-khẩu-xem-1")
	e.setPassword(tDisabled, "mật-khẩu-khoá-1")
	b := e.signinPage()
	answer := func(user, password string) (int, string) {
		resp := e.signin(b, user, password)
		body := readBody(t, resp)
		return resp.StatusCode, strings.ReplaceAll(body, user, "NAME")
	}
	for i := 1; i <= signinUserLimit; i++ {
		codeKnown, bodyKnown := answer(tViewer, "sai-mật-khẩu")
		codeGhost, bodyGhost := answer("khong_co_ai", "sai-mật-khẩu")
		codeOff, bodyOff := answer(tDisabled, "mật-khẩu-khoá-1")
		if codeKnown != http.StatusUnauthorized || codeGhost != codeKnown || codeOff != codeKnown {
			t.Fatalf("attempt %d: wrong password %d, unknown user %d, disabled user %d; want 401 each", i, codeKnown, codeGhost, codeOff)
		}
		if bodyKnown != bodyGhost || bodyKnown != bodyOff {
			t.Fatalf("attempt %d: the answers differ, which tells which accounts exist", i)
		}
	}
	for _, user := range []string{tViewer, "khong_co_ai", tDisabled} {
		resp := e.signin(b, user, "mật-khẩu-xem-1")
		if resp.StatusCode != http.StatusTooManyRequests || resp.Header.Get("Retry-After") == "" {
			t.Fatalf("%s after %d failures: %d, want 429 with Retry-After", user, signinUserLimit, resp.StatusCode)
		}
	}
	// Another name from the same address is not yet limited (15 failures < signinIPLimit).
	if resp := e.signin(b, tAdmin, "sai"); resp.StatusCode != http.StatusUnauthorized {
		t.Fatalf("another username: %d", resp.StatusCode)
	}
	ev, _ := e.st.AuditEvents(context.Background(), queries.AuditFilter{Action: "signin."})
	counts := map[string]int{}
	for _, a := range ev {
		counts[a.Action]++
		if a.IP == "" {
			t.Fatalf("audit event without an address: %+v", a)
		}
	}
	if counts[queries.AuditSigninFail] != 3*signinUserLimit+1 || counts[queries.AuditSigninLimited] != 3 {
		t.Fatalf("audit counts %v", counts)
	}
}

func TestSigninRateLimitPerAddress(t *testing.T) {
	t.Parallel()
	e := newAcctEnv(t, false)
	e.setPassword(tViewer, "mật-khẩu-xem-1")
	b := e.signinPage()
	for i := 0; i < signinIPLimit; i++ {
		// A different name each time: only the address counts up.
		if resp := e.signin(b, "nguoi_"+itoa(i), "sai"); resp.StatusCode != http.StatusUnauthorized {
			t.Fatalf("attempt %d: %d", i, resp.StatusCode)
		}
	}
	if resp := e.signin(b, tViewer, "mật-khẩu-xem-1"); resp.StatusCode != http.StatusTooManyRequests {
		t.Fatalf("after %d failures from one address: %d, want 429", signinIPLimit, resp.StatusCode)
	}
}

// TestAnotherAgencyRefusedNothingWritten drives requireAgency through a write route
// registered only in this test (the upload routes of routes_upload.go will use it the
// same way): an analyst of BQL posting figures for SCT gets 403 and nothing is
// written; the analyst of SCT and an admin write.
func TestAnotherAgencyRefusedNothingWritten(t *testing.T) {
	t.Parallel()
	e := newAcctEnv(t, false)
	views, err := parseTemplates()
	must(t, err)
	s := &server{Deps: e.deps, views: views}
	s.initAccounts()
	app := fiber.New(fiber.Config{ErrorHandler: s.handleError})
	write := func(c *fiber.Ctx) error {
		agency := c.FormValue("agency")
		if err := requireAgency(c, agency); err != nil {
			return err
		}
		return s.Store.InsertFigures(c.UserContext(), []queries.Figure{{
			FigureKey: queries.FigureKey{Indicator: "grdp_growth", Scope: "province_new", Agency: agency, Year: 2030},
			Value:     decimal.NewFromInt(7), Unit: "%", Status: queries.StatusActual, UploadID: "t", UploadedBy: currentUser(c).Username,
			UploadedAt: time.Now(), Version: queries.NewVersion()}})
	}
	r := Route{"POST", "/test/figures", AccessAnalyst, write}
	app.Add(r.Method, r.Path, s.authorize(r), r.Handler)
	e.app = app
	post := func(who, agency string) int {
		c := e.as(who)
		resp := e.do(c, "POST", "/test/figures", url.Values{"_csrf": {c.csrf}, "agency": {agency}})
		resp.Body.Close()
		return resp.StatusCode
	}
	count := func(agency string) int {
		figs, err := e.st.CurrentFigures(context.Background(), queries.FigureFilter{Agencies: []string{agency}, YearFrom: 2030, YearTo: 2030})
		must(t, err)
		return len(figs)
	}
	if code := post(tOther, "SCT"); code != http.StatusForbidden {
		t.Fatalf("analyst of BQL writing for SCT: %d, want 403", code)
	}
	if code := post(tViewer, "SCT"); code != http.StatusForbidden {
		t.Fatalf("viewer: %d, want 403", code)
	}
	if code := post(tOther, ""); code != http.StatusForbidden {
		t.Fatalf("analyst with no agency named: %d, want 403", code)
	}
	if n := count("SCT"); n != 0 {
		t.Fatalf("%d figures written for SCT by refused requests", n)
	}
	if ev, _ := e.st.AuditEvents(context.Background(), queries.AuditFilter{Action: queries.AuditAccessDenied, Actor: tOther}); len(ev) != 2 {
		t.Fatalf("refusals not in the audit trail: %+v", ev)
	}
	if code := post(tAnalyst, "SCT"); code != 200 {
		t.Fatalf("analyst of SCT: %d", code)
	}
	if code := post(tAdmin, "BQL"); code != 200 {
		t.Fatalf("admin: %d", code)
	}
	if count("SCT") != 1 || count("BQL") != 1 {
		t.Fatalf("writes: SCT %d, BQL %d, want 1 each", count("SCT"), count("BQL"))
	}
}

func TestDisabledUserSignedOutAtOnce(t *testing.T) {
	t.Parallel()
	e := newAcctEnv(t, false)
	victim := e.as(tAnalyst)
	if r := e.do(victim, "GET", "/account", nil); r.StatusCode != 200 {
		t.Fatalf("before: %d", r.StatusCode)
	}
	admin := e.as(tAdmin)
	resp := e.do(admin, "POST", "/admin/users/"+tAnalyst+"/disable", url.Values{"_csrf": {admin.csrf}, "disabled": {"1"}})
	if resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("disable: %d", resp.StatusCode)
	}
	if r := e.do(victim, "GET", "/account", nil); r.StatusCode != http.StatusSeeOther {
		t.Fatalf("disabled user's session still works: %d", r.StatusCode)
	}
	// Enabling again does not revive the old session: it was issued before the disable.
	resp = e.do(admin, "POST", "/admin/users/"+tAnalyst+"/disable", url.Values{"_csrf": {admin.csrf}, "disabled": {"0"}})
	if resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("enable: %d", resp.StatusCode)
	}
	if r := e.do(victim, "GET", "/account", nil); r.StatusCode != http.StatusSeeOther {
		t.Fatalf("old session revived: %d", r.StatusCode)
	}
	// An admin cannot lock themself out.
	if r := e.do(admin, "POST", "/admin/users/"+tAdmin+"/disable", url.Values{"_csrf": {admin.csrf}, "disabled": {"1"}}); r.StatusCode != http.StatusBadRequest {
		t.Fatalf("self-disable: %d", r.StatusCode)
	}
}

func TestSecurityHeaders(t *testing.T) {
	t.Parallel()
	e := newAcctEnv(t, false)
	resp := e.do(caller{}, "GET", "/signin", nil)
	csp := resp.Header.Get("Content-Security-Policy")
	if !strings.Contains(csp, "script-src 'self'") || strings.Contains(csp, "unsafe-inline") || !strings.Contains(csp, "frame-ancestors 'none'") {
		t.Fatalf("CSP %q", csp)
	}
	for h, want := range map[string]string{"X-Frame-Options": "DENY", "X-Content-Type-Options": "nosniff", "Referrer-Policy": "same-origin"} {
		if got := resp.Header.Get(h); got != want {
			t.Errorf("%s = %q, want %q", h, got, want)
		}
	}
}

// Two servers on one database: a sign-out, a disable or a password reset on server
// A ends the session on server B within accounts.RevocationBound, although B keeps
// sessions in memory.
func TestRevocationReachesOtherServer(t *testing.T) {
	t.Parallel()
	e := newAcctEnv(t, false)
	b, err := New(e.deps)
	must(t, err)
	onB := func(c caller) int {
		t.Helper()
		req := httptest.NewRequest("GET", "/account", nil)
		for _, ck := range c.cookies {
			req.AddCookie(ck)
		}
		r, err := b.Test(req, -1)
		must(t, err)
		return r.StatusCode
	}
	admin := e.as(tAdmin)
	for _, tc := range []struct {
		name   string
		revoke func(victim caller) *http.Response
	}{
		{"sign-out", func(v caller) *http.Response { return e.do(v, "POST", "/signout", url.Values{"_csrf": {v.csrf}}) }},
		{"disable", func(caller) *http.Response {
			return e.do(admin, "POST", "/admin/users/"+tViewer+"/disable", url.Values{"_csrf": {admin.csrf}, "disabled": {"1"}})
		}},
		{"password reset", func(caller) *http.Response {
			return e.do(admin, "POST", "/admin/users/"+tViewer+"/password", url.Values{"_csrf": {admin.csrf}})
		}},
	} {
		victim := e.as(tViewer)
		if got := onB(victim); got != 200 {
			t.Fatalf("%s: server B before: %d", tc.name, got)
		}
		if got := onB(victim); got != 200 { // now from B's cache
			t.Fatalf("%s: server B cached: %d", tc.name, got)
		}
		if r := tc.revoke(victim); r.StatusCode >= 400 {
			t.Fatalf("%s on server A: %d", tc.name, r.StatusCode)
		}
		if r := e.do(victim, "GET", "/account", nil); r.StatusCode != http.StatusSeeOther {
			t.Fatalf("%s: server A still accepts the session: %d", tc.name, r.StatusCode)
		}
		e.clock.Advance(accounts.RevocationBound + time.Millisecond)
		if got := onB(victim); got != http.StatusSeeOther {
			t.Fatalf("%s: server B still accepts the session after the bound: %d", tc.name, got)
		}
		// Enable again for the next case (its session starts afresh).
		e.do(admin, "POST", "/admin/users/"+tViewer+"/disable", url.Values{"_csrf": {admin.csrf}, "disabled": {"0"}})
	}
}
