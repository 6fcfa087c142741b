package dashboard

import "github.com/gofiber/fiber/v2"

// authorize returns the middleware that enforces a route's Access.
func (s *server) authorize(r Route) fiber.Handler {
	return func(c *fiber.Ctx) error {
		switch r.Access {
		case AccessPublic:
			return c.Next()
		case AccessViewer:
			if s.Public {
				return c.Next()
			}
		}
		return c.Next()
	}
}
