package reporting

import (
	"reflect"
	"testing"

	"github.com/quangngai/chitieu/domain"
)

// A plan is cited by its document without the catalogue's notes, with "về việc ban
// hành" for a decision; recipients are kept as words (the report writes "- " and ";").
func TestPlanCitationAndRecipients(t *testing.T) {
	qd := domain.Plan{Code: "QD998-2021", NameVI: "Kế hoạch phát triển công nghiệp tỉnh Quảng Ngãi giai đoạn 2021-2025",
		Document: "Quyết định số 998/QĐ-UBND ngày 07/7/2021 của Chủ tịch UBND tỉnh (chưa tìm thấy mục tiêu trong nguồn công khai; quản trị viên sẽ nạp)"}
	if got, want := PlanCitation(qd), "Quyết định số 998/QĐ-UBND ngày 07/7/2021 của Chủ tịch UBND tỉnh về việc ban hành Kế hoạch phát triển công nghiệp tỉnh Quảng Ngãi giai đoạn 2021-2025"; got != want {
		t.Errorf("citation %q, want %q", got, want)
	}
	nq := domain.Plan{NameVI: "Nghị quyết Đại hội (2025-2030)", Document: "Nghị quyết Đại hội đại biểu Đảng bộ tỉnh Quảng Ngãi lần thứ I nhiệm kỳ 2025-2030"}
	if got := PlanCitation(nq); got != nq.Document {
		t.Errorf("resolution cited as %q", got)
	}
	got := Lines("- Như trên;\r\n  Văn phòng UBND tỉnh; |Lưu: VT, QLCN./.\n\n", recipient)
	if want := []string{"Như trên", "Văn phòng UBND tỉnh", "Lưu: VT, QLCN"}; !reflect.DeepEqual(got, want) {
		t.Errorf("recipients %q, want %q", got, want)
	}
	if y := domain.ResolveYear("Kế hoạch năm {{năm sau}} (báo cáo năm {{năm}})", 2026); y != "Kế hoạch năm 2027 (báo cáo năm 2026)" {
		t.Errorf("resolved %q", y)
	}
}
