package locale

// letterMessages: the preview of an uploaded reply letter, paragraph by paragraph.
var letterMessages = map[string][2]string{
	"let.paras":          {"Từng đoạn của thư", "Every paragraph of the letter"},
	"let.paras.lead":     {"Mỗi đoạn ở đúng một trạng thái, kèm lý do. Có thể chuyển một đoạn sang mục khác, chọn dự án hay tình trạng văn bản trước khi xác nhận; lựa chọn được lưu cùng phiên bản.", "Each paragraph is in exactly one state, with the reason. You may move a paragraph to another item, or choose a project or a document status, before confirming; the choices are kept with the version."},
	"let.state.placed":   {"Đã xếp", "Placed"},
	"let.state.warned":   {"Đã xếp, có cảnh báo", "Placed, with a warning"},
	"let.state.left-out": {"Bỏ qua (đầu thư, lời kết, chữ ký)", "Left out (letterhead, closing, signature)"},
	"let.state.unplaced": {"Chưa xếp", "Not placed"},
	"let.col.para":       {"Đoạn", "Paragraph"},
	"let.col.state":      {"Trạng thái", "State"},
	"let.col.text":       {"Nội dung", "Text"},
	"let.col.item":       {"Mục", "Item"},
	"let.col.why":        {"Lý do", "Why"},
	"let.col.move":       {"Chuyển / chọn", "Move / choose"},
	"let.keep":           {"— giữ như đã đọc —", "— keep as read —"},
	"let.format":         {"Dạng tệp", "File form"},
	"let.signature":      {"Chữ ký số", "Digital signature"},
	"let.nil":            {"Thư báo đơn vị không được giao nhiệm vụ: có thể nộp là báo cáo không (nil report).", "The letter says the agency has no such task: it can be filed as a nil report."},
	"let.nil.submit":     {"Nộp báo cáo không (không được giao nhiệm vụ)", "File a nil report (no assigned task)"},
	"let.repreview":      {"Xem lại với các lựa chọn", "Preview again with these choices"},
	"let.moved":          {"đã chuyển", "moved"},
}

func init() {
	for k, v := range letterMessages {
		if _, dup := messages[k]; !dup {
			messages[k] = v
		}
	}
}
