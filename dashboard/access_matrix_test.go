package dashboard

import (
	"net/http"
	"net/url"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// matrixParams fills every path parameter a route may have. A route with a parameter
// not listed here fails the test: add a sample value (one that exists in newAcctEnv's
// data, so that an allowed caller reaches the handler) when adding such a route.
func matrixParams(e *acctEnv) map[string]string {
	var asset string
	for name := range assets {
		asset = name
		break
	}
	return map[string]string{
		"name":     asset,         // /static/:name
		"username": tSample,       // /admin/users/:username
		"plan":     tPlan,         // /admin/plans/:plan
		"kind":     "zones",       // /admin/catalogue/:kind
		"agency":   e.agSame,      // routes for an agency: the same-agency analyst's
		"code":     "grdp_growth", // /indicators/:code
		"year":     "2024",        // /reporting/:agency/:year, /report/:year
		"outline":  "DC-2023",     // /admin/outlines/:outline
		"page":     "overview",    // /export/:page.:format
		"format":   "csv",
		"id":       "00000000-0000-0000-0000-000000000000", // /uploads/:id: none, so 404 past the gate (upload_test.go checks agencies)
	}
}

var paramPattern = regexp.MustCompile(`:([A-Za-z0-9_]+)\??`)

// fillPath replaces every :param (optional "?" too, several per segment as in
// /export/:page.:format) from params.
func fillPath(t *testing.T, path string, params map[string]string) (string, []string) {
	t.Helper()
	if strings.ContainsAny(path, "*+") {
		t.Fatalf("route %s has a wildcard; the matrix test does not know how to fill it", path)
	}
	var names []string
	filled := paramPattern.ReplaceAllStringFunc(path, func(m string) string {
		name := paramPattern.FindStringSubmatch(m)[1]
		v, ok := params[name]
		if !ok {
			t.Fatalf("route %s has the parameter :%s with no sample value in matrixParams", path, name)
		}
		names = append(names, name)
		return url.PathEscape(v)
	})
	return filled, names
}

// needsUser: viewer routes about one's own account. In public read-only mode an
// anonymous reader passes the gate but the handler sends them to sign in.
var needsUser = map[string]bool{"GET /account": true}

type outcome int

const (
	allow  outcome = iota // reaches the handler: anything but 401, 403, a sign-in redirect or a 5xx
	signin                // anonymous: 303 to /signin?next=..., or 401 for /api/
	forbid                // signed in without the right: 403
)

func (o outcome) String() string { return [...]string{"allow", "signin", "forbid"}[o] }

// expected is the rule table, written out independently of access.go.
func expected(a Access, who string, safe, public, agencyInPath bool) outcome {
	anon := who == "" || who == tDisabled // a disabled user's session counts as none
	switch a {
	case AccessPublic:
		return allow
	case AccessViewer:
		if anon && !(public && safe) {
			return signin
		}
		return allow
	case AccessAnalyst:
		switch {
		case anon:
			return signin
		case who == tViewer || who == tCompiler:
			return forbid
		case who == tOther && agencyInPath:
			return forbid
		}
		return allow
	case AccessAdmin:
		switch {
		case anon:
			return signin
		case who == tAdmin:
			return allow
		}
		return forbid
	case AccessCompiler:
		switch {
		case anon:
			return signin
		case who == tAdmin || who == tCompiler:
			return allow
		}
		return forbid
	}
	return -1
}

// TestAuthorisationMatrix visits every route of the router with every kind of caller
// and checks the status against the rule table above. Valid CSRF tokens are sent, so
// what decides is access alone.
func TestAuthorisationMatrix(t *testing.T) {
	for _, public := range []bool{false, true} {
		name := "private"
		if public {
			name = "public"
		}
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			runMatrix(t, public)
		})
	}
}

func runMatrix(t *testing.T, public bool) {
	e := newAcctEnv(t, public)
	params := matrixParams(e)
	routes := Routes()
	checkRouterMatchesTable(t, e, routes)
	callers := []string{"", tViewer, tAnalyst, tOther, tAdmin, tDisabled, tCompiler}
	// HEAD is served wherever GET is, under the same rules: walk it as a route of its own.
	for _, r := range Routes() {
		if r.Method == http.MethodGet {
			r.Method = http.MethodHead
			routes = append(routes, r)
		}
	}
	for _, r := range routes {
		if r.Access < AccessPublic || r.Access > AccessCompiler {
			t.Fatalf("%s %s has access %d, which the matrix test has no rule for", r.Method, r.Path, r.Access)
		}
		path, names := fillPath(t, r.Path, params)
		agencyInPath := slices.Contains(names, "agency")
		safe := r.Method == http.MethodGet || r.Method == http.MethodHead
		t.Run(r.Method+" "+r.Path, func(t *testing.T) {
			t.Parallel()
			for _, who := range callers {
				c := e.as(who)
				var form url.Values
				if !safe {
					form = url.Values{"_csrf": {c.csrf}}
				}
				resp := e.do(c, r.Method, path, form)
				resp.Body.Close()
				want := expected(r.Access, who, safe, public, agencyInPath)
				if needsUser[strings.Replace(r.Method, http.MethodHead, http.MethodGet, 1)+" "+r.Path] && (who == "" || who == tDisabled) {
					want = signin
				}
				if got := classify(resp, strings.HasPrefix(path, "/api/")); !matches(got, want, resp, r.Access) {
					t.Errorf("%s %s as %s (access %s, public %v): status %d Location %q, want %s",
						r.Method, path, orAnon(who), r.Access, public, resp.StatusCode, resp.Header.Get("Location"), want)
				}
			}
		})
	}
}

func orAnon(who string) string {
	if who == "" {
		return "anonymous"
	}
	return who
}

// classify turns a response into what the gate decided.
func classify(resp *http.Response, api bool) outcome {
	switch {
	case resp.StatusCode == http.StatusSeeOther && strings.HasPrefix(resp.Header.Get("Location"), "/signin?next="):
		return signin
	case resp.StatusCode == http.StatusUnauthorized && api:
		return signin
	case resp.StatusCode == http.StatusForbidden:
		return forbid
	}
	return allow
}

func matches(got, want outcome, resp *http.Response, a Access) bool {
	if got != want {
		return false
	}
	if got == allow {
		// 500 is a handler failing on a request it should answer; 503 (a missing
		// dependency such as Chromium) is not the gate's business.
		if resp.StatusCode >= 500 && resp.StatusCode != http.StatusServiceUnavailable {
			return false
		}
		// A failed sign-in is 401 by design; elsewhere 401 means the gate refused.
		if resp.StatusCode == http.StatusUnauthorized && a != AccessPublic {
			return false
		}
	}
	return true
}

// checkRouterMatchesTable: every route the app serves comes from the Routes() table
// (so none escapes the matrix), every table entry is served, and HEAD is served
// exactly where GET is.
func checkRouterMatchesTable(t *testing.T, e *acctEnv, routes []Route) {
	inTable := map[string]bool{}
	for _, r := range routes {
		inTable[r.Method+" "+r.Path] = true
		if r.Method == http.MethodGet {
			inTable[http.MethodHead+" "+r.Path] = true
		}
	}
	served := map[string]bool{}
	for _, r := range e.app.GetRoutes(true) {
		if r.Method == "USE" {
			continue
		}
		if r.Path == "/" && r.Method != http.MethodGet && !inTable[r.Method+" "+r.Path] {
			continue // app.Use registers a catch-all under "/"
		}
		served[r.Method+" "+r.Path] = true
		if !inTable[r.Method+" "+r.Path] {
			t.Errorf("the app serves %s %s, which is not in Routes(): it escapes the access table", r.Method, r.Path)
		}
	}
	for k := range inTable {
		if !served[k] {
			t.Errorf("Routes() lists %s, which the app does not serve", k)
		}
	}
}
