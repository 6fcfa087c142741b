package report

import (
	"bytes"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// The draft behaves like a document typed in Word to the decree: the package's own
// defaults are Times New Roman 14 pt and its headings black Times New Roman; the II.7
// table sits on a landscape section; every table repeats its header row, keeps it with
// the first row and stays inside the margins; the day of the date line is blank and the
// signer's name is printed.
func TestWriteDocxBehavesLikeWord(t *testing.T) {
	m := sampleModel(t)
	for i := range m.Sections {
		if m.Sections[i].Item.Number == "II.4" {
			m.Sections[i].Item.Guidance = "Các đơn vị báo cáo rõ số lao động được đào tạo."
		}
	}
	m.Signer = Signer{Authority: []string{"KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"}, Name: "Nguyễn Văn An"}
	var buf bytes.Buffer
	if err := WriteDocx(m, &buf); err != nil {
		t.Fatal(err)
	}
	styles := docxPart(t, buf.Bytes(), "word/styles.xml")
	defaults := between(t, styles, "<w:docDefaults>", "</w:docDefaults>")
	for _, want := range []string{`w:ascii="Times New Roman"`, `<w:sz w:val="28">`} {
		if !strings.Contains(defaults, want) {
			t.Errorf("styles.xml defaults lack %s: %s", want, defaults)
		}
	}
	if strings.Contains(defaults, "minorHAnsi") {
		t.Errorf("styles.xml defaults still take the theme font: %s", defaults)
	}
	for _, id := range []string{"Heading1", "Heading2", "Heading3"} {
		st := styleXML(t, styles, id)
		for _, want := range []string{`w:ascii="Times New Roman"`, `<w:color w:val="000000"`, `<w:b`, `<w:keepNext`} {
			if !strings.Contains(st, want) {
				t.Errorf("style %s lacks %s", id, want)
			}
		}
		if regexp.MustCompile(`asciiTheme|themeColor`).MatchString(st) {
			t.Errorf("style %s still takes theme fonts or colours", id)
		}
	}
	if !strings.Contains(styleXML(t, styles, "Heading3"), "<w:i") {
		t.Error("Heading3 (sub-item) is not italic")
	}

	doc := docxPart(t, buf.Bytes(), "word/document.xml")
	sects := regexp.MustCompile(`<w:sectPr>.*?</w:sectPr>`).FindAllStringIndex(doc, -1)
	if len(sects) != 3 {
		t.Fatalf("want portrait, landscape and portrait sections, got %d", len(sects))
	}
	landscape := doc[sects[0][1]:sects[1][1]]
	if !strings.Contains(doc[sects[1][0]:sects[1][1]], `w:orient="landscape"`) || !strings.Contains(landscape, "Hạ tầng KCN VSIP II") {
		t.Error("the II.7 project table is not on a landscape section")
	}
	if strings.Contains(doc[:sects[0][1]], "Hạ tầng KCN VSIP II") {
		t.Error("the project table is in the portrait section")
	}
	for i, s := range sects {
		if !strings.Contains(doc[s[0]:s[1]], `w:type="default" r:id="rIdChitieuHdr1"`) {
			t.Errorf("section %d has no page-number header", i+1)
		}
		if (i == 0) != strings.Contains(doc[s[0]:s[1]], "<w:titlePg") {
			t.Errorf("section %d: titlePg only on the first section", i+1)
		}
	}

	tables := regexp.MustCompile(`(?s)<w:tbl>.*?</w:tbl>`).FindAllString(doc, -1)
	bordered := 0
	for _, tbl := range tables {
		ind := regexp.MustCompile(`<w:tblInd w:w="(\d+)" w:type="dxa"`).FindStringSubmatch(tbl)
		mar := regexp.MustCompile(`<w:tblCellMar>.*?<w:left w:w="(\d+)" w:type="dxa"`).FindStringSubmatch(tbl)
		if ind == nil || mar == nil || ind[1] != mar[1] {
			t.Errorf("a table's indent does not match its cell padding (its borders leave the margin): %v %v", ind, mar)
		}
		sum := 0
		for _, g := range regexp.MustCompile(`<w:gridCol w:w="(\d+)"`).FindAllStringSubmatch(tbl, -1) {
			n, _ := strconv.Atoi(g[1])
			sum += n
		}
		limit := textWidth
		if strings.Contains(tbl, "Hạ tầng KCN VSIP II") {
			limit = landWidth
		}
		if sum > limit {
			t.Errorf("a table is %d twips wide, the text %d", sum, limit)
		}
		if !strings.Contains(tbl, "<w:tcBorders>") {
			continue // the borderless header and signature blocks
		}
		bordered++
		first := regexp.MustCompile(`(?s)<w:tr>.*?</w:tr>`).FindString(tbl)
		if !strings.Contains(first, "<w:tblHeader") || !strings.Contains(first, "<w:cantSplit") || !strings.Contains(first, "<w:keepNext") {
			t.Errorf("a header row does not repeat, or may split or be left at a page's foot: %.300s", first)
		}
	}
	if bordered < 4 {
		t.Errorf("want at least 4 bordered tables, got %d", bordered)
	}
	flat := textOf(doc)
	if !strings.Contains(flat, "Quảng Ngãi, ngày      tháng 12 năm 2026") {
		t.Error("the draft's date line does not leave the day blank")
	}
	for _, never := range []string{"Các đơn vị báo cáo rõ", "Chưa có đơn vị nào báo cáo"} {
		if strings.Contains(flat, never) {
			t.Errorf("the report prints %q (guidance, or a line for an unanswered item)", never)
		}
	}
	if !strings.Contains(flat, "Nguyễn Văn An") || strings.Contains(flat, "(người ký)") {
		t.Error("the signer's name is not printed")
	}
}

func between(t *testing.T, s, from, to string) string {
	t.Helper()
	i := strings.Index(s, from)
	j := strings.Index(s, to)
	if i < 0 || j < i {
		t.Fatalf("%s…%s not found", from, to)
	}
	return s[i:j]
}

func styleXML(t *testing.T, styles, id string) string {
	t.Helper()
	m := regexp.MustCompile(`(?s)<w:style [^>]*w:styleId="` + id + `".*?</w:style>`).FindString(styles)
	if m == "" {
		t.Fatalf("style %s missing", id)
	}
	return m
}

// textOf is the document's text, run by run, without markup.
func textOf(doc string) string {
	var b strings.Builder
	for _, m := range regexp.MustCompile(`<w:t[^>]*>([^<]*)</w:t>`).FindAllStringSubmatch(doc, -1) {
		b.WriteString(m[1])
	}
	return b.String()
}
