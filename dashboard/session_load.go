package dashboard

import (
	"crypto/rand"
	"encoding/base64"
	"errors"
	"time"

	"github.com/gofiber/fiber/v2"
	"github.com/quangngai/chitieu/queries"
)

const (
	sessionCookie = "chitieu_session" // the session token; only its sha256 is stored
	preCookie     = "chitieu_pre"     // a random value that ties the sign-in form's CSRF token to this browser
)

// loadSession finds the user of the session cookie and the CSRF token forms must
// carry. It runs once per request, before authorisation. A session that is unknown,
// revoked, expired, older than the user's last password reset, or of a disabled user
// counts as no session: the request is anonymous.
func (s *server) loadSession(c *fiber.Ctx) error {
	if c.Locals("session_loaded") != nil {
		return nil
	}
	c.Locals("session_loaded", true)
	if tok := c.Cookies(sessionCookie); tok != "" && len(tok) <= 128 {
		u, err := s.sessionUser(c, tok)
		switch {
		case err == nil:
			c.Locals("user", userFrom(u))
			c.Locals("session_token", tok)
			c.Locals("csrf", csrfFor("session", tok))
			return nil
		case errors.Is(err, queries.ErrUnavailable):
			return err
		case !errors.Is(err, queries.ErrNotFound):
			return err
		}
		// A dead cookie: drop it so the browser stops sending it.
		s.clearCookie(c, sessionCookie)
	}
	// Anonymous: the pre-session cookie (set by the sign-in page) keys the token of
	// the sign-in form. Other anonymous pages carry no form and set no cookie, so
	// public read-only pages stay cacheable.
	if pre := c.Cookies(preCookie); len(pre) == 43 {
		c.Locals("csrf", csrfFor("pre", pre))
	}
	return nil
}

// ensurePreSession gives an anonymous browser its pre-session cookie, for a page
// whose form it will post back (the sign-in form).
func (s *server) ensurePreSession(c *fiber.Ctx) {
	if currentUser(c) != nil || csrfToken(c) != "" {
		return
	}
	pre := randomToken()
	c.Cookie(s.cookie(preCookie, pre, 0))
	c.Locals("csrf", csrfFor("pre", pre))
}

// sessionUser is the user a session token acts for, or ErrNotFound.
func (s *server) sessionUser(c *fiber.Ctx, tok string) (queries.User, error) {
	se, err := s.Store.SessionByToken(c.UserContext(), tok)
	if err != nil {
		return queries.User{}, err
	}
	u, err := s.Store.UserByName(c.UserContext(), se.Username)
	if err != nil {
		return queries.User{}, err
	}
	if !se.Valid(u, time.Now()) {
		return queries.User{}, queries.ErrNotFound
	}
	return u, nil
}

func (s *server) sessionTTL() time.Duration {
	if s.SessionTTL <= 0 {
		return 12 * time.Hour
	}
	return s.SessionTTL
}

// startSession signs u in: a new session in ClickHouse and its cookie.
func (s *server) startSession(c *fiber.Ctx, u queries.User) error {
	ttl := s.sessionTTL()
	tok, _, err := s.Store.CreateSession(c.UserContext(), u.Username, c.IP(), c.Get(fiber.HeaderUserAgent), time.Now().Add(ttl))
	if err != nil {
		return err
	}
	c.Cookie(s.cookie(sessionCookie, tok, ttl))
	s.clearCookie(c, preCookie)
	c.Locals("user", userFrom(u))
	c.Locals("session_token", tok)
	c.Locals("csrf", csrfFor("session", tok))
	return nil
}

// cookie builds a cookie the way every cookie here is set: HttpOnly, SameSite=Lax
// (sent on links from elsewhere, never on cross-site posts), Secure behind HTTPS.
// maxAge 0 makes a browser-session cookie.
func (s *server) cookie(name, value string, maxAge time.Duration) *fiber.Cookie {
	return &fiber.Cookie{Name: name, Value: value, Path: "/", MaxAge: int(maxAge / time.Second),
		HTTPOnly: true, SameSite: fiber.CookieSameSiteLaxMode, Secure: s.SecureCookies}
}

func (s *server) clearCookie(c *fiber.Ctx, name string) {
	ck := s.cookie(name, "", 0)
	ck.MaxAge = -1
	ck.Expires = time.Unix(1, 0)
	c.Cookie(ck)
}

// randomToken is 32 random bytes, base64url without padding (43 characters).
func randomToken() string {
	b := make([]byte, 32)
	if _, err := rand.Read(b); err != nil {
		panic("crypto/rand: " + err.Error())
	}
	return base64.RawURLEncoding.EncodeToString(b)
}
