package locale

// roundMessages: the round's document on /admin/outlines and the outline editor
// /admin/outlines/CODE (issue 20), Vietnamese first.
var roundMessages = map[string][2]string{
	"ol.letter":           {"Công văn yêu cầu", "Request letter"},
	"ol.letterdate":       {"Ngày công văn", "Letter date"},
	"ol.deadlinecol":      {"Hạn gửi", "Deadline"},
	"ol.about":            {"Về việc", "Subject"},
	"ol.aboutplaceholder": {"báo cáo tình hình triển khai thực hiện … năm 2026", "report on carrying out … in 2026 (in Vietnamese)"},
	"ol.plan":             {"Kế hoạch đang có hiệu lực", "Plan in force"},
	"ol.plankeep":         {"— giữ nguyên / kế hoạch có hiệu lực năm báo cáo —", "— keep / the plan in force in the year —"},
	"ol.plancitation":     {"Trích dẫn văn bản kế hoạch (kể cả \"về việc\")", "Plan document citation (with its subject)"},
	"ol.citations":        {"Văn bản khác được trích dẫn (mỗi dòng một văn bản, kể cả \"về việc\")", "Other documents cited (one a line, with their subject)"},
	"ol.number":           {"Số báo cáo (để trống số)", "Report number (number left blank)"},
	"ol.signer":           {"Người ký", "Signer"},
	"ol.position":         {"Chức vụ người ký (mỗi dòng một dòng chữ ký)", "Signer's position (one line each)"},
	"ol.recipients":       {"Nơi nhận (mỗi dòng một nơi)", "Recipients (one a line)"},
	"ol.charts":           {"Biểu đồ mục I (phụ lục)", "Section I charts (annex)"},
	"ol.chartskeep":       {"— giữ nguyên (mặc định: không) —", "— keep (default: off) —"},
	"ol.chartson":         {"Có, in ở phụ lục", "On, printed in an annex"},
	"ol.chartsoff":        {"Không", "Off"},
	"ol.opentitle":        {"Mở kỳ báo cáo, văn bản của kỳ", "Open a round and set its document"},
	"ol.openhint": {"Ô để trống giữ nguyên giá trị của kỳ. Kỳ chưa có đề cương được mở từ đề cương mẫu, thay {{năm}} và {{năm sau}} bằng năm của kỳ. Báo cáo tổng hợp viết phần mở đầu, số, chữ ký và nơi nhận từ các ô này.",
		"An empty field keeps the round's value. A round without an outline opens from the template, with {{năm}} and {{năm sau}} replaced by the round's years. The consolidated report writes its introduction, number, signature and recipients from these fields."},
	"ol.outlinekeep":  {"— giữ nguyên / đề cương mẫu —", "— keep / the template —"},
	"ol.crumb":        {"Đề cương báo cáo", "Report outlines"},
	"ol.outlinetitle": {"Đề cương", "Outline"},
	"ol.edithint": {"Mỗi dòng một mục: số | loại | tiêu đề | chỉ tiêu | nhãn. Loại: heading, figures, narrative, projects, policies. Nhãn là cách đề cương đánh số mục khi in (\"-\", \"a)\"); để trống thì in theo số mục. {{năm}} và {{năm sau}} được thay khi mở kỳ. Sửa đề cương không làm thay đổi các báo cáo đã viết.",
		"One item a line: number | kind | title | indicators | label. Kinds: heading, figures, narrative, projects, policies. The label is the item's numbering as printed (\"-\", \"a)\"); empty prints the number. {{năm}} and {{năm sau}} (year, next year) are replaced when a round opens. Editing an outline does not change answers already written (each keeps the titles it was written under)."},
	"ol.edit":   {"Sửa", "Edit"},
	"ol.items":  {"Các mục", "Items"},
	"ol.vionly": {"Tiêu đề các mục là văn bản tiếng Việt của đề cương.", "Item titles are the outline's Vietnamese text."},
}

func init() {
	for k, v := range roundMessages {
		messages[k] = v
	}
}
