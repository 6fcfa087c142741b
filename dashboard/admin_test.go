package dashboard

import (
	"bytes"
	"context"
	"encoding/csv"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"github.com/quangngai/chitieu/queries"
	"github.com/xuri/excelize/v2"
)

func TestAdminCreatesUserWhoSignsIn(t *testing.T) {
	t.Parallel()
	e := newAcctEnv(t, false)
	admin := e.as(tAdmin)
	form := url.Values{"_csrf": {admin.csrf}, "username": {"Chuyen.Vien"}, "name": {"Trần Thị <b>Bình</b>"},
		"role": {"analyst"}, "agencies": {"SCT", "BQL"}}
	resp := e.do(admin, "POST", "/admin/users", form)
	body := readBody(t, resp)
	if resp.StatusCode != 200 || resp.Header.Get("Cache-Control") != "no-store" {
		t.Fatalf("create: %d %q", resp.StatusCode, resp.Header.Get("Cache-Control"))
	}
	m := regexp.MustCompile(`<span class="onetime">([^<]+)</span>`).FindStringSubmatch(body)
	if m == nil {
		t.Fatalf("no one-time password shown:\n%s", body)
	}
	u, err := e.st.UserByName(context.Background(), "chuyen.vien")
	must(t, err)
	if u.Role != "analyst" || strings.Join(u.Agencies, ",") != "SCT,BQL" || strings.Contains(u.PasswordHash, m[1]) {
		t.Fatalf("stored %+v", u)
	}
	// The same name again is refused; an analyst without agency too.
	if r := e.do(admin, "POST", "/admin/users", form); r.StatusCode != http.StatusConflict {
		t.Fatalf("duplicate: %d", r.StatusCode)
	}
	if r := e.do(admin, "POST", "/admin/users", url.Values{"_csrf": {admin.csrf}, "username": {"x2"}, "role": {"analyst"}}); r.StatusCode != http.StatusBadRequest {
		t.Fatalf("analyst without agency: %d", r.StatusCode)
	}
	if r := e.do(admin, "POST", "/admin/users", url.Values{"_csrf": {admin.csrf}, "username": {"x3"}, "role": {"root"}}); r.StatusCode != http.StatusBadRequest {
		t.Fatalf("bad role: %d", r.StatusCode)
	}
	b := e.signinPage()
	if r := e.signin(b, "chuyen.vien", m[1]); r.StatusCode != http.StatusSeeOther {
		t.Fatalf("new user cannot sign in with the one-time password: %d", r.StatusCode)
	}
	// The list escapes what the admin typed.
	r := e.do(admin, "GET", "/admin/users", nil)
	list := readBody(t, r)
	if strings.Contains(list, "<b>Bình</b>") || !strings.Contains(list, "&lt;b&gt;Bình&lt;/b&gt;") {
		t.Fatal("user name not escaped in the list")
	}
	ev, _ := e.st.AuditEvents(context.Background(), queries.AuditFilter{Action: queries.AuditUserAdd})
	if len(ev) != 1 || ev[0].Actor != tAdmin || ev[0].ObjectID != "chuyen.vien" {
		t.Fatalf("audit %+v", ev)
	}
}

const targetsCSV = `plan,plan_name_vi,indicator,scope,period_start,period_end,kind,comparator,value_min,value_max,unit,source
,Kế hoạch thử,grdp_growth,province_old,2021,2025,period_average,between,"7,5",8,%/năm,998/QĐ-UBND
P_TEST,,industry_services_share_grdp,province_old,2025,2025,level_at_end,at_least,69,,%,998/QĐ-UBND
`

func TestAdminLoadsTargetsFromCSVAndXLSX(t *testing.T) {
	t.Parallel()
	e := newAcctEnv(t, false)
	admin := e.as(tAdmin)
	ctx := context.Background()
	resp := e.upPost(admin, "/admin/plans/P_TEST/targets/upload", "998.csv", []byte(targetsCSV), nil)
	if resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("CSV: %d %s", resp.StatusCode, readBody(t, resp))
	}
	got, err := e.st.Targets(ctx, tPlan)
	must(t, err)
	if len(got) != 2 || got[0].Indicator != "grdp_growth" || got[0].ValueMin.String() != "7.5" || got[1].ValueMax != nil {
		t.Fatalf("targets after CSV: %+v", got)
	}
	// A bad file writes nothing and names every bad row.
	bad := targetsCSV + "OTHER,,grdp_growth,province_old,2021,2025,period_average,between,7,,%,x\n,,no_such,province_old,2021,2025,annual,at_least,,,%,x\n"
	resp = e.upPost(admin, "/admin/plans/P_TEST/targets/upload", "bad.csv", []byte(bad), map[string]string{"replace": "1"})
	body := readBody(t, resp)
	if resp.StatusCode != http.StatusBadRequest || !strings.Contains(body, "dòng 4") || !strings.Contains(body, "dòng 5") {
		t.Fatalf("bad CSV: %d\n%s", resp.StatusCode, body)
	}
	if again, _ := e.st.Targets(ctx, tPlan); len(again) != 2 {
		t.Fatalf("a rejected file changed the targets: %+v", again)
	}
	// The XLSX, with replace: one target stays, the other is deleted.
	f := excelize.NewFile()
	rows := [][]any{{"plan", "indicator", "scope", "period_start", "period_end", "kind", "comparator", "value_min", "value_max", "unit", "source"},
		{"P_TEST", "grdp_growth", "province_old", 2021, 2025, "period_average", "between", 7, 8.5, "%/năm", "998/QĐ-UBND"}}
	for i, r := range rows {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		must(t, f.SetSheetRow("Sheet1", cell, &r))
	}
	var xb bytes.Buffer
	must(t, f.Write(&xb))
	resp = e.upPost(admin, "/admin/plans/P_TEST/targets/upload", "998.xlsx", xb.Bytes(), map[string]string{"replace": "1"})
	if resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("XLSX: %d %s", resp.StatusCode, readBody(t, resp))
	}
	got, _ = e.st.Targets(ctx, tPlan)
	if len(got) != 1 || got[0].ValueMin.String() != "7" || got[0].ValueMax.String() != "8.5" {
		t.Fatalf("targets after XLSX with replace: %+v", got)
	}
	// Delete the last one through its form.
	resp = e.do(admin, "POST", "/admin/plans/P_TEST/targets/delete", url.Values{"_csrf": {admin.csrf}, "indicator": {"grdp_growth"},
		"scope": {"province_old"}, "period_start": {"2021"}, "period_end": {"2025"}})
	if resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("delete: %d", resp.StatusCode)
	}
	if got, _ = e.st.Targets(ctx, tPlan); len(got) != 0 {
		t.Fatalf("after delete: %+v", got)
	}
	ev, _ := e.st.AuditEvents(ctx, queries.AuditFilter{Action: "target"})
	if len(ev) != 3 {
		t.Fatalf("audit of target changes: %+v", ev)
	}
	// Another plan in the path: 404.
	if r := e.upPost(admin, "/admin/plans/NOPE/targets/upload", "998.csv", []byte(targetsCSV), nil); r.StatusCode != http.StatusNotFound {
		t.Fatalf("unknown plan: %d", r.StatusCode)
	}
}

func TestAdminCatalogueUploadAndForm(t *testing.T) {
	t.Parallel()
	e := newAcctEnv(t, false)
	admin := e.as(tAdmin)
	ctx := context.Background()
	csvBody := "\ufeffcode;name_vi;level;valid_from\nSTEST;Sở Thử nghiệm;province;01/07/2025\n"
	resp := e.upPost(admin, "/admin/catalogue/upload", "agencies.csv", []byte(csvBody), map[string]string{"kind": "agencies"})
	if resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("agencies CSV: %d %s", resp.StatusCode, readBody(t, resp))
	}
	ags, _ := e.st.Agencies(ctx)
	found := false
	for _, a := range ags {
		if a.Code == "STEST" && a.ValidFrom != nil && a.ValidFrom.Format("2006-01-02") == "2025-07-01" {
			found = true
		}
	}
	if !found {
		t.Fatal("agency STEST not saved with its date")
	}
	resp = e.do(admin, "POST", "/admin/catalogue/zones", url.Values{"_csrf": {admin.csrf}, "code": {"KCN-X"}, "name_vi": {"KCN Thử"},
		"type": {"IP"}, "area_ha": {"1.234,5"}})
	if resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("zone form: %d %s", resp.StatusCode, readBody(t, resp))
	}
	zs, _ := e.st.Zones(ctx)
	for _, z := range zs {
		if z.Code == "KCN-X" && (z.AreaHa == nil || z.AreaHa.String() != "1234.5") {
			t.Fatalf("zone area %v", z.AreaHa)
		}
	}
	for _, bad := range []url.Values{{"code": {"a b"}, "name_vi": {"x"}, "type": {"IP"}}, {"code": {"Z"}, "name_vi": {"x"}, "type": {"XX"}}} {
		bad.Set("_csrf", admin.csrf)
		if r := e.do(admin, "POST", "/admin/catalogue/zones", bad); r.StatusCode != http.StatusBadRequest {
			t.Fatalf("bad zone %v: %d", bad, r.StatusCode)
		}
	}
	if r := e.do(admin, "POST", "/admin/catalogue/nothing", url.Values{"_csrf": {admin.csrf}}); r.StatusCode != http.StatusNotFound {
		t.Fatalf("unknown catalogue: %d", r.StatusCode)
	}
	if r := e.upPost(admin, "/admin/catalogue/upload", "x.exe", []byte("MZ"), map[string]string{"kind": "zones"}); r.StatusCode != http.StatusBadRequest {
		t.Fatalf("exe upload: %d", r.StatusCode)
	}
	if r := e.upPost(admin, "/admin/catalogue/upload", "x.xlsx", []byte("not a zip"), map[string]string{"kind": "zones"}); r.StatusCode != http.StatusBadRequest {
		t.Fatalf("broken xlsx: %d", r.StatusCode)
	}
}

func TestAuditPageAndCSVExport(t *testing.T) {
	t.Parallel()
	e := newAcctEnv(t, false)
	ctx := context.Background()
	must(t, e.st.RecordAudit(ctx,
		queries.AuditEvent{Actor: "=cmd|' /C calc'!A0", Action: queries.AuditSigninFail, Detail: "+SUM(1)", IP: "10.0.0.1"},
		queries.AuditEvent{Actor: "an", Action: queries.AuditUploadAccept, Agency: "SCT", ObjectID: "u1", Detail: "<script>alert(1)</script>"},
	))
	admin := e.as(tAdmin)
	resp := e.do(admin, "GET", "/admin/audit?agency=SCT", nil)
	body := readBody(t, resp)
	if resp.StatusCode != 200 || !strings.Contains(body, "&lt;script&gt;alert(1)&lt;/script&gt;") || strings.Contains(body, "calc") {
		t.Fatalf("audit page: %d, filtered and escaped?\n%s", resp.StatusCode, body)
	}
	resp = e.do(admin, "GET", "/admin/audit.csv", nil)
	raw := readBody(t, resp)
	if resp.StatusCode != 200 || !strings.HasPrefix(resp.Header.Get("Content-Type"), "text/csv") ||
		!strings.Contains(resp.Header.Get("Content-Disposition"), `.csv"`) {
		t.Fatalf("export: %d %v", resp.StatusCode, resp.Header)
	}
	rd := csv.NewReader(strings.NewReader(strings.TrimPrefix(raw, "\ufeff")))
	rd.Comma = ';' // the project's CSV convention (README), as every export
	recs, err := rd.ReadAll()
	must(t, err)
	var sawActor, sawDetail bool
	for _, r := range recs[1:] {
		for _, cell := range r {
			if cell != "" && strings.ContainsRune("=+-@\t\r", rune(cell[0])) {
				t.Fatalf("cell %q can run as a formula", cell)
			}
		}
		sawActor = sawActor || r[2] == "'=cmd|' /C calc'!A0"
		sawDetail = sawDetail || r[7] == "'+SUM(1)"
	}
	if !sawActor || !sawDetail {
		t.Fatalf("export lacks the neutralised cells:\n%s", raw)
	}
}

func TestAccountPasswordChange(t *testing.T) {
	t.Parallel()
	e := newAcctEnv(t, false)
	e.setPassword(tViewer, "mật-khẩu-cũ-12")
	me := e.as(tViewer)
	elsewhere := e.as(tViewer)
	resp := e.do(me, "POST", "/account/password", url.Values{"_csrf": {me.csrf}, "current": {"sai"}, "password": {"mật-khẩu-mới-12"}, "confirm": {"mật-khẩu-mới-12"}})
	if resp.StatusCode != http.StatusBadRequest {
		t.Fatalf("wrong current password: %d", resp.StatusCode)
	}
	resp = e.do(me, "POST", "/account/password", url.Values{"_csrf": {me.csrf}, "current": {"mật-khẩu-cũ-12"}, "password": {"ngắn"}, "confirm": {"ngắn"}})
	if resp.StatusCode != http.StatusBadRequest {
		t.Fatalf("short password: %d", resp.StatusCode)
	}
	resp = e.do(me, "POST", "/account/password", url.Values{"_csrf": {me.csrf}, "current": {"mật-khẩu-cũ-12"}, "password": {"mật-khẩu-mới-12"}, "confirm": {"mật-khẩu-mới-12"}})
	ck := cookieOf(resp, sessionCookie)
	if resp.StatusCode != http.StatusSeeOther || ck == nil || ck.Value == "" {
		t.Fatalf("change: %d", resp.StatusCode)
	}
	// This browser continues with its new session; the other one is signed out.
	if r := e.do(caller{cookies: []*http.Cookie{{Name: sessionCookie, Value: ck.Value}}}, "GET", "/account", nil); r.StatusCode != 200 {
		t.Fatalf("new session: %d", r.StatusCode)
	}
	if r := e.do(elsewhere, "GET", "/account", nil); r.StatusCode != http.StatusSeeOther {
		t.Fatalf("other session survived a password change: %d", r.StatusCode)
	}
	b := e.signinPage()
	if r := e.signin(b, tViewer, "mật-khẩu-mới-12"); r.StatusCode != http.StatusSeeOther {
		t.Fatalf("sign-in with the new password: %d", r.StatusCode)
	}
}

func TestAdminPagesRenderInBothLanguages(t *testing.T) {
	t.Parallel()
	e := newAcctEnv(t, false)
	admin := e.as(tAdmin)
	for _, p := range []string{"/admin", "/admin/users", "/admin/users/" + tSample, "/admin/catalogue", "/admin/assignments", "/admin/plans", "/admin/plans/P_TEST", "/admin/audit", "/account"} {
		for _, lg := range []string{"vi", "en"} {
			resp := e.do(admin, "GET", p+"?lang="+lg, nil)
			body := readBody(t, resp)
			if resp.StatusCode != 200 {
				t.Fatalf("%s (%s): %d\n%s", p, lg, resp.StatusCode, body)
			}
			if lg == "en" && !strings.Contains(body, "Sign out") || lg == "vi" && !strings.Contains(body, "Đăng xuất") {
				t.Errorf("%s (%s): user menu not in the page's language", p, lg)
			}
			if regexp.MustCompile(`>(admin|audit|user|signin|account|flash|role)\.[a-z.]+<`).MatchString(body) {
				t.Errorf("%s (%s): an untranslated message key shows", p, lg)
			}
		}
	}
}
