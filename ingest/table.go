package ingest

import (
	"bytes"
	"context"
	"io"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/quangngai/chitieu/queries"
)

// table is an admin file (catalogue, targets, assignments): a header row and rows of
// cleaned text cells, columns found by header name, so their order does not matter
// and extra columns are ignored. One row typed in a form is a table of one row
// without a place in a file.
type table struct {
	cols  map[string]int
	rows  [][]string
	n     []int                            // each row's line (CSV) or sheet row (XLSX); 0 for a form
	loc   func(n int, col string) Location // where a cell is, for messages
	cells map[[2]int]bool                  // XLSX: the value cells stored as numbers (by row index, column)
	xlsx  bool                             // read from a workbook: numbers are stored canonically
}

// maxTableRows bounds an admin file: the catalogue and plans have hundreds of rows.
const maxTableRows = 100_000

func (t *table) has(col string) bool { _, ok := t.cols[col]; return ok }

// get is row i's cell in column col, "" when absent.
func (t *table) get(i int, col string) string {
	j, ok := t.cols[col]
	if !ok || j >= len(t.rows[i]) {
		return ""
	}
	return t.rows[i][j]
}

// numberCell: row i's cell in col is stored as a number by the spreadsheet, so its
// text is exact ("1.234" is one point two three four, not typing to interpret).
func (t *table) numberCell(i int, col string) bool {
	j, ok := t.cols[col]
	return ok && t.cells[[2]int{i, j}]
}

// formTable is one row typed in a form.
func formTable(form map[string]string) *table {
	t := &table{cols: map[string]int{}, rows: [][]string{nil}, n: []int{0},
		loc: func(int, string) Location { return Location{} }}
	for k, v := range form {
		t.cols[strings.ToLower(k)] = len(t.rows[0])
		t.rows[0] = append(t.rows[0], clean(v))
	}
	return t
}

// readTable reads an admin file: CSV (any encoding readCSV takes, ',' ';' or tab) or
// the first sheet of an .xlsx, within the upload limits.
func readTable(ctx context.Context, content []byte, lim Limits) (*table, *queries.IngestError) {
	fail := func(code string, args ...any) (*table, *queries.IngestError) {
		e := problem(code, Location{}, "", args...)
		return nil, &e
	}
	switch {
	case len(bytes.TrimSpace(content)) == 0:
		return fail("file_empty")
	case int64(len(content)) > lim.MaxBytes:
		return fail("file_too_large", formatBytes(lim.MaxBytes))
	}
	kind, kprob := detectKind(content)
	switch {
	case kprob != nil:
		return nil, kprob
	case kind == queries.KindXLSX:
		return readTableXLSX(ctx, content, lim)
	case kind == queries.KindJSON:
		return fail("table_kind")
	}
	return readTableCSV(content)
}

func newTable(loc func(n int, col string) Location) *table {
	return &table{cols: map[string]int{}, loc: loc, cells: map[[2]int]bool{}}
}

// addRow takes the header (first non-blank row) or a data row; false when the file
// has too many rows.
func (t *table) addRow(rec []string, n int) bool {
	if blankRecord(rec) {
		return true
	}
	if len(t.cols) == 0 && t.rows == nil {
		for j, h := range rec {
			if h = strings.ToLower(clean(h)); h != "" {
				if _, dup := t.cols[h]; !dup {
					t.cols[h] = j
				}
			}
		}
		t.rows = [][]string{}
		return true
	}
	if len(t.rows) >= maxTableRows {
		return false
	}
	row := make([]string, len(rec))
	for j, c := range rec {
		row[j] = clean(c)
	}
	t.rows = append(t.rows, row)
	t.n = append(t.n, n)
	return true
}

func readTableCSV(content []byte) (*table, *queries.IngestError) {
	text, _, perr := csvText(content)
	if perr != nil {
		return nil, perr
	}
	r := newCSVReader(text)
	var header []string
	t := newTable(func(n int, col string) Location {
		if j, ok := header2col(header, col); ok {
			return Location{Line: n, Column: header[j]}
		}
		return Location{Line: n}
	})
	for {
		rec, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			e := csvSyntax(err)
			return nil, &e
		}
		line, _ := r.FieldPos(0)
		if header == nil && !blankRecord(rec) {
			header = make([]string, len(rec))
			for j, h := range rec {
				header[j] = clean(h)
			}
		}
		if !t.addRow(rec, line) {
			e := problem("file_too_many_rows", Location{}, "", maxTableRows)
			return nil, &e
		}
	}
	return t, nil
}

// header2col finds a column by its folded name in the header as written.
func header2col(header []string, col string) (int, bool) {
	for j, h := range header {
		if strings.ToLower(h) == col {
			return j, true
		}
	}
	return 0, false
}

func readTableXLSX(ctx context.Context, content []byte, lim Limits) (*table, *queries.IngestError) {
	if perr := xlsxTooLarge(content, lim); perr != nil {
		return nil, perr
	}
	f, perr := openXLSX(content, lim)
	if perr != nil {
		return nil, perr
	}
	defer f.Close()
	sheets := f.GetSheetList()
	if len(sheets) == 0 {
		e := problem("sheet_missing", Location{}, "", "")
		return nil, &e
	}
	sheet := sheets[0]
	t := newTable(nil)
	t.xlsx = true
	t.loc = func(n int, col string) Location {
		j, ok := t.cols[col]
		if !ok {
			j = 0
		}
		name, _ := excelize.CoordinatesToCellName(j+1, n)
		return Location{Sheet: sheet, Cell: name}
	}
	rows, err := f.Rows(sheet)
	if err != nil {
		e := problem("file_corrupt", Location{Sheet: sheet}, "", err.Error())
		return nil, &e
	}
	defer rows.Close()
	small := len(content) <= smallWorkbook
	for n := 1; rows.Next(); n++ {
		if n&1023 == 0 && ctx.Err() != nil {
			e := problem("file_timeout", Location{}, "")
			return nil, &e
		}
		// Raw values: 7.5 stays "7.5" whatever number format the cell shows.
		rc, err := rows.Columns(excelize.Options{RawCellValue: true})
		if err != nil {
			e := problem("file_corrupt", Location{Sheet: sheet, Cell: "A" + strconv.Itoa(n)}, "", err.Error())
			return nil, &e
		}
		had := len(t.rows)
		if !t.addRow(rc, n) {
			e := problem("file_too_many_rows", Location{}, "", maxTableRows)
			return nil, &e
		}
		if len(t.rows) == had {
			continue
		}
		// Which cells hold numbers: only "1.234"-shaped ones need asking (the
		// canonical XML text of any other number reads the same either way), and only
		// a small workbook may be asked (excelize loads the sheet for it).
		for j, c := range rc {
			if !ambiguousShape(c) {
				continue
			}
			if !small {
				continue
			}
			axis, _ := excelize.CoordinatesToCellName(j+1, n)
			if typ, _ := f.GetCellType(sheet, axis); typ == excelize.CellTypeNumber || typ == excelize.CellTypeUnset {
				t.cells[[2]int{had, j}] = true
			}
		}
	}
	if err := rows.Error(); err != nil {
		e := problem("file_corrupt", Location{Sheet: sheet}, "", err.Error())
		return nil, &e
	}
	return t, nil
}
