package report

import (
	"bytes"
	"image"
	"image/color"
	"image/png"
	"testing"
	"time"

	"github.com/quangngai/chitieu/domain"
)

// sampleInput is a round with one written answer, one nil reply and one missing agency.
func sampleInput(t testing.TB) Input {
	d := time.Date(2026, 12, 8, 0, 0, 0, 0, time.UTC)
	ld := time.Date(2026, 12, 15, 0, 0, 0, 0, time.UTC)
	pct := 80.0
	outline := domain.Outline{Code: "DC-2023", Items: []domain.OutlineItem{
		{Number: "I", Kind: "heading", Title: "Kết quả thực hiện các chỉ tiêu"},
		{Number: "I.1", Kind: "figures", Title: "Tốc độ tăng trưởng giá trị gia tăng công nghiệp"},
		{Number: "II", Kind: "heading", Title: "Kết quả thực hiện các nhiệm vụ, giải pháp chủ yếu"},
		{Number: "II.1", Kind: "narrative", Title: "Công tác thông tin, tuyên truyền"},
		{Number: "II.4", Kind: "narrative", Title: "Huy động và sử dụng hiệu quả nguồn nhân lực"},
		{Number: "II.4.1", Kind: "narrative", Title: "Huy động và sử dụng hiệu quả nguồn nhân lực cho ngành công nghiệp"},
		{Number: "II.7", Kind: "projects", Title: "Kết quả, tiến độ thực hiện các dự án"},
		{Number: "II.8", Kind: "policies", Title: "Tình hình triển khai xây dựng chính sách"},
		{Number: "III", Kind: "narrative", Title: "Tồn tại hạn chế"},
	}}
	return Input{Year: 2026, Now: d, Round: &domain.Round{Year: 2026, LetterNo: "2950/SCT-QLCN", LetterDate: &d, Deadline: &ld},
		Outline: outline,
		Agencies: []domain.Agency{{Code: "SCT", NameVI: "Sở Công Thương"}, {Code: "SXD", NameVI: "Sở Xây dựng"},
			{Code: "BDT", NameVI: "Ban Dân tộc"}, {Code: "STC", NameVI: "Sở Tài chính"}},
		Answers: []domain.ReportAnswer{{Year: 2026, Agency: "SXD", State: domain.AnswerSubmitted, Source: "web",
			Letter: domain.AnswerLetter{Number: "456/SXD-KT", Date: &ld, Signer: "Trần Văn Bình", Position: "PHÓ GIÁM ĐỐC"},
			Items: []domain.AnswerItem{{Number: "II.1", Text: "Đã tổ chức 12 hội nghị phổ biến Nghị quyết 23-NQ/TW.\n- Đăng 40 tin bài\n- Phát hành 2.000 tờ rơi"},
				{Number: "II.4.1", Nothing: true}, {Number: "III", Text: "Giải phóng mặt bằng chậm <b>kéo dài</b>."}},
			Projects: []domain.ProjectProgress{{Project: "VSIP2", Status: "Đang thi công", Percent: &pct, Milestones: "Khởi công 12/3/2025", Obstacles: "Thiếu đất đắp"}},
			Policies: []domain.PolicyDoc{{Key: "1", Number: "05/2026/QĐ-UBND", Date: &ld, Title: "Quy chế quản lý cụm công nghiệp", Issuer: "UBND tỉnh", Status: "issued"}}}},
		Submissions: []domain.SubmissionState{{Submission: domain.Submission{Agency: "BDT", Year: 2026, Status: "nil", LetterNo: "88/BDT-CSDT", Signer: "Nguyễn Thế Nhân"}}},
		Projects:    []domain.Project{{Code: "VSIP2", NameVI: "Hạ tầng KCN VSIP II Quảng Ngãi"}},
	}
}

func sampleModel(t testing.TB) Model {
	m := Compile(sampleInput(t))
	m.SectionI = SectionI{Lead: "Năm 2026, các chỉ tiêu được đánh giá theo Kế hoạch phát triển công nghiệp.",
		Rows: []IndicatorRow{{Item: "I.1", Indicator: "Tốc độ tăng trưởng giá trị gia tăng công nghiệp (%)",
			Plan: "≥ 7,5 %/năm (bình quân 2021–2025)", Result: "9,2 % (chính thức; cập nhật 20/11/2026)",
			Verdict: "Đạt (108,0 %); bình quân: 8,1", Source: "Cục Thống kê"}}}
	img := image.NewRGBA(image.Rect(0, 0, 1200, 600))
	for x := 0; x < 1200; x++ {
		img.Set(x, 300+x/10, color.RGBA{200, 30, 30, 255})
	}
	var buf bytes.Buffer
	_ = png.Encode(&buf, img)
	m.Charts = []Chart{{Title: "Biểu đồ 1. Tốc độ tăng trưởng", PNG: buf.Bytes(), Width: 1200, Height: 600}}
	return m
}
