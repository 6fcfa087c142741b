package dashboard

import (
	"time"

	"github.com/gofiber/fiber/v2"
	"github.com/quangngai/chitieu/queries"
)

// accountShow: who am I, my agencies, and a form to change my password.
func (s *server) accountShow(c *fiber.Ctx) error {
	u := currentUser(c)
	if u == nil { // public read-only mode lets anonymous readers this far
		return askSignin(c)
	}
	return s.render(c, "account", pageData{Title: translate(lang(c), "account.title"),
		Data: fiber.Map{"Saved": c.Query("saved") == "1", "MinLength": queries.MinPasswordLength}})
}

// accountPassword changes one's own password after checking the current one. Other
// sessions of the user end; this browser gets a fresh session.
func (s *server) accountPassword(c *fiber.Ctx) error {
	u := currentUser(c)
	if u == nil {
		return askSignin(c)
	}
	ctx := c.UserContext()
	cur, err := s.Store.UserByName(ctx, u.Username)
	if err != nil {
		return err
	}
	// Guessing the current password through this form counts against the sign-in limit.
	keys := signinKeys(c, cur.Username)
	if limited, err := s.signinLimited(c, keys); err != nil {
		return err
	} else if limited {
		return &userError{Status: fiber.StatusTooManyRequests, VI: "Quá nhiều lần nhập sai mật khẩu; vui lòng thử lại sau 15 phút.",
			EN: "Too many wrong passwords; try again in 15 minutes."}
	}
	if !queries.VerifyPassword(cur.PasswordHash, c.FormValue("current")) {
		s.recordSignin(c, keys, false)
		return badRequest("Mật khẩu hiện tại không đúng.", "The current password is wrong.")
	}
	hash, err := newPasswordHash(c.FormValue("password"), c.FormValue("confirm"))
	if err != nil {
		return err
	}
	cur.PasswordHash = hash
	cur.SessionsAfter = uint64(time.Now().UnixNano())
	cur.UpdatedBy = cur.Username
	if err := s.Store.SaveUser(ctx, cur); err != nil {
		return err
	}
	s.audit(c, queries.AuditEvent{Action: queries.AuditPasswordOwn, ObjectKind: "user", ObjectID: cur.Username})
	if err := s.startSession(c, cur); err != nil {
		return err
	}
	return c.Redirect("/account?saved=1", fiber.StatusSeeOther)
}

// newPasswordHash checks a new password (length, typed twice alike) and hashes it.
func newPasswordHash(password, confirm string) (string, error) {
	if len([]rune(password)) < queries.MinPasswordLength || len(password) > 1024 {
		return "", badRequest("Mật khẩu mới phải dài ít nhất 10 ký tự.", "The new password must be at least 10 characters long.")
	}
	if password != confirm {
		return "", badRequest("Hai lần nhập mật khẩu mới không khớp.", "The two new passwords differ.")
	}
	return queries.HashPassword(password)
}
