package dashboard

import (
	"context"
	"strings"
	"time"

	"github.com/gofiber/fiber/v2"
)

// Defaults of Deps.RequestTimeout and Deps.UploadTimeout.
const (
	defaultRequestTimeout = 15 * time.Second
	defaultUploadTimeout  = 5 * time.Minute
)

// deadline gives every request a context with a deadline (Fiber's own UserContext is
// context.Background), so a ClickHouse that stops answering holds a handler for
// RequestTimeout at most, not for the driver's read timeout; the handler's error then
// becomes a 503 (queries.Classify). Uploads (a POST carrying a file) get UploadTimeout:
// a large file is parsed and written in one go.
func (s *server) deadline(c *fiber.Ctx) error {
	limit := s.RequestTimeout
	if isUpload(c) {
		limit = s.UploadTimeout
	}
	ctx, cancel := context.WithTimeout(c.UserContext(), limit)
	defer cancel()
	c.SetUserContext(ctx)
	return c.Next()
}

func isUpload(c *fiber.Ctx) bool {
	if c.Method() != fiber.MethodPost {
		return false
	}
	path := c.Path()
	return path == "/upload" || path == "/api/uploads" || strings.HasPrefix(path, "/uploads/")
}
