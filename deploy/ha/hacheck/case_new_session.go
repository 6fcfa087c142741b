package main

import (
	"fmt"
	"net/url"
	"strings"
)

// A session just made through web1 (on ch1) is read at once through a server on ch2,
// which has not fetched it (its fetches of sessions are stopped): the user stays
// signed in, and the cookie is never deleted on a lagging read.
func caseNewSession() (bool, string) {
	var ev strings.Builder
	other, stop, err := extraServer(port(8404), "ch2", "ch1", "ch3")
	if err != nil {
		return false, err.Error()
	}
	defer stop()
	if err := fetches("ch2", false, "sessions"); err != nil {
		return false, err.Error()
	}
	defer fetches("ch2", true, "sessions")
	fmt.Fprintf(&ev, "extra server %s reads ch2 first; ch2 does not fetch sessions\n", other)
	lost := 0
	const trials = 10
	for i := 0; i < trials; i++ {
		b := newBrowser()
		if err := b.signIn(web["web1"]); err != nil {
			return false, ev.String() + err.Error()
		}
		c, _, err := b.get(other, "/account")
		kept := len(b.http.Jar.Cookies(mustURL(other))) > 0 && hasSessionCookie(b, other)
		if c != 200 || !kept {
			lost++
			fmt.Fprintf(&ev, "sign-in %d: GET /account on the other server: HTTP %d %v, session cookie kept: %v\n", i+1, c, err, kept)
		}
	}
	fmt.Fprintf(&ev, "%d of %d new sessions lost when read from the other replica\n", lost, trials)
	return lost == 0, ev.String()
}

func hasSessionCookie(b *browser, base string) bool {
	for _, ck := range b.http.Jar.Cookies(mustURL(base)) {
		if ck.Name == "chitieu_session" && ck.Value != "" {
			return true
		}
	}
	return false
}

func mustURL(s string) *url.URL {
	u, err := url.Parse(s)
	if err != nil {
		panic(err)
	}
	return u
}
