package locale

// ruleMessages: the broken rules of the use cases (domain.Error keys), worded as
// they were when each use case carried its own pair.
var ruleMessages = map[string][2]string{
	// accounts
	"rule.acc.nouser":        {"Không có tài khoản %s.", "No such user: %s."},
	"rule.acc.passwordshort": {"Mật khẩu phải dài ít nhất %d ký tự.", "The password must be at least %d characters long."},
	"rule.acc.passwordlong":  {"Mật khẩu dài quá %d byte.", "The password is longer than %d bytes."},
	"rule.acc.role":          {"Vai trò không hợp lệ: viewer, analyst hoặc admin.", "Invalid role: viewer, analyst or admin."},
	"rule.acc.namelong":      {"Họ tên dài quá %d ký tự.", "The name is longer than %d characters."},
	"rule.acc.analystagency": {"Chuyên viên phải gắn với ít nhất một đơn vị.", "An analyst must be bound to at least one agency."},
	"rule.acc.noagency":      {"Không có đơn vị %s trong danh mục.", "No agency %s in the catalogue."},
	"rule.acc.username": {"Tên đăng nhập gồm 2–64 chữ thường không dấu, số, . _ - (bắt đầu bằng chữ hoặc số).",
		"The username takes 2–64 lower-case letters, digits, . _ - (starting with a letter or digit)."},
	"rule.acc.selfdisable":     {"Bạn không thể tự khoá tài khoản của mình.", "You cannot disable your own account."},
	"rule.acc.selfdemote":      {"Bạn không thể tự bỏ quyền quản trị của mình.", "You cannot remove your own admin role."},
	"rule.acc.lastadmin":       {"%s là quản trị viên cuối cùng còn hoạt động.", "%s is the last enabled admin."},
	"rule.acc.taken":           {"Tên đăng nhập %s đã có.", "The username %s is taken."},
	"rule.acc.passwordsdiffer": {"Hai lần nhập mật khẩu mới không khớp.", "The two new passwords differ."},

	// reporting: rounds, outlines, SCT's synthesis
	"rule.rep.year":            {"Năm báo cáo không hợp lệ.", "The reporting year is not valid."},
	"rule.rep.noitem":          {"Đề cương %s không có mục %s.", "Outline %s has no item %s."},
	"rule.rep.itemlong":        {"Nội dung mục %s dài %d ký tự, quá %d.", "Item %s is %d characters long, over %d."},
	"rule.rep.deadline":        {"Cần hạn gửi báo cáo.", "The deadline is required."},
	"rule.rep.date":            {"%s %q không hợp lệ; ghi DD/MM/YYYY.", "%[1]s is not a valid date."},
	"rule.rep.deadlinelabel":   {"Hạn gửi", "The deadline"},
	"rule.rep.letterdatelabel": {"Ngày công văn", "The letter date"},
	"rule.rep.nooutline":       {"Không có đề cương %s.", "No outline %s."},
	"rule.rep.copyfailed":      {"Không chép được đề cương: %s", "%s"},
	"rule.rep.noplan":          {"Không có kế hoạch %s.", "No plan %s."},
}

func init() {
	for k, v := range ruleMessages {
		messages[k] = v
	}
}
