package ingest

import (
	"context"
	"strconv"
	"strings"
	"testing"
)

// manyStringsXLSX is a workbook whose shared-strings table holds n tiny distinct
// strings, the shape of the 17.5 MB file that took excelize 800 MB and a minute.
func manyStringsXLSX(t testing.TB, n int) []byte {
	var sst strings.Builder
	sst.WriteString(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n" +
		`<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="` + strconv.Itoa(n) + `" uniqueCount="` + strconv.Itoa(n) + `">`)
	for i := range n {
		sst.WriteString("<si><t>")
		sst.WriteString(strconv.FormatInt(int64(i), 36))
		sst.WriteString("</t></si>")
	}
	sst.WriteString("</sst>")
	return rawXLSX(t, `<sheetData>`+handHeader()+`<row r="5"><c r="A5" t="s"><v>0</v></c><c r="B5" t="s"><v>1</v></c></row></sheetData>`,
		map[string]string{"xl/sharedStrings.xml": sst.String()})
}

// TestXLSXSharedStringLimit: a workbook with more shared strings than the limit is
// refused by counting them in the zip, before excelize reads any (default limit,
// 1,000,000: one more is refused), and one within the limit is read.
func TestXLSXSharedStringLimit(t *testing.T) {
	lim := Limits{}.withDefaults()
	b := manyStringsXLSX(t, lim.MaxSharedStrings+1)
	probs := readXLSX(context.Background(), b, lim, &sourceInfo{}, func(*rawRow) bool { return true })
	if len(probs) != 1 || probs[0].Code != "file_too_many_strings" || !strings.Contains(probs[0].MessageVI, "quá nhiều ô/chuỗi") {
		t.Fatalf("problems = %+v", probs)
	}
	small := Limits{MaxSharedStrings: 100}.withDefaults()
	rows := 0
	if probs := readXLSX(context.Background(), manyStringsXLSX(t, 100), small, &sourceInfo{}, func(*rawRow) bool { rows++; return true }); len(probs) != 0 || rows != 1 {
		t.Errorf("100 strings, limit 100: %d rows, %+v", rows, probs)
	}
	if probs := readXLSX(context.Background(), manyStringsXLSX(t, 101), small, &sourceInfo{}, func(*rawRow) bool { return true }); len(probs) != 1 || probs[0].Code != "file_too_many_strings" {
		t.Errorf("101 strings, limit 100: %+v", probs)
	}
}

// TestXLSXCellLimit: cells are counted over every worksheet, prefixed tags included.
func TestXLSXCellLimit(t *testing.T) {
	var rows strings.Builder
	for r := 5; r < 25; r++ {
		n := strconv.Itoa(r)
		rows.WriteString(handRow(n, "zone_new_jobs", "DQ", "người", `<c r="D`+n+`"><v>1</v></c>`))
	}
	b := rawXLSX(t, `<sheetData>`+handHeader()+rows.String()+`</sheetData>`, nil)
	// handHeader has 8 cells, each row 4: 88 in all.
	for limit, want := range map[int]string{88: "", 87: "file_too_many_cells"} {
		probs := readXLSX(context.Background(), b, Limits{MaxCells: limit}.withDefaults(), &sourceInfo{}, func(*rawRow) bool { return true })
		got := ""
		if len(probs) > 0 {
			got = probs[0].Code
		}
		if got != want {
			t.Errorf("limit %d: %+v", limit, probs)
		}
	}
	if n := countElements(strings.NewReader(`<x:c r="A1"/><x:cols/><c>1</c><col/><c/>`), "c", 10); n != 3 {
		t.Errorf("counted %d cells, want 3", n)
	}
}

// BenchmarkXLSXCount: what counting the strings and cells of the 100,000-row bench
// workbook adds to an upload (unzip and scan, no allocation per cell).
func BenchmarkXLSXCount(b *testing.B) {
	body := benchXLSX(b, 100_000, 100, 1000)
	lim := Limits{}.withDefaults()
	b.ResetTimer()
	for b.Loop() {
		if p := xlsxTooLarge(body, lim); p != nil {
			b.Fatal(p)
		}
	}
}
