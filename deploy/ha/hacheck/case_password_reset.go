package main

import (
	"fmt"
	"net/http"
	"net/url"
	"os/exec"
	"path/filepath"
	"strings"
	"time"
)

// A password reset made while ch1 was away is never undone when ch1 is used again:
// the old password is refused and the old session is over, on both servers.
//   - Cut off: ch1 stays up but fetches nothing of the accounts tables (the servers
//     keep reading it) while the reset is made through ch2 and ch3. Deterministic.
//   - Outage: ch1 is killed, the reset is made through ch2 and ch3, ch1 returns with
//     its fetches stopped as soon as it answers (it may have caught up by then: the
//     evidence says) and both servers are restarted onto it.
func casePasswordReset() (bool, string) {
	var ev strings.Builder
	tables := []string{"users", "sessions"}
	defer fetches("ch1", true, tables...)
	ok := true
	for _, outage := range []bool{false, true} {
		name := fmt.Sprintf("hareset%d", time.Now().UnixNano()%1000000)
		oldPW, newPW := "Cu-mat-khau-1234", "Moi-mat-khau-5678"
		if out, err := usersCLI(addrList(replicas...), oldPW, "add", name, "--role", "viewer", "--password-stdin"); err != nil {
			return false, ev.String() + fmt.Sprintf("users add: %v %s", err, out)
		}
		b := newBrowser()
		if code, err := b.signInAs(lb, name, oldPW); err != nil || code != http.StatusSeeOther {
			return false, ev.String() + fmt.Sprintf("sign-in as %s before: HTTP %d %v", name, code, err)
		}
		fmt.Fprintf(&ev, "user %s signed in through haproxy with the old password\n", name)
		if outage {
			if err := kill9("ch1"); err != nil {
				return false, ev.String() + err.Error()
			}
			fmt.Fprintf(&ev, "kill -9 ch1\n")
		} else {
			if err := fetches("ch1", false, tables...); err != nil {
				return false, ev.String() + err.Error()
			}
			fmt.Fprintf(&ev, "ch1 cut off: its fetches of %v stopped\n", tables)
		}
		out, err := usersCLI(addrList("ch2", "ch3"), newPW, "passwd", name, "--password-stdin")
		fmt.Fprintf(&ev, "password reset through ch2 and ch3: %v %s\n", err, short(out, 80))
		if err != nil {
			if outage {
				_ = script("start.sh", "ch1")
			}
			return false, ev.String()
		}
		if outage {
			if err := script("start.sh", "ch1"); err != nil {
				return false, ev.String() + err.Error()
			}
			_ = fetches("ch1", false, tables...)
			if err := restartWebs(); err != nil {
				return false, ev.String() + err.Error()
			}
			fmt.Fprintf(&ev, "ch1 back, its fetches of %v stopped at once; web1 and web2 restarted onto it\n", tables)
		}
		q := "SELECT max(version) FROM users WHERE username = '" + name + "'"
		v1, _ := ch("ch1", q)
		v2, _ := ch("ch2", q)
		fmt.Fprintf(&ev, "newest user version ch1 %s, ch2 %s (ch1 behind: %v)\n", v1, v2, v1 != v2)
		for _, w := range []string{"web1", "web2"} {
			code, err := newBrowser().signInAs(web[w], name, oldPW)
			fmt.Fprintf(&ev, "%s: sign-in with the old password: HTTP %d %v (303 = accepted)\n", w, code, err)
			ok = ok && err == nil && code != http.StatusSeeOther
			c, _, _ := b.get(web[w], "/account")
			fmt.Fprintf(&ev, "%s: GET /account with the session from before the reset: HTTP %d (200 = still signed in)\n", w, c)
			ok = ok && c != 200
			code, err = newBrowser().signInAs(web[w], name, newPW)
			fmt.Fprintf(&ev, "%s: sign-in with the new password: HTTP %d %v\n", w, code, err)
			ok = ok && code == http.StatusSeeOther
		}
		_ = fetches("ch1", true, tables...)
	}
	return ok, ev.String()
}

func usersCLI(addrs, stdin string, args ...string) (string, error) {
	cmd := exec.Command(filepath.Join(top, "bin", "chitieu"), append([]string{"users"}, args...)...)
	cmd.Env = webEnv(addrs)
	cmd.Stdin = strings.NewReader(stdin + "\n")
	out, err := cmd.CombinedOutput()
	return string(out), err
}

// signInAs posts the sign-in form as user; 303 means signed in.
func (b *browser) signInAs(base, user, pw string) (int, error) {
	if _, _, err := b.get(base, "/signin"); err != nil {
		return 0, err
	}
	form := url.Values{"username": {user}, "password": {pw}, "_csrf": {b.csrf}, "next": {"/"}}
	resp, err := b.http.PostForm(base+"/signin", form)
	if err != nil {
		return 0, err
	}
	resp.Body.Close()
	if resp.StatusCode == http.StatusSeeOther {
		_, _, _ = b.get(base, "/account")
	}
	return resp.StatusCode, nil
}
