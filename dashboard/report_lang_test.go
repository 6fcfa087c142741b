package dashboard

import (
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// The yearly report's pages follow the language switch: headings, buttons, labels and
// statuses are English with ?lang=en (the report's own text stays Vietnamese: it is
// an official document), and Vietnamese otherwise.
func TestReportPagesFollowLanguage(t *testing.T) {
	e := newAcctEnv(t, false)
	bql := e.as(tOther)
	cases := []struct {
		path           string
		vi, en, viOnly []string
	}{
		{"/report/2023",
			[]string{"Báo cáo năm 2023", "Tải .docx", "Phụ lục: tình hình gửi báo cáo", "Chưa gửi báo cáo", "Tìm trong nội dung"},
			[]string{"Yearly report 2023", "Download .docx", "Annex: who has answered", "Not yet answered", "Search the text", "Answer the report (BQL)"},
			[]string{"Tải .docx", "Phụ lục:", "Tìm trong nội dung", "Trả lời báo cáo", "Chưa gửi báo cáo", "Đã gửi báo cáo"}},
		{"/report/2026/answer/BQL",
			[]string{"Công văn trả lời", "Lưu nháp", "Nộp báo cáo", "Trả lời bằng tệp: công văn Word", "Không có nội dung phát sinh"},
			[]string{"Reply letter", "Save draft", "Submit the report", "Answer with a file", "Nothing to report", "Letter no.", "Yearly report 2026"},
			[]string{"Công văn trả lời", "Lưu nháp", "Nộp báo cáo", "Trả lời bằng tệp: công văn Word", "Không có nội dung phát sinh", "Số công văn", "Báo cáo năm"}},
	}
	for _, c := range cases {
		vi := readBody(t, e.do(bql, "GET", c.path+"?lang=vi", nil))
		mustContain(t, c.path+" in Vietnamese", vi, c.vi...)
		en := readBody(t, e.do(bql, "GET", c.path+"?lang=en", nil))
		mustContain(t, c.path+" in English", en, c.en...)
		for _, s := range c.viOnly {
			if strings.Contains(pageText(en), s) {
				t.Errorf("%s in English still reads %q", c.path, s)
			}
		}
	}
}

// At 390 px the yearly report is no wider than the screen in either language: its
// figure tables scroll inside their box (they were 410 px and 489 px wide).
func TestReportFitsPhone(t *testing.T) {
	base, _ := startTestServer(t, nil)
	bctx := startChromium(t, 390, 844)
	for _, lg := range []string{"vi", "en"} {
		tb := openTab(t, bctx)
		if err := chromedp.Do(tb.ctx, chromedp.EmulateViewport(390, 844, chromedp.EmulateMobile)); err != nil {
			t.Fatal(err)
		}
		tb.load(t, base+"/report/2023?lang="+lg)
		w, err := chromedp.Run(tb.ctx, chromedp.Evaluate[int](`document.documentElement.scrollWidth`))
		if err != nil {
			t.Fatal(err)
		}
		if w > 390 {
			t.Errorf("%s: /report/2023 is %d px wide at 390 px", lg, w)
		}
		tb.close()
	}
}
