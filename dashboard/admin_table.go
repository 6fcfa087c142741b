package dashboard

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"io"
	"mime/multipart"
	"path"
	"strings"
	"unicode/utf8"

	"github.com/gofiber/fiber/v2"
	"github.com/xuri/excelize/v2"
)

// fileTable is an uploaded CSV or XLSX file: a header and rows of text cells. Columns are
// found by header name, so their order does not matter and extra columns are ignored.
type fileTable struct {
	cols map[string]int
	rows [][]string
	line []int // the file's line number of each row, for error messages
}

func (t *fileTable) has(col string) bool { _, ok := t.cols[col]; return ok }

// get is the trimmed cell of row i in column col, "" when absent.
func (t *fileTable) get(i int, col string) string {
	j, ok := t.cols[col]
	if !ok || j >= len(t.rows[i]) {
		return ""
	}
	return strings.TrimSpace(t.rows[i][j])
}

const maxFileRows = 100_000

// readUploadedTable reads the form's file field as CSV (comma or semicolon, UTF-8 with
// or without BOM) or XLSX (the first sheet). Anything else is a user error.
func readUploadedTable(c *fiber.Ctx, field string) (*fileTable, string, error) {
	fh, err := c.FormFile(field)
	if err != nil {
		return nil, "", badRequest("Chưa chọn tệp (CSV hoặc XLSX).", "No file chosen (CSV or XLSX).")
	}
	body, err := readUploadBytes(fh)
	if err != nil {
		return nil, "", err
	}
	var t *fileTable
	switch strings.ToLower(path.Ext(fh.Filename)) {
	case ".csv", ".txt":
		t, err = parseCSVFile(body)
	case ".xlsx", ".xlsm":
		t, err = parseXLSXFile(body)
	default:
		return nil, "", badRequest("Chỉ nhận tệp .csv hoặc .xlsx.", "Only .csv or .xlsx files are accepted.")
	}
	if err != nil {
		return nil, "", err
	}
	return t, fh.Filename, nil
}

func readUploadBytes(fh *multipart.FileHeader) ([]byte, error) {
	f, err := fh.Open()
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return io.ReadAll(f)
}

func newFileTable(records [][]string, firstLine int) (*fileTable, error) {
	if len(records) == 0 {
		return nil, badRequest("Tệp trống.", "The file is empty.")
	}
	t := &fileTable{cols: map[string]int{}}
	for j, h := range records[0] {
		h = strings.ToLower(strings.TrimSpace(strings.TrimPrefix(h, "\ufeff")))
		if h != "" {
			if _, dup := t.cols[h]; !dup {
				t.cols[h] = j
			}
		}
	}
	for i, r := range records[1:] {
		if blankFileRow(r) {
			continue
		}
		if len(t.rows) >= maxFileRows {
			return nil, badRequest(fmt.Sprintf("Tệp có quá %d dòng.", maxFileRows), fmt.Sprintf("The file has more than %d rows.", maxFileRows))
		}
		t.rows = append(t.rows, r)
		t.line = append(t.line, firstLine+1+i)
	}
	return t, nil
}

func blankFileRow(r []string) bool {
	for _, v := range r {
		if strings.TrimSpace(v) != "" {
			return false
		}
	}
	return true
}

func parseCSVFile(body []byte) (*fileTable, error) {
	body = bytes.TrimPrefix(body, []byte("\ufeff"))
	if !utf8.Valid(body) {
		return nil, badRequest("Tệp CSV phải ở mã UTF-8.", "The CSV file must be UTF-8.")
	}
	firstLine, _, _ := bytes.Cut(body, []byte("\n"))
	r := csv.NewReader(bytes.NewReader(body))
	// Excel in Vietnamese locale saves CSV with semicolons.
	if bytes.Count(firstLine, []byte(";")) > bytes.Count(firstLine, []byte(",")) {
		r.Comma = ';'
	}
	r.FieldsPerRecord = -1
	records, err := r.ReadAll()
	if err != nil {
		return nil, badRequest("Không đọc được tệp CSV: "+err.Error(), "Cannot read the CSV file: "+err.Error())
	}
	return newFileTable(records, 1)
}

func parseXLSXFile(body []byte) (*fileTable, error) {
	f, err := excelize.OpenReader(bytes.NewReader(body))
	if err != nil {
		return nil, badRequest("Không đọc được tệp Excel.", "Cannot read the Excel file.")
	}
	defer f.Close()
	sheets := f.GetSheetList()
	if len(sheets) == 0 {
		return nil, badRequest("Tệp Excel không có trang tính nào.", "The Excel file has no sheet.")
	}
	// Raw values: 7.5 stays "7.5" whatever number format the cell shows.
	rows, err := f.GetRows(sheets[0], excelize.Options{RawCellValue: true})
	if err != nil {
		return nil, badRequest("Không đọc được trang tính đầu tiên.", "Cannot read the first sheet.")
	}
	return newFileTable(rows, 1)
}

// getter reads row i by column name.
func (t *fileTable) getter(i int) func(string) string {
	return func(col string) string { return t.get(i, col) }
}

// trimField trims a form value and drops control characters.
func trimField(v string) string {
	return strings.TrimSpace(strings.Map(func(r rune) rune {
		if r < 0x20 && r != '\t' || r == 0x7f {
			return -1
		}
		return r
	}, v))
}
