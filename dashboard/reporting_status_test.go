package dashboard

import (
	"regexp"
	"strings"
	"testing"
)

// Issue 21.6: /reporting?year=2025 listed 27 agencies as "Chưa gửi", among them the
// 13 district committees abolished on 30/6/2025, the departments dissolved in 2/2025
// and both Ban Dân tộc and its successor.
func TestReportingExpectsAgenciesThatExist(t *testing.T) {
	base, _ := startTestServer(t, nil)
	body := fetch(t, base+"/reporting?year=2025").Body
	owing := body[strings.Index(body, `id="table-owing"`):]
	owing = owing[:strings.Index(owing, "</table>")]
	for _, gone := range []string{">UBND-BS<", ">UBND-TPQN<", ">SKHDT<", ">SGTVT<", ">BDT<", ">SCT<"} {
		if strings.Contains(owing, gone) {
			t.Errorf("2025 owing lists %s, which did not exist on the round's day (or compiles it)", gone)
		}
	}
	if n := strings.Count(owing, "<tr>") - 1; n != 6 {
		t.Errorf("2025 owing lists %d agencies, want the 6 departments in being", n)
	}
	mustContain(t, "2025 owing", pageText(owing), "Sở Dân tộc và Tôn giáo (kế thừa Ban Dân tộc)",
		"Sở Tài chính (kế thừa Sở Kế hoạch và Đầu tư)", "chưa có văn bản yêu cầu")
	if strings.Contains(owing, "văn bản không nêu hạn") {
		t.Error("no request letter for 2025, yet the rows say the letter states no deadline")
	}
}

// Issue 21.7: one status for one agency and year, on the register, the agency-year
// page and the report's annex; the register opens on the latest year.
func TestOneReportingStatusEverywhere(t *testing.T) {
	base, _ := startTestServer(t, nil)
	def := pageText(fetch(t, base+"/reporting").Body)
	mustContain(t, "default round", def, "Cơ quan chưa gửi báo cáo năm 2025")
	reg := fetch(t, base+"/reporting?year=2023").Body
	state := func(code string) string {
		m := regexp.MustCompile(`<td class="st (sub-\w+)"[^>]*><a href="/reporting/` + code + `/2023">`).FindStringSubmatch(reg)
		if m == nil {
			t.Fatalf("%s 2023 not on the register", code)
		}
		return m[1]
	}
	// BQL answered the 2023 outline (a letter): submitted. CTK sent no letter but its
	// figures are loaded from published sources.
	if st := state("BQL"); st != "sub-submitted" {
		t.Errorf("BQL 2023 on the register: %s, want submitted (its answer is in the report)", st)
	}
	if st := state("CTK"); st != "sub-published" {
		t.Errorf("CTK 2023 on the register: %s, want published figures", st)
	}
	bql := pageText(fetch(t, base+"/reporting/BQL/2023").Body)
	if strings.Contains(bql, "không gửi báo cáo") {
		t.Errorf("/reporting/BQL/2023 says no report, the register says submitted: %.300s", bql)
	}
	ctk := pageText(fetch(t, base+"/reporting/CTK/2023").Body)
	if strings.Contains(ctk, "Số liệu cơ quan đã gửi") {
		t.Error("/reporting/CTK/2023 says no report, then titles the figures 'sent by the agency'")
	}
	rep := fetch(t, base+"/report/2023").Body
	missing := rep[strings.Index(rep, `id="annex-missing"`):]
	missing = missing[:strings.Index(missing, "</ul>")]
	if strings.Contains(missing, "Thống kê") || strings.Contains(missing, "Ban Quản lý") {
		t.Errorf("the annex lists CTK or BQL as not answered: %s", pageText(missing))
	}
	mustContain(t, "annex published", rep[strings.Index(rep, `id="annex-published"`):], "Thống kê tỉnh Quảng Ngãi")
	mustContain(t, "2023 owing rows", pageText(reg), "văn bản không nêu hạn")
}
