package dashboard

import (
	"errors"
	"strings"

	"github.com/gofiber/fiber/v2"
	"github.com/quangngai/chitieu/accounts"
	"github.com/quangngai/chitieu/queries"
)

type adminUsersModel struct {
	Users    []queries.User
	Agencies []queries.Agency
	Roles    []string
	Flash    string
}

// adminUsersList: every account, and the form to add one.
func (s *server) adminUsersList(c *fiber.Ctx) error {
	ctx := c.UserContext()
	users, err := s.Store.Users(ctx)
	if err != nil {
		return err
	}
	ags, err := s.Store.Agencies(ctx)
	if err != nil {
		return err
	}
	return s.render(c, "admin_users", pageData{Title: translate(lang(c), "admin.users"),
		Data: adminUsersModel{Users: users, Agencies: ags, Roles: accounts.Roles, Flash: flashKey(c)}})
}

// adminUserCreate adds an account. With no password typed, one is generated and shown
// once; the admin hands it over and the user changes it under "Tài khoản".
func (s *server) adminUserCreate(c *fiber.Ctx) error {
	name := queries.NormalizeUsername(c.FormValue("username"))
	generated, err := s.accounts.Add(c.UserContext(), s.actor(c), accounts.NewAccount{Username: name,
		Profile: accounts.Profile{Name: c.FormValue("name"), Role: c.FormValue("role"), Agencies: formAgencies(c),
			Compile: c.FormValue("compile") == "1"},
		Password: c.FormValue("password")})
	if err = s.accountResult(err); err != nil {
		return err
	}
	if generated != "" {
		return s.showOneTimePassword(c, name, generated)
	}
	return c.Redirect("/admin/users?ok=created", fiber.StatusSeeOther)
}

// actor is who acts in this request, for the account rules and the audit trail.
func (s *server) actor(c *fiber.Ctx) accounts.Actor {
	a := accounts.Actor{IP: c.IP(), UserAgent: c.Get(fiber.HeaderUserAgent)}
	if u := currentUser(c); u != nil {
		a.Username = u.Username
	}
	return a
}

// accountResult: a change written but not audited is logged loudly and counts as
// done, as for every other audited change. A broken rule (*accounts.Error) goes on to
// handleError, the one place that words it and picks its status.
func (s *server) accountResult(err error) error {
	if errors.Is(err, accounts.ErrNotAudited) {
		s.Logger.Error("audit not recorded", "err", err)
		return nil
	}
	return err
}

// formAgencies reads the checked agencies (repeated field) or a comma list.
func formAgencies(c *fiber.Ctx) []string {
	var out []string
	seen := map[string]bool{}
	for _, v := range c.Context().PostArgs().PeekMulti("agencies") {
		for _, a := range strings.Split(string(v), ",") {
			if a = strings.TrimSpace(a); a != "" && !seen[a] {
				seen[a] = true
				out = append(out, a)
			}
		}
	}
	if mf, err := c.MultipartForm(); err == nil {
		for _, v := range mf.Value["agencies"] {
			if a := strings.TrimSpace(v); a != "" && !seen[a] {
				seen[a] = true
				out = append(out, a)
			}
		}
	}
	return out
}

func (s *server) showOneTimePassword(c *fiber.Ctx, username, password string) error {
	// The page holds a password: never cache it anywhere.
	c.Set(fiber.HeaderCacheControl, "no-store")
	return s.render(c, "admin_password", pageData{Title: translate(lang(c), "admin.onetime"),
		Data: fiber.Map{"Username": username, "Password": password}})
}

// flashKey is the confirmation to show after a redirect: only known keys, never text
// from the URL.
func flashKey(c *fiber.Ctx) string {
	switch k := c.Query("ok"); k {
	case "created", "saved", "deleted", "loaded", "disabled", "enabled":
		return "flash." + k
	}
	return ""
}
