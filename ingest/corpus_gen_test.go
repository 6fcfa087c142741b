package ingest

import (
	"archive/zip"
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/unicode/norm"
)

// go test ./ingest -run TestGenerateCorpus -update rewrites testdata/ingest from this
// file. The files are kept in git so the corpus test reads bytes, not this code.
var update = flag.Bool("update", false, "rewrite the testdata/ingest corpus")

const corpusDir = "../testdata/ingest"

// rawXLSX zips a workbook written by hand the way other tools write it: shared or
// inline strings, styles with built-in number formats, rows and cells with or without
// their r attributes.
func rawXLSX(tb testing.TB, sheetXML string, extra map[string]string) []byte {
	tb.Helper()
	files := map[string]string{
		"[Content_Types].xml": `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>`,
		"_rels/.rels": `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
		"xl/workbook.xml": `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Chỉ tiêu" sheetId="1" r:id="rId1"/></sheets></workbook>`,
		"xl/_rels/workbook.xml.rels": `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
		// Styles: 0 General, 1 percent (numFmt 10 "0.00%"), 2 date (numFmt 14), 3 "#,##0.00" (numFmt 4).
		"xl/styles.xml": `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border/></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="4"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="10" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="4" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs></styleSheet>`,
		"xl/sharedStrings.xml": `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="0" uniqueCount="0"></sst>`,
		"xl/worksheets/sheet1.xml": `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">` + sheetXML + `</worksheet>`,
	}
	for k, v := range extra {
		files[k] = v
	}
	var buf bytes.Buffer
	z := zip.NewWriter(&buf)
	for _, name := range []string{"[Content_Types].xml", "_rels/.rels", "xl/workbook.xml", "xl/_rels/workbook.xml.rels", "xl/styles.xml", "xl/sharedStrings.xml", "xl/worksheets/sheet1.xml"} {
		w, err := z.Create(name)
		if err != nil {
			tb.Fatal(err)
		}
		if _, err := w.Write([]byte(files[name])); err != nil {
			tb.Fatal(err)
		}
	}
	if err := z.Close(); err != nil {
		tb.Fatal(err)
	}
	return buf.Bytes()
}

// is writes an inline-string cell, as streaming writers (and many non-Excel tools) do.
func is(ref, s string) string {
	return `<c r="` + ref + `" t="inlineStr"><is><t>` + s + `</t></is></c>`
}

// handHeader is the header and metadata of a hand-written sheet for BQL 2024.
func handHeader() string {
	return `<row r="1">` + is("A1", "Mã đơn vị:") + is("B1", "BQL") + `</row>` +
		`<row r="2">` + is("A2", "Năm:") + `<c r="B2"><v>2024</v></c></row>` +
		`<row r="4">` + is("A4", "Mã chỉ tiêu") + is("B4", "Mã khu/phạm vi") + is("C4", "Đơn vị tính") + is("D4", "Giá trị") + `</row>`
}

func handRow(n, ind, scope, unit, valueCell string) string {
	return `<row r="` + n + `">` + is("A"+n, ind) + is("B"+n, scope) + is("C"+n, unit) + valueCell + `</row>`
}

func excelizeBook(tb testing.TB, build func(f *excelize.File, sh string)) []byte {
	tb.Helper()
	f := excelize.NewFile()
	defer f.Close()
	sh := DataSheet
	_ = f.SetSheetName("Sheet1", sh)
	rows := [][]any{{"Mã đơn vị:", "BQL"}, {"Năm:", 2024}, {}, {"Mã chỉ tiêu", "Mã khu/phạm vi", "Đơn vị tính", "Giá trị", "Trạng thái"}}
	for i, r := range rows {
		_ = f.SetSheetRow(sh, "A"+itoa(i+1), &r)
	}
	build(f, sh)
	buf, err := f.WriteToBuffer()
	if err != nil {
		tb.Fatal(err)
	}
	return buf.Bytes()
}

func TestGenerateCorpus(t *testing.T) {
	if !*update {
		t.Skip("run with -update to rewrite testdata/ingest")
	}
	bad := map[string][]byte{}
	good := map[string][]byte{}
	h := csvHeader
	row := func(s string) string { return s + "\n" }

	// Whole-file problems.
	bad["empty.csv"] = nil
	bad["blank-lines.csv"] = []byte("  \r\n\r\n")
	garbage := make([]byte, 4096)
	for i := range garbage {
		garbage[i] = byte(i*7919 + i/13)
	}
	bad["binary-garbage.bin"] = garbage
	bad["renamed-from-xls.xlsx"] = append(append([]byte{}, oleMagic...), bytes.Repeat([]byte{0}, 1024)...)
	bad["html-saved-as.xls"] = []byte("<html><body><table><tr><td>Mã chỉ tiêu</td></tr></table></body></html>")
	good["template-bql-2024.xlsx"] = excelizeBook(t, func(f *excelize.File, sh string) {
		_ = f.SetSheetRow(sh, "A5", &[]any{"investment_new_projects", "VSIP1", "dự án", 7, "Thực hiện"})
		_ = f.SetSheetRow(sh, "A6", &[]any{"investment_new_capital", "VSIP1", "tỷ đồng", "1.234,5", "Ước thực hiện"})
	})
	whole := good["template-bql-2024.xlsx"]
	bad["truncated.xlsx"] = whole[:len(whole)/2]
	bad["zip-bomb.xlsx"] = zipBomb(t)
	bad["xml-bomb.xlsx"] = rawXLSX(t, ``, map[string]string{"xl/worksheets/sheet1.xml": `<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;"><!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;"><!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">]>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&lol4;</t></is></c></row></sheetData></worksheet>`})
	bad["zip-not-a-workbook.xlsx"] = func() []byte {
		var buf bytes.Buffer
		z := zip.NewWriter(&buf)
		w, _ := z.Create("readme.txt")
		_, _ = w.Write([]byte("not a workbook"))
		_ = z.Close()
		return buf.Bytes()
	}()
	bad["wrong-sheet.xlsx"] = buildXLSX(t, "Sheet1", [][]any{{"Báo cáo năm 2024"}, {"Chỉ tiêu", "Kết quả"}, {"Vốn đăng ký", 1234}})
	bad["merged-header.xlsx"] = excelizeBook(t, func(f *excelize.File, sh string) {
		_ = f.SetSheetRow(sh, "A4", &[]any{"Mã chỉ tiêu", nil, "Đơn vị tính", "Giá trị"})
		_ = f.MergeCell(sh, "A4", "B4")
		_ = f.SetSheetRow(sh, "A5", &[]any{"investment_new_projects", "VSIP1", "dự án", 7})
	})
	bad["formula-errors.xlsx"] = rawXLSX(t, `<sheetData>`+handHeader()+
		handRow("5", "investment_new_capital", "VSIP1", "tỷ đồng", `<c r="D5" t="e"><f>1/0</f><v>#DIV/0!</v></c>`)+`</sheetData>`, nil)
	bad["formula-no-cached-value.xlsx"] = excelizeBook(t, func(f *excelize.File, sh string) {
		_ = f.SetSheetRow(sh, "A5", &[]any{"investment_new_capital", "VSIP1", "tỷ đồng"})
		_ = f.SetCellFormula(sh, "D5", "=100*2")
	})
	bad["date-for-number.xlsx"] = rawXLSX(t, `<sheetData>`+handHeader()+
		handRow("5", "investment_new_capital", "VSIP1", "tỷ đồng", `<c r="D5" s="2"><v>45291</v></c>`)+`</sheetData>`, nil)
	bad["boolean-for-number.xlsx"] = rawXLSX(t, `<sheetData>`+handHeader()+
		handRow("5", "investment_new_projects", "VSIP1", "dự án", `<c r="D5" t="b"><v>1</v></c>`)+`</sheetData>`, nil)
	bad["text-for-number.xlsx"] = excelizeBook(t, func(f *excelize.File, sh string) {
		_ = f.SetSheetRow(sh, "A5", &[]any{"investment_new_projects", "VSIP1", "dự án", "khoảng bảy"})
	})
	bad["huge-dimensions.xlsx"] = rawXLSX(t, `<dimension ref="A1:XFD1048576"/><sheetData>`+handHeader()+
		handRow("5", "no_such_indicator", "VSIP1", "dự án", `<c r="D5"><v>3</v></c>`)+
		`<row r="1048576"><c r="XFD1048576"><v>1</v></c></row></sheetData>`, nil)
	bad["row-beyond-excel-limit.xlsx"] = rawXLSX(t, `<sheetData>`+handHeader()+`<row r="2000000"><c r="A2000000"><v>1</v></c></row></sheetData>`, nil)
	bad["percent-share-over-100.xlsx"] = rawXLSX(t, `<sheetData>`+handHeader()+
		handRow("5", "zone_new_jobs", "zones_bql", "người", `<c r="D5" s="3"><v>8076</v></c>`)+
		`<row r="6">`+is("A6", "ip_wastewater_compliance")+is("B6", "zones_bql")+`<c r="D6" s="1"><v>1.25</v></c></row></sheetData>`, nil)

	// CSV: encodings and layout.
	// 8-bit Vietnamese encodings: VNI and TCVN3 are refused (named), Windows-1258 is read.
	bad["vni-not-utf8.csv"] = []byte(h + "investment_new_capital,VSIP1,BQL,2024,5,ty\xfb \xf1o\xe0ng,actual,S\xf4\xfb Co\xe2ng Th\xf6\xf4ng,\n")
	bad["tcvn3-not-utf8.csv"] = []byte(h + "investment_new_capital,VSIP1,BQL,2024,5,t\xfb \xae\xe5ng,actual,S\xeb C\xabng Th\xad\xacng,\n")
	good["windows1258.csv"] = toWindows1258(tb(t), "indicator;scope;agency;year;value;unit;status;source;note\r\n"+
		"investment_new_capital;VSIP1;BQL;2024;1.234,5;tỷ đồng;Ước thực hiện;Báo cáo của Ban Quản lý;Số liệu ước tính đến hết năm\r\n")
	bad["utf16-unknown-scope.csv"] = utf16LE("indicator\tscope\tagency\tyear\tvalue\nzone_new_jobs\tKCN-XYZ\tBQL\t2024\t5\n")
	bad["bom-semicolon-ambiguous.csv"] = []byte("\ufeffindicator;scope;agency;year;value;unit\ninvestment_new_capital;VSIP1;BQL;2024;1.234;tỷ đồng\n")
	bad["nfd-wrong-unit.csv"] = []byte(h + "investment_new_capital,VSIP1,BQL,2024,5,tri\u00ea\u0323u \u0111o\u0302\u0300ng,actual,,\n")
	bad["unclosed-quote.csv"] = []byte(h + "investment_new_capital,VSIP1,BQL,2024,\"5,tỷ đồng,actual,,\n")
	bad["field-count.csv"] = []byte(h + "investment_new_capital,VSIP1,BQL,2024,5,5,tỷ đồng,actual,,\n")
	bad["no-header.csv"] = []byte("investment_new_capital,VSIP1,BQL,2024,5,tỷ đồng,actual,,\n")
	bad["no-value-column.csv"] = []byte("indicator,scope,agency,year,unit\ninvestment_new_capital,VSIP1,BQL,2024,tỷ đồng\n")
	bad["duplicate-figure.csv"] = []byte(h + row("zone_new_jobs,DQ,BQL,2024,5,người,actual,,") + row("zone_new_jobs,DQ,BQL,2024,6,người,actual,,"))
	bad["share-out-of-range.csv"] = []byte(h + row("industry_services_share_grdp,province_old,CTK,2024,\"168,4\",%,actual,,"))
	bad["negative-count.csv"] = []byte(h + row("investment_new_projects,VSIP1,BQL,2024,-3,dự án,actual,,"))
	bad["fractional-count.csv"] = []byte(h + row("investment_new_projects,VSIP1,BQL,2024,\"2,5\",dự án,actual,,"))
	bad["unknown-agency.csv"] = []byte(h + row("grdp_growth,province_old,XYZ,2024,7,%,actual,,"))
	bad["agency-merged-away.csv"] = []byte(h + row("grdp_growth,province_new,BDT,2026,7,%,actual,,"))
	// A row without a valid year before a good one (the validator once indexed its
	// duplicate table with year 0 and panicked).
	bad["empty-year-then-valid.csv"] = []byte(h + row("grdp_growth,province_old,CTK,,7,%,actual,,") + row("grdp_growth,province_old,CTK,2024,7,%,actual,,"))
	bad["invalid-year-then-valid.csv"] = []byte(h + row("grdp_growth,province_old,CTK,2O24,7,%,actual,,") + row("grdp_growth,province_old,CTK,2024,7,%,actual,,"))
	bad["year-outside-plans.csv"] = []byte(h + row("grdp_growth,province_old,CTK,2035,7,%,actual,,"))
	bad["old-province-in-2026.csv"] = []byte(h + row("grdp_growth,province_old,CTK,2026,7,%,actual,,"))
	bad["not-assigned.csv"] = []byte(h + row("grdp_growth,province_old,BQL,2024,7,%,actual,,"))
	bad["percent-for-count.csv"] = []byte(h + row("investment_new_projects,VSIP1,BQL,2024,12%,,actual,,"))
	bad["mixed-conventions.csv"] = []byte(h + row("investment_new_capital,VSIP1,BQL,2024,\"12,5\",tỷ đồng,,,") + row("investment_new_capital,DQ,BQL,2024,\"1,234.5\",tỷ đồng,,,") + row("investment_new_capital,KCN-QP,BQL,2024,2.500,tỷ đồng,,,"))
	bad["bad-digit-groups.csv"] = []byte(h + row("investment_new_capital,VSIP1,BQL,2024,12 34,tỷ đồng,actual,,"))
	bad["bad-status.csv"] = []byte(h + row("investment_new_capital,VSIP1,BQL,2024,5,tỷ đồng,final,,"))
	bad["missing-codes.csv"] = []byte(h + row(",VSIP1,BQL,2024,5,tỷ đồng,actual,,") + row("zone_new_jobs,,BQL,2024,5,người,actual,,"))

	// JSON.
	bad["syntax.json"] = []byte(`{"agency":"BQL","year":2024,"figures":[{"indicator":"zone_new_jobs",}]}`)
	bad["unknown-field.json"] = []byte(`{"agency":"BQL","year":2024,"figures":[{"indicator":"zone_new_jobs","scope":"DQ","valeur":5}]}`)
	bad["number-as-object.json"] = []byte(`{"agency":"BQL","year":2024,"figures":[{"indicator":"zone_new_jobs","scope":"DQ","value":{"x":1}}]}`)

	// Good files from several writers.
	good["example.csv"] = []byte(h +
		row("investment_new_projects,VSIP1,BQL,2024,7,dự án,actual,Báo cáo số 05/BC-BQL ngày 06/01/2025,") +
		row("investment_new_capital,VSIP1,BQL,2024,\"1.234,5\",tỷ đồng,estimate,Báo cáo số 05/BC-BQL ngày 06/01/2025,ước đến 31/12") +
		row("investment_new_capital,zones_bql,BQL,2024,\"25.400,75\",tỷ đồng,actual,Báo cáo số 05/BC-BQL ngày 06/01/2025,") +
		row("zone_new_jobs,zones_bql,BQL,2024,8 076,người,actual,,") +
		row("zone_new_jobs,KCN-QP,BQL,2024,-,người,actual,,không có số liệu"))
	good["excel-semicolon-bom.csv"] = []byte("\ufeffsep=;\r\nindicator;scope;agency;year;value;unit;status;source;note\r\nzone_new_jobs;DQ;BQL;2024;1.250;người;Thực hiện;;\r\ninvestment_new_capital;DQ;BQL;2024;12,5;tỷ đồng;Sơ bộ;;\r\n")
	good["handwritten-percent-inline.xlsx"] = rawXLSX(t, `<sheetData>`+handHeader()+
		handRow("5", "zone_new_jobs", "zones_bql", "người", `<c r="D5" s="3"><v>8076</v></c>`)+
		`<row>`+`<c t="inlineStr"><is><t>ip_wastewater_compliance</t></is></c><c t="inlineStr"><is><t>zones_bql</t></is></c><c/><c s="1"><v>0.684</v></c></row></sheetData>`, nil)
	good["api.json"] = []byte(`{"agency":"BQL","year":2024,"figures":[{"indicator":"zone_new_jobs","scope":"DQ","value":1250,"unit":"người","status":"actual","source":"API"},{"indicator":"investment_new_capital","scope":"DQ","value":"12,5"}]}`)

	for dir, files := range map[string]map[string][]byte{"bad": bad, "good": good} {
		for name, b := range files {
			if err := os.WriteFile(filepath.Join(corpusDir, dir, name), b, 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	_ = strings.TrimSpace
}

// zipBomb is a workbook whose sheet unpacks to 300 MB of spaces: the zip is 300 KB.
func zipBomb(tb testing.TB) []byte {
	tb.Helper()
	var buf bytes.Buffer
	z := zip.NewWriter(&buf)
	w, err := z.Create("xl/worksheets/sheet1.xml")
	if err != nil {
		tb.Fatal(err)
	}
	chunk := bytes.Repeat([]byte(" "), 1<<20)
	for i := 0; i < 300; i++ {
		_, _ = w.Write(chunk)
	}
	_ = z.Close()
	return buf.Bytes()
}

func utf16LE(s string) []byte {
	out := []byte{0xFF, 0xFE}
	for _, r := range s {
		out = append(out, byte(r), byte(r>>8))
	}
	return out
}

func tb(t *testing.T) testing.TB { return t }

// toWindows1258 encodes text the way Vietnamese Windows saves "CSV (Comma delimited)":
// letters with circumflex, breve or horn precomposed, tones as combining marks.
func toWindows1258(t testing.TB, s string) []byte {
	t.Helper()
	enc := charmap.Windows1258.NewEncoder()
	var out []byte
	for _, r := range norm.NFC.String(s) {
		if b, err := enc.Bytes([]byte(string(r))); err == nil {
			out = append(out, b...)
			continue
		}
		var base, tones []rune
		for _, m := range norm.NFD.String(string(r)) {
			switch m {
			case 0x300, 0x301, 0x303, 0x309, 0x323:
				tones = append(tones, m)
			default:
				base = append(base, m)
			}
		}
		b, err := enc.Bytes([]byte(norm.NFC.String(string(base)) + string(tones)))
		if err != nil {
			t.Fatalf("%q: %v", r, err)
		}
		out = append(out, b...)
	}
	return out
}
