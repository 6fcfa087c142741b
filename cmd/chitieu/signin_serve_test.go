package main

import (
	"context"
	"io"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"github.com/quangngai/chitieu/queries/querytest"
)

// TestServeRequiresSigninAndSignsIn runs the real serve path (not public) on port 0:
// the first start creates the admin from CHITIEU_ADMIN_PASSWORD, pages send anonymous
// browsers to sign in, and a browser with a cookie jar signs in through the form.
func TestServeRequiresSigninAndSignsIn(t *testing.T) {
	t.Parallel()
	db := querytest.UniqueName()
	chCfg := querytest.Config(db)
	env, out := testEnv(t, db, map[string]string{"CHITIEU_ADMIN_PASSWORD": "mật-khẩu-quản-trị"})
	env.Stderr = io.Discard
	ctx, cancel := context.WithCancel(context.Background())
	base := serveUntilCleanup(t, ctx, cancel, env, chCfg)

	jar, _ := cookiejar.New(nil)
	client := &http.Client{Jar: jar, CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	resp, err := client.Get(base + "/")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusSeeOther || resp.Header.Get("Location") != "/signin?next=%2F" {
		t.Fatalf("anonymous GET /: %d %s", resp.StatusCode, resp.Header.Get("Location"))
	}
	resp, err = client.Get(base + "/signin?next=%2Fadmin")
	if err != nil {
		t.Fatal(err)
	}
	page, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	m := regexp.MustCompile(`name="_csrf" value="([^"]+)"`).FindSubmatch(page)
	if m == nil {
		t.Fatalf("sign-in page without CSRF token:\n%s", page)
	}
	resp, err = client.PostForm(base+"/signin", url.Values{"_csrf": {string(m[1])}, "username": {"admin"},
		"password": {"mật-khẩu-quản-trị"}, "next": {"/admin"}})
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusSeeOther || resp.Header.Get("Location") != "/admin" {
		t.Fatalf("sign-in: %d %s\n%s", resp.StatusCode, resp.Header.Get("Location"), out.String())
	}
	resp, err = client.Get(base + "/admin/users")
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 200 || !strings.Contains(string(body), ">admin</a>") {
		t.Fatalf("admin users page after sign-in: %d", resp.StatusCode)
	}
}
