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

// Every kind of broken rule has its own status, and the dashboard's refusals keep
// the statuses they answered before they were keyed (403, 429, 503, 415), one
// field problem per line in both languages.
func TestEveryKindHasAStatus(t *testing.T) {
	for k := domain.Invalid; k <= domain.Unsupported; k++ {
		if kindStatus[k] == 0 {
			t.Errorf("kind %d has no HTTP status", k)
		}
	}
	for err, want := range map[*domain.Error]int{errCSRF: 403, domain.NewError(domain.TooMany, "http.password.limited"): 429,
		errIngestOff: 503, domain.NewError(domain.Unsupported, "http.upload.form"): 415} {
		if status, _, _ := ruleError(err); status != want {
			t.Errorf("%s: status %d, want %d", err.Key, status, want)
		}
	}
	var fe fieldErrors
	fe.add(0, "http.field.missing", "code")
	fe.add(3, "http.outline.repeat", "I.1")
	_, vi, en := ruleError(fe.err().(*domain.Error))
	if vi != "thiếu code.\ndòng 3: mục I.1 trùng." || en != "missing code.\nline 3: item I.1 repeated." {
		t.Errorf("field problems = %q / %q", vi, en)
	}
}
