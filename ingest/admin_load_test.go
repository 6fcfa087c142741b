package ingest

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/quangngai/chitieu/queries"
)

const targetsHeader = "plan,indicator,scope,period_start,period_end,kind,comparator,value_min,value_max,unit,source\n"

func loadAdmin(t *testing.T, in *Ingester, req queries.AdminLoad) queries.AdminLoadReport {
	t.Helper()
	rep, err := in.LoadAdmin(context.Background(), req)
	if err != nil {
		t.Fatalf("load %s: %v", req.Kind, err)
	}
	return rep
}

func problemsAt(rep queries.AdminLoadReport) []string {
	var out []string
	for _, p := range rep.Problems {
		out = append(out, p.Code+"@"+p.Location)
	}
	return out
}

// TestLoadAdminTargetNumbers: target values are read by the figure uploads' parser. A
// lone "1.500" (was read as 1.5, a target typed the Vietnamese way 1000× off) is
// ambiguous at its cell unless the file's other numbers show the convention; in a
// form it is ambiguous; a spreadsheet's number cell 1.5 is exact.
func TestLoadAdminTargetNumbers(t *testing.T) {
	t.Parallel()
	st, in := seeded(t)
	ctx := context.Background()
	req := queries.AdminLoad{Kind: queries.AdminTargets, Plan: "QD998-2021", FileName: "t.csv"}

	req.Content = []byte(targetsHeader + ",investment_new_capital,province_old,2021,2025,cumulative,at_least,1.500,,tỷ đồng,x\n")
	rep := loadAdmin(t, in, req)
	if got := problemsAt(rep); len(got) != 1 || got[0] != `ambiguous_number@dòng 2, cột "value_min"` {
		t.Fatalf("lone 1.500: %v", got)
	}
	if cur, _ := st.Targets(ctx, "QD998-2021"); len(cur) != 0 {
		t.Fatalf("a rejected file wrote %+v", cur)
	}

	// "7,5" on another row shows the Vietnamese convention: 1.500 is 1500.
	req.Content = []byte(targetsHeader + ",investment_new_capital,province_old,2021,2025,cumulative,at_least,1.500,,tỷ đồng,x\n" +
		",grdp_growth,province_old,2021,2025,period_average,between,\"7,5\",8,%,x\n")
	if rep = loadAdmin(t, in, req); len(rep.Problems) != 0 || rep.Saved != 2 {
		t.Fatalf("with 7,5: %+v", rep)
	}
	cur, _ := st.Targets(ctx, "QD998-2021")
	if len(cur) != 2 || cur[1].Indicator != "investment_new_capital" || cur[1].ValueMin.String() != "1500" || cur[0].ValueMin.String() != "7.5" {
		t.Fatalf("targets = %+v", cur)
	}

	// A form: nothing else shows the convention.
	form := map[string]string{"indicator": "grdp_growth", "scope": "province_old", "kind": "annual", "comparator": "at_least", "value_min": "1.500"}
	if rep = loadAdmin(t, in, queries.AdminLoad{Kind: queries.AdminTargets, Plan: "QD998-2021", Form: form}); len(rep.Problems) != 1 ||
		rep.Problems[0].Code != "ambiguous_number" || !strings.Contains(rep.Problems[0].MessageVI, "1500") {
		t.Fatalf("form 1.500: %+v", rep.Problems)
	}

	// XLSX: a number cell 1.5 is exact, a text cell "1.500" is someone's typing.
	f := excelize.NewFile()
	rows := [][]any{{"indicator", "scope", "kind", "comparator", "value_min", "value_max"},
		{"grdp_growth", "province_old", "annual", "between", 1.5, "1.500"}}
	for i, r := range rows {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		if err := f.SetSheetRow("Sheet1", cell, &r); err != nil {
			t.Fatal(err)
		}
	}
	buf, err := f.WriteToBuffer()
	if err != nil {
		t.Fatal(err)
	}
	req.Content = buf.Bytes()
	if got := problemsAt(loadAdmin(t, in, req)); len(got) != 1 || got[0] != "ambiguous_number@'Sheet1'!F2" {
		t.Fatalf("xlsx: %v", got)
	}
}

// TestLoadAdminTargetProblemsLocated: every bad row named at its cell, nothing saved;
// replace deletes the plan's targets that the file leaves out.
func TestLoadAdminTargetProblemsLocated(t *testing.T) {
	t.Parallel()
	st, in := seeded(t)
	ctx := context.Background()
	req := queries.AdminLoad{Kind: queries.AdminTargets, Plan: "QD998-2021", Replace: true, FileName: "t.csv"}
	req.Content = []byte(targetsHeader +
		",grdp_growth,province_old,2021,2025,period_average,between,7,8,%,x\n" +
		"DH-2025,grdp_growth,province_old,2021,2025,annual,at_least,7,,%,x\n" +
		",no_such,province_old,2021,2025,annual,at_least,7,,%,x\n" +
		",grdp_growth,nowhere,2026,2025,annual,sometimes,,,%,x\n" +
		",grdp_growth,province_old,2021,2025,annual,between,9,8,%,x\n" +
		",grdp_growth,province_old,2021,2025,annual,at_least,7,,%,x\n")
	got := strings.Join(problemsAt(loadAdmin(t, in, req)), " ")
	for _, want := range []string{`table_plan_mismatch@dòng 3, cột "plan"`, `table_unknown_indicator@dòng 4, cột "indicator"`,
		`table_unknown_scope@dòng 5, cột "scope"`, `table_period_order@dòng 5, cột "period_start"`, `table_one_of@dòng 5, cột "comparator"`,
		`table_min_max@dòng 6, cột "value_min"`, `table_duplicate@dòng 7, cột "indicator"`} {
		if !strings.Contains(got, want) {
			t.Errorf("missing %s in %s", want, got)
		}
	}
	if strings.Contains(got, "dòng 2,") {
		t.Errorf("the good row was reported: %s", got)
	}
	must := func(rep queries.AdminLoadReport) {
		t.Helper()
		if len(rep.Problems) != 0 {
			t.Fatalf("%+v", rep.Problems)
		}
	}
	req.Replace = false
	req.Content = []byte(targetsHeader + ",grdp_growth,province_old,2021,2025,period_average,between,7,8,%,x\n,industry_services_share_grdp,province_old,2025,2025,level_at_end,at_least,69,,%,x\n")
	must(loadAdmin(t, in, req))
	req.Replace = true
	req.Content = []byte(targetsHeader + ",grdp_growth,province_old,2021,2025,period_average,between,7,8,%,x\n")
	rep := loadAdmin(t, in, req)
	must(rep)
	if cur, _ := st.Targets(ctx, "QD998-2021"); len(cur) != 1 || rep.Deleted != 1 {
		t.Fatalf("after replace: %+v, deleted %d", cur, rep.Deleted)
	}
}

// TestLoadAdminCatalogueAndAssignments: the catalogue's dates in either writing (and
// an .xlsx date cell), duplicate codes, unknown codes of an assignment, and the
// figure uploads' file checks (an .ods is named, not "damaged").
func TestLoadAdminCatalogueAndAssignments(t *testing.T) {
	t.Parallel()
	st, in := seeded(t)
	ctx := context.Background()
	rep := loadAdmin(t, in, queries.AdminLoad{Kind: queries.AdminAgencies, FileName: "a.csv",
		Content: []byte("\ufeffcode;name_vi;valid_from;valid_to\nSX;Sở X;01/07/2025;2030-12-31\nSY;Sở Y;1/7/2025;\n")})
	if len(rep.Problems) != 0 || rep.Saved != 2 {
		t.Fatalf("agencies: %+v", rep)
	}
	ags, _ := st.Agencies(ctx)
	n := 0
	for _, a := range ags {
		if (a.Code == "SX" || a.Code == "SY") && a.ValidFrom != nil && a.ValidFrom.Format("2006-01-02") == "2025-07-01" {
			n++
		}
	}
	if n != 2 {
		t.Errorf("dates not read: %+v", ags)
	}
	f := excelize.NewFile()
	_ = f.SetSheetRow("Sheet1", "A1", &[]any{"code", "name_vi", "type", "valid_from", "area_ha"})
	_ = f.SetSheetRow("Sheet1", "A2", &[]any{"KCN-Z", "KCN Z", "IP", 45839, "1.234,5"})
	_ = f.SetSheetRow("Sheet1", "A3", &[]any{"KCN-Z", "KCN Z2", "IP", "bad", "x"})
	buf, _ := f.WriteToBuffer()
	got := strings.Join(problemsAt(loadAdmin(t, in, queries.AdminLoad{Kind: queries.AdminZones, FileName: "z.xlsx", Content: buf.Bytes()})), " ")
	for _, want := range []string{"table_date@'Sheet1'!D3", "not_a_number@'Sheet1'!E3", "table_duplicate@'Sheet1'!A3"} {
		if !strings.Contains(got, want) {
			t.Errorf("zones: missing %s in %s", want, got)
		}
	}
	if strings.Contains(got, "!D2") || strings.Contains(got, "!E2") {
		t.Errorf("zones: the good row was reported: %s", got)
	}
	got = strings.Join(problemsAt(loadAdmin(t, in, queries.AdminLoad{Kind: queries.AdminAssignments, FileName: "a.csv",
		Content: []byte("agency,indicator,scope\nNOPE,grdp_growth,province_old\nCTK,no_such,zone:XX\nCTK,*,zone:IP\n")})), " ")
	for _, want := range []string{`table_unknown_agency@dòng 2, cột "agency"`, `table_unknown_indicator@dòng 3, cột "indicator"`, `table_scope_pattern@dòng 3, cột "scope"`} {
		if !strings.Contains(got, want) {
			t.Errorf("assignments: missing %s in %s", want, got)
		}
	}
	ods, err := os.ReadFile(filepath.Join(corpusDir, "bad", "libreoffice-calc.ods"))
	if err != nil {
		t.Fatal(err)
	}
	if got := problemsAt(loadAdmin(t, in, queries.AdminLoad{Kind: queries.AdminZones, FileName: "z.ods", Content: ods})); len(got) != 1 || got[0] != "file_ods@" {
		t.Errorf("ods: %v", got)
	}
	if got := problemsAt(loadAdmin(t, in, queries.AdminLoad{Kind: queries.AdminZones, FileName: "z.csv", Content: []byte("a,b\n1,2\n")})); len(got) != 2 {
		t.Errorf("no columns: %v", got)
	}
}
