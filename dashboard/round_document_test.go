package dashboard

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/quangngai/chitieu/queries"
)

// getAs fetches a page or file as the given session, waiting out an export job (503
// with Retry-After).
func getAs(t *testing.T, e *acctEnv, who caller, path string) []byte {
	t.Helper()
	req := httptest.NewRequest("GET", path, nil)
	for _, ck := range who.cookies {
		req.AddCookie(ck)
	}
	for i := 0; ; i++ {
		resp, err := e.app.Test(req.Clone(context.Background()), -1)
		must(t, err)
		b, _ := io.ReadAll(resp.Body)
		if resp.StatusCode == http.StatusServiceUnavailable && resp.Header.Get("Retry-After") != "" && i < 120 {
			time.Sleep(time.Second)
			continue
		}
		if resp.StatusCode != 200 {
			t.Fatalf("GET %s: %d %.300s", path, resp.StatusCode, b)
		}
		return b
	}
}

// Issue 20: a 2026 round opened on /admin/outlines, naming no outline, opens from the
// template with its years resolved (part V: "NĂM 2027"); the report cites the round's own
// request and the 2025–2030 plan in force, prints the signer's name and the recipients
// typed, and none of 2023's text. The page and the outline editor read in English too.
func TestRoundOpenedInTheUIPrintsItsOwnDocument(t *testing.T) {
	e := newAcctEnv(t, false)
	admin := e.as(tAdmin)
	resp := e.do(admin, "POST", "/admin/outlines/round", url.Values{"_csrf": {admin.csrf}, "year": {"2026"}, "outline": {""},
		"letter_no": {"2950/SCT-QLCN"}, "letter_date": {"05/12/2026"}, "deadline": {"20/12/2026"},
		"about":  {"báo cáo tình hình thực hiện Nghị quyết về phát triển công nghiệp năm 2026"},
		"signer": {"Trần Thị Hoa"}, "signer_position": {"KT. GIÁM ĐỐC\r\nPHÓ GIÁM ĐỐC"},
		"recipients": {"- Như trên;\r\nVăn phòng UBND tỉnh;\r\nLưu: VT, QLCN."}})
	if resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("open round: %d %s", resp.StatusCode, readBody(t, resp))
	}
	doc := docxText(t, getAs(t, e, admin, "/report/2026/report.docx"))
	mustContain(t, "2026 report", doc, "NĂM 2027",
		"Công văn số 2950/SCT-QLCN ngày 05/12/2026 của Sở Công Thương về việc báo cáo tình hình thực hiện Nghị quyết về phát triển công nghiệp năm 2026",
		"Nghị quyết Đại hội đại biểu Đảng bộ tỉnh Quảng Ngãi lần thứ I nhiệm kỳ 2025-2030", "Trần Thị Hoa",
		"- Văn phòng UBND tỉnh;", "- Lưu: VT, QLCN.")
	for _, never := range []string{"NĂM 2024", "3006/SCT-QLCN", "Kế hoạch số 136/KH-UBND", "(người ký)", "đơn vị đã gửi)"} {
		if strings.Contains(doc, never) {
			t.Errorf("the 2026 report prints %q", never)
		}
	}
	list := string(getAs(t, e, admin, "/admin/outlines?lang=en"))
	mustContain(t, "rounds in English", list, "Plan in force", "Trần Thị Hoa", "DHI-2025", "DC-2026")
	// ?year= fills the form with the round as it stands, so an edit starts from it.
	form := string(getAs(t, e, admin, "/admin/outlines?year=2026"))
	mustContain(t, "the 2026 round's form", form, `name="signer" maxlength="100" value="Trần Thị Hoa"`, `value="2950/SCT-QLCN"`,
		`value="05/12/2026"`, "Văn phòng UBND tỉnh\nLưu: VT, QLCN</textarea>", `<option value="DHI-2025" selected>`)
	// Citations emptied on the edit form are gone; an empty field on a new round's
	// form (no "editing") keeps them.
	post := func(editing bool, citations string) {
		t.Helper()
		v := url.Values{"_csrf": {admin.csrf}, "year": {"2026"}, "deadline": {"20/12/2026"}, "citations": {citations}}
		if editing {
			v.Set("editing", "1")
		}
		if resp := e.do(admin, "POST", "/admin/outlines/round", v); resp.StatusCode != http.StatusSeeOther {
			t.Fatalf("round form: %d %s", resp.StatusCode, readBody(t, resp))
		}
	}
	post(true, "Quyết định số 77/QĐ-UBND ngày 01/02/2026 của UBND tỉnh")
	mustContain(t, "a cited document", string(getAs(t, e, admin, "/admin/outlines?year=2026")), "Quyết định số 77/QĐ-UBND")
	post(false, "")
	mustContain(t, "citations kept by an empty new-round form", string(getAs(t, e, admin, "/admin/outlines?year=2026")), "Quyết định số 77/QĐ-UBND")
	post(true, "")
	if form := string(getAs(t, e, admin, "/admin/outlines?year=2026")); strings.Contains(form, "Quyết định số 77/QĐ-UBND") || !strings.Contains(form, `name="editing" value="1"`) {
		t.Error("citations emptied on the edit form are still there, or the form is not marked as an edit")
	}
	editor := string(getAs(t, e, admin, "/admin/outlines/DC-2026?lang=en"))
	mustContain(t, "outline editor in English", editor, "One item a line", "Outline DC-2026", "năm 2027")
	if strings.Contains(editor, "Mỗi dòng") || strings.Contains(editor, "Đề cương báo cáo<") {
		t.Error("the outline editor shows Vietnamese interface text in English")
	}
}

// The report's charts name each target band's plan in words, never by its code.
func TestReportChartBandsNamePlansInWords(t *testing.T) {
	cat := &catalog{plan: map[string]queries.Plan{"DHXX-2020": {Code: "DHXX-2020",
		NameVI: "Nghị quyết Đại hội Đảng bộ tỉnh Quảng Ngãi lần thứ XX (2021-2025)"}}}
	got := bandsInWords([]band{{Label: "DHXX-2020: 69–70 %"}, {Label: "KHAC: ≥ 5 %"}}, cat)
	if got[0].Label != "Nghị quyết Đại hội Đảng bộ tỉnh Quảng Ngãi lần thứ XX (2021-2025): 69–70 %" || got[1].Label != "KHAC: ≥ 5 %" {
		t.Fatalf("band labels: %q, %q", got[0].Label, got[1].Label)
	}
}
