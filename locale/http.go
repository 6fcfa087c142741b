package locale

// httpMessages: what the dashboard answers when a request fails for a reason other
// than a broken rule (dashboard/errors.go), Vietnamese first.
var httpMessages = map[string][2]string{
	"http.internal":    {"Đã có lỗi xảy ra, vui lòng thử lại.", "Something went wrong; please try again."},
	"http.notfound":    {"Không tìm thấy.", "Not found."},
	"http.building":    {"Đang tạo báo cáo, vui lòng thử lại sau ít giây.", "The report is being generated; please try again in a few seconds."},
	"http.readonly":    {"Hệ thống dữ liệu tạm thời chỉ cho đọc (mất liên lạc với ZooKeeper): chưa ghi được gì, vui lòng gửi lại sau ít phút.", "The data store is read-only for now (ZooKeeper is not answering): nothing was written; please send again in a few minutes."},
	"http.fewreplicas": {"Hệ thống dữ liệu đang thiếu bản sao, chưa ghi được gì: chưa đủ bản sao để lưu an toàn, vui lòng gửi lại sau ít phút.", "Too few database replicas are up to store this safely: nothing was written; please send again in a few minutes."},
	"http.unavailable": {"Hệ thống dữ liệu tạm thời không phản hồi, vui lòng thử lại sau ít phút.", "The data store is not responding for the moment; please try again in a few minutes."},
	"http.status404":   {"Không tìm thấy trang.", "Page not found."},
	"http.status403":   {"Bạn không có quyền truy cập.", "You do not have access."},
	"http.status401":   {"Vui lòng đăng nhập.", "Please sign in."},
	"http.status413":   {"Tệp quá lớn.", "The file is too large."},
	"http.status405":   {"Phương thức không được phép.", "Method not allowed."},
	"http.status429":   {"Quá nhiều yêu cầu, vui lòng thử lại sau.", "Too many requests; try again later."},
}

func init() {
	for k, v := range httpMessages {
		messages[k] = v
	}
}
