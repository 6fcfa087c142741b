package dashboard

import "github.com/gofiber/fiber/v2"

// adminIndex: the administration start page.
func (s *server) adminIndex(c *fiber.Ctx) error {
	return s.render(c, "admin_index", pageData{Title: translate(lang(c), "nav.admin")})
}
