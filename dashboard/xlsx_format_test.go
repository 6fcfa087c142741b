package dashboard

import (
	"regexp"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// Issue 21.8: years carried "#,##0.####" (LibreOffice in Vietnamese showed "2.024"),
// every column was 18 wide, and two indicators became "…lao độ" and "…lao độ 2".
func TestXLSXReadsAsThePage(t *testing.T) {
	base, _ := startTestServer(t, nil)
	r := fetch(t, base+"/export/overview.xlsx?plan=DHXX-2020&year=2025&lang=vi")
	x, err := excelize.OpenReader(strings.NewReader(r.Body))
	must(t, err)
	defer x.Close()
	sheets := x.GetSheetList()
	seen := map[string]bool{}
	for _, sh := range sheets {
		if seen[sh] || len([]rune(sh)) > 31 {
			t.Errorf("sheet name %q repeated or too long", sh)
		}
		seen[sh] = true
		if regexp.MustCompile(` \d+$`).MatchString(sh) {
			t.Errorf("sheet %q tells a second table apart by a bare number", sh)
		}
	}
	for _, want := range []string{"Tỷ lệ lao động trong khu vực công nghiệp, xây dựng và dịch vụ", "Tốc độ tăng năng suất lao động công nghiệp"} {
		found := false
		for _, sh := range sheets[1:] {
			a1, _ := x.GetCellValue(sh, "A1")
			if strings.HasPrefix(a1, want) {
				found = true
				if !strings.HasSuffix(sh, "…") || !regexp.MustCompile(`^\d+\. \S`).MatchString(sh) {
					t.Errorf("sheet %q for %q: want a numbered name cut at a word with …", sh, want)
				}
			}
		}
		if !found {
			t.Errorf("no sheet holds %q (sheets %v)", want, sheets)
		}
	}
	sh := sheets[1] // the overview table
	rows, _ := x.GetRows(sh, excelize.Options{RawCellValue: true})
	years := 0
	for i, row := range rows {
		for j, v := range row {
			if v != "2024" && v != "2025" {
				continue
			}
			ref, _ := excelize.CoordinatesToCellName(j+1, i+1)
			id, _ := x.GetCellStyle(sh, ref)
			st, err := x.GetStyle(id)
			must(t, err)
			if st.NumFmt != 1 || st.CustomNumFmt != nil && *st.CustomNumFmt != "0" {
				t.Errorf("year %s at %s has format %d %v, want the plain integer 0", v, ref, st.NumFmt, st.CustomNumFmt)
			}
			years++
		}
	}
	if years == 0 {
		t.Fatal("no year found in the overview sheet")
	}
	name, _ := x.GetColWidth(sh, "A")    // indicator names
	unit, _ := x.GetColWidth(sh, "B")    // units
	verdict, _ := x.GetColWidth(sh, "J") // verdicts with their caveats
	if !(name > unit && verdict > unit && unit < 18) {
		t.Errorf("column widths name %v unit %v verdict %v: want them sized to their content", name, unit, verdict)
	}
}
