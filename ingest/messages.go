package ingest

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/quangngai/chitieu/queries"
)

// message is one error's text: what is wrong and what to do, Vietnamese first.
// Templates take the arguments given to problem() in order.
type message struct{ vi, en, hintVI, hintEN string }

var messages = map[string]message{
	// The file as a whole.
	"file_empty":            {"Tệp rỗng.", "The file is empty.", "Chọn đúng tệp đã điền số liệu.", "Choose the file you filled in."},
	"file_too_large":        {"Tệp lớn hơn giới hạn %s.", "The file is larger than the %s limit.", "Chia tệp thành nhiều tệp nhỏ hơn hoặc liên hệ quản trị.", "Split the file or ask an administrator."},
	"file_too_many_rows":    {"Tệp có hơn %d dòng số liệu.", "The file has more than %d figure rows.", "Chia tệp thành nhiều tệp nhỏ hơn.", "Split the file into smaller ones."},
	"file_xls":              {"Đây là tệp Excel 97-2003 (.xls) hoặc tệp có đặt mật khẩu, hệ thống không đọc được.", "This is an Excel 97-2003 (.xls) file or a password-protected file, which cannot be read.", "Mở tệp trong Excel, bỏ mật khẩu nếu có, chọn Lưu thành (Save As) → Sổ làm việc Excel (.xlsx).", "Open it in Excel, remove any password, and Save As an Excel Workbook (.xlsx)."},
	"file_corrupt":          {"Tệp .xlsx bị hỏng hoặc không đầy đủ (%s).", "The .xlsx file is damaged or incomplete (%s).", "Mở và lưu lại tệp trong Excel hoặc LibreOffice rồi tải lên lần nữa.", "Open and save the file again in Excel or LibreOffice, then upload it again."},
	"file_zip_bomb":         {"Tệp .xlsx giải nén ra quá lớn (vượt %s) — có thể là tệp độc hại.", "The .xlsx file unpacks to more than %s — it may be malicious.", "Chỉ tải lên tệp mẫu đã điền số liệu.", "Upload only the filled-in template."},
	"file_binary":           {"Không nhận ra định dạng tệp (không phải .xlsx, CSV hay JSON).", "Unrecognised file format (not .xlsx, CSV or JSON).", "Dùng tệp mẫu .xlsx hoặc tệp CSV UTF-8 theo hướng dẫn.", "Use the .xlsx template or a UTF-8 CSV as documented."},
	"file_not_utf8":         {"Tệp văn bản không phải mã UTF-8 hay Windows-1258 (dòng %d); có thể là bảng mã VNI hoặc TCVN3.", "The text file is neither UTF-8 nor Windows-1258 encoded (line %d); it may be VNI or TCVN3.", "Chuyển văn bản sang Unicode (ví dụ Unikey → Công cụ chuyển mã), rồi trong Excel chọn Lưu thành → \"CSV UTF-8 (Comma delimited)\".", "Convert the text to Unicode (e.g. Unikey's converter), then in Excel choose Save As → \"CSV UTF-8 (Comma delimited)\"."},
	"file_tcvn3":            {"Tệp CSV có vẻ dùng bảng mã TCVN3 (ABC, phông .Vn…) — chữ có dấu sẽ bị đọc sai (ví dụ \"%s\").", "The CSV file looks TCVN3 (ABC, .Vn fonts) encoded — accented letters would be misread (e.g. \"%s\").", "Chuyển sang Unicode bằng Unikey (Công cụ chuyển mã: nguồn TCVN3 (ABC), đích Unicode), rồi trong Excel chọn Lưu thành → \"CSV UTF-8 (Comma delimited)\".", "Convert it to Unicode with Unikey's converter (source TCVN3 (ABC), target Unicode), then in Excel choose Save As → \"CSV UTF-8 (Comma delimited)\"."},
	"file_ods":              {"Tệp .ods (%[2]s): hãy lưu lại dưới dạng .xlsx.", "An .ods file (%[3]s): save it as .xlsx.", "Trong LibreOffice Calc chọn Tệp → Lưu thành… → kiểu tệp \"Excel 2007-365 (.xlsx)\", rồi tải tệp .xlsx lên.", "In LibreOffice Calc choose File → Save As… → file type \"Excel 2007-365 (.xlsx)\", then upload the .xlsx file."},
	"file_zip_document":     {"Tệp %[1]s là %[2]s, không phải bảng tính .xlsx.", "This %[1]s file is %[3]s, not an .xlsx workbook.", "Điền số liệu vào tệp mẫu .xlsx tải từ hệ thống (hoặc tệp CSV UTF-8) rồi tải lên.", "Fill in the .xlsx template downloaded from the system (or a UTF-8 CSV) and upload that."},
	"file_too_many_strings": {"Tệp có quá nhiều ô/chuỗi để xử lý: hơn %d chuỗi văn bản khác nhau.", "The file has too many cells/strings to process: more than %d distinct text strings.", "Chỉ giữ trang số liệu theo tệp mẫu; xóa các trang và vùng không cần, hoặc chia thành nhiều tệp.", "Keep only the template's data sheet; delete other sheets and unused ranges, or split the file."},
	"file_too_many_cells":   {"Tệp có quá nhiều ô/chuỗi để xử lý: hơn %d ô.", "The file has too many cells/strings to process: more than %d cells.", "Chỉ giữ trang số liệu theo tệp mẫu; xóa các trang và vùng không cần, hoặc chia thành nhiều tệp.", "Keep only the template's data sheet; delete other sheets and unused ranges, or split the file."},
	"server_busy":           {"Hệ thống đang xử lý các tệp khác, vui lòng chờ: tệp này chưa được đọc và không có gì được ghi.", "The system is processing other files, please wait: this file was not read and nothing was written.", "Gửi lại tệp sau ít phút.", "Send the file again in a few minutes."},
	"upload_busy":           {"%[1]s", "%[2]s", "Gửi lại tệp khi tệp kia đã ghi xong; nếu máy gửi tệp kia đã tắt, sau 30 giây là gửi được.", "Send the file again once the other one is written; if the machine that sent it is gone, 30 seconds is enough."},
	"file_timeout":          {"Xử lý tệp quá thời gian cho phép.", "Processing the file took too long.", "Chia tệp thành nhiều tệp nhỏ hơn.", "Split the file into smaller ones."},
	"file_internal":         {"Hệ thống gặp lỗi khi đọc tệp này (mã tra cứu %s); không có số liệu nào được ghi.", "The system failed while reading this file (reference %s); nothing was written.", "Mở và lưu lại tệp rồi tải lên lần nữa; nếu vẫn lỗi, gửi tệp và mã tra cứu cho quản trị.", "Save the file again and retry; if it still fails, send the file and the reference to an administrator."},
	"sheet_missing":         {"Không tìm thấy trang tính số liệu (trang \"Chỉ tiêu\" hoặc trang có hàng tiêu đề \"Mã chỉ tiêu\"). Các trang có: %s.", "No data sheet found (a sheet \"Chỉ tiêu\" or one with a \"Mã chỉ tiêu\" header row). Sheets: %s.", "Dùng tệp mẫu tải từ hệ thống; không đổi tên trang \"Chỉ tiêu\".", "Use the downloaded template; do not rename the \"Chỉ tiêu\" sheet."},
	"header_missing":        {"Không tìm thấy hàng tiêu đề (cần các cột Mã chỉ tiêu, Mã phạm vi, Giá trị).", "No header row found (columns Mã chỉ tiêu, Mã phạm vi, Giá trị are required).", "Giữ nguyên hàng tiêu đề của tệp mẫu; với CSV, dòng đầu phải là: indicator,scope,agency,year,value,unit,status,source,note.", "Keep the template's header row; a CSV's first line must be: indicator,scope,agency,year,value,unit,status,source,note."},
	"column_missing":        {"Thiếu cột \"%s\" ở hàng tiêu đề.", "Column \"%s\" is missing from the header row.", "Giữ nguyên các cột của tệp mẫu, không gộp (merge) ô tiêu đề.", "Keep the template's columns and do not merge header cells."},
	"column_repeated":       {"Cột \"%s\" xuất hiện hai lần ở hàng tiêu đề.", "Column \"%s\" appears twice in the header row.", "Xóa cột thừa.", "Remove the extra column."},
	"csv_syntax":            {"Lỗi cú pháp CSV: %s.", "CSV syntax error: %s.", "Kiểm tra dấu ngoặc kép; lưu lại tệp bằng Excel hoặc LibreOffice dạng CSV UTF-8.", "Check the double quotes; save the file again as UTF-8 CSV."},
	"csv_field_count":       {"Dòng có %d cột, hàng tiêu đề có %d cột.", "The line has %d fields, the header has %d.", "Nếu giá trị có dấu phân cách, đặt nó trong ngoặc kép.", "Put values that contain the separator in double quotes."},
	"json_syntax":           {"JSON không hợp lệ: %s.", "Invalid JSON: %s.", "Gửi một đối tượng {\"agency\", \"year\", \"figures\": [...]} theo tài liệu API.", "Send an object {\"agency\", \"year\", \"figures\": [...]} as documented."},

	// Who and when.
	"agency_missing":  {"Không xác định được đơn vị báo cáo.", "The reporting agency is not given.", "Điền mã đơn vị ở ô \"Mã đơn vị\" của tệp mẫu, cột agency của CSV, hoặc dùng --agency.", "Fill the template's agency cell, the CSV's agency column, or pass --agency."},
	"agency_unknown":  {"Không có đơn vị mã \"%s\".", "There is no agency with code \"%s\".", "Dùng mã đơn vị trong danh mục (ví dụ BQL, CTK, SCT).", "Use an agency code from the catalogue (e.g. BQL, CTK, SCT)."},
	"agency_mismatch": {"Tệp ghi đơn vị \"%s\" nhưng người tải lên thuộc đơn vị \"%s\".", "The file names agency \"%s\" but the uploader belongs to \"%s\".", "Mỗi đơn vị chỉ tải lên số liệu của mình; kiểm tra lại mã đơn vị.", "Each agency uploads only its own figures; check the agency code."},
	"agency_inactive": {"Đơn vị \"%s\" không hoạt động trong năm %d (đã sáp nhập vào \"%s\").", "Agency \"%s\" did not exist in %d (merged into \"%s\").", "Báo cáo dưới mã đơn vị kế nhiệm.", "Report under the successor agency's code."},
	"year_missing":    {"Không xác định được năm báo cáo.", "The reporting year is not given.", "Điền năm ở ô \"Năm\" của tệp mẫu, cột year của CSV, hoặc dùng --year.", "Fill the template's year cell, the CSV's year column, or pass --year."},
	"year_invalid":    {"Năm \"%s\" không hợp lệ.", "Year \"%s\" is not valid.", "Ghi năm bằng 4 chữ số, ví dụ 2024.", "Write the year with 4 digits, e.g. 2024."},
	"year_range":      {"Năm %d nằm ngoài thời kỳ các kế hoạch (%d–%d).", "Year %d is outside the plans' period (%d–%d).", "Kiểm tra lại năm báo cáo.", "Check the reporting year."},
	"year_mismatch":   {"Dòng ghi năm %d nhưng tệp/lệnh tải lên ghi năm %d.", "The row says %d but the upload is for %d.", "Sửa năm cho thống nhất hoặc bỏ --year.", "Make the years agree or drop --year."},

	// Codes and catalogue.
	"indicator_missing": {"Dòng có giá trị nhưng thiếu mã chỉ tiêu.", "The row has a value but no indicator code.", "Không xóa cột mã chỉ tiêu của tệp mẫu.", "Do not clear the template's indicator codes."},
	"indicator_unknown": {"Không có chỉ tiêu mã \"%s\".", "There is no indicator with code \"%s\".", "Dùng mã chỉ tiêu trong tệp mẫu tải từ hệ thống.", "Use the indicator codes of the downloaded template."},
	"scope_missing":     {"Dòng có giá trị nhưng thiếu mã khu/phạm vi.", "The row has a value but no zone or scope code.", "Ghi mã khu (ví dụ VSIP1) hoặc phạm vi (province_new, zones_bql).", "Give a zone code (e.g. VSIP1) or a scope (province_new, zones_bql)."},
	"scope_unknown":     {"Không có khu hoặc phạm vi mã \"%s\".", "There is no zone or scope with code \"%s\".", "Dùng mã khu/phạm vi trong tệp mẫu tải từ hệ thống.", "Use the zone and scope codes of the downloaded template."},
	"scope_inactive":    {"Khu/phạm vi \"%s\" không tồn tại trong năm %d.", "Zone or scope \"%s\" did not exist in %d.", "Với năm 2025 trở đi dùng province_new thay cho province_old khi số liệu là của tỉnh mới.", "From 2025 use province_new instead of province_old for the merged province."},
	"not_assigned":      {"Đơn vị \"%s\" không được phân công báo cáo chỉ tiêu \"%s\" cho \"%s\".", "Agency \"%s\" is not assigned to report \"%s\" for \"%s\".", "Chỉ điền các dòng có trong tệp mẫu của đơn vị; nếu phân công đã thay đổi, liên hệ Sở Công Thương.", "Fill only the rows of your agency's template; if the assignment changed, contact the Department of Industry and Trade."},
	"unit_mismatch":     {"Đơn vị tính \"%s\" khác đơn vị của chỉ tiêu (\"%s\").", "Unit \"%s\" differs from the indicator's unit (\"%s\").", "Quy đổi số liệu sang \"%s\" (ví dụ triệu đồng → tỷ đồng chia 1.000).", "Convert the figure to \"%s\" (e.g. million VND → billion VND: divide by 1,000)."},
	"status_invalid":    {"Trạng thái \"%s\" không hợp lệ.", "Status \"%s\" is not valid.", "Chọn trong danh sách: Thực hiện, Ước thực hiện, Sơ bộ (actual, estimate, preliminary).", "Pick from the list: actual, estimate, preliminary."},
	"duplicate_figure":  {"Số liệu này (chỉ tiêu \"%s\", \"%s\", năm %d) đã có ở %s.", "This figure (indicator \"%s\", \"%s\", year %d) already appears at %s.", "Giữ lại một dòng, xóa dòng trùng.", "Keep one row and delete the duplicate."},

	// Values.
	"not_a_number":     {"\"%s\" không phải là số.", "\"%s\" is not a number.", "Ghi số như 7,5 hoặc 1.234,56; để trống nếu chưa có, ghi \"-\" nếu không có số liệu.", "Write a number such as 7,5 or 1.234,56; leave empty if not yet known, \"-\" if there is no figure."},
	"ambiguous_number": {"Không rõ \"%s\" là %s hay %s: cột này không có số nào khác cho biết cách viết dấu thập phân.", "\"%s\" could be %s or %s: nothing else in this column shows which decimal mark is used.", "Ghi rõ: 1.234,0 hoặc 1234 nếu là một nghìn hai trăm ba mươi tư; 1,234 theo kiểu Việt Nam nếu là một phẩy hai ba bốn.", "Be explicit: 1.234,0 or 1234 for one thousand two hundred thirty-four; 1,234 the Vietnamese way for one point two three four."},
	"mixed_convention": {"Không rõ \"%s\": cột này vừa có số viết kiểu Việt Nam (1.234,5) vừa có số viết kiểu quốc tế (1,234.5).", "\"%s\" is unclear: this column mixes Vietnamese (1.234,5) and international (1,234.5) number writing.", "Viết tất cả số theo một kiểu, ưu tiên kiểu Việt Nam: dấu phẩy là dấu thập phân.", "Write every number one way, preferably Vietnamese: comma as the decimal mark."},
	"json_null_value":  {"Giá trị %s không rõ nghĩa.", "The value %s is ambiguous.", "Bỏ hẳn trường \"value\" (hoặc cả dòng) nếu chưa có số; ghi \"-\" để rút số liệu đã gửi.", "Leave out \"value\" (or the whole figure) if it is not yet known; write \"-\" to withdraw a figure sent before."},
	"number_too_large": {"Số \"%s\" quá lớn.", "Number \"%s\" is too large.", "Kiểm tra lại đơn vị tính và giá trị.", "Check the unit and the value."},
	"bad_digit_groups": {"\"%s\" có nhóm chữ số sai (nhóm nghìn phải đủ 3 chữ số).", "\"%s\" has malformed digit groups (thousands groups have 3 digits).", "Ghi ví dụ 1.234.567,8 hoặc 1234567,8.", "Write e.g. 1.234.567,8 or 1234567,8."},
	"date_not_number":  {"Ô chứa ngày tháng (%s) thay vì số.", "The cell holds a date (%s) instead of a number.", "Đổi định dạng ô sang Số (Number) và nhập lại giá trị.", "Format the cell as Number and enter the value again."},
	"bool_not_number":  {"Ô chứa giá trị logic (%s) thay vì số.", "The cell holds a logical value (%s) instead of a number.", "Nhập giá trị số.", "Enter a number."},
	"formula_error":    {"Công thức trong ô bị lỗi (%s).", "The cell's formula gives an error (%s).", "Sửa công thức hoặc nhập trực tiếp giá trị số.", "Fix the formula or type the value."},
	"formula_no_value": {"Ô có công thức nhưng tệp không lưu kết quả tính.", "The cell has a formula but the file holds no computed result.", "Mở tệp trong Excel hoặc LibreOffice, để bảng tính tự tính lại, rồi lưu và tải lên.", "Open the file in Excel or LibreOffice, let it recalculate, save and upload again."},
	"share_range":      {"Tỷ lệ %s%% nằm ngoài khoảng 0–100.", "Share %s%% is outside 0–100.", "Tỷ lệ ghi theo phần trăm, ví dụ 68,4 (không ghi 0,684 trừ khi ô định dạng %%).", "Write shares in percent, e.g. 68.4 (not 0.684 unless the cell is formatted as %%)."},
	"negative_value":   {"Giá trị %s âm, nhưng chỉ tiêu \"%s\" không thể âm.", "Value %s is negative but indicator \"%s\" cannot be.", "Kiểm tra lại dấu của số liệu.", "Check the sign of the figure."},
	"not_integer":      {"Giá trị %s phải là số nguyên (chỉ tiêu \"%s\" đếm số lượng).", "Value %s must be a whole number (indicator \"%s\" is a count).", "Nhập số nguyên.", "Enter a whole number."},

	// Admin tables (catalogue, targets, assignments).
	"table_kind":              {"Chỉ nhận tệp .csv hoặc .xlsx.", "Only .csv or .xlsx files are accepted.", "Lưu bảng dưới dạng .xlsx hoặc CSV UTF-8.", "Save the table as .xlsx or UTF-8 CSV."},
	"table_kind_unknown":      {"Chọn loại danh mục: chỉ tiêu, khu hoặc đơn vị.", "Choose a catalogue: indicators, zones or agencies.", "", ""},
	"table_no_rows":           {"Tệp không có dòng dữ liệu nào dưới hàng tiêu đề.", "The file has no data rows under its header row.", "Dòng đầu là tiêu đề cột, mỗi dòng sau là một mục.", "The first row names the columns, each next row is one entry."},
	"table_columns":           {"Tệp thiếu cột %s (xem mẫu %s).", "The file lacks the column %s (see %s).", "Giữ tên cột như tệp mẫu; thứ tự cột không quan trọng.", "Keep the sample's column names; their order does not matter."},
	"table_required":          {"Thiếu %s.", "Missing %s.", "", ""},
	"table_code":              {"%s chỉ gồm chữ không dấu, số, _ - . (tối đa 64 ký tự): \"%s\".", "%s may hold only letters a-z, digits, _ - . (64 at most): \"%s\".", "", ""},
	"table_one_of":            {"%s phải là một trong %s; không phải \"%s\".", "%s must be one of %s, not \"%s\".", "", ""},
	"table_year":              {"%s phải là năm (ví dụ 2025), không phải \"%s\".", "%s must be a year such as 2025, not \"%s\".", "", ""},
	"table_date":              {"%s phải là ngày (01/07/2025 hoặc 2025-07-01), không phải \"%s\".", "%s must be a date (01/07/2025 or 2025-07-01), not \"%s\".", "", ""},
	"table_whole":             {"%s phải là số nguyên, không phải \"%s\".", "%s must be a whole number, not \"%s\".", "", ""},
	"table_unknown_indicator": {"Không có chỉ tiêu \"%s\" trong danh mục.", "There is no indicator \"%s\" in the catalogue.", "", ""},
	"table_unknown_scope":     {"Không có khu hoặc phạm vi \"%s\".", "There is no zone or scope \"%s\".", "", ""},
	"table_unknown_agency":    {"Không có đơn vị \"%s\" trong danh mục.", "There is no agency \"%s\" in the catalogue.", "", ""},
	"table_scope_pattern":     {"Phạm vi \"%s\" không phải mã phạm vi, mã khu hay mẫu zone:*, zone:EZ, zone:IP, zone:IC, province:*.", "Scope \"%s\" is not a scope or zone code, nor a pattern zone:*, zone:EZ, zone:IP, zone:IC, province:*.", "", ""},
	"table_plan_mismatch":     {"Kế hoạch \"%s\" khác kế hoạch đang sửa (%s).", "Plan \"%s\" is not the plan being edited (%s).", "Để trống cột plan hoặc ghi đúng mã kế hoạch.", "Leave the plan column empty or give this plan's code."},
	"table_period_order":      {"Năm bắt đầu %d sau năm kết thúc %d.", "The start year %d is after the end year %d.", "", ""},
	"table_bound_missing":     {"So sánh %s cần %s.", "Comparator %s needs %s.", "", ""},
	"table_min_max":           {"value_min (%s) lớn hơn value_max (%s).", "value_min (%s) is greater than value_max (%s).", "", ""},
	"table_duplicate":         {"\"%s\" trùng với %s.", "\"%s\" repeats %s.", "Giữ lại một dòng, xóa dòng trùng.", "Keep one row and delete the duplicate."},

	// Warnings.
	"value_rounded":     {"Giá trị \"%s\" được làm tròn đến 4 chữ số thập phân.", "Value \"%s\" was rounded to 4 decimals.", "", ""},
	"no_assignments":    {"Đơn vị \"%s\" chưa được phân công chỉ tiêu cụ thể; hệ thống chấp nhận chỉ tiêu cấp tỉnh.", "Agency \"%s\" has no assignments yet; province-wide figures are accepted.", "Sở Công Thương cập nhật phân công để tệp mẫu chỉ gồm các chỉ tiêu của đơn vị.", "The Department of Industry and Trade should record the agency's assignments."},
	"csv_windows1258":   {"Tệp CSV không ở mã UTF-8; hệ thống đã đọc theo bảng mã Windows-1258 (tiếng Việt), ví dụ \"%s\".", "The CSV file is not UTF-8; it was read as Windows-1258 (Vietnamese), e.g. \"%s\".", "Kiểm tra chữ có dấu trong bản xem trước; lần sau trong Excel chọn Lưu thành → \"CSV UTF-8 (Comma delimited)\".", "Check the accented text in the preview; next time choose Save As → \"CSV UTF-8 (Comma delimited)\" in Excel."},
	"hidden_rows":       {"Trang tính có %d dòng bị ẩn; số liệu ở các dòng này vẫn được đọc.", "The sheet has %d hidden rows; their figures are read too.", "Kiểm tra các dòng ẩn trước khi tải lên.", "Check hidden rows before uploading."},
	"nil_has_figures":   {"Đơn vị \"%s\" đã có %d số liệu năm %d; không thể báo cáo không được giao nhiệm vụ.", "Agency \"%s\" already has %d figures for %d; it cannot file a nil report.", "Nếu số liệu đã gửi là nhầm, đề nghị quản trị rút lại trước.", "If those figures were sent by mistake, ask an administrator to withdraw them first."},
	"letter_missing":    {"Thiếu %s của công văn.", "The letter's %s is missing.", "Ghi số, ngày và người ký của công văn báo cáo.", "Give the letter's number, date and signer."},
	"figures_after_nil": {"Đơn vị đã báo cáo không được giao nhiệm vụ cho năm %d; số liệu mới thay thế báo cáo đó.", "The agency had filed a nil report for %d; these figures replace it.", "", ""},
}

// problem builds a located error from the catalogue. value is the offending text.
func problem(code string, loc Location, value string, args ...any) queries.IngestError {
	m, ok := messages[code]
	if !ok {
		m = message{vi: code, en: code}
	}
	e := queries.IngestError{Code: code, Sheet: loc.Sheet, Cell: loc.Cell, Line: loc.Line, Column: loc.Column,
		Value: shorten(value), HintVI: m.hintVI, HintEN: m.hintEN}
	e.Location = loc.String()
	e.MessageVI, e.MessageEN = m.vi, m.en
	if len(args) > 0 {
		args = withoutRuntimeText(args)
		e.MessageVI = fmt.Sprintf(m.vi, args...)
		e.MessageEN = fmt.Sprintf(m.en, args...)
	}
	if strings.Contains(m.hintVI, "%s") && len(args) > 1 {
		e.HintVI = fmt.Sprintf(m.hintVI, args[len(args)-1])
		e.HintEN = fmt.Sprintf(m.hintEN, args[len(args)-1])
	} else {
		e.HintVI = strings.ReplaceAll(m.hintVI, "%%", "%")
		e.HintEN = strings.ReplaceAll(m.hintEN, "%%", "%")
	}
	return e
}

// withoutRuntimeText keeps a Go runtime error that a library let through (an error's
// text quoted in a message: "damaged or incomplete (%s)") out of what users read.
func withoutRuntimeText(args []any) []any {
	copied := false
	for i, a := range args {
		s, ok := a.(string)
		if ok && (strings.Contains(s, "runtime error") || strings.Contains(s, "goroutine ") || strings.Contains(s, "panic")) {
			if !copied {
				args, copied = append([]any(nil), args...), true
			}
			args[i] = "lỗi nội bộ / internal error"
		}
	}
	return args
}

// shorten keeps reports readable when a cell holds a whole paragraph or garbage.
func shorten(s string) string {
	const max = 80
	if len(s) <= max {
		return s
	}
	cut := max
	for cut > 0 && !utf8.RuneStart(s[cut]) {
		cut--
	}
	return s[:cut] + "…"
}

// Location is where a value sits: a sheet cell, a CSV line and column, or a JSON path.
type Location struct {
	Sheet  string
	Cell   string
	Line   int
	Column string
	Path   string
}

// String writes the location as the report shows it: 'Chỉ tiêu'!G7, dòng 12, cột "value".
func (l Location) String() string {
	switch {
	case l.Sheet != "" && l.Cell != "":
		return "'" + strings.ReplaceAll(l.Sheet, "'", "''") + "'!" + l.Cell
	case l.Sheet != "":
		return "'" + strings.ReplaceAll(l.Sheet, "'", "''") + "'"
	case l.Path != "":
		return l.Path
	case l.Line > 0 && l.Column != "":
		return fmt.Sprintf("dòng %d, cột %q", l.Line, l.Column)
	case l.Line > 0:
		return fmt.Sprintf("dòng %d", l.Line)
	}
	return ""
}
