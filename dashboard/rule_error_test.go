package dashboard

import (
	"testing"

	"github.com/quangngai/chitieu/domain"
)

// The HTTP side's one mapper: kind to status, the key worded in both languages
// (further broken rules after the first, as the account form reported them).
func TestRuleErrorStatusAndWords(t *testing.T) {
	e := domain.NewError(domain.Invalid, "rule.acc.role")
	e.More = []*domain.Error{domain.NewError(domain.Invalid, "rule.acc.noagency", "NOPE")}
	status, vi, en := ruleError(e)
	if status != 400 || vi != "Vai trò không hợp lệ: viewer, analyst hoặc admin. Không có đơn vị NOPE trong danh mục." ||
		en != "Invalid role: viewer, analyst or admin. No agency NOPE in the catalogue." {
		t.Errorf("ruleError = %d %q %q", status, vi, en)
	}
	if status, _, en := ruleError(domain.NewError(domain.Forbidden, "rule.acc.lastadmin", "boss")); status != 400 || en != "boss is the last enabled admin." {
		t.Errorf("forbidden = %d %q", status, en)
	}
}

// Statuses without a rule read their words from the catalogue, unchanged.
func TestStatusTextFromCatalogue(t *testing.T) {
	for code, want := range map[int][2]string{404: {"Không tìm thấy trang.", "Page not found."}, 403: {"Bạn không có quyền truy cập.", "You do not have access."},
		401: {"Vui lòng đăng nhập.", "Please sign in."}, 413: {"Tệp quá lớn.", "The file is too large."},
		405: {"Phương thức không được phép.", "Method not allowed."}, 429: {"Quá nhiều yêu cầu, vui lòng thử lại sau.", "Too many requests; try again later."},
		418: {"teapot", "teapot"}} {
		if vi, en := statusText(code, "teapot"); vi != want[0] || en != want[1] {
			t.Errorf("statusText(%d) = %q %q", code, vi, en)
		}
	}
}
