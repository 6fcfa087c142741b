package dashboard

import (
	"slices"
	"strings"
	"time"
)

// Template helpers of the account and admin pages.
func init() {
	templateFuncs["hasPrefix"] = strings.HasPrefix
	templateFuncs["hasString"] = func(list []string, s string) bool { return slices.Contains(list, s) }
	templateFuncs["auditTime"] = func(t time.Time) string {
		return t.In(vietnam).Format("02/01/2006 15:04:05")
	}
	// vnTime: every time shown is Vietnam time (the server and ClickHouse keep UTC).
	templateFuncs["vnTime"] = func(t time.Time) string {
		return t.In(vietnam).Format("02/01/2006 15:04")
	}
	templateFuncs["pageNext"] = func(p int) int { return p + 1 }
	templateFuncs["pagePrev"] = func(p int) int { return p - 1 }
}

// Interface text of sign-in, accounts and administration.
func init() {
	for k, v := range map[string][2]string{
		"signin.title":     {"Đăng nhập", "Sign in"},
		"signin.username":  {"Tên đăng nhập", "Username"},
		"signin.password":  {"Mật khẩu", "Password"},
		"signin.submit":    {"Đăng nhập", "Sign in"},
		"signin.failed":    {"Tên đăng nhập hoặc mật khẩu không đúng.", "Wrong username or password."},
		"signin.limited":   {"Đăng nhập sai quá nhiều lần. Vui lòng thử lại sau 15 phút.", "Too many failed sign-ins. Please try again in 15 minutes."},
		"signin.signedout": {"Bạn đã đăng xuất.", "You have signed out."},
		"signin.hint":      {"Chưa có tài khoản hoặc quên mật khẩu? Liên hệ quản trị viên tại Sở Công Thương.", "No account, or forgot your password? Ask the administrator at the Department of Industry and Trade."},

		"role.viewer":  {"Người xem", "Viewer"},
		"role.analyst": {"Chuyên viên đơn vị", "Agency analyst"},
		"role.admin":   {"Quản trị viên", "Administrator"},

		"account.title":    {"Tài khoản của tôi", "My account"},
		"account.password": {"Đổi mật khẩu", "Change password"},
		"account.current":  {"Mật khẩu hiện tại", "Current password"},
		"account.new":      {"Mật khẩu mới (ít nhất 10 ký tự)", "New password (10 characters or more)"},
		"account.confirm":  {"Nhập lại mật khẩu mới", "New password again"},
		"account.change":   {"Đổi mật khẩu", "Change password"},
		"account.saved":    {"Đã đổi mật khẩu. Các phiên đăng nhập khác đã kết thúc.", "Password changed. Your other sessions have ended."},
		"account.hint":     {"Đổi mật khẩu sẽ đăng xuất tài khoản này trên mọi máy khác.", "Changing the password signs this account out on every other computer."},

		"user.username": {"Tên đăng nhập", "Username"},
		"user.name":     {"Họ tên", "Name"},
		"user.role":     {"Vai trò", "Role"},
		"user.agencies": {"Đơn vị", "Agencies"},
		"user.state":    {"Trạng thái", "State"},
		"user.active":   {"Đang hoạt động", "Active"},
		"user.disabled": {"Đã khoá", "Disabled"},
		"user.created":  {"Tạo lúc", "Created"},
		"user.updated":  {"Sửa lần cuối", "Last changed"},

		"common.save":   {"Lưu", "Save"},
		"common.delete": {"Xoá", "Delete"},
		"common.back":   {"Quay lại", "Back"},

		"flash.created":  {"Đã tạo tài khoản.", "Account created."},
		"flash.saved":    {"Đã lưu.", "Saved."},
		"flash.deleted":  {"Đã xoá.", "Deleted."},
		"flash.loaded":   {"Đã nạp tệp.", "File loaded."},
		"flash.disabled": {"Đã khoá tài khoản; các phiên đăng nhập của tài khoản đã kết thúc.", "Account disabled; its sessions have ended."},
		"flash.enabled":  {"Đã mở khoá tài khoản.", "Account enabled."},

		"admin.users":                   {"Tài khoản", "Users"},
		"admin.users.about":             {"thêm, khoá, đặt lại mật khẩu, gắn đơn vị", "add, disable, reset passwords, bind agencies"},
		"admin.user":                    {"Tài khoản", "User"},
		"admin.user.add":                {"Thêm tài khoản", "Add a user"},
		"admin.user.password":           {"Mật khẩu (để trống để tạo tự động)", "Password (leave empty to generate one)"},
		"admin.user.password.hint":      {"Mật khẩu tạo tự động chỉ hiện một lần; hãy trao cho người dùng và đề nghị họ đổi ngay.", "A generated password is shown once; hand it over and ask the user to change it."},
		"admin.user.access":             {"Quyền truy cập", "Access"},
		"admin.user.disable":            {"Khoá tài khoản", "Disable the account"},
		"admin.user.enable":             {"Mở khoá tài khoản", "Enable the account"},
		"admin.user.reset":              {"Đặt lại mật khẩu", "Reset the password"},
		"admin.user.reset.hint":         {"Tạo mật khẩu mới dùng một lần và đăng xuất tài khoản trên mọi máy.", "Makes a new one-time password and signs the account out everywhere."},
		"admin.user.history":            {"Xem nhật ký của tài khoản này", "See this user's audit trail"},
		"admin.onetime":                 {"Mật khẩu dùng một lần", "One-time password"},
		"admin.onetime.hint":            {"Mật khẩu này chỉ hiện một lần. Hãy sao chép và trao cho người dùng ngay; người dùng nên đổi mật khẩu sau khi đăng nhập.", "This password is shown only once. Copy it and hand it over now; the user should change it after signing in."},
		"admin.catalogue":               {"Danh mục", "Catalogue"},
		"admin.catalogue.about":         {"chỉ tiêu, khu, đơn vị báo cáo", "indicators, zones, reporting agencies"},
		"admin.catalogue.indicators":    {"Chỉ tiêu", "Indicators"},
		"admin.catalogue.zones":         {"Khu kinh tế, khu công nghiệp, cụm công nghiệp", "Economic zones, industrial parks, clusters"},
		"admin.catalogue.agencies":      {"Đơn vị báo cáo", "Reporting agencies"},
		"admin.catalogue.kind":          {"Loại danh mục", "Catalogue"},
		"admin.catalogue.upload":        {"Nạp từ tệp CSV hoặc Excel", "Load from a CSV or Excel file"},
		"admin.catalogue.upload.hint":   {"Các cột như tệp data/indicators.csv, zones.csv, agencies.csv. Mã đã có sẽ được thay bằng dòng trong tệp; mã mới được thêm. Có một dòng sai thì không ghi gì.", "Columns as in data/indicators.csv, zones.csv, agencies.csv. Existing codes are replaced by the file's rows, new codes added. One bad row and nothing is written."},
		"admin.catalogue.save":          {"Thêm hoặc thay", "Add or replace"},
		"admin.catalogue.form.hint":     {"Nhập mã đã có để thay dòng đó.", "Type an existing code to replace that entry."},
		"admin.assignments":             {"Phân công báo cáo", "Reporting assignments"},
		"admin.assignments.about":       {"đơn vị nào báo cáo chỉ tiêu nào, cho phạm vi nào; nạp từ tệp", "which agency reports which indicator for which scope; load from a file"},
		"admin.assignments.filter":      {"Lọc", "Filter"},
		"admin.assignments.all":         {"Tất cả", "All"},
		"admin.assignments.none":        {"Không có phân công nào.", "No assignments."},
		"admin.assignments.count":       {"Số phân công", "Assignments"},
		"admin.assignment.add":          {"Thêm hoặc thay một phân công", "Add or replace an assignment"},
		"admin.assignment.hint":         {"Phạm vi là mã phạm vi hoặc mã khu, hoặc mẫu: zone:* (mọi khu), zone:EZ, zone:IP, zone:IC (mọi khu loại đó), province:* (mọi phạm vi cấp tỉnh). Chỉ tiêu * là mọi chỉ tiêu. Cùng đơn vị, chỉ tiêu và phạm vi thì thay ghi chú cũ.", "The scope is a scope or zone code, or a pattern: zone:* (every zone), zone:EZ, zone:IP, zone:IC (every zone of that type), province:* (every province scope). Indicator * is every indicator. The same agency, indicator and scope replace the earlier note."},
		"admin.assignments.upload":      {"Nạp phân công từ tệp CSV hoặc Excel", "Load assignments from a CSV or Excel file"},
		"admin.assignments.upload.hint": {"Các cột như ingest/assignments_seed.csv: agency, indicator, scope, note. Phân công đã có được giữ; dòng trùng khoá thì thay ghi chú. Có một dòng sai thì không ghi gì.", "Columns as in ingest/assignments_seed.csv: agency, indicator, scope, note. Existing assignments stay; a row with the same key replaces the note. One bad row and nothing is written."},
		"admin.plans":                   {"Kế hoạch và mục tiêu", "Plans and targets"},
		"admin.plans.about":             {"kế hoạch, mục tiêu theo chỉ tiêu; nạp mục tiêu từ tệp", "plans, targets per indicator; load targets from a file"},
		"admin.plan":                    {"Kế hoạch", "Plan"},
		"admin.plan.add":                {"Thêm hoặc sửa kế hoạch", "Add or edit a plan"},
		"admin.plan.document":           {"Văn bản", "Document"},
		"admin.plan.period":             {"Giai đoạn", "Period"},
		"admin.targets":                 {"Mục tiêu", "Targets"},
		"admin.targets.upload":          {"Nạp mục tiêu từ tệp CSV hoặc Excel", "Load targets from a CSV or Excel file"},
		"admin.targets.upload.hint":     {"Các cột như data/targets.csv: plan, indicator, scope, period_start, period_end, kind, comparator, value_min, value_max, unit, source. Cột plan để trống hoặc đúng mã kế hoạch này. Có một dòng sai thì không ghi gì.", "Columns as in data/targets.csv: plan, indicator, scope, period_start, period_end, kind, comparator, value_min, value_max, unit, source. The plan column is empty or this plan's code. One bad row and nothing is written."},
		"admin.targets.replace":         {"Xoá các mục tiêu không có trong tệp", "Delete targets missing from the file"},
		"admin.target.add":              {"Thêm hoặc thay một mục tiêu", "Add or replace a target"},
		"admin.target.hint":             {"Cùng chỉ tiêu, phạm vi và giai đoạn thì thay mục tiêu cũ. Số thập phân dùng dấu phẩy hoặc chấm (7,5 hoặc 7.5).", "The same indicator, scope and period replace the earlier target. Decimals take a comma or a point (7,5 or 7.5)."},
		"admin.audit":                   {"Nhật ký", "Audit trail"},
		"admin.audit.about":             {"ai làm gì, khi nào, từ đâu; xuất CSV", "who did what, when, from where; CSV export"},
		"admin.file":                    {"Tệp", "File"},
		"admin.load":                    {"Nạp tệp", "Load the file"},

		"audit.time":       {"Thời gian", "Time"},
		"audit.actor":      {"Người thực hiện", "Who"},
		"audit.action":     {"Hành động", "Action"},
		"audit.object":     {"Đối tượng", "Object"},
		"audit.agency":     {"Đơn vị", "Agency"},
		"audit.detail":     {"Chi tiết", "Detail"},
		"audit.from.where": {"Địa chỉ IP", "IP address"},
		"audit.text":       {"Tìm trong nội dung", "Search text"},
		"audit.from":       {"Từ ngày", "From"},
		"audit.to":         {"Đến ngày", "To"},
		"audit.filter":     {"Lọc", "Filter"},
		"audit.export":     {"Xuất CSV", "Export CSV"},
		"audit.newer":      {"Mới hơn", "Newer"},
		"audit.older":      {"Cũ hơn", "Older"},
	} {
		messages[k] = v
	}
}
