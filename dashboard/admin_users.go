package dashboard

import (
	"errors"
	"slices"
	"strings"

	"github.com/gofiber/fiber/v2"
	"github.com/quangngai/chitieu/queries"
)

type adminUsersModel struct {
	Users    []queries.User
	Agencies []queries.Agency
	Roles    []string
	Flash    string
}

var allRoles = []string{queries.RoleViewer, queries.RoleAnalyst, queries.RoleAdmin}

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
		Data: adminUsersModel{Users: users, Agencies: ags, Roles: allRoles, Flash: flashKey(c)}})
}

// adminUserCreate adds an account. With no password typed, one is generated and shown
// once; the admin hands it over and the user changes it under "Tài khoản".
func (s *server) adminUserCreate(c *fiber.Ctx) error {
	ctx := c.UserContext()
	var fe fieldErrors
	name := queries.NormalizeUsername(c.FormValue("username"))
	if !queries.ValidUsername(name) {
		fe.add("", "Tên đăng nhập gồm 2–64 chữ thường không dấu, số, . _ - (bắt đầu bằng chữ hoặc số).",
			"The username takes 2–64 lower-case letters, digits, . _ - (starting with a letter or digit).")
	}
	u := queries.User{Username: name, Name: strings.TrimSpace(c.FormValue("name")), Role: c.FormValue("role"),
		Agencies: formAgencies(c), UpdatedBy: currentUser(c).Username}
	if err := s.checkUserFields(c, &fe, u); err != nil {
		return err
	}
	if err := fe.err(); err != nil {
		return err
	}
	if _, err := s.Store.UserByName(ctx, name); err == nil {
		return &userError{Status: fiber.StatusConflict, VI: "Tên đăng nhập " + name + " đã có.", EN: "The username " + name + " is taken."}
	} else if !errors.Is(err, queries.ErrNotFound) {
		return err
	}
	password, generated := c.FormValue("password"), false
	if password == "" {
		password, generated = queries.RandomPassword(), true
	}
	hash, err := newPasswordHash(password, password)
	if err != nil {
		return err
	}
	u.PasswordHash = hash
	if err := s.Store.SaveUser(ctx, u); err != nil {
		return err
	}
	s.audit(c, queries.AuditEvent{Action: queries.AuditUserAdd, ObjectKind: "user", ObjectID: name, Detail: userSummary(u)})
	if generated {
		return s.showOneTimePassword(c, name, password)
	}
	return c.Redirect("/admin/users?ok=created", fiber.StatusSeeOther)
}

// checkUserFields validates role and agencies: an analyst needs at least one agency,
// and every agency must be in the catalogue.
func (s *server) checkUserFields(c *fiber.Ctx, fe *fieldErrors, u queries.User) error {
	if !queries.ValidRole(u.Role) {
		fe.add("", "Vai trò không hợp lệ.", "Invalid role.")
	}
	if len([]rune(u.Name)) > 200 {
		fe.add("", "Họ tên quá dài.", "The name is too long.")
	}
	if u.Role == queries.RoleAnalyst && len(u.Agencies) == 0 {
		fe.add("", "Chuyên viên phải gắn với ít nhất một đơn vị.", "An analyst must be bound to at least one agency.")
	}
	if len(u.Agencies) == 0 {
		return nil
	}
	ags, err := s.Store.Agencies(c.UserContext())
	if err != nil {
		return err
	}
	for _, a := range u.Agencies {
		if !slices.ContainsFunc(ags, func(x queries.Agency) bool { return x.Code == a }) {
			fe.add("", "Không có đơn vị "+a+".", "No agency "+a+".")
		}
	}
	return nil
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

func userSummary(u queries.User) string {
	s := "role=" + u.Role + " agencies=" + strings.Join(u.Agencies, ",") + " name=" + u.Name
	if u.Disabled {
		s += " disabled"
	}
	return s
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
