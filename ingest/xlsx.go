package ingest

import (
	"archive/zip"
	"bytes"
	"context"
	"errors"
	"fmt"
	"runtime/debug"
	"strconv"
	"strings"

	"github.com/shopspring/decimal"
	"github.com/xuri/excelize/v2"

	"github.com/quangngai/chitieu/queries"
)

// DataSheet is the template's data sheet; other workbooks are searched for a header row.
const DataSheet = "Chỉ tiêu"

// headerScanRows bounds the search for the header row at the top of a sheet.
const headerScanRows = 30

// sourceInfo is what a reader learned besides the rows: where they are and the
// agency and year written once at the top of a template.
type sourceInfo struct {
	loc       locator
	agency    string
	agencyLoc Location
	year      string
	yearLoc   Location
	// hasYearColumn: the rows carry their own year (a CSV or sheet column), so a row
	// that leaves it empty is reported at its line.
	hasYearColumn bool
	warnings      []queries.IngestError
}

var oleMagic = []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}

// openXLSX opens a workbook within the unzip limits and maps excelize's failures to
// file problems.
func openXLSX(content []byte, lim Limits) (*excelize.File, *queries.IngestError) {
	if bytes.HasPrefix(content, oleMagic) {
		e := problem("file_xls", Location{}, "")
		return nil, &e
	}
	f, err := excelize.OpenReader(bytes.NewReader(content), excelize.Options{
		UnzipSizeLimit: lim.UnzipSizeLimit, UnzipXMLSizeLimit: lim.UnzipXMLSizeLimit})
	if err != nil {
		if f != nil {
			_ = f.Close()
		}
		var e queries.IngestError
		switch {
		case strings.Contains(err.Error(), "unzip size exceeds"):
			e = problem("file_zip_bomb", Location{}, "", formatBytes(lim.UnzipSizeLimit))
		case errors.Is(err, zip.ErrFormat), errors.Is(err, zip.ErrAlgorithm), errors.Is(err, zip.ErrChecksum),
			errors.Is(err, excelize.ErrWorkbookFileFormat):
			e = problem("file_corrupt", Location{}, "", err.Error())
		default:
			e = problem("file_corrupt", Location{}, "", err.Error())
		}
		return nil, &e
	}
	return f, nil
}

// xlsxReader streams one sheet twice in step: raw values (the numbers as stored) and
// formatted values (what the user sees: "7,5%", a date), which together tell a
// percentage or a date from a plain number without loading the sheet.
type xlsxReader struct {
	f          *excelize.File
	sheet      string
	cols       [nFields]int
	lazyBool   bool            // no second pass: tell a TRUE cell from 1 by asking for its type
	shownPanic *goroutinePanic // set by the displayed-values goroutine before it closes its channel
	// shownColumns reads a row of displayed values (nil: excelize's Rows.Columns; tests
	// make it panic).
	shownColumns func(*excelize.Rows) ([]string, error)
	// small: the workbook may be loaded whole (excelize's cell-type and formula
	// lookups do that, at ~10 KB of memory per row) to settle rare cases.
	small bool
}

// smallWorkbook bounds the files for which whole-sheet lookups are allowed.
const smallWorkbook = 2 << 20

// displayMatters reports whether any cell format of the workbook is a percentage or a
// date: only then is the second, displayed-value pass worth its cost.
func displayMatters(f *excelize.File) bool {
	if f.Styles == nil || f.Styles.CellXfs == nil {
		return false
	}
	custom := map[int]string{}
	if f.Styles.NumFmts != nil {
		for _, nf := range f.Styles.NumFmts.NumFmt {
			custom[nf.NumFmtID] = nf.FormatCode
		}
	}
	for _, xf := range f.Styles.CellXfs.Xf {
		if xf.NumFmtID == nil {
			continue
		}
		id := *xf.NumFmtID
		switch {
		case id == 9 || id == 10, id >= 14 && id <= 22, id >= 27 && id <= 36, id >= 45 && id <= 47, id >= 50 && id <= 58, id >= 71 && id <= 81:
			return true
		}
		if code, ok := custom[id]; ok && formatShowsPercentOrDate(code) {
			return true
		}
	}
	return false
}

// formatShowsPercentOrDate reads a format code outside its quoted text and [..] parts.
func formatShowsPercentOrDate(code string) bool {
	quoted, bracket := false, false
	for i := 0; i < len(code); i++ {
		c := code[i]
		switch {
		case c == '"':
			quoted = !quoted
		case quoted:
		case c == '[':
			bracket = true
		case c == ']':
			bracket = false
		case bracket:
		case c == '\\':
			i++
		case c == '%':
			return true
		case strings.IndexByte("dmyhsDMYHS", c) >= 0:
			return true
		}
	}
	return false
}

func (x *xlsxReader) cell(f field, n int) string {
	if x.cols[f] < 0 {
		return ""
	}
	name, _ := excelize.CoordinatesToCellName(x.cols[f]+1, n)
	return name
}

func readXLSX(ctx context.Context, content []byte, lim Limits, info *sourceInfo, emit func(*rawRow) bool) []queries.IngestError {
	if perr := xlsxTooLarge(content, lim); perr != nil {
		return []queries.IngestError{*perr}
	}
	f, perr := openXLSX(content, lim)
	if perr != nil {
		return []queries.IngestError{*perr}
	}
	defer f.Close()
	x := &xlsxReader{f: f, small: len(content) <= smallWorkbook}
	for i := range x.cols {
		x.cols[i] = -1
	}
	info.loc = func(n int, fl field) Location {
		if fl < nFields && x.cols[fl] >= 0 {
			return Location{Sheet: x.sheet, Cell: x.cell(fl, n)}
		}
		return Location{Sheet: x.sheet, Cell: "A" + strconv.Itoa(n)}
	}
	sheet, headerRow, header, probs := findDataSheet(f)
	if len(probs) > 0 {
		return probs
	}
	x.sheet = sheet
	if probs := x.readHeader(header, headerRow); len(probs) > 0 {
		return probs
	}
	info.hasYearColumn = x.cols[fYear] >= 0
	x.lazyBool = !displayMatters(f)
	from, hidden, probs := 1, 0, []queries.IngestError(nil)
	if fast := newFastSheet(f, content, lim, x, header, headerRow); fast != nil {
		// The data sheet's own scanner (xlsx_scan.go); it hands over to excelize at the
		// first row it does not fully understand.
		from, hidden, probs = fast.run(ctx, info, emit)
		if from == 0 || len(probs) > 0 {
			return probs
		}
	}
	if from > 0 {
		h, probs := x.excelizeRows(ctx, info, headerRow, from, emit)
		if len(probs) > 0 {
			return probs
		}
		hidden += h
	}
	if hidden > 0 {
		info.warnings = append(info.warnings, problem("hidden_rows", Location{Sheet: sheet}, "", hidden))
	}
	return nil
}

// excelizeRows reads the data sheet through excelize's Rows() from row number from
// (earlier rows were read by the fast scanner, or from is 1). It returns the number
// of hidden data rows it met.
func (x *xlsxReader) excelizeRows(ctx context.Context, info *sourceInfo, headerRow, from int, emit func(*rawRow) bool) (int, []queries.IngestError) {
	sheet := x.sheet
	raw, err := x.f.Rows(sheet)
	if err != nil {
		return 0, []queries.IngestError{problem("file_corrupt", Location{Sheet: sheet}, "", err.Error())}
	}
	defer raw.Close()
	var shown <-chan string
	if !x.lazyBool {
		var stop func()
		if shown, stop, err = x.shownValues(max(headerRow, from-1)); err != nil {
			return 0, []queries.IngestError{problem("file_corrupt", Location{Sheet: sheet}, "", err.Error())}
		}
		defer stop()
	}
	hidden := 0
	var row rawRow
	for n := 1; raw.Next(); n++ {
		if n&1023 == 0 && ctx.Err() != nil {
			return 0, []queries.IngestError{problem("file_timeout", Location{}, "")}
		}
		rc, err := raw.Columns(excelize.Options{RawCellValue: true})
		if n < from {
			continue // read by the fast scanner (Columns still called: excelize's row options follow it)
		}
		if err != nil {
			return 0, []queries.IngestError{problem("file_corrupt", Location{Sheet: sheet, Cell: "A" + strconv.Itoa(n)}, "", err.Error())}
		}
		if n <= headerRow {
			if n < headerRow {
				x.readMeta(info, rc, n)
			}
			continue
		}
		var fc string
		if shown != nil {
			var ok bool
			// One per row after the header, in step with this loop; closed early only
			// when the second pass failed.
			if fc, ok = <-shown; !ok {
				x.raiseShownPanic()
			}
		} else if c := x.cols[fValue]; c < len(rc) {
			fc = rc[c] // no percent or date format in the workbook: shown as stored
		}
		if len(rc) == 0 {
			continue
		}
		row = rawRow{n: n}
		if x.fillRow(&row, rc, fc, nil) {
			continue
		}
		if raw.GetRowOpts().Hidden {
			hidden++
		}
		if !emit(&row) {
			break
		}
	}
	if err := raw.Error(); err != nil {
		return 0, []queries.IngestError{problem("file_corrupt", Location{Sheet: sheet}, "", err.Error())}
	}
	return hidden, nil
}

// goroutinePanic is a panic caught in the displayed-values goroutine.
type goroutinePanic struct {
	value any
	stack []byte
}

func (p *goroutinePanic) String() string {
	return fmt.Sprintf("%v (in the displayed-values pass)\n%s", p.value, p.stack)
}

// raiseShownPanic re-panics, on the reader's goroutine (whose recover turns it into a
// file problem), a panic of the displayed-values pass. The goroutine sets shownPanic
// before closing its channel, so a receive that finds the channel closed sees it.
func (x *xlsxReader) raiseShownPanic() {
	if p := x.shownPanic; p != nil {
		panic(p)
	}
}

// fillRow copies a row's cells into row and classifies its value cell (facts: what
// the fast scanner knows of that cell, nil on the excelize path). It reports whether
// the row is empty.
func (x *xlsxReader) fillRow(row *rawRow, rc []string, fc string, facts *cellFacts) bool {
	empty := true
	for fl := field(0); fl < nFields; fl++ {
		if c := x.cols[fl]; c >= 0 && c < len(rc) && fl != fValue {
			row.f[fl] = rc[c]
			if fl < fUnit {
				row.f[fl] = clean(rc[c])
			}
			empty = empty && row.f[fl] == ""
		}
	}
	if c := x.cols[fValue]; c < len(rc) {
		x.classify(row, rc[c], fc, row.n, facts)
		empty = empty && row.f[fValue] == "" && row.pre != preError
	}
	return empty
}

// shownValues reads the value column as displayed ("7,5%", a date) in a second pass
// over the sheet, on another core: excelize's XML decoding is most of the cost of an
// upload. It sends one string per row after row skip; stop ends it early.
func (x *xlsxReader) shownValues(skip int) (<-chan string, func(), error) {
	rows, err := x.f.Rows(x.sheet)
	if err != nil {
		return nil, nil, err
	}
	out := make(chan string, 4096)
	done := make(chan struct{})
	finished := make(chan struct{})
	col := x.cols[fValue]
	go func() {
		defer close(finished)
		defer close(out)
		// A panic here is outside the reader's recover (another goroutine) and would
		// end the server: keep it, and the reader raises it again on its own side.
		defer func() {
			if r := recover(); r != nil {
				x.shownPanic = &goroutinePanic{value: r, stack: debug.Stack()}
			}
		}()
		for n := 1; rows.Next(); n++ {
			if n <= skip {
				continue // Columns not called: Next moves on by itself
			}
			var fc []string
			var err error
			if x.shownColumns != nil {
				fc, err = x.shownColumns(rows)
			} else {
				fc, err = rows.Columns()
			}
			if err != nil {
				return
			}
			select {
			case out <- at(fc, col):
			case <-done:
				return
			}
		}
	}()
	stop := func() {
		close(done)
		<-finished
		_ = rows.Close()
	}
	return out, stop, nil
}

func at(cols []string, i int) string {
	if i < len(cols) {
		return cols[i]
	}
	return ""
}

// findDataSheet picks the sheet "Chỉ tiêu", else the first sheet with a header row in
// its first rows, and returns the header's row number.
func findDataSheet(f *excelize.File) (string, int, []string, []queries.IngestError) {
	sheets := f.GetSheetList()
	ordered := make([]string, 0, len(sheets))
	for _, s := range sheets {
		if clean(s) == DataSheet {
			ordered = append([]string{s}, ordered...)
		} else {
			ordered = append(ordered, s)
		}
	}
	for _, s := range ordered {
		rows, err := f.Rows(s)
		if err != nil {
			continue
		}
		for n := 1; n <= headerScanRows && rows.Next(); n++ {
			rc, err := rows.Columns(excelize.Options{RawCellValue: true})
			if err != nil {
				_ = rows.Close()
				return s, 0, nil, []queries.IngestError{problem("file_corrupt", Location{Sheet: s, Cell: "A" + strconv.Itoa(n)}, "", err.Error())}
			}
			if isHeaderRow(rc) {
				_ = rows.Close()
				return s, n, rc, nil
			}
		}
		_ = rows.Close()
		if clean(s) == DataSheet {
			return s, 0, nil, []queries.IngestError{problem("header_missing", Location{Sheet: s}, "")}
		}
	}
	return "", 0, nil, []queries.IngestError{problem("sheet_missing", Location{}, "", strings.Join(sheets, ", "))}
}

func isHeaderRow(cells []string) bool {
	var seen [nFields]bool
	n := 0
	for _, c := range cells {
		if f, ok := matchHeader(c); ok && !seen[f] {
			seen[f] = true
			n++
		}
	}
	return n >= 2 && (seen[fIndicator] || seen[fValue])
}

func (x *xlsxReader) readHeader(cells []string, n int) []queries.IngestError {
	var probs []queries.IngestError
	for i, c := range cells {
		f, ok := matchHeader(c)
		if !ok {
			continue
		}
		name, _ := excelize.CoordinatesToCellName(i+1, n)
		if x.cols[f] >= 0 {
			probs = append(probs, problem("column_repeated", Location{Sheet: x.sheet, Cell: name}, c, clean(c)))
			continue
		}
		x.cols[f] = i
	}
	for _, f := range []field{fIndicator, fScope, fValue} {
		if x.cols[f] < 0 {
			probs = append(probs, problem("column_missing", Location{Sheet: x.sheet, Cell: "A" + strconv.Itoa(n)}, "", fieldLabels[f]))
		}
	}
	return probs
}

// readMeta reads "Mã đơn vị: BQL" and "Năm: 2024" above the header: the label, then
// the next filled cell to its right.
func (x *xlsxReader) readMeta(info *sourceInfo, cells []string, n int) {
	for i := 0; i < len(cells); i++ {
		k := headerKey(cells[i])
		var dst *string
		var dloc *Location
		switch k {
		case "mã đơn vị", "đơn vị báo cáo", "agency", "mã đơn vị báo cáo":
			dst, dloc = &info.agency, &info.agencyLoc
		case "năm", "năm báo cáo", "year":
			dst, dloc = &info.year, &info.yearLoc
		default:
			continue
		}
		for j := i + 1; j < len(cells); j++ {
			if v := clean(cells[j]); v != "" {
				*dst = v
				name, _ := excelize.CoordinatesToCellName(j+1, n)
				*dloc = Location{Sheet: x.sheet, Cell: name}
				i = j
				break
			}
		}
	}
}

var excelErrors = map[string]bool{"#DIV/0!": true, "#N/A": true, "#VALUE!": true, "#REF!": true, "#NAME?": true,
	"#NUM!": true, "#NULL!": true, "#SPILL!": true, "#CALC!": true, "#GETTING_DATA": true, "#BLOCKED!": true, "#FIELD!": true}

// cellFacts is what the fast scanner read of a value cell itself; the excelize path
// asks excelize instead (only for small workbooks, see xlsxReader.small).
type cellFacts struct {
	t       string // the t attribute: "", "n", "s", "str", "inlineStr", "b", "e"
	v       string // <v> as written
	formula bool   // an <f> element
	ftext   string // its text (empty for a shared formula's followers)
	style   styleClass
}

// classify decides what a value cell holds from its raw and displayed text.
func (x *xlsxReader) classify(row *rawRow, raw, shown string, n int, facts *cellFacts) {
	raw = clean(raw)
	row.f[fValue] = raw
	axis := x.cell(fValue, n)
	switch {
	case raw == "":
		if row.f[fIndicator] == "" {
			return
		}
		if x.small {
			if formula, _ := x.f.GetCellFormula(x.sheet, axis); formula != "" {
				row.pre, row.errMsg, row.errArg = preError, "formula_no_value", "="+formula
			}
		} else if facts != nil && facts.formula && facts.ftext != "" {
			row.pre, row.errMsg, row.errArg = preError, "formula_no_value", "="+facts.ftext
		}
		// else: a large workbook's formula without a cached result reads as empty
		return
	case excelErrors[raw]:
		row.pre, row.errMsg, row.errArg = preError, "formula_error", raw
		return
	}
	d, err := decimal.NewFromString(raw)
	if err != nil || !canonicalNumber(raw) {
		return // text: parsed later with the column's convention
	}
	if facts != nil {
		x.classifyKnown(row, raw, d, facts)
		return
	}
	shown = clean(shown)
	if shown != raw {
		switch {
		case shown == "TRUE" || shown == "FALSE":
			row.pre, row.errMsg, row.errArg = preError, "bool_not_number", shown
			return
		case strings.HasSuffix(shown, "%"):
			row.num, err = fromDecimal(d, true)
		case looksLikeDate(shown):
			row.pre, row.errMsg, row.errArg = preError, "date_not_number", shown
			return
		default:
			row.num, err = fromDecimal(d, false)
		}
	} else {
		if x.lazyBool && x.small && (raw == "1" || raw == "0") {
			if t, _ := x.f.GetCellType(x.sheet, axis); t == excelize.CellTypeBool {
				row.pre, row.errMsg, row.errArg = preError, "bool_not_number", map[string]string{"1": "TRUE", "0": "FALSE"}[raw]
				return
			}
		}
		// "1.234" as stored text is someone's typing and ambiguous; as a number cell it is exact.
		if ambiguousShape(raw) {
			if !x.small {
				return // cannot tell text from number cheaply: the column's convention decides
			}
			if t, _ := x.f.GetCellType(x.sheet, axis); t == excelize.CellTypeSharedString ||
				t == excelize.CellTypeInlineString || t == excelize.CellTypeFormula {
				return
			}
		}
		row.num, err = fromDecimal(d, false)
	}
	if err != nil {
		row.pre, row.errMsg, row.errArg = preError, "number_too_large", raw
		return
	}
	row.pre = preNumber
}

// classifyKnown is classify's end for a cell whose type and number format the fast
// scanner read (it handed over to excelize for the cells it could not settle: date and
// other display formats).
func (x *xlsxReader) classifyKnown(row *rawRow, raw string, d decimal.Decimal, c *cellFacts) {
	var err error
	switch {
	case c.t == "b" && (c.v == "1" || c.v == "0"):
		row.pre, row.errMsg, row.errArg = preError, "bool_not_number", map[string]string{"1": "TRUE", "0": "FALSE"}[c.v]
		return
	case (c.t == "s" || c.t == "inlineStr" || c.t == "str") && ambiguousShape(raw):
		return // typed text: the column's convention decides
	case c.style == stylePercent && c.t != "s" && c.t != "inlineStr" && c.t != "str" && c.t != "b":
		row.num, err = fromDecimal(d, true)
	default:
		row.num, err = fromDecimal(d, false)
	}
	if err != nil {
		row.pre, row.errMsg, row.errArg = preError, "number_too_large", raw
		return
	}
	row.pre = preNumber
}

// canonicalNumber: the XML form of a number cell (digits, one '.', exponent), never
// with ',' or spaces.
func canonicalNumber(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= '0' && c <= '9' || c == '.' || c == '-' || c == '+' || c == 'E' || c == 'e') {
			return false
		}
	}
	return true
}

// ambiguousShape: 1–3 digits, one '.', exactly 3 digits ("1.234", "-12.500").
func ambiguousShape(s string) bool {
	s = strings.TrimPrefix(s, "-")
	i := strings.IndexByte(s, '.')
	return i >= 1 && i <= 3 && len(s)-i-1 == 3 && s[0] != '0' && strings.Count(s, ".") == 1
}

// looksLikeDate: what Excel shows for a date or time format ("12/31/23", "31-12-2023",
// "10:30", "Dec-23").
func looksLikeDate(s string) bool {
	if strings.ContainsAny(s, "/:") {
		return true
	}
	for i := 1; i+1 < len(s); i++ {
		if s[i] == '-' && isDigit(s[i-1]) && (isDigit(s[i+1]) || isLetter(s[i+1])) {
			return true
		}
		if s[i] == '-' && isLetter(s[i-1]) && isDigit(s[i+1]) {
			return true
		}
	}
	return false
}

func isDigit(c byte) bool  { return c >= '0' && c <= '9' }
func isLetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }

func formatBytes(n int64) string {
	switch {
	case n >= 1<<20:
		return strconv.FormatInt(n>>20, 10) + " MB"
	case n >= 1<<10:
		return strconv.FormatInt(n>>10, 10) + " KB"
	}
	return strconv.FormatInt(n, 10) + " B"
}
