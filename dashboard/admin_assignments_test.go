package dashboard

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/quangngai/chitieu/queries"
)

func hasAssignment(list []queries.Assignment, agency, indicator, scope string) bool {
	for _, a := range list {
		if a.Agency == agency && a.Indicator == indicator && a.Scope == scope {
			return true
		}
	}
	return false
}

func TestAdminAssignmentFormAndDelete(t *testing.T) {
	t.Parallel()
	e := newAcctEnv(t, false)
	admin := e.as(tAdmin)
	ctx := context.Background()
	resp := e.do(admin, "POST", "/admin/assignments", url.Values{"_csrf": {admin.csrf}, "agency": {"SCT"},
		"indicator": {"zone_new_jobs"}, "scope": {"zone:IC"}, "note": {"<b>thử</b>"}, "f_agency": {"SCT"}})
	if resp.StatusCode != http.StatusSeeOther || !strings.Contains(resp.Header.Get("Location"), "agency=SCT") {
		t.Fatalf("add: %d %q %s", resp.StatusCode, resp.Header.Get("Location"), readBody(t, resp))
	}
	got, err := e.st.Assignments(ctx, "SCT")
	must(t, err)
	if !hasAssignment(got, "SCT", "zone_new_jobs", "zone:IC") {
		t.Fatalf("not read back at once: %+v", got)
	}
	// The filtered page shows it, escaped, and not another agency's rows.
	body := readBody(t, e.do(admin, "GET", "/admin/assignments?agency=SCT&indicator=zone_new_jobs", nil))
	if !strings.Contains(body, "zone:IC") || !strings.Contains(body, "&lt;b&gt;thử&lt;/b&gt;") || strings.Contains(body, "<td>BQL</td>") {
		t.Fatalf("filtered page:\n%s", body)
	}
	// Unknown codes and a bad pattern are refused, each named.
	resp = e.do(admin, "POST", "/admin/assignments", url.Values{"_csrf": {admin.csrf}, "agency": {"NOPE"},
		"indicator": {"no_such"}, "scope": {"zone:XX"}})
	body = readBody(t, resp)
	if resp.StatusCode != http.StatusBadRequest || !strings.Contains(body, "NOPE") || !strings.Contains(body, "no_such") || !strings.Contains(body, "zone:XX") {
		t.Fatalf("bad form: %d\n%s", resp.StatusCode, body)
	}
	resp = e.do(admin, "POST", "/admin/assignments/delete", url.Values{"_csrf": {admin.csrf}, "agency": {"SCT"},
		"indicator": {"zone_new_jobs"}, "scope": {"zone:IC"}})
	if resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("delete: %d", resp.StatusCode)
	}
	if got, _ = e.st.Assignments(ctx, "SCT"); hasAssignment(got, "SCT", "zone_new_jobs", "zone:IC") {
		t.Fatalf("still there after delete: %+v", got)
	}
	if r := e.do(admin, "POST", "/admin/assignments/delete", url.Values{"_csrf": {admin.csrf}, "agency": {"SCT"},
		"indicator": {"zone_new_jobs"}, "scope": {"zone:IC"}}); r.StatusCode != http.StatusNotFound {
		t.Fatalf("delete again: %d", r.StatusCode)
	}
	ev, _ := e.st.AuditEvents(ctx, queries.AuditFilter{Action: queries.AuditCatalogue})
	n := 0
	for _, x := range ev {
		if x.ObjectKind == "assignment" && x.ObjectID == "SCT/zone_new_jobs/zone:IC" && x.Actor == tAdmin {
			n++
		}
	}
	if n != 2 {
		t.Fatalf("audit of the add and the delete: %+v", ev)
	}
}

func TestAdminAssignmentsUpload(t *testing.T) {
	t.Parallel()
	e := newAcctEnv(t, false)
	admin := e.as(tAdmin)
	ctx := context.Background()
	before, err := e.st.Assignments(ctx, "")
	must(t, err)
	// A bad file: every bad row named by line, nothing written.
	bad := "agency,indicator,scope,note\nSCT,zone_new_jobs,zone:IC,ok\nNOPE,zone_new_jobs,DQ,x\nSCT,no_such,DQ,x\nSCT,zone_new_jobs,nowhere,x\nSCT,zone_new_jobs,zone:IC,again\n"
	resp := e.upPost(admin, "/admin/assignments/upload", "bad.csv", []byte(bad), nil)
	body := readBody(t, resp)
	if resp.StatusCode != http.StatusBadRequest {
		t.Fatalf("bad CSV: %d\n%s", resp.StatusCode, body)
	}
	for _, l := range []string{"dòng 3", "dòng 4", "dòng 5", "dòng 6"} {
		if !strings.Contains(body, l) {
			t.Errorf("bad CSV: %s not named\n%s", l, body)
		}
	}
	if strings.Contains(body, "dòng 2:") {
		t.Errorf("the good row was reported:\n%s", body)
	}
	if after, _ := e.st.Assignments(ctx, ""); len(after) != len(before) {
		t.Fatalf("a rejected file changed the assignments: %d then %d", len(before), len(after))
	}
	// A file without the columns.
	if r := e.upPost(admin, "/admin/assignments/upload", "x.csv", []byte("a,b\n1,2\n"), nil); r.StatusCode != http.StatusBadRequest {
		t.Fatalf("no columns: %d", r.StatusCode)
	}
	// The seed file itself loads (same columns, every code in the catalogue).
	seed, err := os.ReadFile(filepath.Join("..", "ingest", "assignments_seed.csv"))
	must(t, err)
	resp = e.upPost(admin, "/admin/assignments/upload", "assignments_seed.csv", seed, nil)
	if resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("seed CSV: %d %s", resp.StatusCode, readBody(t, resp))
	}
	// A good file with a semicolon, as Excel saves it.
	good := "agency;indicator;scope;note\nSCT;zone_new_jobs;zone:IC;thử\nSCT;*;province:*;\n"
	resp = e.upPost(admin, "/admin/assignments/upload", "good.csv", []byte(good), nil)
	if resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("good CSV: %d %s", resp.StatusCode, readBody(t, resp))
	}
	got, _ := e.st.Assignments(ctx, "SCT")
	if !hasAssignment(got, "SCT", "zone_new_jobs", "zone:IC") || !hasAssignment(got, "SCT", "*", "province:*") {
		t.Fatalf("after the good CSV: %+v", got)
	}
	ev, _ := e.st.AuditEvents(ctx, queries.AuditFilter{Action: queries.AuditCatalogue})
	if len(ev) != 2 || ev[0].ObjectKind != "assignment" {
		t.Fatalf("audit of the loads: %+v", ev)
	}
}

// After an admin adds an indicator and assigns it, the agency's upload of it is
// accepted; before the assignment it is refused.
func TestAdminAssignmentLetsAgencyUpload(t *testing.T) {
	t.Parallel()
	e := newUploadEnv(t, nil)
	admin := e.as(tAdmin)
	sct := e.as(tAnalyst)
	resp := e.do(admin, "POST", "/admin/catalogue/indicators", url.Values{"_csrf": {admin.csrf}, "code": {"test_assigned"},
		"name_vi": {"Chỉ tiêu thử"}, "unit": {"người"}, "aggregation": {"none"}})
	if resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("indicator: %d %s", resp.StatusCode, readBody(t, resp))
	}
	api := []byte(`{"agency":"SCT","year":2024,"figures":[{"indicator":"test_assigned","scope":"DQ","value":7,"unit":"người","status":"actual","source":"API"}]}`)
	send := func() queries.IngestReport {
		t.Helper()
		r := e.upSend(sct, "POST", "/api/uploads", bytes.NewReader(api),
			map[string]string{"Content-Type": "application/json", "X-CSRF-Token": sct.csrf})
		body := readBody(t, r)
		var rep queries.IngestReport
		if err := json.Unmarshal([]byte(body), &rep); err != nil {
			t.Fatalf("status %d: %s", r.StatusCode, body)
		}
		return rep
	}
	if rep := send(); rep.Outcome != queries.UploadRejected {
		t.Fatalf("before the assignment: %+v", rep)
	}
	resp = e.do(admin, "POST", "/admin/assignments", url.Values{"_csrf": {admin.csrf}, "agency": {"SCT"},
		"indicator": {"test_assigned"}, "scope": {"zone:EZ"}})
	if resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("assign: %d %s", resp.StatusCode, readBody(t, resp))
	}
	if rep := send(); rep.Outcome != queries.UploadAccepted {
		t.Fatalf("after the assignment: %+v", rep)
	}
}
