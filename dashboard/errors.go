package dashboard

import (
	"errors"

	"github.com/gofiber/fiber/v2"
	"github.com/quangngai/chitieu/domain"
	"github.com/quangngai/chitieu/locale"
	"github.com/quangngai/chitieu/queries"
	"github.com/quangngai/chitieu/reporting"
)

// userError is an error whose message is meant for the user, in both languages.
type userError struct {
	Status int
	VI, EN string
}

func (e *userError) Error() string { return e.EN }

func badRequest(vi, en string) error {
	return &userError{Status: fiber.StatusBadRequest, VI: vi, EN: en}
}

// handleError is the one place that maps errors to statuses. Users see a clear
// message, Vietnamese first; the log keeps the detail.
func (s *server) handleError(c *fiber.Ctx, err error) error {
	status, vi, en := fiber.StatusInternalServerError, "Đã có lỗi xảy ra, vui lòng thử lại.", "Something went wrong; please try again."
	err = queries.Classify(err)
	var ue *userError
	var de *domain.Error
	var fe *fiber.Error
	switch {
	case errors.As(err, &ue):
		status, vi, en = ue.Status, ue.VI, ue.EN
	case errors.As(err, &de):
		status, vi, en = ruleError(de)
	case errors.Is(err, queries.ErrNotFound):
		status, vi, en = fiber.StatusNotFound, "Không tìm thấy.", "Not found."
	case errors.Is(err, reporting.ErrBuilding):
		status = fiber.StatusServiceUnavailable
		vi, en = "Đang tạo báo cáo, vui lòng thử lại sau ít giây.", "The report is being generated; please try again in a few seconds."
		c.Set(fiber.HeaderRetryAfter, exportRetryAfter)
	case errors.Is(err, queries.ErrBusy):
		// Who holds the claim and since when (a *BusyError), or the general refusal.
		busy := &queries.BusyError{}
		errors.As(err, &busy)
		status = fiber.StatusConflict
		vi, en = busy.Messages()
	case errors.Is(err, queries.ErrReadOnly):
		status = fiber.StatusServiceUnavailable
		vi = "Hệ thống dữ liệu tạm thời chỉ cho đọc (mất liên lạc với ZooKeeper): chưa ghi được gì, vui lòng gửi lại sau ít phút."
		en = "The data store is read-only for now (ZooKeeper is not answering): nothing was written; please send again in a few minutes."
		c.Set(fiber.HeaderRetryAfter, retryAfterSeconds)
	case errors.Is(err, queries.ErrTooFewReplicas):
		status = fiber.StatusServiceUnavailable
		vi = "Hệ thống dữ liệu đang thiếu bản sao, chưa ghi được gì: chưa đủ bản sao để lưu an toàn, vui lòng gửi lại sau ít phút."
		en = "Too few database replicas are up to store this safely: nothing was written; please send again in a few minutes."
		c.Set(fiber.HeaderRetryAfter, retryAfterSeconds)
	case errors.Is(err, queries.ErrUnavailable):
		status = fiber.StatusServiceUnavailable
		vi = "Hệ thống dữ liệu tạm thời không phản hồi, vui lòng thử lại sau ít phút."
		en = "The data store is not responding for the moment; please try again in a few minutes."
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
	domain.NotFound: fiber.StatusNotFound, domain.Forbidden: fiber.StatusBadRequest}

// retryAfterSeconds: what a 503 asks clients to wait; a restarted ClickHouse or a
// ZooKeeper back in its quorum usually answers within this.
const retryAfterSeconds = "30"

// exportRetryAfter: what a download asks clients to wait while its file is built.
const exportRetryAfter = "5"

func statusText(code int, msg string) (string, string) {
	switch code {
	case fiber.StatusNotFound:
		return "Không tìm thấy trang.", "Page not found."
	case fiber.StatusForbidden:
		return "Bạn không có quyền truy cập.", "You do not have access."
	case fiber.StatusUnauthorized:
		return "Vui lòng đăng nhập.", "Please sign in."
	case fiber.StatusRequestEntityTooLarge:
		return "Tệp quá lớn.", "The file is too large."
	case fiber.StatusMethodNotAllowed:
		return "Phương thức không được phép.", "Method not allowed."
	case fiber.StatusTooManyRequests:
		return "Quá nhiều yêu cầu, vui lòng thử lại sau.", "Too many requests; try again later."
	}
	return msg, msg
}

func wantsJSON(c *fiber.Ctx) bool {
	return len(c.Path()) >= 5 && c.Path()[:5] == "/api/" || c.Accepts("text/html", "application/json") == "application/json"
}
