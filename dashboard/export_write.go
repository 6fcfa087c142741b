package dashboard

import (
	"bytes"
	"encoding/csv"
	"math"
	"regexp"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"
)

// neutralise defuses formula injection: a text cell that a spreadsheet would read as
// a formula (=, +, -, @, tab, CR first) gets a leading apostrophe, shown as text.
func neutralise(s string) string {
	if s == "" {
		return s
	}
	switch s[0] {
	case '=', '+', '-', '@', '\t', '\r':
		return "'" + s
	}
	return s
}

// exportInfo is the provenance block every export carries.
func exportInfo(m meta, title, lg string) [][2]string {
	return [][2]string{
		{translate(lg, "export.title"), title},
		{translate(lg, "export.filters"), m.Described},
		{translate(lg, "common.dataversion"), shortVersion(m.Version)},
		{translate(lg, "common.dataasof"), m.AsOf},
		{translate(lg, "export.generated"), m.Generated},
		{translate(lg, "export.app"), translate(lg, "app.name")},
	}
}

// CSV convention (README, "Exports"): UTF-8 with a BOM, fields separated by ";",
// numbers with a decimal comma and no thousands separator (1234,5), whatever the
// page language. That is what LibreOffice and Excel with Vietnamese settings read as
// numbers; with English settings a decimal shows as text (visible), never as a
// number 1000× off, which grouped "296.715" would silently be. XLSX has no locale
// problem and is the first choice on every page.
const csvSeparator = ';'

// writeCSV writes the tables as CSV (the convention above), the provenance lines
// first, then each table under its title.
func writeCSV(tables []table, m meta, title, lg string) ([]byte, error) {
	var buf bytes.Buffer
	buf.WriteString("\ufeff")
	w := csv.NewWriter(&buf)
	w.Comma = csvSeparator
	for _, kv := range exportInfo(m, title, lg) {
		if err := w.Write([]string{neutralise(kv[0]), neutralise(kv[1])}); err != nil {
			return nil, err
		}
	}
	for _, t := range tables {
		_ = w.Write(nil)
		head := t.Title
		if t.Unit != "" {
			head += " (" + translate(lg, "common.unit") + ": " + t.Unit + ")"
		}
		_ = w.Write([]string{neutralise(head)})
		hs := make([]string, len(t.Headers))
		for i, h := range t.Headers {
			hs[i] = neutralise(h)
		}
		_ = w.Write(hs)
		for _, r := range t.Rows {
			rec := make([]string, len(r))
			for i, c := range r {
				if v, ok := cellNumber(c, lg); ok {
					rec[i] = strings.Replace(strconv.FormatFloat(v, 'f', -1, 64), ".", ",", 1)
				} else {
					rec[i] = neutralise(c.Text)
				}
			}
			if err := w.Write(rec); err != nil {
				return nil, err
			}
		}
		if t.Note != "" {
			_ = w.Write([]string{neutralise(t.Note)})
		}
	}
	w.Flush()
	return buf.Bytes(), w.Error()
}

// writeXLSX writes one sheet per table plus an information sheet with the
// provenance. Numbers are numbers (Excel shows them in the reader's locale); text is
// neutralised.
func writeXLSX(tables []table, m meta, title, lg string) ([]byte, error) {
	x := excelize.NewFile()
	defer x.Close()
	info := sheetName(translate(lg, "export.infosheet"), 0, map[string]bool{})
	x.SetSheetName("Sheet1", info)
	bold, err := x.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true, Family: "Arial"}})
	if err != nil {
		return nil, err
	}
	numStyle, err := x.NewStyle(&excelize.Style{CustomNumFmt: strPtr("#,##0.####")})
	if err != nil {
		return nil, err
	}
	// Years, ranks and counts: a plain integer (built-in format 1, "0"). With the
	// grouped format, LibreOffice in Vietnamese showed the year 2024 as "2.024".
	intStyle, err := x.NewStyle(&excelize.Style{NumFmt: 1})
	if err != nil {
		return nil, err
	}
	for i, kv := range exportInfo(m, title, lg) {
		_ = x.SetCellStr(info, cellName(1, i+1), neutralise(kv[0]))
		_ = x.SetCellStr(info, cellName(2, i+1), neutralise(kv[1]))
		_ = x.SetCellStyle(info, cellName(1, i+1), cellName(1, i+1), bold)
	}
	_ = x.SetColWidth(info, "A", "A", 28)
	_ = x.SetColWidth(info, "B", "B", 90)
	used := map[string]bool{info: true}
	for n, t := range tables {
		sh := sheetName(t.Title, n+1, used)
		if _, err := x.NewSheet(sh); err != nil {
			return nil, err
		}
		head := t.Title
		if t.Unit != "" {
			head += " (" + translate(lg, "common.unit") + ": " + t.Unit + ")"
		}
		_ = x.SetCellStr(sh, "A1", neutralise(head))
		_ = x.SetCellStyle(sh, "A1", "A1", bold)
		for i, h := range t.Headers {
			_ = x.SetCellStr(sh, cellName(i+1, 2), neutralise(h))
			_ = x.SetCellStyle(sh, cellName(i+1, 2), cellName(i+1, 2), bold)
		}
		for i, w := range columnWidths(t) {
			_ = x.SetColWidth(sh, colName(i+1), colName(i+1), w)
		}
		for r, row := range t.Rows {
			for i, c := range row {
				ref := cellName(i+1, r+3)
				if v, ok := cellNumber(c, lg); ok {
					_ = x.SetCellFloat(sh, ref, v, -1, 64)
					st := numStyle
					if plainInteger.MatchString(c.Text) {
						st = intStyle // shown bare on the page (a year, a count): bare in the file
					}
					_ = x.SetCellStyle(sh, ref, ref, st)
				} else {
					_ = x.SetCellStr(sh, ref, neutralise(c.Text))
				}
			}
		}
		if t.Note != "" {
			_ = x.SetCellStr(sh, cellName(1, len(t.Rows)+4), neutralise(t.Note))
		}
		_ = x.SetPanes(sh, &excelize.Panes{Freeze: true, YSplit: 2, TopLeftCell: "A3", ActivePane: "bottomLeft"})
	}
	var buf bytes.Buffer
	if err := x.Write(&buf); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// plainInteger is a cell shown as a bare whole number (a year, a count, a rank).
var plainInteger = regexp.MustCompile(`^-?[1-9][0-9]{0,14}$|^0$`)

// shownNumber is the first number in a cell's text ("100,7 %", "1,234.56 USD").
var shownNumber = regexp.MustCompile(`\d+(?:[.,]\d+)*`)

// cellNumber is the number a cell holds, as the page shows it: its value rounded to
// the decimals of its text in the page language (attainment 100,6923 shown as
// "100,7 %" is 100.7), or a bare integer written as text (a year) read as a number.
func cellNumber(c cell, lg string) (float64, bool) {
	if c.Num != nil {
		v := *c.Num
		if shown := shownNumber.FindString(c.Text); shown != "" {
			dec := ","
			if lg == "en" {
				dec = "."
			}
			places := 0
			if i := strings.LastIndex(shown, dec); i >= 0 {
				places = len(shown) - i - 1
			}
			p := math.Pow(10, float64(places))
			v = math.Round(v*p) / p
		}
		return v, true
	}
	if plainInteger.MatchString(c.Text) {
		v, err := strconv.ParseFloat(c.Text, 64)
		return v, err == nil
	}
	return 0, false
}

func strPtr(s string) *string { return &s }

func cellName(col, row int) string {
	n, _ := excelize.CoordinatesToCellName(col, row)
	return n
}

func colName(col int) string {
	n, _ := excelize.ColumnNumberToName(col)
	return n
}

// sheetName makes a valid, unique, readable sheet name (31 characters, no
// []:*?/\). A title that does not fit is cut at a word and marked "…"; the n-th data
// sheet is numbered ("3. Tỷ lệ lao động trong…"), so two long titles sharing their
// start stay two names a reader can tell apart and find in the order of the page.
func sheetName(title string, n int, used map[string]bool) string {
	r := strings.NewReplacer("[", "(", "]", ")", ":", " ", "*", " ", "?", " ", "/", "-", "\\", "-", "'", "")
	base := strings.Join(strings.Fields(r.Replace(title)), " ")
	if base == "" {
		base = "Sheet"
	}
	prefix := ""
	if n > 0 {
		prefix = strconv.Itoa(n) + ". "
	}
	room := 31 - len([]rune(prefix))
	if rs := []rune(base); len(rs) > room {
		cut := string(rs[:room-1])
		if i := strings.LastIndex(cut, " "); i > room/2 {
			cut = cut[:i]
		}
		base = strings.TrimRight(cut, " ,-–—") + "…"
	}
	name := prefix + base
	for i := 2; used[name]; i++ {
		name = prefix + string([]rune(base)[:min(len([]rune(base)), room-4)]) + " (" + strconv.Itoa(i) + ")"
	}
	used[name] = true
	return name
}

// columnWidths sizes each column to its longest header or cell (in characters),
// between 6 and 60.
func columnWidths(t table) []float64 {
	w := make([]float64, len(t.Headers))
	see := func(i int, s string) {
		for i >= len(w) {
			w = append(w, 0)
		}
		if n := float64(len([]rune(s))) + 2; n > w[i] {
			w[i] = n
		}
	}
	for i, h := range t.Headers {
		see(i, h)
	}
	for _, row := range t.Rows {
		for i, c := range row {
			see(i, c.Text)
		}
	}
	for i := range w {
		w[i] = max(6, min(60, w[i]))
	}
	return w
}
