package dashboard

import (
	"crypto/sha256"
	"crypto/subtle"
	"encoding/base64"

	"github.com/gofiber/fiber/v2"
)

// CSRF: a synchronizer token derived from the secret the browser holds in an HttpOnly
// cookie (the session token, or before sign-in the random pre-session value). Another
// site can make the browser send the cookie but cannot read it, so it cannot compute
// the token. Nothing more is stored: every server derives the same token, and the
// sessions table (which holds only sha256(token)) does not reveal it either.
func csrfFor(kind, secret string) string {
	sum := sha256.Sum256([]byte("chitieu-csrf\x00" + kind + "\x00" + secret))
	return base64.RawURLEncoding.EncodeToString(sum[:])
}

// csrfValid checks the token a state-changing request sent: the form field _csrf, or
// the header X-CSRF-Token for JSON and multipart API calls.
func csrfValid(c *fiber.Ctx) bool {
	want := csrfToken(c)
	if want == "" {
		return false
	}
	got := c.Get("X-CSRF-Token")
	if got == "" {
		got = c.FormValue("_csrf")
	}
	return subtle.ConstantTimeCompare([]byte(got), []byte(want)) == 1
}

// safeMethod: methods that never change state, so they need no CSRF token.
func safeMethod(m string) bool {
	return m == fiber.MethodGet || m == fiber.MethodHead || m == fiber.MethodOptions
}

var errCSRF = &userError{Status: fiber.StatusForbidden,
	VI: "Biểu mẫu đã hết hạn hoặc không hợp lệ. Vui lòng tải lại trang rồi thử lại.",
	EN: "The form has expired or is not valid. Please reload the page and try again."}
