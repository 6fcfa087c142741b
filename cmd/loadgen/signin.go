package main

import (
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
)

// signIn signs in at the server of pageURL the way a browser does (the sign-in page
// for its pre-session cookie and CSRF token, then the form) and returns the session
// cookie. credentials is "username:password".
func signIn(pageURL, credentials string) (*http.Cookie, error) {
	user, password, ok := strings.Cut(credentials, ":")
	if !ok {
		return nil, fmt.Errorf("-signin wants username:password")
	}
	u, err := url.Parse(pageURL)
	if err != nil {
		return nil, err
	}
	base := u.Scheme + "://" + u.Host
	client := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	resp, err := client.Get(base + "/signin")
	if err != nil {
		return nil, err
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	const marker = `name="_csrf" value="`
	i := strings.Index(string(body), marker)
	if i < 0 {
		return nil, fmt.Errorf("no CSRF token on %s/signin (status %d)", base, resp.StatusCode)
	}
	csrf := string(body[i+len(marker):])
	csrf = csrf[:strings.IndexByte(csrf, '"')]
	form := url.Values{"_csrf": {csrf}, "username": {user}, "password": {password}, "next": {"/"}}
	req, _ := http.NewRequest("POST", base+"/signin", strings.NewReader(form.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	for _, ck := range resp.Cookies() {
		req.AddCookie(ck)
	}
	resp, err = client.Do(req)
	if err != nil {
		return nil, err
	}
	resp.Body.Close()
	for _, ck := range resp.Cookies() {
		if ck.Name == "chitieu_session" && ck.Value != "" {
			return &http.Cookie{Name: ck.Name, Value: ck.Value}, nil
		}
	}
	return nil, fmt.Errorf("sign-in as %s failed: status %d", user, resp.StatusCode)
}
