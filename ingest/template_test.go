package ingest

import (
	"bytes"
	"context"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/quangngai/chitieu/queries"
)

// fillTemplate types values into a template's editable cells, as an analyst would:
// by the indicator and scope written on each row.
func fillTemplate(t *testing.T, tmpl []byte, values map[[2]string]any, edit func(f *excelize.File, row int, ind, scope string)) []byte {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(tmpl))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := f.GetRows(DataSheet)
	if err != nil {
		t.Fatal(err)
	}
	for i, r := range rows {
		if i+1 < templateFirstRow || len(r) < 4 {
			continue
		}
		n := i + 1
		if v, ok := values[[2]string{r[1], r[3]}]; ok {
			if err := f.SetCellValue(DataSheet, "G"+itoa(n), v); err != nil {
				t.Fatal(err)
			}
		}
		if edit != nil {
			edit(f, n, r[1], r[3])
		}
	}
	buf, err := f.WriteToBuffer()
	if err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func itoa(n int) string { return excelizeRow(n) }

func excelizeRow(n int) string {
	c, _ := excelize.CoordinatesToCellName(1, n)
	return c[1:]
}

func TestTemplateFilledUploadsWithoutEdit(t *testing.T) {
	t.Parallel()
	st, in := seeded(t)
	ctx := context.Background()
	tmpl, err := in.Template(ctx, "BQL", 2024)
	if err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(bytes.NewReader(tmpl))
	if err != nil {
		t.Fatal(err)
	}
	sheets := f.GetSheetList()
	if len(sheets) != 2 || sheets[0] != DataSheet || sheets[1] != InstructionsSheet {
		t.Fatalf("sheets = %v", sheets)
	}
	dvs, _ := f.GetDataValidations(DataSheet)
	if len(dvs) != 1 || dvs[0].Type != "list" {
		t.Fatalf("data validations = %+v", dvs)
	}
	rows, _ := f.GetRows(DataSheet)
	f.Close()
	// BQL reports its zone indicators for zones_bql, the EZ and the parks, not clusters
	// or the province.
	got := map[string]bool{}
	for _, r := range rows[templateFirstRow-1:] {
		got[r[1]+"/"+r[3]] = true
	}
	for _, k := range []string{"investment_new_projects/zones_bql", "investment_new_projects/DQ", "investment_new_projects/VSIP1", "zone_new_jobs/KCN-QP"} {
		if !got[k] {
			t.Errorf("template lacks %s", k)
		}
	}
	for _, k := range []string{"investment_new_projects/CCN-TAT", "grdp_growth/province_old"} {
		if got[k] {
			t.Errorf("template has %s, not BQL's", k)
		}
	}

	// Untouched, it uploads and says there is nothing to write.
	rep := ingestOK(t, in, queries.UploadRequest{FileName: "empty.xlsx", Content: tmpl, User: "bql1", Agency: "BQL"})
	if rep.Outcome != queries.UploadAccepted || rep.Rows != 0 || len(rep.Errors) != 0 {
		t.Fatalf("blank template: %+v", rep)
	}

	filled := fillTemplate(t, tmpl, map[[2]string]any{
		{"investment_new_projects", "VSIP1"}:    7,
		{"investment_new_capital", "VSIP1"}:     "1.234,5",
		{"investment_new_capital", "zones_bql"}: 25400.75,
		{"zone_new_jobs", "zones_bql"}:          "8 076",
		{"investment_new_projects", "KCN-QP"}:   "-",
	}, func(f *excelize.File, n int, ind, scope string) {
		if ind == "investment_new_capital" && scope == "VSIP1" {
			_ = f.SetCellValue(DataSheet, "H"+itoa(n), "Ước thực hiện")
			_ = f.SetCellValue(DataSheet, "I"+itoa(n), "Báo cáo 05/BC-BQL")
		}
	})
	rep = ingestOK(t, in, queries.UploadRequest{FileName: "bql.xlsx", Content: filled, User: "bql1", Agency: "BQL"})
	if rep.Outcome != queries.UploadAccepted || rep.Counts.New != 4 || rep.Counts.NoData != 1 || rep.Kind != queries.KindXLSX {
		t.Fatalf("filled template: %+v", rep)
	}
	cur, _ := st.CurrentFigures(ctx, queries.FigureFilter{Agencies: []string{"BQL"}, YearFrom: 2024, YearTo: 2024})
	vals := map[string]string{}
	for _, c := range cur {
		vals[c.Indicator+"/"+c.Scope] = c.Value.String() + " " + c.Status + " " + c.Source
	}
	want := map[string]string{
		"investment_new_projects/VSIP1":    "7 actual ",
		"investment_new_capital/VSIP1":     "1234.5 estimate Báo cáo 05/BC-BQL",
		"investment_new_capital/zones_bql": "25400.75 actual ",
		"zone_new_jobs/zones_bql":          "8076 actual ",
	}
	for k, v := range want {
		if vals[k] != v {
			t.Errorf("%s = %q, want %q", k, vals[k], v)
		}
	}

	// The next template carries the current values: uploading it back changes nothing.
	again, err := in.Template(ctx, "BQL", 2024)
	if err != nil {
		t.Fatal(err)
	}
	rep = ingestOK(t, in, queries.UploadRequest{FileName: "again.xlsx", Content: again, User: "bql1", Agency: "BQL"})
	if rep.Outcome != queries.UploadAccepted || rep.Counts.Same != 4 || rep.Counts.New+rep.Counts.Changed != 0 {
		t.Fatalf("re-upload of prefilled template: %+v", rep)
	}
}

func TestTemplateUnknownAgency(t *testing.T) {
	t.Parallel()
	_, in := seeded(t)
	if _, err := in.Template(context.Background(), "NOPE", 2024); err == nil {
		t.Fatal("want an error")
	}
}
