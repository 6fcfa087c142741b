package dashboard

import (
	"errors"
	"strconv"

	"github.com/gofiber/fiber/v2"
	"github.com/quangngai/chitieu/domain"
	"github.com/quangngai/chitieu/locale"
	"github.com/quangngai/chitieu/queries"
	"github.com/quangngai/chitieu/reporting"
)

// handleError is the one place that maps errors to statuses. Users see a clear
// message, Vietnamese first; the log keeps the detail.
func (s *server) handleError(c *fiber.Ctx, err error) error {
	status := fiber.StatusInternalServerError
	vi, en := locale.Pair("http.internal")
	err = queries.Classify(err)
	var de *domain.Error
	var fe *fiber.Error
	switch {
	case errors.As(err, &de):
		status, vi, en = ruleError(de)
	case errors.Is(err, queries.ErrNotFound):
		status = fiber.StatusNotFound
		vi, en = locale.Pair("http.notfound")
	case errors.Is(err, reporting.ErrBuilding):
		status = fiber.StatusServiceUnavailable
		vi, en = locale.Pair("http.building")
		c.Set(fiber.HeaderRetryAfter, exportRetryAfter)
	case errors.Is(err, queries.ErrBusy):
		// Who holds the claim and since when (a *BusyError), or the general refusal.
		busy := &queries.BusyError{}
		errors.As(err, &busy)
		status = fiber.StatusConflict
		vi, en = busy.Messages()
	case errors.Is(err, queries.ErrReadOnly):
		status = fiber.StatusServiceUnavailable
		vi, en = locale.Pair("http.readonly")
		c.Set(fiber.HeaderRetryAfter, retryAfterSeconds)
	case errors.Is(err, queries.ErrTooFewReplicas):
		status = fiber.StatusServiceUnavailable
		vi, en = locale.Pair("http.fewreplicas")
		c.Set(fiber.HeaderRetryAfter, retryAfterSeconds)
	case errors.Is(err, queries.ErrUnavailable):
		status = fiber.StatusServiceUnavailable
		vi, en = locale.Pair("http.unavailable")
		c.Set(fiber.HeaderRetryAfter, retryAfterSeconds)
	case errors.As(err, &fe):
		status = fe.Code
		vi, en = statusText(fe.Code, fe.Message)
	}
	if status >= 500 {
		s.Logger.Error("request failed", "method", c.Method(), "path", c.Path(), "err", err)
	}
	if wantsJSON(c) {
		return c.Status(status).JSON(fiber.Map{"error": vi, "error_en": en})
	}
	c.Status(status)
	return s.render(c, "error", pageData{Title: vi, Data: fiber.Map{"Status": status, "VI": vi, "EN": en}})
}

// ruleError is the HTTP side of a broken rule: its kind's status, its key worded
// from the catalogue in both languages (the page shows the reader's first).
func ruleError(de *domain.Error) (status int, vi, en string) {
	status = kindStatus[de.Kind]
	if status == 0 {
		status = fiber.StatusBadRequest
	}
	return status, locale.Render("vi", de), locale.Render("en", de)
}

// kindStatus maps the domain's error kinds to HTTP statuses, once for every handler.
// A Forbidden rule (an admin locking themself out, the last admin) refuses a form
// the actor may send, so it is a 400 as the account pages always answered; access
// itself is refused by the middleware with 403.
var kindStatus = map[domain.Kind]int{domain.Invalid: fiber.StatusBadRequest, domain.Conflict: fiber.StatusConflict,
	domain.NotFound: fiber.StatusNotFound, domain.Forbidden: fiber.StatusBadRequest, domain.Denied: fiber.StatusForbidden,
	domain.TooMany: fiber.StatusTooManyRequests, domain.Unavailable: fiber.StatusServiceUnavailable,
	domain.Unsupported: fiber.StatusUnsupportedMediaType}

// retryAfterSeconds: what a 503 asks clients to wait; a restarted ClickHouse or a
// ZooKeeper back in its quorum usually answers within this.
const retryAfterSeconds = "30"

// exportRetryAfter: what a download asks clients to wait while its file is built.
const exportRetryAfter = "5"

func statusText(code int, msg string) (string, string) {
	switch code {
	case fiber.StatusNotFound, fiber.StatusForbidden, fiber.StatusUnauthorized, fiber.StatusRequestEntityTooLarge,
		fiber.StatusMethodNotAllowed, fiber.StatusTooManyRequests:
		return locale.Pair("http.status" + strconv.Itoa(code))
	}
	return msg, msg
}

func wantsJSON(c *fiber.Ctx) bool {
	return len(c.Path()) >= 5 && c.Path()[:5] == "/api/" || c.Accepts("text/html", "application/json") == "application/json"
}
