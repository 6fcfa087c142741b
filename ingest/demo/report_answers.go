package demo

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/quangngai/chitieu/queries"
	"github.com/quangngai/chitieu/report"
)

// Illustrative written answers for the demo: made from the published facts in data/
// (figures.csv, projects.csv), never letters that were really sent. Each says so in its
// letter number, its text, and its source ("demo"), which the report prints as
// "minh họa, tổng hợp từ nguồn công bố". Ban Dân tộc's nil reply of 2023 is the real one
// (submissions.csv, from the seed letter).
func illustrativeAnswers(now time.Time) []queries.ReportAnswer {
	pct := func(f float64) *float64 { return &f }
	mark := " (" + report.IllustrationNote + ")"
	letter := queries.AnswerLetter{Number: "minh họa — không phải công văn thật", Position: "minh họa"}
	return []queries.ReportAnswer{
		{Year: 2023, Agency: "BQL", State: queries.AnswerSubmitted, Source: "demo", SavedBy: Uploader, SavedAt: now, Letter: letter,
			Items: []queries.AnswerItem{
				{Number: "II.6.1", Text: "Đến tháng 10/2023, Khu kinh tế Dung Quất và các khu công nghiệp có 348 dự án còn hiệu lực, trong đó 60 dự án FDI, " +
					"tổng vốn đăng ký khoảng 391.000 tỷ đồng (khoảng 18,1 tỷ USD); nguồn: baobariavungtau.com.vn (10/2023)." + mark},
				{Number: "II.5.2", Text: "- Khu công nghiệp VSIP II Quảng Ngãi (497,7 ha) được chấp thuận chủ trương đầu tư tại Quyết định số 1664/QĐ-TTg ngày 22/12/2023." + mark},
			},
			Projects: []queries.ProjectProgress{
				{Project: "BSR-NCMR", Status: "Chuẩn bị đầu tư", Milestones: "Điều chỉnh chủ trương đầu tư (5/2023); dự kiến vận hành thương mại quý I/2028" + mark},
				{Project: "DQ-POWER-1", Status: "Chậm tiến độ", Milestones: "Theo QĐ 1461/QĐ-TTg ngày 25/10/2019; mốc vận hành 12/2023 không đạt", Obstacles: "Chưa có nguồn khí" + mark},
				{Project: "VSIP2", Status: "Được chấp thuận chủ trương", Milestones: "QĐ 1664/QĐ-TTg ngày 22/12/2023" + mark},
			}},
		{Year: 2025, Agency: "BQL", State: queries.AnswerSubmitted, Source: "demo", SavedBy: Uploader, SavedAt: now, Letter: letter,
			Items: []queries.AnswerItem{
				{Number: "II.6.1", Text: "Năm 2025, Ban Quản lý cấp mới 14 dự án với vốn đăng ký 12.840 tỷ đồng và điều chỉnh tăng vốn 16 dự án thêm 7.890 tỷ đồng; " +
					"tổng vốn thu hút 20.730 tỷ đồng, bằng 279,5% kế hoạch năm.\n- Lũy kế 449 dự án còn hiệu lực, 347 dự án đang hoạt động, hơn 80.000 lao động.\n" +
					"Nguồn: quangngaitv.vn 6511097." + mark},
			},
			Projects: []queries.ProjectProgress{
				{Project: "VSIP2", Status: "Đang thi công", Milestones: "Khởi công ngày 12/3/2025" + mark},
				{Project: "HPG-DQ2", Status: "Đang thi công", Percent: pct(80), Milestones: "Hoàn thành khoảng 80% giai đoạn 1 (8/2024)" + mark},
				{Project: "DQ-POWER-1", Status: "Chậm tiến độ", Obstacles: "Chưa có nguồn khí" + mark},
			}},
	}
}

// loadReportAnswers writes the illustrative answers once (a database that has them keeps them).
func loadReportAnswers(ctx context.Context, st *queries.Store, now time.Time) error {
	all := illustrativeAnswers(now)
	var missing []queries.ReportAnswer
	for _, a := range all {
		_, err := st.ReportAnswer(ctx, a.Year, a.Agency, 0)
		if errors.Is(err, queries.ErrAnswerNone) {
			missing = append(missing, a)
		} else if err != nil {
			return err
		}
	}
	return st.SaveReportAnswers(ctx, missing...)
}

// LoadSyntheticAnswers writes a submitted written answer for every agency of every
// synthetic province and year (synthetic = 1: no real page reads them), so the report
// page and its search can be measured at scale. Agencies are SYN-Pnn-<code> for the
// real agency codes.
func LoadSyntheticAnswers(ctx context.Context, st *queries.Store, provinces, years int) (int, error) {
	agencies, err := st.Agencies(ctx)
	if err != nil {
		return 0, err
	}
	o, err := st.OutlineByCode(ctx, queries.DefaultOutline)
	if err != nil {
		return 0, err
	}
	para := strings.Repeat("Nội dung giả lập để đo hiệu năng, không phải báo cáo thật. ", 4)
	n := 0
	for p := 1; p <= provinces; p++ {
		var batch []queries.ReportAnswer
		for y := 0; y < years; y++ {
			for _, ag := range agencies {
				a := queries.ReportAnswer{Year: uint16(2016 + y), Agency: fmt.Sprintf("SYN-P%02d-%s", p, ag.Code), State: queries.AnswerSubmitted,
					Source: "synthetic", SavedBy: "synthetic", Synthetic: true, Letter: queries.AnswerLetter{Number: "SYN"}}
				for _, it := range o.Items {
					if it.Kind == queries.ItemNarrative {
						a.Items = append(a.Items, queries.AnswerItem{Number: it.Number, Title: it.Title, Text: para + "\n- " + ag.NameVI})
					}
				}
				batch = append(batch, a)
			}
		}
		if err := st.SaveReportAnswers(ctx, batch...); err != nil {
			return n, err
		}
		n += len(batch)
	}
	return n, nil
}
