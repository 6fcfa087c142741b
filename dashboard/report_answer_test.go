package dashboard

import (
	"context"
	"html"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/quangngai/chitieu/queries"
)

// An analyst answers for their agency: a draft comes back, a refused form writes
// nothing, "Nộp báo cáo" submits (and counts as a submission), a later save is a new
// version, user text is escaped, another agency's analyst is refused, writes are audited.
func TestReportAnswerFlow(t *testing.T) {
	e := newAcctEnv(t, false)
	ctx := context.Background()
	bql := e.as(tOther)
	path := "/report/2026/answer/BQL"
	form := func(action string, extra url.Values) url.Values {
		v := url.Values{"_csrf": {bql.csrf}, "action": {action}, "letter_no": {"123/BQL-KH"}, "letter_date": {"15/12/2026"},
			"signer": {"Lê Văn C"}, "position": {"PHÓ TRƯỞNG BAN"},
			"item:II.1":                   {"Tuyên truyền <script>alert(1)</script> trên cổng thông tin.\n- Hội nghị xúc tiến đầu tư"},
			"nothing:II.2":                {"1"},
			"proj_status:VSIP2":           {"Đang thi công"},
			"proj_percent:VSIP2":          {"45,5"},
			"proj_milestones:VSIP2":       {"Khởi công 12/3/2025"},
			"pol_count":                   {"3"},
			"pol_no:0":                    {"05/2026/QĐ-UBND"},
			"pol_title:0":                 {"Quy chế quản lý CCN"},
			"pol_status:0":                {"issued"},
			"target:industrial_va_growth": {"10,5"}}
		for k, vs := range extra {
			v[k] = vs
		}
		return v
	}
	bad := e.do(bql, "POST", path, form("draft", url.Values{"pol_status:0": {"signed"}, "proj_percent:VSIP2": {"140"}}))
	body := readBody(t, bad)
	if bad.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(body, "từ 0 đến 100") || !strings.Contains(body, "Quy chế quản lý CCN") {
		t.Fatalf("refused form: %d\n%s", bad.StatusCode, body)
	}
	// The same refusal on the English page is worded in English, from the catalogue.
	badEN := e.do(bql, "POST", path+"?lang=en", form("draft", url.Values{"pol_status:0": {"signed"}, "proj_percent:VSIP2": {"140"},
		"target:industrial_va_growth": {"1.234"}}))
	if body := html.UnescapeString(readBody(t, badEN)); !strings.Contains(body, `Percent done of VSIP2 must be from 0 to 100, not "140".`) ||
		!strings.Contains(body, "Policy row 1: the status must be drafted") || strings.Contains(body, "từ 0 đến 100") ||
		!strings.Contains(body, "target of Industrial value-added growth rate is not a number") {
		t.Fatalf("refused form in English: %d\n%s", badEN.StatusCode, body)
	}
	if _, err := e.st.ReportAnswer(ctx, 2026, "BQL", 0); err == nil {
		t.Fatal("a refused form was written")
	}
	resp := e.do(bql, "POST", path, form("draft", nil))
	if resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("draft: %d %s", resp.StatusCode, readBody(t, resp))
	}
	page := readBody(t, e.do(bql, "GET", path, nil))
	if !strings.Contains(page, "bản nháp") || !strings.Contains(page, "&lt;script&gt;alert(1)&lt;/script&gt;") || strings.Contains(page, "<script>alert") ||
		!strings.Contains(page, `value="45,5"`) || !strings.Contains(page, `value="10,5"`) {
		t.Fatalf("draft did not come back escaped:\n%s", page)
	}
	if subs, _ := e.st.CurrentSubmissions(ctx, 2026, 2026); len(subs) != 0 {
		t.Fatalf("a draft counted as a submission: %+v", subs)
	}
	if resp := e.do(bql, "POST", path, form("submit", nil)); resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("submit: %d", resp.StatusCode)
	}
	if resp := e.do(bql, "POST", path, form("draft", url.Values{"item:III": {"Thiếu quỹ đất sạch."}})); resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("revision: %d", resp.StatusCode)
	}
	a, err := e.st.ReportAnswer(ctx, 2026, "BQL", 0)
	if err != nil || a.State != queries.AnswerSubmitted || len(a.Items) != 3 {
		t.Fatalf("after revision: %+v %v", a, err)
	}
	hist, _ := e.st.ReportAnswerHistory(ctx, 2026, "BQL")
	if len(hist) != 3 {
		t.Fatalf("history %d versions, want 3", len(hist))
	}
	subs, _ := e.st.CurrentSubmissions(ctx, 2026, 2026)
	if len(subs) != 1 || subs[0].Agency != "BQL" || subs[0].LetterNo != "123/BQL-KH" {
		t.Fatalf("submission %+v", subs)
	}
	ts, _ := e.st.Targets(ctx, "KHN-2027-BQL")
	if len(ts) != 1 || ts[0].Kind != queries.TargetAnnual || ts[0].ValueMin.String() != "10.5" {
		t.Fatalf("next-year targets %+v", ts)
	}
	evs, _ := e.st.AuditEvents(ctx, queries.AuditFilter{Action: "report.answer."})
	if len(evs) != 3 {
		t.Fatalf("%d audit events, want 3", len(evs))
	}
	if resp := e.do(bql, "POST", "/report/2026/answer/SCT", form("draft", nil)); resp.StatusCode != http.StatusForbidden {
		t.Fatalf("another agency's answer: %d", resp.StatusCode)
	}
	rep := readBody(t, e.do(e.as(tViewer), "GET", "/report/2026", nil))
	for _, want := range []string{"Tuyên truyền &lt;script&gt;", "Không có nội dung phát sinh", "Quy chế quản lý CCN", "Hạ tầng KCN VSIP II", "BẢN TỔNG HỢP CHƯA ĐẦY ĐỦ"} {
		if !strings.Contains(rep, want) {
			t.Errorf("/report/2026 lacks %q", want)
		}
	}
	if f := readBody(t, e.do(e.as(tViewer), "GET", "/report/2026?q=kh%C3%B4ng+t%E1%BB%93n+t%E1%BA%A1i", nil)); strings.Contains(f, "Tuyên truyền") {
		t.Error("search kept text that does not match")
	}
}

// make run's data: the 2023 round shows Ban Dân tộc's real nil reply and BQL's answer,
// marked as an illustration made from published sources.
func TestReport2023Demo(t *testing.T) {
	e := newAcctEnv(t, false)
	page := readBody(t, e.do(e.as(tViewer), "GET", "/report/2023", nil))
	for _, want := range []string{"Ban Dân tộc", "Nguyễn Thế Nhân", "không được giao nhiệm vụ", "minh họa, tổng hợp từ nguồn công bố",
		"348 dự án còn hiệu lực", "3006/SCT-QLCN", "QĐ 1664/QĐ-TTg"} {
		if !strings.Contains(page, want) {
			t.Errorf("/report/2023 lacks %q", want)
		}
	}
	if p25 := readBody(t, e.do(e.as(tViewer), "GET", "/report/2025", nil)); !strings.Contains(p25, "279,5% kế hoạch năm") {
		t.Error("/report/2025 lacks BQL's 2025 investment results")
	}
}
