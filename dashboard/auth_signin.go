package dashboard

import (
	"errors"
	"github.com/quangngai/chitieu/accounts"
	"strconv"

	"github.com/gofiber/fiber/v2"
	"github.com/quangngai/chitieu/queries"
)

type signinData struct {
	Next     string
	Username string
	Error    string // message key
	Notice   string // message key
}

// signinShow: the sign-in form. A signed-in user goes straight on.
func (s *server) signinShow(c *fiber.Ctx) error {
	if err := s.loadSession(c); err != nil {
		return err
	}
	next := safeNext(c.Query("next"))
	if currentUser(c) != nil {
		return redirect(c, next)
	}
	s.ensurePreSession(c)
	d := signinData{Next: next}
	if c.Query("out") == "1" {
		d.Notice = "signin.signedout"
	}
	return s.renderSignin(c, fiber.StatusOK, d)
}

func (s *server) renderSignin(c *fiber.Ctx, status int, d signinData) error {
	c.Status(status)
	return s.render(c, "signin", pageData{Title: translate(lang(c), "signin.title"), Data: d})
}

// signinSubmit checks a username and password. A wrong password, an unknown username
// and a disabled account get the same answer and cost the same time (a full argon2id
// hash), and count against the same limit, so nothing tells which accounts exist.
func (s *server) signinSubmit(c *fiber.Ctx) error {
	name := queries.NormalizeUsername(c.FormValue("username"))
	if len(name) > 64 {
		name = name[:64]
	}
	password := c.FormValue("password")
	d := signinData{Next: safeNext(c.FormValue("next")), Username: name}
	keys := signinKeys(c, name)
	limited, err := s.signinLimited(c, keys)
	if err != nil {
		return err
	}
	if limited {
		s.audit(c, queries.AuditEvent{Actor: name, Action: queries.AuditSigninLimited, ObjectKind: "user", ObjectID: name})
		c.Set(fiber.HeaderRetryAfter, strconv.Itoa(int(signinWindow.Seconds())))
		d.Error = "signin.limited"
		return s.renderSignin(c, fiber.StatusTooManyRequests, d)
	}
	u, err := s.Store.UserByName(c.UserContext(), name)
	var ok bool
	reason := "wrong password"
	switch {
	case errors.Is(err, queries.ErrNotFound):
		accounts.VerifyNoUser(password)
		reason = "unknown user"
	case err != nil:
		return err
	case len(password) > accounts.MaxPasswordBytes:
		accounts.VerifyNoUser("")
		reason = "password too long"
	default:
		ok = accounts.VerifyPassword(u.PasswordHash, password)
		if ok && u.Disabled {
			ok, reason = false, "account disabled"
		}
	}
	s.recordSignin(c, keys, ok)
	if !ok {
		s.audit(c, queries.AuditEvent{Actor: name, Action: queries.AuditSigninFail, ObjectKind: "user", ObjectID: name, Detail: reason})
		d.Error = "signin.failed"
		return s.renderSignin(c, fiber.StatusUnauthorized, d)
	}
	if err := s.startSession(c, u); err != nil {
		return err
	}
	s.audit(c, queries.AuditEvent{Action: queries.AuditSigninOK, ObjectKind: "user", ObjectID: u.Username})
	return redirect(c, d.Next)
}

// signout ends the session everywhere (it is revoked in ClickHouse, not only in
// this browser).
func (s *server) signout(c *fiber.Ctx) error {
	if tok, _ := c.Locals("session_token").(string); tok != "" {
		if err := s.accounts.SignOut(c.UserContext(), tok); err != nil {
			return err
		}
		s.audit(c, queries.AuditEvent{Action: queries.AuditSignout, ObjectKind: "user", ObjectID: currentUser(c).Username})
	}
	s.clearCookie(c, sessionCookie)
	return c.Redirect("/signin?out=1", fiber.StatusSeeOther)
}
