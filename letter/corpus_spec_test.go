package letter

import (
	"fmt"
	"strings"
)

// The corpus of letters in testdata/letters: each written here once as a list of
// elements, rendered to .docx (Writer and Word), .doc, PDF, signed PDF and a scan by
// corpus_gen_test.go, with an answer key (NAME.key) saying where every paragraph belongs.

// el is one element of a letter. item is the answer: the outline item a content
// paragraph belongs to, "" for what is not content (letterhead, closing, signature).
type el struct {
	k     string // lh (letterhead table), p, h (heading), li, tbl, sig, sigtbl
	item  string
	text  string
	st    string     // "" plain, b bold, i italic, h1 h2 h3 Word heading styles
	rows  [][]string // tbl
	keys  []string   // tbl: per data row, the project code ("?" unknown) or the policy status
	left  []string   // lh, sigtbl: the left cell's lines
	right []string   // lh, sig, sigtbl: the right cell's lines
}

type spec struct {
	name   string
	form   string // writer, word, doc, pdf, signed, scan
	agency agency
	nil    bool
	els    []el
}

type agency struct {
	upper, short, sym, number, date, dateText, position, signer, authority string
}

func letterhead(a agency) el {
	return el{k: "lh", left: []string{"UBND TỈNH QUẢNG NGÃI", a.upper, "Số: " + a.number, "V/v báo cáo tình hình thực hiện các Chính sách và Kế hoạch phát triển công nghiệp năm 2023"},
		right: []string{"CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", a.dateText}}
}

func opening(a agency) []el {
	return []el{
		{k: "p", text: "Kính gửi: Sở Công Thương tỉnh Quảng Ngãi."},
		{k: "p", text: "Thực hiện Công văn số 3006/SCT-QLCN ngày 08/12/2023 của Sở Công Thương về việc báo cáo tình hình triển khai thực hiện các Chính sách và Kế hoạch phát triển công nghiệp năm 2023 trên địa bàn tỉnh Quảng Ngãi, " + a.short + " báo cáo như sau:"},
	}
}

func closing(a agency, table bool) []el {
	out := []el{{k: "p", text: "Trên đây là báo cáo tình hình thực hiện các Chính sách và Kế hoạch phát triển công nghiệp năm 2023 của " + a.short + ", kính gửi Sở Công Thương tổng hợp./."}}
	recipients := []string{"Nơi nhận:", "- Như trên;", "- UBND tỉnh (b/c);", "- Lãnh đạo " + a.short + ";", "- Lưu: VT, " + a.sym + "."}
	sig := []string{a.authority, a.position, "", "", a.signer}
	if a.authority == "" {
		sig = []string{a.position, "", "", a.signer}
	}
	if table {
		return append(out, el{k: "sigtbl", left: recipients, right: sig})
	}
	for _, r := range recipients {
		out = append(out, el{k: "p", text: r})
	}
	return append(out, el{k: "sig", right: sig})
}

// text pools per item: what agencies write.
var pool = map[string][]string{
	"I": {"Năm 2023, tốc độ tăng trưởng giá trị gia tăng ngành công nghiệp ước đạt 5,2% so với năm 2022.",
		"Đã thu hút 4 dự án mới với tổng vốn đăng ký 1.250 tỷ đồng, điều chỉnh tăng vốn cho 2 dự án."},
	"I.6": {"Trong năm, Khu kinh tế Dung Quất và các khu công nghiệp đã thu hút 14 dự án mới, tổng vốn đăng ký khoảng 9.800 tỷ đồng.",
		"Các cụm công nghiệp thu hút thêm 6 dự án, lũy kế 212 dự án còn hiệu lực."},
	"II.1": {"Đã tổ chức 12 hội nghị phổ biến Chương trình hành động số 37-CTr/TU cho cán bộ, công chức và doanh nghiệp.",
		"Đăng tải 46 tin, bài trên Cổng thông tin điện tử về chính sách phát triển công nghiệp.",
		"Phối hợp với Đài Phát thanh - Truyền hình tỉnh thực hiện 4 phóng sự chuyên đề."},
	"II.2": {"Tham mưu điều chỉnh quy hoạch chi tiết các cụm công nghiệp Bình Nguyên, Phổ Phong theo hướng tập trung.",
		"Rà soát quỹ đất công nghiệp còn lại của các khu công nghiệp để bố trí dự án mới.",
		"Cơ cấu ngành công nghiệp tiếp tục chuyển dịch theo hướng tăng tỷ trọng công nghiệp chế biến, chế tạo."},
	"II.3": {"Hỗ trợ 8 doanh nghiệp công nghiệp hỗ trợ tham gia chuỗi cung ứng của Tập đoàn Hòa Phát và Công ty Doosan Vina.",
		"Xúc tiến đầu tư các dự án công nghệ cao vào Khu công nghiệp VSIP Quảng Ngãi."},
	"II.4": {"Phối hợp với các trường cao đẳng nghề đào tạo nghề cho lao động làm việc tại khu công nghiệp.",
		"1. Đào tạo 300 lao động cho các doanh nghiệp trong Khu kinh tế Dung Quất."},
	"II.4.1": {"Tổ chức 5 phiên giao dịch việc làm, giới thiệu việc làm cho 1.200 lượt lao động.",
		"Đào tạo nghề ngắn hạn cho 850 lao động nông thôn chuyển đổi sang làm việc trong ngành công nghiệp."},
	"II.4.2": {"Hỗ trợ 6 doanh nghiệp đổi mới công nghệ, ứng dụng tự động hóa trong sản xuất.",
		"Triển khai 3 nhiệm vụ khoa học cấp tỉnh về vật liệu mới và chế biến sâu."},
	"II.5": {"Công tác quản lý tài nguyên và hạ tầng phục vụ công nghiệp được tăng cường."},
	"II.5.1": {"Cấp 9 giấy phép khai thác khoáng sản làm vật liệu xây dựng thông thường, bảo đảm nguồn cung cho các dự án.",
		"Kiểm tra việc chấp hành pháp luật về bảo vệ môi trường tại 24 cơ sở sản xuất công nghiệp."},
	"II.5.2": {"Hoàn thành nâng cấp tuyến đường Dốc Sỏi - Cảng Dung Quất, phục vụ vận chuyển hàng hóa.",
		"Đầu tư hệ thống xử lý nước thải tập trung Khu công nghiệp Tịnh Phong công suất 2.500 m3/ngày đêm."},
	"II.6": {"Chỉ số năng lực cạnh tranh cấp tỉnh năm 2023 tăng 5 bậc so với năm trước."},
	"II.6.1": {"Giải quyết thủ tục đầu tư đúng và trước hạn 100% hồ sơ, rút ngắn thời gian cấp chủ trương đầu tư còn 15 ngày.",
		"Tổ chức 3 buổi đối thoại với doanh nghiệp để tháo gỡ khó khăn."},
	"II.6.2": {"Bố trí 420 tỷ đồng vốn ngân sách tỉnh cho hạ tầng Khu kinh tế Dung Quất và các khu công nghiệp.",
		"Giải ngân vốn đầu tư công cho hạ tầng công nghiệp đạt 87% kế hoạch."},
	"II.7": {"Tiến độ các dự án trọng điểm được nêu tại bảng dưới đây."},
	"II.8": {"Trong năm, đơn vị đã tham mưu các văn bản chính sách sau."},
	"III": {"Công tác giải phóng mặt bằng một số dự án còn chậm, ảnh hưởng tiến độ đầu tư.",
		"Nguồn lao động có tay nghề cao còn thiếu so với nhu cầu của doanh nghiệp.",
		"Vốn ngân sách bố trí cho hạ tầng cụm công nghiệp còn hạn chế."},
	"IV": {"Đề nghị UBND tỉnh bố trí thêm vốn cho hạ tầng các cụm công nghiệp.",
		"Kiến nghị Bộ Công Thương sớm bổ sung dự án điện khí Dung Quất vào quy hoạch điện."},
	"V": {"Phấn đấu tốc độ tăng giá trị gia tăng công nghiệp năm 2024 đạt 6%.",
		"Tập trung tháo gỡ vướng mắc cho các dự án trọng điểm, đẩy nhanh giải ngân vốn đầu tư công.",
		"Tiếp tục cải cách thủ tục hành chính, thu hút đầu tư vào các khu công nghiệp."},
}

// content: the item's pool, n paragraphs (all when n ≤ 0), with the agency's name in.
func content(item string, n int, who string) []el {
	ps := pool[item]
	if n <= 0 || n > len(ps) {
		n = len(ps)
	}
	var out []el
	for i, t := range ps[:n] {
		if i == 0 && who != "" && !strings.HasPrefix(t, "1.") {
			t = who + ": " + t
		}
		out = append(out, el{k: "p", item: item, text: t})
	}
	return out
}

func h(item, text, st string) el { return el{k: "h", item: item, text: text, st: st} }

func projectTable(item string) el {
	return el{k: "tbl", item: item,
		rows: [][]string{
			{"STT", "Tên dự án", "Nhà đầu tư", "Tổng vốn (tỷ đồng)", "Tình hình thực hiện đến tháng 12/2023", "Khó khăn, vướng mắc", "Kiến nghị, đề xuất"},
			{"1", "Nhà máy điện khí Dung Quất I", "Tập đoàn Dầu khí Việt Nam", "30.000", "Đang hoàn thiện hồ sơ thiết kế kỹ thuật, đạt 10% khối lượng chuẩn bị", "Chưa có giá khí", "Đề nghị Bộ Công Thương sớm phê duyệt giá khí"},
			{"2", "Nhà máy điện khí Dung Quất III", "Tập đoàn Điện lực Việt Nam", "28.000", "Chưa triển khai, đang lập báo cáo nghiên cứu khả thi", "Chưa thu xếp được vốn", "Kiến nghị Chính phủ bảo lãnh vốn vay"},
			{"3", "Khu liên hợp sản xuất gang thép Hòa Phát Dung Quất 2", "Công ty CP Thép Hòa Phát Dung Quất", "85.000", "Đang thi công, đạt 45% khối lượng", "Thiếu đất đắp san nền", "Hỗ trợ cấp phép mỏ đất"},
			{"4", "Nhà máy nhiệt điện than Bình Hải", "Công ty TNHH Năng lượng Bình Hải", "12.000", "Đang tạm dừng", "", ""},
		},
		keys: []string{"DQ-POWER-1", "DQ-POWER-3", "HPG-DQ2", "?"}}
}

func projectTableCodes(item string) el {
	return el{k: "tbl", item: item,
		rows: [][]string{
			{"Mã dự án", "Tên dự án", "Tình trạng", "% hoàn thành", "Vướng mắc", "Kiến nghị"},
			{"VSIP2", "Hạ tầng KCN VSIP II Quảng Ngãi", "Đang thi công", "45,5", "Thiếu đất đắp", "Hỗ trợ mỏ đất"},
			{"", "Nâng cấp mở rộng Nhà máy lọc dầu Dung Quất", "Đang triển khai", "30", "", "Sớm thông qua dự án"},
			{"", "Hòa Phát Dung Quất", "Đang thi công", "", "", ""},
		},
		keys: []string{"VSIP2", "BSR-NCMR", "?"}}
}

func policyTable(item string) el {
	return el{k: "tbl", item: item,
		rows: [][]string{
			{"STT", "Số, ký hiệu", "Ngày", "Trích yếu", "Ghi chú"},
			{"1", "05/2023/NQ-HĐND", "14/07/2023", "Nghị quyết quy định chính sách hỗ trợ phát triển cụm công nghiệp", "Đã ban hành"},
			{"2", "", "", "Quy chế phối hợp quản lý cụm công nghiệp", "Đã trình UBND tỉnh ngày 20/11/2023"},
			{"3", "", "", "Đề án phát triển công nghiệp hỗ trợ giai đoạn 2024-2030", "Đang dự thảo, lấy ý kiến các sở"},
			{"4", "", "", "Kế hoạch khuyến công năm 2024", ""},
		},
		keys: []string{"issued", "submitted", "drafted", "unknown"}}
}

func ag(upper, short, sym, number, day, position, signer, authority string) agency {
	return agency{upper: upper, short: short, sym: sym, number: number, date: day + "/12/2023",
		dateText: "Quảng Ngãi, ngày " + day + " tháng 12 năm 2023", position: position, signer: signer, authority: authority}
}

var (
	agSXD  = ag("SỞ XÂY DỰNG", "Sở Xây dựng", "QHKT", "2875/SXD-QHKT", "18", "PHÓ GIÁM ĐỐC", "Trần Văn Bình", "KT. GIÁM ĐỐC")
	agTNMT = ag("SỞ TÀI NGUYÊN VÀ MÔI TRƯỜNG", "Sở Tài nguyên và Môi trường", "KS", "3102/STNMT-KS", "19", "GIÁM ĐỐC", "Lê Thị Hoa", "")
	agKHDT = ag("SỞ KẾ HOẠCH VÀ ĐẦU TƯ", "Sở Kế hoạch và Đầu tư", "DN", "1987/SKHĐT-DN", "15", "PHÓ GIÁM ĐỐC", "Nguyễn Hữu Tín", "KT. GIÁM ĐỐC")
	agBQL  = ag("BAN QUẢN LÝ KKT DUNG QUẤT VÀ CÁC KCN QUẢNG NGÃI", "Ban Quản lý KKT Dung Quất và các KCN Quảng Ngãi", "ĐT", "2410/BQL-ĐT", "20", "PHÓ TRƯỞNG BAN", "Phạm Văn Lực", "KT. TRƯỞNG BAN")
	agKHCN = ag("SỞ KHOA HỌC VÀ CÔNG NGHỆ", "Sở Khoa học và Công nghệ", "QLCN", "1455/SKHCN-QLCN", "14", "GIÁM ĐỐC", "Võ Minh Tuấn", "")
	agLD   = ag("SỞ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI", "Sở Lao động - Thương binh và Xã hội", "VL", "2660/SLĐTBXH-VL", "21", "PHÓ GIÁM ĐỐC", "Đỗ Thị Mai", "KT. GIÁM ĐỐC")
	agBS   = ag("UBND HUYỆN BÌNH SƠN", "UBND huyện Bình Sơn", "KT", "3550/UBND-KT", "22", "PHÓ CHỦ TỊCH", "Huỳnh Văn Nam", "TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH")
	agTT   = ag("SỞ THÔNG TIN VÀ TRUYỀN THÔNG", "Sở Thông tin và Truyền thông", "TTBCXB", "1820/STTTT-TTBCXB", "13", "GIÁM ĐỐC", "Đặng Ngọc Dũng", "")
	agTC   = ag("SỞ TÀI CHÍNH", "Sở Tài chính", "QLNS", "4012/STC-QLNS", "26", "PHÓ GIÁM ĐỐC", "Bùi Quang Huy", "KT. GIÁM ĐỐC")
	agNN   = ag("SỞ NÔNG NGHIỆP VÀ PHÁT TRIỂN NÔNG THÔN", "Sở Nông nghiệp và Phát triển nông thôn", "KH", "2999/SNNPTNT-KH", "25", "PHÓ GIÁM ĐỐC", "Trương Công Đức", "KT. GIÁM ĐỐC")
	agBDT  = ag("BAN DÂN TỘC", "Ban Dân tộc", "CSDT", "512/BDT-CSDT", "15", "PHÓ TRƯỞNG BAN", "Nguyễn Thế Nhân", "KT. TRƯỞNG BAN")
	agGT   = ag("SỞ GIAO THÔNG VẬN TẢI", "Sở Giao thông vận tải", "KHTC", "3377/SGTVT-KHTC", "27", "GIÁM ĐỐC", "Lương Văn Tâm", "")
	agTK   = ag("CỤC THỐNG KÊ TỈNH QUẢNG NGÃI", "Cục Thống kê tỉnh", "TKKT", "845/CTK-TKKT", "12", "PHÓ CỤC TRƯỞNG", "Hồ Thị Lan", "KT. CỤC TRƯỞNG")
	agDT   = ag("UBND HUYỆN ĐỨC PHỔ", "UBND thị xã Đức Phổ", "KT", "2218/UBND-KT", "19", "CHỦ TỊCH", "Phan Văn Lợi", "TM. ỦY BAN NHÂN DÂN")
)

func join(parts ...[]el) []el {
	var out []el
	for _, p := range parts {
		out = append(out, p...)
	}
	return out
}

func one(e ...el) []el { return e }

// body builds a letter: letterhead, title, opening, the parts, closing and signature.
func letter(name, form string, a agency, sigTable bool, parts ...[]el) spec {
	els := join(one(letterhead(a)), one(el{k: "p", text: "BÁO CÁO", st: "b"},
		el{k: "p", text: "Tình hình triển khai thực hiện các Chính sách và Kế hoạch phát triển công nghiệp năm 2023", st: "b"}), opening(a))
	els = append(els, join(parts...)...)
	els = append(els, closing(a, sigTable)...)
	return spec{name: name, form: form, agency: a, els: els}
}

// The letters. Styles vary as agencies write: the template's headings, paraphrases,
// own numbering, bold lines without numbers, Word heading styles, part I in sentences,
// closing and signature in and out of tables, annexes after the signature.
func corpus() []spec {
	var out []spec
	// 01 the outline's own headings, Writer.
	out = append(out, letter("01-sxd-outline", "writer", agSXD, true,
		one(h("I", "I. KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU", "b")), content("I", 2, ""),
		one(h("II", "II. KẾT QUẢ THỰC HIỆN CÁC NHIỆM VỤ, GIẢI PHÁP CHỦ YẾU", "b")),
		one(h("II.1", "1. Công tác thông tin, tuyên truyền", "b")), content("II.1", 3, ""),
		one(h("II.2", "2. Nhóm nhiệm vụ về phân bố không gian và chuyển dịch cơ cấu ngành công nghiệp", "b")), content("II.2", 2, ""),
		one(h("II.5", "5. Huy động và sử dụng hiệu quả các nguồn vật lực để đẩy mạnh phát triển công nghiệp", "b")),
		one(h("II.5.2", "5.2. Phát triển hạ tầng công nghiệp đồng bộ, hiện đại, tạo động lực phát triển công nghiệp", "i")), content("II.5.2", 2, ""),
		one(h("III", "III. TỒN TẠI HẠN CHẾ", "b")), content("III", 2, ""),
		one(h("IV", "IV. ĐỀ XUẤT, KIẾN NGHỊ", "b")), content("IV", 1, ""),
		one(h("V", "V. XÂY DỰNG KẾ HOẠCH THỰC HIỆN NHIỆM VỤ ĐẨY MẠNH PHÁT TRIỂN CÔNG NGHIỆP NĂM 2024", "b")), content("V", 2, "")))
	// 02 paraphrased parts: words swapped, shortened, "Về …".
	out = append(out, letter("02-tnmt-paraphrase", "writer", agTNMT, false,
		one(h("II", "II. KẾT QUẢ THỰC HIỆN NHIỆM VỤ, GIẢI PHÁP", "b")),
		one(h("II.1", "1. Về công tác thông tin, tuyên truyền", "b")), content("II.1", 2, ""),
		one(h("II.5", "5. Về huy động và sử dụng các nguồn vật lực", "b")),
		one(h("II.5.1", "5.1. Về tài nguyên, khoáng sản và bảo vệ môi trường", "b")), content("II.5.1", 2, ""),
		one(h("II.5.2", "5.2. Về hạ tầng công nghiệp", "b")), content("II.5.2", 1, ""),
		one(h("III", "III. KHÓ KHĂN, VƯỚNG MẮC", "b")), content("III", 2, ""),
		one(h("IV", "IV. KIẾN NGHỊ, ĐỀ XUẤT", "b")), content("IV", 2, ""),
		one(h("V", "V. KẾ HOẠCH NĂM 2024", "b")), content("V", 3, "")))
	// 03 own numbering I–IV: nothing under part I.
	out = append(out, letter("03-khdt-own-numbering", "writer", agKHDT, true,
		one(h("II", "I. KẾT QUẢ THỰC HIỆN CÁC NHIỆM VỤ, GIẢI PHÁP CHỦ YẾU", "b")),
		one(h("II.6", "1. Cải thiện mạnh mẽ môi trường đầu tư, huy động và sử dụng hiệu quả các nguồn tài lực", "b")),
		one(h("II.6.1", "1.1. Tiếp tục cải thiện môi trường đầu tư, kinh doanh", "i")), content("II.6.1", 2, ""),
		one(h("II.6.2", "1.2. Ưu tiên bố trí hợp lý vốn đầu tư từ ngân sách nhà nước", "i")), content("II.6.2", 2, ""),
		one(h("III", "II. TỒN TẠI HẠN CHẾ", "b")), content("III", 2, ""),
		one(h("IV", "III. ĐỀ XUẤT, KIẾN NGHỊ", "b")), content("IV", 1, ""),
		one(h("V", "IV. KẾ HOẠCH NĂM 2024", "b")), content("V", 2, "")))
	// 04 bold headings without numbers, a heading of its own before part I.
	out = append(out, letter("04-bql-bold-unnumbered", "writer", agBQL, true,
		one(el{k: "p", text: "ĐẶC ĐIỂM TÌNH HÌNH", st: "b"}, el{k: "p", text: "Năm 2023, tình hình kinh tế thế giới còn nhiều biến động, ảnh hưởng đến thu hút đầu tư."}),
		one(h("I", "KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU", "b")),
		one(h("I.6", "Thu hút đầu tư vào Khu kinh tế Dung Quất và các Khu công nghiệp, các cụm công nghiệp", "b")), content("I.6", 2, ""),
		one(h("II", "KẾT QUẢ THỰC HIỆN CÁC NHIỆM VỤ, GIẢI PHÁP CHỦ YẾU", "b")),
		one(h("II.6.1", "Tiếp tục cải thiện môi trường đầu tư, kinh doanh thật sự thông thoáng, thuận lợi, thúc đẩy khởi nghiệp sáng tạo", "b")), content("II.6.1", 2, ""),
		one(h("II.7", "Kết quả, tiến độ thực hiện các dự án theo Phụ lục số 2, 3 kèm theo Quyết định số 998/QĐ-UBND", "b")), content("II.7", 1, ""), one(projectTable("II.7")),
		one(h("III", "TỒN TẠI HẠN CHẾ", "b")), content("III", 3, ""),
		one(h("IV", "ĐỀ XUẤT, KIẾN NGHỊ", "b")), content("IV", 2, "")))
	// 05 Word heading styles, Word's own .docx.
	out = append(out, letter("05-khcn-word-headings", "word", agKHCN, true,
		one(h("II", "II. KẾT QUẢ THỰC HIỆN CÁC NHIỆM VỤ, GIẢI PHÁP CHỦ YẾU", "h1")),
		one(h("II.4", "4. Huy động và sử dụng hiệu quả nguồn nhân lực; đẩy mạnh nghiên cứu, ứng dụng khoa học, công nghệ", "h2")),
		one(h("II.4.2", "4.2. Đẩy mạnh nghiên cứu, ứng dụng khoa học, công nghệ cho phát triển công nghiệp", "h3")), content("II.4.2", 2, ""),
		one(h("II.3", "3. Nhiệm vụ đẩy mạnh phát triển các ngành công nghiệp theo hướng nâng cao giá trị gia tăng", "h2")), content("II.3", 2, ""),
		one(h("III", "III. TỒN TẠI, HẠN CHẾ", "h1")), content("III", 1, ""),
		one(h("V", "V. KẾ HOẠCH NĂM 2024", "h1")), content("V", 2, "")))
	// 06 Word heading styles without numbers (Word's automatic numbering leaves them out).
	out = append(out, letter("06-ld-word-autonumber", "word", agLD, false,
		one(h("II", "KẾT QUẢ THỰC HIỆN CÁC NHIỆM VỤ, GIẢI PHÁP CHỦ YẾU", "h1")),
		one(h("II.4.1", "Huy động và sử dụng hiệu quả nguồn nhân lực cho ngành công nghiệp", "h2")), content("II.4.1", 2, ""),
		one(h("III", "Tồn tại hạn chế", "h1")), content("III", 2, ""),
		one(h("IV", "Đề xuất, kiến nghị", "h1")), content("IV", 2, ""),
		one(h("V", "Xây dựng Kế hoạch thực hiện nhiệm vụ đẩy mạnh phát triển công nghiệp năm 2024", "h1")), content("V", 3, "")))
	// 07 part I in sentences, II.7 table in the agency's own columns, II.8 statuses in values.
	out = append(out, letter("07-bs-part1-tables", "writer", agBS, true,
		one(h("I", "I. KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU", "b")), content("I", 2, ""),
		one(h("II", "II. KẾT QUẢ THỰC HIỆN CÁC NHIỆM VỤ, GIẢI PHÁP CHỦ YẾU", "b")),
		one(h("II.2", "2. Về phân bố không gian và chuyển dịch cơ cấu ngành công nghiệp", "b")), content("II.2", 3, ""),
		one(h("II.7", "7. Kết quả, tiến độ thực hiện các dự án theo Phụ lục số 2, 3 kèm theo Quyết định số 998/QĐ-UBND ngày 07/7/2021 của Chủ tịch UBND tỉnh", "b")), one(projectTable("II.7")),
		one(h("II.8", "8. Tình hình triển khai xây dựng chính sách về phát triển công nghiệp", "b")), content("II.8", 1, ""), one(policyTable("II.8")),
		one(h("III", "III. TỒN TẠI HẠN CHẾ", "b")), content("III", 1, ""),
		one(h("IV", "IV. KIẾN NGHỊ, ĐỀ XUẤT", "b")), content("IV", 2, "")))
	// 08 a nil reply like the seed's.
	nilEls := join(one(letterhead(agBDT)), one(el{k: "p", text: "Kính gửi: Sở Công Thương."}),
		one(el{k: "p", item: "NIL", text: "Theo đề nghị của Sở Công Thương tại Công văn số 3006/SCT-QLCN ngày 08/12/2023 về việc báo cáo tình hình triển khai thực hiện các Chính sách và Kế hoạch phát triển công nghiệp năm 2023 trên địa bàn tỉnh Quảng Ngãi; qua rà soát nhiệm vụ được giao tại Kế hoạch số 136/KH-UBND ngày 16/11/2020 của UBND tỉnh, Ban Dân tộc không được giao nhiệm vụ chủ trì tham mưu các nhiệm vụ cụ thể liên quan đến lĩnh vực công nghiệp, phát triển công nghiệp."}),
		one(el{k: "p", text: "Ban Dân tộc tỉnh báo cáo để Sở Công Thương tổng hợp./."}),
		one(el{k: "p", text: "Nơi nhận:"}, el{k: "p", text: "- Như trên;"}, el{k: "p", text: "- Lưu: VT, CSDT."}),
		one(el{k: "sig", right: []string{"KT. TRƯỞNG BAN", "PHÓ TRƯỞNG BAN", "", "Nguyễn Thế Nhân"}}))
	out = append(out, spec{name: "08-bdt-nil", form: "writer", agency: agBDT, nil: true, els: nilEls})
	// 09 annex after the signature: "Phụ lục" with the II.7 table and a "Biểu" of policies.
	s := letter("09-tc-annex", "writer", agTC, true,
		one(h("II", "II. KẾT QUẢ THỰC HIỆN NHIỆM VỤ, GIẢI PHÁP", "b")),
		one(h("II.6", "6. Cải thiện môi trường đầu tư, huy động và sử dụng hiệu quả các nguồn tài lực", "b")),
		one(h("II.6.2", "6.2. Về bố trí vốn đầu tư từ ngân sách nhà nước", "b")), content("II.6.2", 2, ""),
		one(h("II.7", "7. Tiến độ thực hiện các dự án theo Quyết định số 998/QĐ-UBND", "b")), one(el{k: "p", item: "II.7", text: "Chi tiết tại Phụ lục kèm theo."}),
		one(h("III", "III. TỒN TẠI, HẠN CHẾ", "b")), content("III", 3, ""))
	s.els = append(s.els, h("II.7", "Phụ lục: TIẾN ĐỘ THỰC HIỆN CÁC DỰ ÁN THEO QUYẾT ĐỊNH SỐ 998/QĐ-UBND", "b"), projectTableCodes("II.7"),
		h("II.8", "Biểu: TÌNH HÌNH XÂY DỰNG CHÍNH SÁCH PHÁT TRIỂN CÔNG NGHIỆP", "b"), policyTable("II.8"))
	out = append(out, s)
	// 10 numbered paragraphs inside an item, bullets, "Về công tác", sub-items.
	out = append(out, letter("10-tt-lists", "writer", agTT, false,
		one(h("II", "II. KẾT QUẢ THỰC HIỆN CÁC NHIỆM VỤ, GIẢI PHÁP CHỦ YẾU", "b")),
		one(h("II.1", "1. Về công tác tuyên truyền", "b")), content("II.1", 1, ""),
		one(el{k: "li", item: "II.1", text: "Đăng 40 tin bài trên báo Quảng Ngãi"}, el{k: "li", item: "II.1", text: "Phát hành 2.000 tờ rơi tại các khu công nghiệp"}),
		one(h("II.4", "4. Về nguồn nhân lực và khoa học, công nghệ", "b")), content("II.4", 2, ""),
		one(h("II.4.2", "4.2. Về khoa học, công nghệ", "b")), content("II.4.2", 1, ""),
		one(h("III", "III. HẠN CHẾ, TỒN TẠI", "b")), content("III", 2, ""),
		one(h("IV", "IV. ĐỀ XUẤT", "b")), content("IV", 1, "")))
	// Word-style .docx, own numbering with Heading styles.
	out = append(out, letter("11-gt-word-own", "word", agGT, true,
		one(h("II", "I. KẾT QUẢ THỰC HIỆN CÁC NHIỆM VỤ, GIẢI PHÁP CHỦ YẾU", "h1")),
		one(h("II.5.2", "1. Phát triển hạ tầng công nghiệp đồng bộ, hiện đại", "h2")), content("II.5.2", 2, ""),
		one(h("III", "II. KHÓ KHĂN, VƯỚNG MẮC", "h1")), content("III", 2, ""),
		one(h("IV", "III. KIẾN NGHỊ", "h1")), content("IV", 2, "")))
	out = append(out, letter("12-tk-word-part1", "word", agTK, true,
		one(h("I", "I. KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU", "h1")), content("I", 2, ""),
		one(h("I.6", "6. Thu hút đầu tư vào Khu kinh tế Dung Quất và các Khu công nghiệp, các cụm công nghiệp", "h2")), content("I.6", 2, ""),
		one(h("III", "III. TỒN TẠI HẠN CHẾ", "h1")), content("III", 1, "")))
	// .doc (Word 97–2003): converted from Writer.
	out = append(out, letter("13-nn-doc", "doc", agNN, true,
		one(h("II", "II. KẾT QUẢ THỰC HIỆN CÁC NHIỆM VỤ, GIẢI PHÁP CHỦ YẾU", "b")),
		one(h("II.2", "2. Về phân bố không gian và chuyển dịch cơ cấu ngành công nghiệp", "b")), content("II.2", 2, ""),
		one(h("II.3", "3. Phát triển công nghiệp hỗ trợ, công nghiệp công nghệ cao", "b")), content("II.3", 2, ""),
		one(h("III", "III. KHÓ KHĂN, VƯỚNG MẮC", "b")), content("III", 2, ""),
		one(h("V", "V. KẾ HOẠCH NĂM 2024", "b")), content("V", 2, "")))
	out = append(out, letter("14-dp-doc-tables", "doc", agDT, true,
		one(h("II", "II. KẾT QUẢ THỰC HIỆN CÁC NHIỆM VỤ, GIẢI PHÁP CHỦ YẾU", "b")),
		one(h("II.7", "7. Về tiến độ các dự án theo Quyết định số 998/QĐ-UBND", "b")), one(projectTable("II.7")),
		one(h("II.8", "8. Về xây dựng chính sách phát triển công nghiệp", "b")), one(policyTable("II.8")),
		one(h("IV", "IV. KIẾN NGHỊ, ĐỀ XUẤT", "b")), content("IV", 2, "")))
	out = append(out, letter("15-khdt-doc-bold", "doc", agKHDT, false,
		one(h("II", "KẾT QUẢ THỰC HIỆN CÁC NHIỆM VỤ, GIẢI PHÁP CHỦ YẾU", "b")),
		one(h("II.6.1", "Tiếp tục cải thiện môi trường đầu tư, kinh doanh thật sự thông thoáng, thuận lợi, thúc đẩy khởi nghiệp sáng tạo", "b")), content("II.6.1", 2, ""),
		one(h("III", "TỒN TẠI HẠN CHẾ", "b")), content("III", 2, "")))
	// Text PDFs (printed from Writer).
	out = append(out, letter("16-sxd-pdf", "pdf", agSXD, true,
		one(h("II", "II. KẾT QUẢ THỰC HIỆN CÁC NHIỆM VỤ, GIẢI PHÁP CHỦ YẾU", "b")),
		one(h("II.2", "2. Nhóm nhiệm vụ về phân bố không gian và chuyển dịch cơ cấu ngành công nghiệp", "b")), content("II.2", 3, ""),
		one(h("II.5.2", "5.2. Phát triển hạ tầng công nghiệp đồng bộ, hiện đại, tạo động lực phát triển công nghiệp", "b")), content("II.5.2", 2, ""),
		one(h("III", "III. KHÓ KHĂN, VƯỚNG MẮC", "b")), content("III", 2, ""),
		one(h("IV", "IV. KIẾN NGHỊ, ĐỀ XUẤT", "b")), content("IV", 2, ""),
		one(h("V", "V. KẾ HOẠCH NĂM 2024", "b")), content("V", 2, "")))
	out = append(out, letter("17-ld-pdf-own", "pdf", agLD, false,
		one(h("II", "I. KẾT QUẢ THỰC HIỆN CÁC NHIỆM VỤ, GIẢI PHÁP CHỦ YẾU", "b")),
		one(h("II.4.1", "1. Huy động và sử dụng hiệu quả nguồn nhân lực cho ngành công nghiệp", "b")), content("II.4.1", 2, ""),
		one(h("III", "II. TỒN TẠI HẠN CHẾ", "b")), content("III", 2, ""),
		one(h("V", "III. KẾ HOẠCH NĂM 2024", "b")), content("V", 2, "")))
	out = append(out, letter("18-bql-pdf-table", "pdf", agBQL, true,
		one(h("I", "I. KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU", "b")), one(h("I.6", "1. Thu hút đầu tư vào Khu kinh tế Dung Quất và các khu công nghiệp", "b")), content("I.6", 2, ""),
		one(h("II", "II. KẾT QUẢ THỰC HIỆN CÁC NHIỆM VỤ, GIẢI PHÁP CHỦ YẾU", "b")),
		one(h("II.6.1", "6.1. Cải thiện môi trường đầu tư, kinh doanh", "b")), content("II.6.1", 2, ""),
		one(h("III", "III. TỒN TẠI HẠN CHẾ", "b")), content("III", 2, "")))
	// Signed PDFs (the province's document system).
	out = append(out, letter("19-tnmt-signed", "signed", agTNMT, true,
		one(h("II", "II. KẾT QUẢ THỰC HIỆN CÁC NHIỆM VỤ, GIẢI PHÁP CHỦ YẾU", "b")),
		one(h("II.5.1", "5.1. Khai thác tài nguyên, khoáng sản và bảo vệ môi trường", "b")), content("II.5.1", 2, ""),
		one(h("III", "III. TỒN TẠI HẠN CHẾ", "b")), content("III", 2, ""),
		one(h("IV", "IV. KIẾN NGHỊ, ĐỀ XUẤT", "b")), content("IV", 2, "")))
	nilSigned := spec{name: "20-bdt-nil-signed", form: "signed", agency: agBDT, nil: true, els: nilEls}
	out = append(out, nilSigned)
	out = append(out, letter("21-tc-signed", "signed", agTC, true,
		one(h("II", "II. KẾT QUẢ THỰC HIỆN NHIỆM VỤ, GIẢI PHÁP", "b")),
		one(h("II.6.2", "6.2. Về bố trí vốn đầu tư từ ngân sách nhà nước", "b")), content("II.6.2", 2, ""),
		one(h("IV", "IV. ĐỀ XUẤT, KIẾN NGHỊ", "b")), content("IV", 2, ""),
		one(h("V", "V. PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 2024", "b")), content("V", 2, "")))
	// Scans: printed, signed by hand, scanned.
	out = append(out, letter("22-bs-scan", "scan", agBS, false,
		one(h("II", "II. KẾT QUẢ THỰC HIỆN CÁC NHIỆM VỤ, GIẢI PHÁP CHỦ YẾU", "b")),
		one(h("II.1", "1. Về công tác thông tin, tuyên truyền", "b")), content("II.1", 2, ""),
		one(h("III", "III. KHÓ KHĂN, VƯỚNG MẮC", "b")), content("III", 2, ""),
		one(h("IV", "IV. KIẾN NGHỊ, ĐỀ XUẤT", "b")), content("IV", 2, "")))
	out = append(out, letter("23-tt-scan", "scan", agTT, false,
		one(h("II", "II. KẾT QUẢ THỰC HIỆN CÁC NHIỆM VỤ, GIẢI PHÁP CHỦ YẾU", "b")),
		one(h("II.4.2", "4.2. Đẩy mạnh nghiên cứu, ứng dụng khoa học, công nghệ", "b")), content("II.4.2", 2, ""),
		one(h("V", "V. KẾ HOẠCH NĂM 2024", "b")), content("V", 2, "")))
	return out
}

// key writes the answer key: one line per paragraph, heading and table row.
func (s spec) key() string {
	var b strings.Builder
	fmt.Fprintf(&b, "# %s (%s): item<TAB>text per paragraph; - is not content; R/S are table rows\n", s.name, s.form)
	pos := s.agency.position
	fmt.Fprintf(&b, "L\t%s\t%s\t%s\t%s\n", s.agency.number, s.agency.date, s.agency.signer, pos)
	if s.nil {
		b.WriteString("NIL\n")
	}
	for _, e := range s.els {
		switch e.k {
		case "p", "li":
			it := e.item
			if it == "" {
				it = "-"
			}
			fmt.Fprintf(&b, "P\t%s\t%s\n", it, e.text)
		case "h":
			fmt.Fprintf(&b, "H\t%s\t%s\n", e.item, e.text)
		case "tbl":
			for i, k := range e.keys {
				kind, col := "R", 1
				if e.item == "II.8" {
					kind, col = "S", 3
				}
				fmt.Fprintf(&b, "%s\t%s\t%s\t%s\n", kind, e.item, k, e.rows[i+1][col])
			}
		}
	}
	return b.String()
}
