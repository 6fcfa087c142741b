package dashboard

import (
	"slices"

	"github.com/gofiber/fiber/v2"
	"github.com/quangngai/chitieu/queries"
)

// User is the signed-in person a request acts for.
type User struct {
	Username string
	Name     string
	Role     string   // viewer, analyst, admin
	Agencies []string // the agencies an analyst reports for
	Compile  bool     // may compile a round (SCT's synthesis), given by an admin
}

// IsAdmin reports whether the user administers the system.
func (u *User) IsAdmin() bool { return u != nil && u.Role == queries.RoleAdmin }

// CanWrite reports whether the user may upload or file reports at all (for some agency).
func (u *User) CanWrite() bool {
	return u != nil && (u.Role == queries.RoleAdmin || u.Role == queries.RoleAnalyst)
}

// CanCompile reports whether the user may compile a round: write SCT's synthesis per
// outline item and choose how agencies' paragraphs are printed. Admins may, as they may
// write for every agency; anyone else needs the permission an admin gives.
func (u *User) CanCompile() bool {
	return u != nil && (u.Role == queries.RoleAdmin || u.Compile)
}

// ActsFor reports whether the user may write for the agency: admins for every agency,
// analysts for the agencies bound to them.
func (u *User) ActsFor(agency string) bool {
	if u == nil || agency == "" {
		return false
	}
	return u.Role == queries.RoleAdmin || u.Role == queries.RoleAnalyst && slices.Contains(u.Agencies, agency)
}

// DisplayName is the name to show, falling back to the username.
func (u *User) DisplayName() string {
	if u.Name != "" {
		return u.Name
	}
	return u.Username
}

func userFrom(q queries.User) *User {
	return &User{Username: q.Username, Name: q.Name, Role: q.Role, Agencies: q.Agencies, Compile: q.CanCompile}
}

// currentUser is the user the session middleware stored, or nil.
func currentUser(c *fiber.Ctx) *User {
	u, _ := c.Locals("user").(*User)
	return u
}

// csrfToken is the token forms must send back, set by the CSRF middleware.
func csrfToken(c *fiber.Ctx) string {
	t, _ := c.Locals("csrf").(string)
	return t
}
