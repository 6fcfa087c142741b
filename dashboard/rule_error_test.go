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
