package dashboard

import "github.com/gofiber/fiber/v2"

// User is the signed-in person a request acts for.
type User struct {
	Username string
	Name     string
	Role     string   // viewer, analyst, admin
	Agencies []string // the agencies an analyst reports for
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
