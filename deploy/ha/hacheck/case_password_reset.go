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

// A password reset made while ch1 was cut off is never undone when ch1 is used
// again: the old password is refused and the old session is over, on both servers.
// ch1 is killed, the reset is made through ch2 and ch3, and ch1 comes back with its
// fetches of the accounts tables stopped at once, so it stays behind (the evidence
// says whether it was) while both servers, restarted, read ch1 first.
func casePasswordReset() (bool, string) {
	var ev strings.Builder
	name := fmt.Sprintf("hareset%d", time.Now().Unix()%100000)
	oldPW, newPW := "Cu-mat-khau-1234", "Moi-mat-khau-5678"
	if out, err := usersCLI(addrList(replicas...), oldPW, "add", name, "--role", "viewer", "--password-stdin"); err != nil {
		return false, fmt.Sprintf("users add: %v %s", err, out)
	}
	b := newBrowser()
	if code, err := b.signInAs(lb, name, oldPW); err != nil || code != http.StatusSeeOther {
		return false, fmt.Sprintf("sign-in as %s before: HTTP %d %v", name, code, err)
	}
	fmt.Fprintf(&ev, "user %s signed in through haproxy with the old password\n", name)
	tables := []string{"users", "sessions"}
	if err := kill9("ch1"); err != nil {
		return false, err.Error()
	}
	restarted := false
	defer func() {
		if !restarted {
			_ = script("start.sh", "ch1")
		}
		_ = fetches("ch1", true, tables...)
	}()
	out, err := usersCLI(addrList("ch2", "ch3"), newPW, "passwd", name, "--password-stdin")
	fmt.Fprintf(&ev, "kill -9 ch1; password reset through ch2 and ch3: %v %s\n", err, short(out, 120))
	if err != nil {
		return false, ev.String()
	}
	// The replica reads its replication log as it starts; stopping its fetches right
	// away usually keeps the reset from it.
	if err := script("start.sh", "ch1"); err != nil {
		return false, ev.String() + err.Error()
	}
	restarted = true
	_ = fetches("ch1", false, tables...)
	if err := restartWebs(); err != nil {
		return false, ev.String() + err.Error()
	}
	q := "SELECT max(version) FROM users WHERE username = '" + name + "'"
	v1, _ := ch("ch1", q)
	v2, _ := ch("ch2", q)
	fmt.Fprintf(&ev, "ch1 back, its fetches of %v stopped; web1 and web2 restarted onto it; newest user version ch1 %s, ch2 %s (ch1 behind: %v)\n",
		tables, v1, v2, v1 != v2)
	ok := true
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
