package dashboard

import (
	"strings"
	"time"

	"github.com/gofiber/fiber/v2"
	"github.com/quangngai/chitieu/queries"
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
		Data: fiber.Map{"U": u, "Agencies": ags, "Roles": allRoles, "Flash": flashKey(c), "Self": u.Username == currentUser(c).Username}})
}

// adminUserUpdate changes name, role and agencies. An admin cannot take the admin
// role from themself, so the system is never left without one by accident.
func (s *server) adminUserUpdate(c *fiber.Ctx) error {
	ctx := c.UserContext()
	u, err := s.Store.UserByName(ctx, c.Params("username"))
	if err != nil {
		return err
	}
	before := userSummary(u)
	u.Name = strings.TrimSpace(c.FormValue("name"))
	u.Role = c.FormValue("role")
	u.Agencies = formAgencies(c)
	var fe fieldErrors
	if u.Username == currentUser(c).Username && u.Role != queries.RoleAdmin {
		fe.add("", "Bạn không thể tự bỏ quyền quản trị của mình.", "You cannot remove your own admin role.")
	}
	if err := s.checkUserFields(c, &fe, u); err != nil {
		return err
	}
	if err := fe.err(); err != nil {
		return err
	}
	u.UpdatedBy = currentUser(c).Username
	// A changed role or agencies takes effect at the user's next request: sessions
	// read the user afresh each time.
	if err := s.Store.SaveUser(ctx, u); err != nil {
		return err
	}
	s.audit(c, queries.AuditEvent{Action: queries.AuditUserUpdate, ObjectKind: "user", ObjectID: u.Username,
		Detail: before + " -> " + userSummary(u)})
	return c.Redirect("/admin/users/"+u.Username+"?ok=saved", fiber.StatusSeeOther)
}

// adminUserDisable disables (disabled=1) or enables (disabled=0) an account.
// Disabling ends the user's sessions at once on every server.
func (s *server) adminUserDisable(c *fiber.Ctx) error {
	ctx := c.UserContext()
	u, err := s.Store.UserByName(ctx, c.Params("username"))
	if err != nil {
		return err
	}
	disable := c.FormValue("disabled") != "0"
	if disable && u.Username == currentUser(c).Username {
		return badRequest("Bạn không thể tự khoá tài khoản của mình.", "You cannot disable your own account.")
	}
	u.Disabled = disable
	u.UpdatedBy = currentUser(c).Username
	action, flash := queries.AuditUserEnable, "enabled"
	if disable {
		u.SessionsAfter = uint64(time.Now().UnixNano())
		action, flash = queries.AuditUserDisable, "disabled"
	}
	if err := s.Store.SaveUser(ctx, u); err != nil {
		return err
	}
	s.audit(c, queries.AuditEvent{Action: action, ObjectKind: "user", ObjectID: u.Username})
	return c.Redirect("/admin/users/"+u.Username+"?ok="+flash, fiber.StatusSeeOther)
}

// adminUserPassword sets a new one-time password, shows it once and ends the user's
// sessions.
func (s *server) adminUserPassword(c *fiber.Ctx) error {
	ctx := c.UserContext()
	u, err := s.Store.UserByName(ctx, c.Params("username"))
	if err != nil {
		return err
	}
	password := queries.RandomPassword()
	hash, err := queries.HashPassword(password)
	if err != nil {
		return err
	}
	u.PasswordHash = hash
	u.SessionsAfter = uint64(time.Now().UnixNano())
	u.UpdatedBy = currentUser(c).Username
	if err := s.Store.SaveUser(ctx, u); err != nil {
		return err
	}
	s.audit(c, queries.AuditEvent{Action: queries.AuditUserPassword, ObjectKind: "user", ObjectID: u.Username})
	if u.Username == currentUser(c).Username {
		// Resetting one's own password keeps this browser signed in.
		if err := s.startSession(c, u); err != nil {
			return err
		}
	}
	return s.showOneTimePassword(c, u.Username, password)
}
