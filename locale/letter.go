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
	// A letter that cannot be read (letter.Error): what to do about it.
	"let.err.format": {"Tệp không phải thư Word (.docx, .doc), PDF hay ảnh quét.", "The file is not a Word letter (.docx, .doc), a PDF or a scanned image."},
	"let.err.zip":    {"Tệp không phải tệp Word .docx hợp lệ (không mở được phần nén).", "The file is not a valid Word .docx (its zip could not be opened)."},
	"let.err.nobody": {"Tệp nén không có phần văn bản Word (word/document.xml): không phải tệp .docx.", "The zip holds no Word body (word/document.xml): not a .docx file."},
	"let.err.open":   {"Không mở được nội dung tệp Word.", "The Word body could not be opened."},
	"let.err.xml":    {"Nội dung tệp Word bị hỏng (XML không đọc được).", "The Word body is damaged (unreadable XML)."},
	"let.err.bomb":   {"Tệp Word giải nén ra quá lớn (vượt %s) — có thể là tệp độc hại. Hãy lưu lại thư bằng Word hoặc gửi bản PDF.", "The Word file unpacks to more than %s — it may be malicious. Save the letter again in Word, or send the PDF."},
	"let.err.doc":    {"Tệp Word 97–2003 (.doc): không chuyển đổi được (%s). Hãy mở tệp trong Word, lưu thành .docx hoặc PDF rồi gửi lại.", "Word 97–2003 file (.doc): could not be converted (%s). Open it in Word, save it as .docx or PDF and send that."},
	"let.err.pdf":    {"Không đọc được tệp PDF (%s). Hãy xuất lại PDF từ Word hoặc gửi tệp .docx.", "The PDF could not be read (%s). Export it again from Word, or send the .docx."},
	"let.err.notext": {"Bản quét không nhận dạng được chữ nào. Hãy quét lại ở 300 dpi, trang thẳng, đủ sáng; hoặc gửi tệp .docx hay PDF gốc do Word xuất ra.", "No text could be recognised in the scan. Scan it again at 300 dpi, straight and well lit, or send the .docx or the PDF exported by Word."},
	"let.err.ocr":    {"Không nhận dạng được bản quét (%s). Kiểm tra đã cài tesseract-ocr và tesseract-ocr-vie; hoặc gửi tệp .docx hay PDF gốc.", "The scan could not be recognised (%s). Check that tesseract-ocr and tesseract-ocr-vie are installed, or send the .docx or the original PDF."},
	// What the reading did (letter.Note) and a signed PDF's signature line.
	"let.note.doc":       {"Tệp Word 97–2003 (.doc): đã chuyển đổi sang .docx để đọc.", "Word 97–2003 file (.doc): converted to .docx to be read."},
	"let.note.scan":      {"Bản quét: %d trang đã nhận dạng chữ (%.1f giây/trang). Mọi đoạn đều nhận dạng từ bản quét — kiểm tra lại.", "Scan: %d pages recognised (%.1f s a page). Every paragraph is recognised from a scan — check it."},
	"let.note.nosigner":  {"Không đọc được người ký trong thư; chữ ký số ghi: %s", "No signer could be read in the letter; the digital signature names %s"},
	"let.ocr.check":      {"nhận dạng từ bản quét — kiểm tra lại", "recognised from a scan — check it"},
	"let.para.problem":   {"Đoạn %d: %v", "Paragraph %d: %v"},
	"let.sig.invalid":    {"Ký số bởi %s — chữ ký KHÔNG hợp lệ: tệp đã bị sửa sau khi ký hoặc chữ ký hỏng", "Digitally signed by %s — the signature is NOT valid: the file changed after signing or the signature is damaged"},
	"let.sig.valid":      {"Ký số bởi %s — chữ ký hợp lệ", "Digitally signed by %s — valid signature"},
	"let.sig.unverified": {"Ký số bởi %s — chữ ký hợp lệ, chưa xác minh được chứng thư", "Digitally signed by %s — the signature matches the file; the certificate could not be verified"},
}

func init() {
	for k, v := range letterMessages {
		if _, dup := messages[k]; !dup {
			messages[k] = v
		}
	}
}
