package dashboard

import (
	"github.com/gofiber/fiber/v2"
	"github.com/quangngai/chitieu/accounts"
)

// adminUserShow: one account, with forms to change its role and agencies, disable
// or enable it, and reset its password.
func (s *server) adminUserShow(c *fiber.Ctx) error {
	ctx := c.UserContext()
	u, err := s.Store.UserByName(ctx, c.Params("username"))
	if err != nil {
		return err
	}
	ags, err := s.Store.Agencies(ctx)
	if err != nil {
		return err
	}
	return s.render(c, "admin_user", pageData{Title: translate(lang(c), "admin.user") + " " + u.Username,
		Data: fiber.Map{"U": u, "Agencies": ags, "Roles": accounts.Roles, "Flash": flashKey(c), "Self": u.Username == currentUser(c).Username}})
}

// adminUserUpdate changes name, role and agencies (the rules, such as an admin not
// taking the admin role from themself, are in accounts).
func (s *server) adminUserUpdate(c *fiber.Ctx) error {
	u, err := s.accounts.Update(c.UserContext(), s.actor(c), c.Params("username"),
		accounts.Profile{Name: c.FormValue("name"), Role: c.FormValue("role"), Agencies: formAgencies(c),
			Compile: c.FormValue("compile") == "1"})
	if err = s.accountResult(err); err != nil {
		return err
	}
	return c.Redirect("/admin/users/"+u.Username+"?ok=saved", fiber.StatusSeeOther)
}

// adminUserDisable disables (disabled=1) or enables (disabled=0) an account.
// Disabling ends the user's sessions on every server.
func (s *server) adminUserDisable(c *fiber.Ctx) error {
	disable := c.FormValue("disabled") != "0"
	u, err := s.accounts.SetDisabled(c.UserContext(), s.actor(c), c.Params("username"), disable)
	if err = s.accountResult(err); err != nil {
		return err
	}
	flash := "enabled"
	if disable {
		flash = "disabled"
	}
	return c.Redirect("/admin/users/"+u.Username+"?ok="+flash, fiber.StatusSeeOther)
}

// adminUserPassword sets a new one-time password, shows it once and ends the user's
// sessions.
func (s *server) adminUserPassword(c *fiber.Ctx) error {
	u, password, err := s.accounts.ResetPassword(c.UserContext(), s.actor(c), c.Params("username"), "")
	if err = s.accountResult(err); err != nil {
		return err
	}
	if u.Username == currentUser(c).Username {
		// Resetting one's own password keeps this browser signed in.
		if err := s.startSession(c, u); err != nil {
			return err
		}
	}
	return s.showOneTimePassword(c, u.Username, password)
}
