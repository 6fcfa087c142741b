package dashboard

import (
	"errors"

	"github.com/gofiber/fiber/v2"
	"github.com/quangngai/chitieu/queries"
	"github.com/quangngai/chitieu/reporting"
)

// audit records an event for the request: the signed-in user (unless Actor is set),
// the client address and browser. A failure to record is logged loudly but does not
// undo the change the event describes, which has already been written.
func (s *server) audit(c *fiber.Ctx, e queries.AuditEvent) {
	if e.Actor == "" {
		if u := currentUser(c); u != nil {
			e.Actor = u.Username
		}
	}
	e.IP = c.IP()
	e.UserAgent = c.Get(fiber.HeaderUserAgent)
	if err := s.Store.RecordAudit(c.UserContext(), e); err != nil {
		s.Logger.Error("audit not recorded", "action", e.Action, "actor", e.Actor, "object", e.ObjectID, "err", err)
	}
}

// written is a use case's error as the page sees it: a change written but not audited
// is logged loudly and counts as done, as for every other audited change.
func (s *server) written(err error) error {
	if errors.Is(err, reporting.ErrNotAudited) {
		s.Logger.Error("audit not recorded", "err", err)
		return nil
	}
	return err
}
