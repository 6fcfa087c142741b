package dashboard

import (
	"context"
	"time"

	"github.com/gofiber/fiber/v2"
)

// healthz: the process is alive.
func (s *server) healthz(c *fiber.Ctx) error {
	return c.JSON(fiber.Map{"status": "ok"})
}

// readyz: ClickHouse answers. The driver's pool redials on its own, so this turns
// back to 200 without a restart once ClickHouse is back.
func (s *server) readyz(c *fiber.Ctx) error {
	ctx, cancel := context.WithTimeout(c.UserContext(), 2*time.Second)
	defer cancel()
	if err := s.Store.Ping(ctx); err != nil {
		s.Logger.Warn("not ready", "err", err)
		return c.Status(fiber.StatusServiceUnavailable).JSON(fiber.Map{
			"status":    "unavailable",
			"reason":    "Không kết nối được cơ sở dữ liệu ClickHouse",
			"reason_en": "ClickHouse is not reachable",
		})
	}
	return c.JSON(fiber.Map{"status": "ready"})
}
