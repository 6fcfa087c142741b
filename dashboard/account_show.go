package dashboard

import (
	"github.com/gofiber/fiber/v2"
	"github.com/quangngai/chitieu/accounts"
	"github.com/quangngai/chitieu/domain"
)

// accountShow: who am I, my agencies, and a form to change my password.
func (s *server) accountShow(c *fiber.Ctx) error {
	u := currentUser(c)
	if u == nil { // public read-only mode lets anonymous readers this far
		return askSignin(c)
	}
	return s.render(c, "account", pageData{Title: translate(lang(c), "account.title"),
		Data: fiber.Map{"Saved": c.Query("saved") == "1", "MinLength": accounts.MinPasswordLength}})
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
		return domain.NewError(domain.TooMany, "http.password.limited")
	}
	if !accounts.VerifyPassword(cur.PasswordHash, c.FormValue("current")) {
		s.recordSignin(c, keys, false)
		return domain.NewError(domain.Invalid, "http.password.wrong")
	}
	cur, err = s.accounts.ChangeOwnPassword(ctx, s.actor(c), c.FormValue("password"), c.FormValue("confirm"))
	if err = s.accountResult(err); err != nil {
		return err
	}
	if err := s.startSession(c, cur); err != nil {
		return err
	}
	return c.Redirect("/account?saved=1", fiber.StatusSeeOther)
}
