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

	// The dashboard's refusals of a request (dashboard/*.go, as *domain.Error).
	"http.lines":             {"%v", "%v"},
	"http.said":              {"%v", "%v"},
	"http.line.at":           {"dòng %d: %v", "line %d: %v"},
	"http.csrf":              {"Biểu mẫu đã hết hạn hoặc không hợp lệ. Vui lòng tải lại trang rồi thử lại.", "The form has expired or is not valid. Please reload the page and try again."},
	"http.encoding":          {"Địa chỉ hoặc biểu mẫu chứa ký tự không hợp lệ (không phải UTF-8).", "The address or form contains invalid characters (not UTF-8)."},
	"http.agency.denied":     {"Tài khoản của bạn không được gửi số liệu cho đơn vị %s.", "Your account may not report for agency %s."},
	"http.agency.none":       {"Chưa chọn đơn vị báo cáo.", "No reporting agency chosen."},
	"http.agency.badcode":    {"Mã đơn vị %q không hợp lệ.", "Agency code %q is not valid."},
	"http.agency.unknown":    {"Không có đơn vị mã %q.", "There is no agency with code %q."},
	"http.password.limited":  {"Quá nhiều lần nhập sai mật khẩu; vui lòng thử lại sau 15 phút.", "Too many wrong passwords; try again in 15 minutes."},
	"http.password.wrong":    {"Mật khẩu hiện tại không đúng.", "The current password is wrong."},
	"http.year.invalid":      {"Năm không hợp lệ.", "Invalid year."},
	"http.year.none":         {"Chưa nhập năm báo cáo.", "No reporting year given."},
	"http.year.bad":          {"Năm %q không hợp lệ: ghi năm bằng 4 chữ số, ví dụ 2024.", "Year %q is not valid: write 4 digits, e.g. 2024."},
	"http.flag.bad":          {"Giá trị %q không hợp lệ (dùng true hoặc false).", "Value %q is not valid (use true or false)."},
	"http.file.none":         {"Chưa chọn tệp số liệu (.xlsx, .csv hoặc .json).", "No file chosen (.xlsx, .csv or .json)."},
	"http.file.unreadable":   {"Không đọc được tệp đã gửi; vui lòng gửi lại.", "The file sent could not be read; please send it again."},
	"http.upload.form":       {"Gửi tệp dạng multipart/form-data (trường file) hoặc gửi nội dung JSON/CSV làm thân yêu cầu.", "Send the file as multipart/form-data (field file) or the JSON/CSV itself as the request body."},
	"http.upload.notkept":    {"Tệp này không được lưu (ví dụ vì vượt giới hạn dung lượng).", "This file was not kept (for example because it exceeded the size limit)."},
	"http.upload.notdry":     {"Chỉ xác nhận được một bản xem trước.", "Only a preview can be confirmed."},
	"http.ingest.off":        {"Chức năng gửi số liệu chưa được bật trên máy chủ này.", "Uploads are not enabled on this server."},
	"http.adminload.off":     {"Chức năng cập nhật danh mục chưa được bật trên máy chủ này.", "Catalogue updates are not enabled on this server."},
	"http.catalogue.kind":    {"Chọn loại danh mục: chỉ tiêu, khu hoặc đơn vị.", "Choose a catalogue: indicators, zones or agencies."},
	"http.pdf.nochromium":    {"Máy chủ chưa cài Chromium nên chưa xuất được PDF. Hãy dùng nút In của trình duyệt (chọn “Lưu thành PDF”), hoặc nhờ quản trị cài gói chromium (CHITIEU_CHROMIUM).", "Chromium is not installed on the server, so PDF export is unavailable. Use the browser's Print button (Save as PDF), or ask the administrator to install chromium (CHITIEU_CHROMIUM)."},
	"http.letter.none":       {"Chưa chọn tệp công văn (.docx, .doc, PDF hoặc ảnh quét).", "No letter file (.docx, .doc, PDF or scan) chosen."},
	"http.letter.unreadable": {"Không đọc được thư: %s", "The letter could not be read: %s"},
	"http.letter.errors":     {"Tệp còn lỗi; sửa tệp rồi gửi lại.", "The file still has errors; fix it and send it again."},
	"http.letter.nosigner":   {"Tệp không ghi người ký (dòng \"Người ký: …\"); lưu nháp rồi điền trên biểu mẫu.", "The file names no signer (\"Người ký: …\"); save a draft and fill it in on the form."},
	// The nil report form's problems (dashboard/nilreport_submit.go).
	"http.nil.year":     {"Năm %q không hợp lệ.", "Year %q is not valid."},
	"http.nil.date":     {"Ngày công văn %q không hợp lệ; ghi DD/MM/YYYY.", "Letter date %q is not valid; write DD/MM/YYYY."},
	"http.nil.toolong":  {"%v dài quá %d ký tự.", "%v is longer than %d characters."},
	"http.nil.letterno": {"Số công văn", "The letter number"},
	"http.nil.signer":   {"Tên người ký", "The signer"},
	"http.nil.note":     {"Ghi chú", "The note"},
	// The written answer's form (/report/Y/answer/A): field labels stay the form's Vietnamese.
	"http.ans.nosigner": {"Thiếu người ký công văn.", "The letter's signer is missing."},
	"http.ans.toolong":  {"%s dài quá %d ký tự.", "%s is longer than %d characters."},
	"http.ans.percent":  {"Tỷ lệ hoàn thành của %s phải từ 0 đến 100, không phải %q.", "Percent done of %s must be from 0 to 100, not %q."},
	"http.ans.docdate":  {"Ngày văn bản %q không hợp lệ; ghi DD/MM/YYYY.", "Document date %q is not valid; write DD/MM/YYYY."},
	"http.ans.notitle":  {"Chính sách dòng %d thiếu trích yếu.", "Policy row %d has no title."},
	"http.ans.status":   {"Chính sách dòng %d: tình trạng phải là dự thảo, đã trình hoặc đã ban hành.", "Policy row %d: the status must be drafted, submitted or issued."},
	"http.ans.target": {"Chỉ tiêu năm %d của %s không đọc được là số: %q (viết như 7,5 hoặc 1.234,5; \"1.234\" một mình không rõ là nghìn hay thập phân).",
		"The %d target of %s is not a number: %q (write 7,5 or 1.234,5; a lone \"1.234\" could be thousands or decimals)."},
	// An admin form's or file's problems (dashboard/admin_parse.go), one per line.
	"http.field.missing":  {"thiếu %s.", "missing %s."},
	"http.field.year":     {"%s phải là năm (ví dụ 2025), không phải %q.", "%s must be a year such as 2025, not %q."},
	"http.field.code":     {"%s chỉ gồm chữ không dấu, số, _ - . (tối đa 64): %q.", "%s may hold only letters a-z, digits, _ - . (64 at most): %q."},
	"http.plan.period":    {"Năm bắt đầu sau năm kết thúc.", "The period starts after it ends."},
	"http.outline.choose": {"chọn đề cương hoặc nhập hạn gửi.", "choose an outline or type a deadline."},
	"http.outline.item":   {"cần số mục và tiêu đề.", "needs a number and a title."},
	"http.outline.kind":   {"loại %q không hợp lệ (heading, figures, narrative, projects, policies).", "kind %q is not valid."},
	"http.outline.repeat": {"mục %s trùng.", "item %s repeated."},
	"http.outline.empty":  {"đề cương không có mục nào.", "the outline has no items."},
}

func init() {
	for k, v := range httpMessages {
		messages[k] = v
	}
}
