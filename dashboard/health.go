package dashboard

import (
	"context"
	"fmt"
	"time"

	"github.com/gofiber/fiber/v2"
	"github.com/quangngai/chitieu/queries"
)

// healthz: the process is alive.
func (s *server) healthz(c *fiber.Ctx) error {
	return c.JSON(fiber.Map{"status": "ok"})
}

// readyz: ClickHouse answers. The driver's pool redials on its own, so this turns
// back to 200 without a restart once ClickHouse is back. With several replicas it
// answers from the store's last probe (no query: a hung replica cannot hold it up):
// 200 "ready", 200 "degraded" with the reasons while the server still has a usable
// replica, 503 only when no replica answers.
func (s *server) readyz(c *fiber.Ctx) error {
	if reps := s.Store.Replicas(); reps != nil {
		return s.readyzReplicas(c, reps)
	}
	ctx, cancel := context.WithTimeout(c.UserContext(), 2*time.Second)
	defer cancel()
	if err := s.Store.Ping(ctx); err != nil {
		s.Logger.Warn("not ready", "err", err)
		return unavailable(c)
	}
	return c.JSON(fiber.Map{"status": "ready"})
}

func unavailable(c *fiber.Ctx) error {
	return c.Status(fiber.StatusServiceUnavailable).JSON(fiber.Map{
		"status":    "unavailable",
		"reason":    "Không kết nối được cơ sở dữ liệu ClickHouse",
		"reason_en": "ClickHouse is not reachable",
	})
}

func (s *server) readyzReplicas(c *fiber.Ctx, reps []queries.ReplicaHealth) error {
	var current queries.ReplicaHealth
	var reasons, reasonsEN []string
	for _, h := range reps {
		if h.Current {
			current = h
		}
		switch {
		case !h.Answers:
			reasons = append(reasons, fmt.Sprintf("bản sao %s không trả lời", h.Addr))
			reasonsEN = append(reasonsEN, fmt.Sprintf("replica %s does not answer", h.Addr))
		case h.ReadOnly:
			reasons = append(reasons, fmt.Sprintf("bản sao %s chỉ đọc (mất kết nối ZooKeeper)", h.Addr))
			reasonsEN = append(reasonsEN, fmt.Sprintf("replica %s is read-only (lost its ZooKeeper session)", h.Addr))
		case !h.Usable():
			reasons = append(reasons, fmt.Sprintf("bản sao %s chậm %d giây", h.Addr, h.Delay))
			reasonsEN = append(reasonsEN, fmt.Sprintf("replica %s is %d s behind", h.Addr, h.Delay))
		}
	}
	// CLICKHOUSE_ADDR naming fewer replicas than the cluster has: reads that decide then
	// need every listed replica, and writes from servers listing all of them may sit on
	// replicas this server never reads.
	if total := queries.ClusterSize(reps); total > len(reps) {
		reasons = append(reasons, fmt.Sprintf("CLICKHOUSE_ADDR chỉ ghi %d trong %d bản sao của cụm", len(reps), total))
		reasonsEN = append(reasonsEN, fmt.Sprintf("CLICKHOUSE_ADDR lists %d of the cluster's %d replicas", len(reps), total))
	}
	if !current.Answers {
		s.Logger.Warn("not ready: no replica answers")
		return unavailable(c)
	}
	body := fiber.Map{"status": "ready", "replica": current.Addr}
	if len(reasons) > 0 {
		body["status"], body["reasons"], body["reasons_en"] = "degraded", reasons, reasonsEN
		body["serving"] = fmt.Sprintf("dùng bản sao %s (using replica %s)", current.Addr, current.Addr)
	}
	return c.JSON(body)
}
