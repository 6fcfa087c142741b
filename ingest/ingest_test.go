package ingest

import (
	"context"
	"strings"
	"testing"

	"golang.org/x/text/unicode/norm"

	"github.com/quangngai/chitieu/queries"
)

const csvHeader = "indicator,scope,agency,year,value,unit,status,source,note\n"

func TestCSVRevisionsIdempotencyAndHistory(t *testing.T) {
	t.Parallel()
	st, in := seeded(t)
	ctx := context.Background()
	first := csvHeader +
		"investment_new_projects,VSIP1,BQL,2024,7,dự án,actual,Báo cáo 12/BC-BQL,\n" +
		"investment_new_capital,VSIP1,BQL,2024,\"1.234,5\",tỷ đồng,estimate,Báo cáo 12/BC-BQL,\n" +
		"zone_new_jobs,zones_bql,BQL,2024,8076,người,actual,,\n"
	req := queries.UploadRequest{FileName: "bql-2024.csv", Content: []byte(first), User: "analyst1"}

	// Dry run: a preview, nothing written.
	req.DryRun = true
	rep := ingestOK(t, in, req)
	if rep.Outcome != queries.UploadDryRun || rep.Counts.New != 3 || len(rep.Errors) != 0 {
		t.Fatalf("dry run = %+v", rep)
	}
	if cur, _ := st.CurrentFigures(ctx, queries.FigureFilter{Agencies: []string{"BQL"}}); len(cur) != 0 {
		t.Fatalf("dry run wrote %d figures", len(cur))
	}

	req.DryRun = false
	rep = ingestOK(t, in, req)
	if rep.Outcome != queries.UploadAccepted || rep.Counts.New != 3 || rep.Agency != "BQL" {
		t.Fatalf("first upload = %+v", rep)
	}
	cur, err := st.CurrentFigures(ctx, queries.FigureFilter{Agencies: []string{"BQL"}})
	if err != nil || len(cur) != 3 {
		t.Fatalf("current = %+v, %v", cur, err)
	}
	for _, c := range cur {
		if c.Indicator == "investment_new_capital" && (c.Value.String() != "1234.5" || c.Status != "estimate" || c.UploadID != rep.UploadID) {
			t.Fatalf("capital = %+v", c)
		}
	}

	// The same bytes again: a duplicate that changes nothing.
	dup := ingestOK(t, in, req)
	if dup.Outcome != queries.UploadDuplicate || dup.DuplicateOf != rep.UploadID || dup.Counts.Same != 3 {
		t.Fatalf("second upload = %+v", dup)
	}

	// A corrected file supersedes one value and says what changed.
	fixed := strings.Replace(first, "\"1.234,5\",tỷ đồng,estimate", "\"1.300\",tỷ đồng,actual", 1) // Vietnamese: 1300
	fixed = strings.Replace(fixed, ",7,", ",\"7,0\",", 1)
	rep2 := ingestOK(t, in, queries.UploadRequest{FileName: "bql-2024-sua.csv", Content: []byte(fixed), User: "analyst2"})
	if rep2.Outcome != queries.UploadAccepted || rep2.Counts.Changed != 1 || rep2.Counts.Same != 2 {
		t.Fatalf("correction = %+v", rep2)
	}
	var changed queries.PreviewItem
	for _, it := range rep2.Items {
		if it.Change == queries.ChangeChanged {
			changed = it
		}
	}
	if changed.Indicator != "investment_new_capital" || changed.OldValue != "1234.5" || changed.NewValue != "1300" {
		t.Fatalf("changed item = %+v", changed)
	}
	hist, err := st.FigureHistory(ctx, queries.FigureKey{Indicator: "investment_new_capital", Scope: "VSIP1", Agency: "BQL", Year: 2024})
	if err != nil || len(hist) != 2 || hist[0].UploadedBy != "analyst1" || hist[1].UploadedBy != "analyst2" || hist[1].UploadID != rep2.UploadID {
		t.Fatalf("history = %+v, %v", hist, err)
	}

	// "-" withdraws a value; the archive keeps every file.
	gone := csvHeader + "zone_new_jobs,zones_bql,BQL,2024,không có số liệu,người,actual,,\n"
	rep3 := ingestOK(t, in, queries.UploadRequest{FileName: "bql-rut.csv", Content: []byte(gone), User: "analyst2"})
	if rep3.Counts.Withdrawn != 1 {
		t.Fatalf("withdrawal = %+v", rep3)
	}
	cur, _ = st.CurrentFigures(ctx, queries.FigureFilter{Agencies: []string{"BQL"}})
	if len(cur) != 2 {
		t.Fatalf("after withdrawal %d figures, want 2", len(cur))
	}
	ups, err := st.ListUploads(ctx, queries.UploadFilter{Agencies: []string{"BQL"}})
	if err != nil || len(ups) != 5 {
		t.Fatalf("uploads = %d, %v; want 5 (dry run, accepted, duplicate, correction, withdrawal)", len(ups), err)
	}
	body, err := st.UploadContent(ctx, rep2.UploadID)
	if err != nil || string(body) != fixed {
		t.Fatalf("archived bytes differ: %v", err)
	}
	subs, _ := st.CurrentSubmissions(ctx, 2024, 2024)
	if len(subs) != 1 || subs[0].Agency != "BQL" || subs[0].Status != queries.SubmissionSubmitted || subs[0].Versions != 3 {
		t.Fatalf("submissions = %+v", subs)
	}
}

func TestCSVEveryErrorAtOnceAndNothingWritten(t *testing.T) {
	t.Parallel()
	st, in := seeded(t)
	ctx := context.Background()
	bad := csvHeader +
		"investment_new_projects,VSIP1,BQL,2024,7,dự án,actual,,\n" + // fine
		"no_such_indicator,VSIP1,BQL,2024,1,dự án,actual,,\n" + // line 3
		"investment_new_projects,NOWHERE,BQL,2024,1,dự án,actual,,\n" + // line 4
		"investment_new_capital,VSIP1,BQL,2024,5,triệu đồng,actual,,\n" + // line 5: unit
		"investment_new_projects,KCN-QP,BQL,2024,-2,dự án,actual,,\n" + // line 6: negative count
		"investment_new_projects,VSIP1,BQL,2024,8,dự án,actual,,\n" + // line 7: duplicate of line 2
		"grdp_growth,province_old,BQL,2024,7,%,actual,,\n" + // line 8: not assigned to BQL
		"zone_new_jobs,DQ,BQL,2024,nhiều,người,actual,,\n" + // line 9: not a number
		"zone_new_jobs,KCN-QP,BQL,2024,5,người,final,,\n" + // line 10: bad status
		"investment_new_projects,zones_bql,BQL,2019,5,dự án,actual,,\n" // line 11: year out of range
	rep := ingestOK(t, in, queries.UploadRequest{FileName: "bad.csv", Content: []byte(bad), User: "u"})
	if rep.Outcome != queries.UploadRejected {
		t.Fatalf("outcome = %s", rep.Outcome)
	}
	codes := errorCodes(rep)
	want := map[string]string{
		"indicator_unknown": "dòng 3, cột \"indicator\"",
		"scope_unknown":     "dòng 4, cột \"scope\"",
		"unit_mismatch":     "dòng 5, cột \"unit\"",
		"negative_value":    "dòng 6, cột \"value\"",
		"duplicate_figure":  "dòng 7, cột \"indicator\"",
		"not_assigned":      "dòng 8, cột \"indicator\"",
		"not_a_number":      "dòng 9, cột \"value\"",
		"status_invalid":    "dòng 10, cột \"status\"",
		"year_range":        "dòng 11, cột \"year\"",
	}
	for code, loc := range want {
		if len(codes[code]) == 0 || codes[code][0] != loc {
			t.Errorf("%s at %v, want %s", code, codes[code], loc)
		}
	}
	for _, e := range rep.Errors {
		if e.MessageVI == "" || e.MessageEN == "" || e.HintVI == "" {
			t.Errorf("error %s lacks a message or hint: %+v", e.Code, e)
		}
	}
	if cur, _ := st.CurrentFigures(ctx, queries.FigureFilter{}); len(cur) != 0 {
		t.Fatalf("a rejected file wrote %d figures", len(cur))
	}
	u, err := st.UploadByID(ctx, rep.UploadID)
	if err != nil || u.Outcome != queries.UploadRejected || !strings.Contains(u.Report, "indicator_unknown") {
		t.Fatalf("rejected upload not archived with its report: %+v, %v", u, err)
	}
	if body, err := st.UploadContent(ctx, rep.UploadID); err != nil || string(body) != bad {
		t.Fatalf("rejected bytes not archived: %v", err)
	}
}

func TestAgencyOfUploaderMustMatch(t *testing.T) {
	t.Parallel()
	_, in := seeded(t)
	rep := ingestOK(t, in, queries.UploadRequest{FileName: "x.csv", Agency: "CTK", User: "ctk1",
		Content: []byte(csvHeader + "investment_new_projects,VSIP1,BQL,2024,7,dự án,actual,,\n")})
	if rep.Outcome != queries.UploadRejected || len(errorCodes(rep)["agency_mismatch"]) != 1 {
		t.Fatalf("report = %+v", rep)
	}
}

func TestAmbiguousNumbersNeedTheColumn(t *testing.T) {
	t.Parallel()
	_, in := seeded(t)
	alone := csvHeader + "investment_new_capital,VSIP1,BQL,2024,1.234,tỷ đồng,actual,,\n"
	rep := ingestOK(t, in, queries.UploadRequest{FileName: "a.csv", Content: []byte(alone), DryRun: true})
	if codes := errorCodes(rep); len(codes["ambiguous_number"]) != 1 {
		t.Fatalf("errors = %+v", rep.Errors)
	}
	if e := rep.Errors[0]; !strings.Contains(e.MessageVI, "1234") || !strings.Contains(e.MessageVI, "1.234") {
		t.Fatalf("message does not say both readings: %s", e.MessageVI)
	}
	// Another value written the Vietnamese way settles it: 1.234 is 1234.
	settled := alone + "investment_new_capital,KCN-QP,BQL,2024,\"12,5\",tỷ đồng,actual,,\n"
	rep = ingestOK(t, in, queries.UploadRequest{FileName: "b.csv", Content: []byte(settled), DryRun: true})
	if len(rep.Errors) != 0 || rep.Items[0].NewValue != "1234" {
		t.Fatalf("report = %+v", rep)
	}
	mixed := settled + "investment_new_capital,DQ,BQL,2024,\"1,234.5\",tỷ đồng,actual,,\n"
	rep = ingestOK(t, in, queries.UploadRequest{FileName: "c.csv", Content: []byte(mixed), DryRun: true})
	if len(errorCodes(rep)["mixed_convention"]) != 1 {
		t.Fatalf("errors = %+v", rep.Errors)
	}
}

func TestSemicolonBOMAndNFD(t *testing.T) {
	t.Parallel()
	_, in := seeded(t)
	// macOS and some web forms write decomposed (NFD) Vietnamese.
	row := norm.NFD.String("investment_new_capital;VSIP1;BQL;2024;1.234,5;tỷ đồng;Ước thực hiện;;\n")
	if row == norm.NFC.String(row) {
		t.Fatal("test data is not decomposed")
	}
	body := "\ufeffindicator;scope;agency;year;value;unit;status;source;note\n" + row
	rep := ingestOK(t, in, queries.UploadRequest{FileName: "nfd.csv", Content: []byte(body), DryRun: true})
	if len(rep.Errors) != 0 || rep.Items[0].NewValue != "1234.5" || rep.Items[0].Status != "estimate" {
		t.Fatalf("report = %+v", rep)
	}
}

func TestJSONUpload(t *testing.T) {
	t.Parallel()
	st, in := seeded(t)
	body := `{"agency":"CTK","year":2024,"figures":[
		{"indicator":"grdp_growth","scope":"province_old","value":7.02,"unit":"%","status":"actual","source":"Cục Thống kê"},
		{"indicator":"industry_services_share_grdp","scope":"province_old","value":"68,4"},
		{"indicator":"industry_services_share_grdp","scope":"province_new","value":140}]}`
	rep := ingestOK(t, in, queries.UploadRequest{FileName: "api.json", Content: []byte(body), User: "api"})
	codes := errorCodes(rep)
	if rep.Outcome != queries.UploadRejected || len(codes["share_range"]) != 1 || codes["share_range"][0] != "figures[2].value" {
		t.Fatalf("report = %+v", rep)
	}
	body = strings.Replace(body, `,
		{"indicator":"industry_services_share_grdp","scope":"province_new","value":140}`, "", 1)
	rep = ingestOK(t, in, queries.UploadRequest{FileName: "api.json", Content: []byte(body), User: "api"})
	if rep.Outcome != queries.UploadAccepted || rep.Counts.New != 2 || rep.Kind != queries.KindJSON {
		t.Fatalf("report = %+v", rep)
	}
	cur, _ := st.CurrentFigures(context.Background(), queries.FigureFilter{Agencies: []string{"CTK"}})
	if len(cur) != 2 || cur[1].Value.String() != "68.4" {
		t.Fatalf("current = %+v", cur)
	}
}

// A JSON null could mean "not known yet" or "withdraw": it is refused at its field,
// never accepted as a silent no-op.
func TestJSONNullValueIsRefused(t *testing.T) {
	t.Parallel()
	_, in := seeded(t)
	body := `{"agency":"CTK","year":2024,"figures":[
		{"indicator":"grdp_growth","scope":"province_old","value":null}]}`
	rep := ingestOK(t, in, queries.UploadRequest{FileName: "api.json", Content: []byte(body), User: "api", DryRun: true})
	codes := errorCodes(rep)
	if rep.Outcome != queries.UploadRejected || len(codes["json_null_value"]) != 1 || codes["json_null_value"][0] != "figures[0].value" {
		t.Fatalf("report = %+v", rep)
	}
}
