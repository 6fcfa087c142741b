package locale

// messages holds the interface text: Vietnamese first, English second.
var messages = map[string][2]string{
	"app.name":         {"Chỉ tiêu phát triển công nghiệp tỉnh Quảng Ngãi", "Quảng Ngãi industrial development indicators"},
	"nav.overview":     {"Tổng quan", "Overview"},
	"nav.projection":   {"Dự báo cuối kỳ", "Projection"},
	"nav.zones":        {"Các khu", "Zones"},
	"nav.reporting":    {"Tình hình báo cáo", "Reporting"},
	"nav.projects":     {"Dự án trọng điểm", "Key projects"},
	"nav.upload":       {"Gửi số liệu", "Upload figures"},
	"nav.admin":        {"Quản trị", "Admin"},
	"nav.signin":       {"Đăng nhập", "Sign in"},
	"nav.signout":      {"Đăng xuất", "Sign out"},
	"lang.switch":      {"English", "Tiếng Việt"},
	"overview.title":   {"Tổng quan thực hiện chỉ tiêu", "Indicator overview"},
	"common.source":    {"Nguồn", "Source"},
	"common.year":      {"Năm", "Year"},
	"common.value":     {"Giá trị", "Value"},
	"common.unit":      {"Đơn vị", "Unit"},
	"common.status":    {"Tình trạng", "Status"},
	"common.note":      {"Ghi chú", "Note"},
	"common.plan":      {"Kế hoạch", "Plan"},
	"common.target":    {"Mục tiêu", "Target"},
	"common.nodata":    {"Chưa có số liệu", "No data yet"},
	"common.dataasof":  {"Số liệu tính đến", "Data as of"},
	"common.synthetic": {"Cơ sở dữ liệu có chứa dữ liệu giả lập (không phải số liệu thật); các trang chỉ hiển thị số liệu thật.", "The database holds synthetic (not real) data; pages show real figures only."},
	"error.back":       {"Về trang tổng quan", "Back to the overview"},
}
