package dashboard

import (
	"crypto/sha256"
	"crypto/subtle"
	"encoding/base64"
	"net/url"
	"strings"

	"github.com/gofiber/fiber/v2"
	"github.com/quangngai/chitieu/domain"
)

// CSRF: a synchronizer token derived from the secret the browser holds in an HttpOnly
// cookie (the session token, or before sign-in the random pre-session value). Another
// site can make the browser send the cookie but cannot read it, so it cannot compute
// the token. Nothing more is stored: every server derives the same token, and the
// sessions table (which holds only sha256(token)) does not reveal it either.
func csrfFor(kind, secret string) string {
	sum := sha256.Sum256([]byte("chitieu-csrf\x00" + kind + "\x00" + secret))
	return base64.RawURLEncoding.EncodeToString(sum[:])
}

// csrfValid checks the token a state-changing request sent: the header X-CSRF-Token
// (JSON and API calls), or the field _csrf of the form body. Never the query string
// (which FormValue would also read): a token in a URL leaks into logs and Referer.
func csrfValid(c *fiber.Ctx) bool {
	want := csrfToken(c)
	if want == "" {
		return false
	}
	got := c.Get("X-CSRF-Token")
	if got == "" {
		got = formBodyValue(c, "_csrf")
	}
	return subtle.ConstantTimeCompare([]byte(got), []byte(want)) == 1
}

// formBodyValue is a field of a url-encoded or multipart body, never of the query.
func formBodyValue(c *fiber.Ctx, key string) string {
	ct := strings.ToLower(string(c.Request().Header.ContentType()))
	switch {
	case strings.HasPrefix(ct, fiber.MIMEApplicationForm):
		return string(c.Request().PostArgs().Peek(key))
	case strings.HasPrefix(ct, fiber.MIMEMultipartForm):
		if f, err := c.MultipartForm(); err == nil && len(f.Value[key]) > 0 {
			return f.Value[key][0]
		}
	}
	return ""
}

// sameOrigin is the second line behind the token: when the browser says where a
// state-changing request comes from (Sec-Fetch-Site, Origin), it must be this site.
// Clients that send neither (scripts, old browsers) still need the token.
func sameOrigin(c *fiber.Ctx) bool {
	switch c.Get("Sec-Fetch-Site") {
	case "", "same-origin", "none":
	default: // same-site (a sibling host) and cross-site
		return false
	}
	o := c.Get(fiber.HeaderOrigin)
	if o == "" {
		return true
	}
	u, err := url.Parse(o)
	if err != nil || u.Host == "" { // includes Origin: null (sandboxed frames, some redirects)
		return false
	}
	return strings.EqualFold(u.Host, string(c.Request().Host()))
}

// safeMethod: methods that never change state, so they need no CSRF token.
func safeMethod(m string) bool {
	return m == fiber.MethodGet || m == fiber.MethodHead || m == fiber.MethodOptions
}

var errCSRF = domain.NewError(domain.Denied, "http.csrf")
