package dashboard

import "github.com/gofiber/fiber/v2"

// securityHeaders: scripts and styles come only from this server (no inline script,
// so a value that slips into a page cannot run), no framing, no sniffing.
func securityHeaders(c *fiber.Ctx) error {
	writeSecurityHeaders(c)
	return c.Next()
}

// writeSecurityHeaders is securityHeaders' work, also redone by headerGuard when it
// throws a response away.
func writeSecurityHeaders(c *fiber.Ctx) {
	h := &c.Response().Header
	h.Set("Content-Security-Policy", "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; "+
		"object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'")
	h.Set("X-Frame-Options", "DENY")
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Referrer-Policy", "same-origin")
	h.Set("Cross-Origin-Opener-Policy", "same-origin")
}

// hsts tells browsers to use HTTPS only; set when the app runs behind HTTPS
// (CHITIEU_SECURE_COOKIES), never on a plain-HTTP intranet where it would lock users out.
func hsts(c *fiber.Ctx) error {
	c.Set(fiber.HeaderStrictTransportSecurity, "max-age=31536000")
	return c.Next()
}
