package ingest

import (
	"context"
	"strings"
	"testing"

	"github.com/quangngai/chitieu/queries"
)

// fuzzCatalogue is a small catalogue in memory, so the validator can be fuzzed without
// ClickHouse: two indicators of different kinds, scopes with validity years, an agency
// with assignments and one without, and a plan period.
func fuzzCatalogue() *catalogue {
	c := &catalogue{indicators: map[string]queries.Indicator{}, zones: map[string]queries.Zone{},
		scopes: map[string]queries.Scope{}, agencies: map[string]queries.Agency{}, assignments: map[string][]queries.Assignment{},
		yearMin: 2020, yearMax: 2030}
	c.indicators["grdp_growth"] = queries.Indicator{Code: "grdp_growth", Unit: "%", Kind: "rate"}
	c.indicators["investment_new_projects"] = queries.Indicator{Code: "investment_new_projects", Unit: "dự án", Kind: "count"}
	c.indicators["industry_services_share_grdp"] = queries.Indicator{Code: "industry_services_share_grdp", Unit: "%", Kind: "share"}
	c.scopes["province_old"] = queries.Scope{Code: "province_old", Kind: "province", ValidTo: date(2025, 6, 30)}
	c.scopes["province_new"] = queries.Scope{Code: "province_new", Kind: "province", ValidFrom: date(2025, 7, 1)}
	c.zones["VSIP1"] = queries.Zone{Code: "VSIP1", Type: "IP"}
	c.agencies["CTK"] = queries.Agency{Code: "CTK"}
	c.agencies["BQL"] = queries.Agency{Code: "BQL"}
	c.agencies["BDT"] = queries.Agency{Code: "BDT", ValidTo: date(2025, 2, 28), Successor: "SDTTG"}
	c.assignments["BQL"] = []queries.Assignment{{Agency: "BQL", Indicator: "*", Scope: "zone:*"}}
	return c
}

// validateCSV runs a CSV through the validator the way Ingester.read does, but
// without its recover: a panic here is a failure of the test.
func validateCSV(b []byte, req queries.UploadRequest) *validator {
	v := newValidator(fuzzCatalogue(), req, Limits{MaxRows: 10_000}.withDefaults())
	info := &sourceInfo{}
	v.info = info
	if probs := readCSV(context.Background(), b, info, v.row); len(probs) > 0 {
		return v
	}
	if !v.tooMany {
		v.duplicates()
		v.resolve()
	}
	return v
}

// noRuntimeText: no message, hint or value shown to a user carries a Go runtime error.
func noRuntimeText(t *testing.T, errs ...[]queries.IngestError) {
	t.Helper()
	for _, list := range errs {
		for _, e := range list {
			for _, s := range []string{e.MessageVI, e.MessageEN, e.HintVI, e.HintEN, e.Value, e.Location} {
				if strings.Contains(s, "runtime error") || strings.Contains(s, "goroutine ") || strings.Contains(s, "panic") {
					t.Fatalf("%s: runtime text in a user message: %q", e.Code, s)
				}
			}
		}
	}
}

// FuzzValidate: no CSV makes the validator (not only the CSV reader) panic, whatever
// its years, codes, values and order; and nothing it says carries runtime text.
func FuzzValidate(f *testing.F) {
	f.Add([]byte(csvHeader+"grdp_growth,province_old,CTK,,7,%,actual,,\ngrdp_growth,province_old,CTK,2024,7,%,actual,,\n"), uint16(0))
	f.Add([]byte(csvHeader+"grdp_growth,province_old,CTK,2O24,7,%,actual,,\ngrdp_growth,province_old,CTK,2024,7,%,actual,,\n"), uint16(0))
	f.Add([]byte(csvHeader+"grdp_growth,province_old,CTK,2024,7,%,actual,,\ngrdp_growth,province_old,CTK,2024,\"1.234\",%,actual,,\n"), uint16(2024))
	f.Add([]byte(csvHeader+"investment_new_projects,VSIP1,BQL,2199,-3,dự án,sơ bộ,,\nx,y,BDT,2026,1,,,,\n"), uint16(0))
	f.Add([]byte("year,indicator,scope,value\n1900,a,b,1\n2200,a,b,2\n,a,b,3\n"), uint16(0))
	f.Fuzz(func(t *testing.T, b []byte, year uint16) {
		v := validateCSV(b, queries.UploadRequest{Year: year})
		noRuntimeText(t, v.errs, v.warns)
	})
}

// TestYearlessRowBeforeGoodRow: a row with an empty or invalid year followed by a good
// row gives the year error at its line (it panicked in duplicates: index -2024).
func TestYearlessRowBeforeGoodRow(t *testing.T) {
	for name, year := range map[string]string{"empty": "", "invalid": "2O24"} {
		body := csvHeader + "grdp_growth,province_old,CTK," + year + ",7,%,actual,,\n" +
			"grdp_growth,province_old,CTK,2024,7,%,actual,,\n"
		v := validateCSV([]byte(body), queries.UploadRequest{})
		want := map[string]string{"empty": "year_missing", "invalid": "year_invalid"}[name]
		if len(v.errs) != 1 || v.errs[0].Code != want || v.errs[0].Location != `dòng 2, cột "year"` {
			t.Errorf("%s year: errors %+v, want one %s at line 2", name, v.errs, want)
		}
	}
}

// TestPanicMessageIsGeneric: what a recovered panic becomes carries a reference to the
// log, never the runtime's text (it said "The file cannot be read: runtime error: index
// out of range [-2024]").
func TestPanicMessageIsGeneric(t *testing.T) {
	var r any
	func() {
		defer func() { r = recover() }()
		var s []int
		i := -1
		_ = s[i+0]
	}()
	e := internalProblem("upload-123", "x.csv", r, nil)
	noRuntimeText(t, []queries.IngestError{e})
	if e.Code != "file_internal" || !strings.Contains(e.MessageVI, "upload-123") || !strings.Contains(e.MessageEN, "upload-123") {
		t.Errorf("problem = %+v", e)
	}
}

// TestRuntimeTextNeverQuoted: a library error quoted in a message ("damaged or
// incomplete (%s)") never carries a Go runtime error's text.
func TestRuntimeTextNeverQuoted(t *testing.T) {
	e := problem("file_corrupt", Location{}, "", "runtime error: invalid memory address or nil pointer dereference")
	noRuntimeText(t, []queries.IngestError{e})
	if e := problem("file_corrupt", Location{}, "", "zip: not a valid zip file"); !strings.Contains(e.MessageEN, "zip: not a valid zip file") {
		t.Errorf("an ordinary error is still quoted: %q", e.MessageEN)
	}
}
