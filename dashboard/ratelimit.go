package dashboard

import (
	"time"

	"github.com/gofiber/fiber/v2"
)

// Sign-in rate limits, counted in ClickHouse so that every server behind the load
// balancer sees the same counts. Per typed username (existing or not, so the limit
// reveals nothing) a success clears the count; per client address it does not, so
// signing in to one's own account does not reset an attack on others.
const (
	signinWindow    = 15 * time.Minute
	signinUserLimit = 5  // failures per username in the window
	signinIPLimit   = 20 // failures per address in the window
)

func signinKeys(c *fiber.Ctx, username string) []string {
	return []string{"user:" + username, "ip:" + c.IP()}
}

// signinLimited reports whether the keys have used up their failures.
func (s *server) signinLimited(c *fiber.Ctx, keys []string) (bool, error) {
	n, err := s.Store.FailedSignins(c.UserContext(), keys, time.Now().Add(-signinWindow))
	if err != nil {
		return false, err
	}
	return n[keys[0]] >= signinUserLimit || n[keys[1]] >= signinIPLimit, nil
}

func (s *server) recordSignin(c *fiber.Ctx, keys []string, ok bool) {
	if err := s.Store.RecordSigninAttempt(c.UserContext(), keys, ok, time.Now()); err != nil {
		s.Logger.Error("record sign-in attempt", "err", err)
	}
}
