package ingest

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// readXLSXTrace reads a workbook and describes everything the reader produced.
func readXLSXTrace(b []byte, fast bool) string {
	info := &sourceInfo{}
	lim := Limits{UnzipSizeLimit: 8 << 20, UnzipXMLSizeLimit: 1 << 20, ExcelizeOnly: !fast}.withDefaults()
	var out strings.Builder
	probs := readXLSX(context.Background(), b, lim, info, func(r *rawRow) bool {
		fmt.Fprintf(&out, "row %d %q pre=%d num=%v err=%s/%s at %s\n", r.n, r.f, r.pre, r.num, r.errMsg, r.errArg, info.loc(r.n, fValue))
		return true
	})
	for _, p := range probs {
		fmt.Fprintf(&out, "problem %s %s %s\n", p.Code, p.Location, p.Value)
	}
	fmt.Fprintf(&out, "agency %q %v year %q %v\n", info.agency, info.agencyLoc, info.year, info.yearLoc)
	for _, w := range info.warnings {
		fmt.Fprintf(&out, "warning %s %s\n", w.Code, w.Location)
	}
	return out.String()
}

func compareXLSXPaths(t *testing.T, name string, b []byte) {
	t.Helper()
	fast, slow := readXLSXTrace(b, true), readXLSXTrace(b, false)
	if fast != slow {
		t.Errorf("%s: fast scanner and excelize differ\nfast:\n%s\nexcelize:\n%s", name, fast, slow)
	}
}

// TestXLSXScannerMatchesExcelize: every workbook of the corpus reads the same through
// the data sheet's scanner and through excelize's Rows().
func TestXLSXScannerMatchesExcelize(t *testing.T) {
	n := 0
	for _, dir := range []string{filepath.Join(corpusDir, "good"), filepath.Join(corpusDir, "bad"), "testdata/fuzz/FuzzReadXLSX"} {
		entries, err := os.ReadDir(dir)
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range entries {
			b, err := os.ReadFile(filepath.Join(dir, e.Name()))
			if err != nil {
				t.Fatal(err)
			}
			if strings.HasPrefix(dir, "testdata/fuzz") {
				// go test fuzz corpus files: "go test fuzz v1\n[]byte(...)"
				continue
			}
			if !strings.HasSuffix(e.Name(), ".xlsx") {
				continue
			}
			n++
			compareXLSXPaths(t, e.Name(), b)
		}
	}
	for i, sheet := range scannerSheets() {
		compareXLSXPaths(t, fmt.Sprintf("sheet %d", i), rawXLSX(t, "", map[string]string{"xl/worksheets/sheet1.xml": sheet}))
		n++
	}
	compareXLSXPaths(t, "minimal", minimalXLSX(t))
	if n < 15 {
		t.Errorf("only %d workbooks compared", n)
	}
}

// scannerSheets are hand-written sheets for the places the scanner is picky about.
func scannerSheets() []string {
	w := func(body string) string {
		return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n" +
			`<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>` + handHeader() + body + `</sheetData></worksheet>`
	}
	px := func(body string) string {
		return `<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData>` +
			strings.NewReplacer("<row", "<x:row", "</row", "</x:row", "<c", "<x:c", "</c", "</x:c", "<v>", "<x:v>", "</v>", "</x:v>",
				"<is>", "<x:is>", "</is>", "</x:is>", "<t>", "<x:t>", "</t>", "</x:t>").Replace(handHeader()+body) + `</x:sheetData></x:worksheet>`
	}
	return []string{
		w(handRow("5", "zone_new_jobs", "zones_bql", "người", `<c r="D5"><v>8076</v></c>`)),
		w(handRow("5", "zone_new_jobs", "zones_bql", "người", `<c r="D5" s="1"><v>0.684</v></c>`)),
		w(handRow("5", "zone_new_jobs", "zones_bql", "người", `<c r="D5" s="2"><v>45291</v></c>`) + handRow("6", "a", "b", "c", `<c r="D6"><v>1</v></c>`)),
		w(handRow("5", "zone_new_jobs", "zones_bql", "người", `<c r="D5" t="b"><v>1</v></c>`)),
		w(handRow("5", "zone_new_jobs", "zones_bql", "người", `<c r="D5" t="e"><f>1/0</f><v>#DIV/0!</v></c>`)),
		w(handRow("5", "zone_new_jobs", "zones_bql", "người", `<c r="D5"><f>1+1</f></c>`)),
		w(handRow("5", "zone_new_jobs", "zones_bql", "người", `<c r="D5" t="str"><f>A1</f><v>1.234</v></c>`)),
		w(handRow("5", "zone_new_jobs", "zones_bql", "người", `<c r="D5" t="inlineStr"><is><r><t>1.</t></r><r><t xml:space="preserve">234</t></r></is></c>`)),
		w(handRow("5", "a&amp;b", "zones&#x20;bql", "&#273;", `<c r="D5"><v>1.234</v></c>`)),
		w(`<row>` + is("A5", "x") + `<c/><c t="inlineStr"><is><t>y</t></is></c><c><v>7</v></c></row><row><c><v>1</v></c></row>`),
		w(`<row r="7" hidden="1">` + is("A7", "x") + is("B7", "y") + `<c r="D7"><v>3</v></c></row><row r="6"><c r="D6"><v>4</v></c></row>`),
		w(`<row r="5"><c r="D5"><v>1</v></c><c r="B5" t="inlineStr"><is><t>z</t></is></c></row>`),
		w(`<row r="5"><!-- note --><c r="A5" t="inlineStr"><is><t>q</t></is></c><c r="D5"><v><![CDATA[5]]></v></c></row>`),
		w(`<row r="5"><c r="A5" t="inlineStr"><is><t>q&nbsp;</t></is></c><c r="D5"><v>5</v></c></row>`),
		w(`<row r="5"><c r="a5" t="inlineStr"><is><t>q</t></is></c><c r="D5"><v>5</v></c></row>`),
		w(`<row r="5"><c r="A5" t="d"><v>2024-01-01</v></c><c r="D5"><v>5</v></c></row>`),
		w(`<row r="5"><c r="A5" t="s"><v>0</v></c><c r="D5"><v>5</v></c></row>`),
		w(`<row r="5"><c r="A5" t="inlineStr"><is><t>q</t></is></c><c r="D5"><v>5</v></c></row><c r="E5"><v>1</v></c>`),
		px(handRow("5", "zone_new_jobs", "zones_bql", "người", `<c r="D5"><v>12.5</v></c>`)),
		w(`<row r="5"><c r="A5" t="inlineStr"><is><t>q</t></is></c><c r="D5"><v>5</v>`),
	}
}

// FuzzXLSXScanner: for any sheet XML, the scanner and excelize read the same rows
// and problems.
func FuzzXLSXScanner(f *testing.F) {
	for _, s := range scannerSheets() {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, sheet string) {
		b := rawXLSX(t, "", map[string]string{"xl/worksheets/sheet1.xml": sheet})
		compareXLSXPaths(t, "fuzzed", b)
	})
}

// TestDisplayedValuesPanicIsRecovered: a panic in the goroutine that reads displayed
// values (excelize, outside the reader's recover) reaches the reader's goroutine as a
// panic its recover catches, instead of ending the process.
func TestDisplayedValuesPanicIsRecovered(t *testing.T) {
	b := rawXLSX(t, `<sheetData>`+handHeader()+handRow("5", "zone_new_jobs", "DQ", "người", `<c r="D5" s="1"><v>0.5</v></c>`)+`</sheetData>`, nil)
	lim := Limits{ExcelizeOnly: true}.withDefaults()
	f, perr := openXLSX(b, lim)
	if perr != nil {
		t.Fatal(perr)
	}
	defer f.Close()
	x := &xlsxReader{f: f, small: true, shownColumns: func(*excelize.Rows) ([]string, error) {
		var m map[string]int
		m["boom"]++ // a nil map write: a runtime panic
		return nil, nil
	}}
	for i := range x.cols {
		x.cols[i] = -1
	}
	sheet, headerRow, header, probs := findDataSheet(f)
	if len(probs) > 0 {
		t.Fatal(probs)
	}
	x.sheet = sheet
	if probs := x.readHeader(header, headerRow); len(probs) > 0 {
		t.Fatal(probs)
	}
	x.lazyBool = !displayMatters(f)
	if x.lazyBool {
		t.Fatal("the workbook's percent style should need displayed values")
	}
	var got any
	func() {
		defer func() { got = recover() }()
		_, _ = x.excelizeRows(context.Background(), &sourceInfo{loc: func(int, field) Location { return Location{} }}, headerRow, 1,
			func(*rawRow) bool { return true })
	}()
	if p, ok := got.(*goroutinePanic); !ok || !strings.Contains(p.String(), "nil map") {
		t.Fatalf("recovered %v", got)
	}
}
