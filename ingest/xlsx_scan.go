package ingest

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/xml"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

	"github.com/quangngai/chitieu/queries"
)

// The data sheet's own scanner. excelize decodes every cell through encoding/xml
// (about 60 µs per row of the template, 6 of the 7 seconds of a 100,000-row
// workbook); this scanner reads the same XML at a fraction of that. excelize still
// opens the workbook (unzip limits), parses styles, shared strings and sheet paths,
// and reads the rows down to the header. The scanner is deliberately narrow: at the
// first thing it does not fully understand (a DOCTYPE, CDATA, an unknown entity, a
// date or other display format on a value cell, row numbers going backwards, a
// malformed tag...) it stops and excelize's Rows() reads the sheet from that row on,
// so a file's outcome never depends on the fast path alone. fast_test.go runs both
// over the corpus and a fuzz target compares them.

// styleClass is what a cell format means for a figure.
type styleClass uint8

const (
	stylePlain   styleClass = iota // shown as the number itself (General, 0.00, #,##0, @)
	stylePercent                   // 0.684 shown as 68,4%
	styleOther                     // dates, fractions, scientific, anything else: excelize decides
)

// fastSheetMaxBytes bounds the sheet XML the scanner holds in memory; larger sheets
// are read by excelize, which streams them from a temporary file.
const fastSheetMaxBytes = 128 << 20

type fastSheet struct {
	x         *xlsxReader
	data      []byte
	header    []string
	headerRow int
	styles    []styleClass // by cell style index
	display   bool         // the workbook has percent or date formats (displayMatters)
	sst       []string     // shared strings, resolved on first use
	sstDone   []bool
	f         *excelize.File
}

// newFastSheet prepares the scanner for the data sheet, or returns nil when the sheet
// cannot be located or read within the limits (excelize then reads all of it).
func newFastSheet(f *excelize.File, content []byte, lim Limits, x *xlsxReader, header []string, headerRow int) *fastSheet {
	if lim.ExcelizeOnly {
		return nil
	}
	if f.SharedStrings == nil && sharedStringsPart(f) {
		return nil
	}
	path, ok := sheetPath(f, x.sheet)
	if !ok {
		return nil
	}
	zr, err := zip.NewReader(bytes.NewReader(content), int64(len(content)))
	if err != nil {
		return nil
	}
	var part *zip.File
	for _, zf := range zr.File {
		name := strings.ReplaceAll(zf.Name, "\\", "/")
		if strings.EqualFold(name, "xl/sharedStrings.xml") && int64(zf.UncompressedSize64) > lim.UnzipXMLSizeLimit {
			return nil // excelize keeps such shared strings in a temporary file
		}
		if name == path {
			part = zf
		}
	}
	limit := min(lim.UnzipSizeLimit, fastSheetMaxBytes)
	if part == nil || part.UncompressedSize64 > uint64(limit) {
		return nil
	}
	rc, err := part.Open()
	if err != nil {
		return nil
	}
	defer rc.Close()
	data, err := io.ReadAll(io.LimitReader(rc, limit+1))
	if err != nil || int64(len(data)) > limit {
		return nil
	}
	if !mainNamespace(data) {
		// Under another namespace excelize's decoder matches none of its elements the
		// way this scanner's byte matching would: the sheet is excelize's alone.
		return nil
	}
	if x.small && !wellFormedWorksheet(data) {
		// Small workbooks let excelize look cells up in the whole sheet, which it can
		// only do for well-formed XML; the two paths must then read the same, so the
		// whole sheet is excelize's.
		return nil
	}
	fs := &fastSheet{x: x, data: data, header: header, headerRow: headerRow, display: !x.lazyBool, f: f}
	if f.SharedStrings != nil {
		fs.sst = make([]string, len(f.SharedStrings.SI))
		fs.sstDone = make([]bool, len(f.SharedStrings.SI))
	}
	fs.styles = styleClasses(f)
	return fs
}

// sharedStringsPart: the package has a shared-strings part excelize did not load.
func sharedStringsPart(f *excelize.File) bool {
	_, ok := f.Pkg.Load("xl/sharedStrings.xml")
	return ok
}

// sheetPath resolves a sheet name to its part the way excelize does: workbook.xml's
// r:id through the workbook's relationships, relative to the workbook's folder.
func sheetPath(f *excelize.File, sheet string) (string, bool) {
	if f.WorkBook == nil {
		return "", false
	}
	id := ""
	for _, s := range f.WorkBook.Sheets.Sheet {
		if s.Name == sheet {
			id = s.ID
			break
		}
	}
	if id == "" {
		return "", false
	}
	wb := relTarget(f, "_rels/.rels", func(typ, _ string) bool {
		return typ == excelize.SourceRelationshipOfficeDocument
	})
	wb = strings.TrimPrefix(wb, "/")
	if wb == "" {
		return "", false
	}
	dir, base := "", wb
	if i := strings.LastIndexByte(wb, '/'); i >= 0 {
		dir, base = wb[:i], wb[i+1:]
	}
	rels := "_rels/" + base + ".rels"
	if dir != "" {
		rels = dir + "/" + rels
	}
	target := relTarget(f, rels, func(_, rid string) bool { return rid == id })
	if target == "" {
		return "", false
	}
	var p string
	if strings.HasPrefix(target, "/") {
		p = target
	} else {
		p = dir + "/" + target
	}
	return cleanPath(p), true
}

func cleanPath(p string) string {
	var out []string
	for _, seg := range strings.Split(strings.ReplaceAll(p, "\\", "/"), "/") {
		switch seg {
		case "", ".":
		case "..":
			if len(out) > 0 {
				out = out[:len(out)-1]
			}
		default:
			out = append(out, seg)
		}
	}
	return strings.Join(out, "/")
}

// relTarget reads a relationships part held by excelize and returns the first
// target whose type and id match.
func relTarget(f *excelize.File, part string, match func(typ, id string) bool) string {
	b, ok := f.Pkg.Load(part)
	if !ok {
		return ""
	}
	data, _ := b.([]byte)
	s := &xmlScan{b: data}
	for {
		k := s.next()
		if k == tokEOF || k == tokBad {
			return ""
		}
		if (k == tokStart || k == tokSelfClose) && localName(s.name) == "Relationship" {
			var typ, id, target string
			for _, a := range s.attrs {
				switch localName(a.name) {
				case "Type":
					typ = string(a.value)
				case "Id":
					id = string(a.value)
				case "Target":
					target = string(a.value)
				}
			}
			if match(typ, id) {
				return target
			}
		}
	}
}

// styleClasses maps each cell style to what its number format shows, following
// excelize's formattedValue: style 0 is shown as stored, a custom format before a
// built-in one.
func styleClasses(f *excelize.File) []styleClass {
	st := f.Styles
	if st == nil || st.CellXfs == nil {
		return nil
	}
	custom := map[int]string{}
	if st.NumFmts != nil {
		for _, nf := range st.NumFmts.NumFmt {
			if _, seen := custom[nf.NumFmtID]; seen {
				continue // excelize takes the first
			}
			code := nf.FormatCode
			if nf.FormatCode16 != "" {
				code = nf.FormatCode16
			}
			custom[nf.NumFmtID] = code
		}
	}
	out := make([]styleClass, len(st.CellXfs.Xf))
	for i, xf := range st.CellXfs.Xf {
		id := 0
		if xf.NumFmtID != nil {
			id = *xf.NumFmtID
		}
		if code, ok := custom[id]; ok {
			out[i] = customClass(code)
			continue
		}
		switch id {
		case 0, 1, 2, 3, 4, 49:
			out[i] = stylePlain
		case 9, 10:
			out[i] = stylePercent
		default:
			out[i] = styleOther
		}
	}
	return out
}

// customClass reads the simplest custom formats; anything richer is left to excelize.
func customClass(code string) styleClass {
	switch code {
	case "General", "@", "0", "0.0", "0.00", "0.000", "#,##0", "#,##0.0", "#,##0.00", "#,##0.000":
		return stylePlain
	case "0%", "0.0%", "0.00%", "0.000%", "#,##0%", "#,##0.0%", "#,##0.00%":
		return stylePercent
	}
	return styleOther
}

func (fs *fastSheet) style(s int) styleClass {
	if !fs.display || s == 0 || s < 0 || s >= len(fs.styles) {
		return stylePlain
	}
	return fs.styles[s]
}

// sharedString is excelize's value of shared string i ("" outside the table).
func (fs *fastSheet) sharedString(i int) string {
	if i < 0 || i >= len(fs.sst) {
		return ""
	}
	if !fs.sstDone[i] {
		fs.sst[i], fs.sstDone[i] = fs.f.SharedStrings.SI[i].String(), true
	}
	return fs.sst[i]
}

// fastCell is one <c> as read.
type fastCell struct {
	col     int // 1-based, 0 when the cell has no r
	style   int
	t       string
	v       string
	hasV    bool
	formula bool
	ftext   string
	inline  string
	hasIS   bool
}

// run scans the sheet and emits its data rows. It returns the row from which excelize
// must go on (0: the whole sheet was read), the hidden data rows it met, and file
// problems. Like excelize, a row ends at the next <row> or at </sheetData>.
func (fs *fastSheet) run(ctx context.Context, info *sourceInfo, emit func(*rawRow) bool) (from, hidden int, probs []queries.IngestError) {
	x := fs.x
	s := &xmlScan{b: fs.data}
	var (
		cells    []string
		vfacts   cellFacts
		hasVal   bool
		rowN     int  // current row number, 0 before the first row
		pending  bool // row rowN read, not yet handled
		inRow    bool // inside its element
		rowHid   bool
		rowDep   int // depth inside <row>
		cellCol  int
		headerOK bool
		row      rawRow
		stopped  bool
	)
	resume := func() int {
		if pending {
			return rowN
		}
		return rowN + 1
	}
	// endRow handles the pending row; false: hand the whole sheet over to excelize.
	endRow := func() bool {
		pending = false
		n := rowN
		if n <= fs.headerRow {
			if n < fs.headerRow {
				x.readMeta(info, cells, n)
				return true
			}
			headerOK = equalCells(cells, fs.header)
			return headerOK
		}
		if !headerOK {
			return false
		}
		if n&1023 == 0 && ctx.Err() != nil {
			probs = []queries.IngestError{problem("file_timeout", Location{}, "")}
			return true
		}
		if len(cells) == 0 {
			return true
		}
		row = rawRow{n: n}
		facts := &cellFacts{}
		if hasVal {
			facts = &vfacts
		}
		if x.fillRow(&row, cells, "", facts) {
			return true
		}
		if rowHid {
			hidden++
		}
		if !emit(&row) {
			stopped = true
		}
		return true
	}
	// cellNames are what excelize looks for at any depth inside a row.
	cellNames := func(n string) bool { return n == "c" || n == "row" }
	for {
		if probs != nil || stopped {
			return 0, hidden, probs
		}
		k := s.next()
		switch k {
		case tokEOF, tokBad:
			// A sheet ends at </sheetData>; anything else is excelize's to judge.
			return resume(), hidden, nil
		case tokText:
			continue
		case tokEnd:
			if inRow && s.depth() < rowDep {
				inRow = false
			}
			if localName(s.name) == "sheetData" {
				if pending && !endRow() {
					return 1, 0, nil
				}
				if probs != nil || stopped {
					return 0, hidden, probs
				}
				return 0, hidden, nil
			}
			continue
		}
		// A start tag (or a self-closing one).
		switch localName(s.name) {
		case "row":
			if inRow || s.parentLocal() != "sheetData" {
				return resume(), hidden, nil
			}
			n := rowN + 1
			hid := false
			for _, a := range s.attrs {
				switch localName(a.name) {
				case "r":
					r, ok := atoiStrict(a.value)
					if !ok {
						return resume(), hidden, nil
					}
					n = r
				case "hidden":
					hid, _ = strconv.ParseBool(string(a.value))
				}
			}
			if n <= rowN || n > excelize.TotalRows {
				return resume(), hidden, nil
			}
			if pending && !endRow() {
				return 1, 0, nil
			}
			if probs != nil || stopped {
				return 0, hidden, probs
			}
			rowN, pending, rowHid, cells, hasVal, cellCol = n, true, hid, cells[:0], false, 0
			inRow = k == tokStart
			rowDep = s.depth()
		case "c":
			if !inRow || s.depth() != rowDep+1 && !(k == tokSelfClose && s.depth() == rowDep) {
				return resume(), hidden, nil
			}
			var c fastCell
			if !fs.cell(s, k, &c) {
				return resume(), hidden, nil
			}
			// Which cells count, where, and their value: as excelize's Columns.
			cellCol++
			if c.col > 0 {
				cellCol = c.col
			}
			val, ok := fs.value(&c)
			if !ok {
				return resume(), hidden, nil
			}
			if val == "" && !c.formula {
				continue
			}
			for len(cells) < cellCol-1 {
				cells = append(cells, "")
			}
			if len(cells) == x.cols[fValue] {
				vfacts = cellFacts{t: c.t, v: c.v, formula: c.formula, ftext: c.ftext, style: fs.style(c.style)}
				hasVal = true
				if !fs.settled(&c, val) {
					return resume(), hidden, nil
				}
			}
			cells = append(cells, val)
		default:
			if k == tokStart && pending && !s.skipWithout(cellNames) {
				return resume(), hidden, nil
			}
		}
	}
}

// value is excelize's raw value of a cell (getValueFrom with RawCellValue).
func (fs *fastSheet) value(c *fastCell) (string, bool) {
	switch c.t {
	case "d":
		return "", false
	case "s":
		if c.v == "" {
			return "", true
		}
		i, err := strconv.Atoi(strings.TrimSpace(c.v))
		if err != nil {
			i = 0
		}
		return fs.sharedString(i), true
	case "inlineStr":
		if c.hasIS {
			return c.inline, true
		}
		return c.v, true
	}
	return c.v, true
}

// settled: the value cell's meaning does not depend on a display format the scanner
// does not read (excelize then formats it).
func (fs *fastSheet) settled(c *fastCell, val string) bool {
	if !fs.display {
		return true
	}
	cls := fs.style(c.style)
	if cls == stylePlain {
		return !strings.ContainsAny(val, "eE") // excelize shows 1E-05 as a "date"-like 1E-05
	}
	switch c.t {
	case "s", "inlineStr", "str", "b":
		return false
	}
	return cls == stylePercent && !strings.ContainsAny(val, "eE")
}

// cell reads one <c> element (the scanner is on its start tag).
func (fs *fastSheet) cell(s *xmlScan, k tokKind, c *fastCell) bool {
	for _, a := range s.attrs {
		switch localName(a.name) {
		case "r":
			if len(a.value) == 0 {
				c.col = 0
				continue
			}
			col, ok := colOf(a.value)
			if !ok {
				return false
			}
			c.col = col
		case "s":
			v, err := strconv.ParseInt(string(a.value), 10, 64)
			if err != nil || v < 0 || v > 1<<20 {
				return false
			}
			c.style = int(v)
		case "t":
			c.t = string(a.value)
		}
	}
	if k == tokSelfClose {
		return true
	}
	depth := s.depth() // of <c>
	for {
		k := s.next()
		switch k {
		case tokEOF, tokBad:
			return false
		case tokText:
			continue
		case tokEnd:
			if s.depth() < depth {
				return true
			}
			continue
		}
		name := localName(s.name)
		if s.depth() != depth+1 && !(k == tokSelfClose && s.depth() == depth) {
			return false // nested deeper: excelize would still pick v, f, is up
		}
		switch name {
		case "v":
			t, ok := s.textOnly(k)
			if !ok {
				return false
			}
			c.v, c.hasV = t, true
		case "f":
			t, ok := s.textOnly(k)
			if !ok {
				return false
			}
			c.formula, c.ftext = true, t
		case "is":
			t, ok := s.inline(k)
			if !ok {
				return false
			}
			c.inline, c.hasIS = t, true
		default:
			if k == tokStart && !s.skipWithout(func(n string) bool { return n == "v" || n == "f" || n == "is" }) {
				return false
			}
		}
	}
}

// colOf reads the column of a cell reference the way excelize does.
func colOf(ref []byte) (int, bool) {
	i, col := 0, 0
	for i < len(ref) && ref[i] >= 'A' && ref[i] <= 'Z' && i < 3 {
		col = col*26 + int(ref[i]-'A'+1)
		i++
	}
	if i > 0 && i < len(ref) && ref[i] >= '1' && ref[i] <= '9' && col <= excelize.MaxColumns {
		if r, ok := atoiStrict(ref[i:]); ok && r <= excelize.TotalRows {
			return col, true
		}
	}
	c, _, err := excelize.CellNameToCoordinates(string(ref))
	if err != nil {
		return 0, false
	}
	return c, true
}

func atoiStrict(b []byte) (int, bool) {
	if len(b) == 0 || len(b) > 9 {
		return 0, false
	}
	n := 0
	for _, c := range b {
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int(c-'0')
	}
	return n, n > 0
}

func equalCells(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// ---- A minimal, strict XML tokenizer over a byte slice ----

type tokKind uint8

const (
	tokEOF tokKind = iota
	tokBad
	tokStart
	tokSelfClose
	tokEnd
	tokText
)

type xmlAttr struct{ name, value []byte }

type xmlScan struct {
	b     []byte
	i     int
	name  []byte
	attrs []xmlAttr
	text  []byte
	stack [][]byte
	buf   []byte
}

func (s *xmlScan) depth() int { return len(s.stack) }

// parentLocal is the local name of the element enclosing the current start tag.
func (s *xmlScan) parentLocal() string {
	n := len(s.stack) - 2
	if s.i > 1 && s.b[s.i-2] == '/' && s.b[s.i-1] == '>' {
		n = len(s.stack) - 1 // self-closing: not pushed
	}
	if n < 0 {
		return ""
	}
	return localName(s.stack[n])
}

func localName(b []byte) string {
	if i := bytes.LastIndexByte(b, ':'); i >= 0 {
		b = b[i+1:]
	}
	return string(b)
}

func isNameByte(c byte, first bool) bool {
	switch {
	case c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z', c == '_', c == ':':
		return true
	case first:
		return false
	}
	return c >= '0' && c <= '9' || c == '-' || c == '.'
}

func xmlSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' }

// next reads one token. Start tags are pushed (self-closing ones are not), end tags
// are checked against the open element and popped.
func (s *xmlScan) next() tokKind {
	b := s.b
	if s.i >= len(b) {
		return tokEOF
	}
	if b[s.i] != '<' {
		j := bytes.IndexByte(b[s.i:], '<')
		if j < 0 {
			j = len(b) - s.i
		}
		s.text = b[s.i : s.i+j]
		s.i += j
		if !validText(s.text) {
			return tokBad
		}
		return tokText
	}
	rest := b[s.i:]
	switch {
	case bytes.HasPrefix(rest, []byte("<?")):
		j := bytes.Index(rest, []byte("?>"))
		if j < 0 {
			return tokBad
		}
		pi := rest[:j]
		if bytes.HasPrefix(pi, []byte("<?xml")) {
			if k := bytes.Index(pi, []byte("encoding=")); k >= 0 {
				enc := strings.ToLower(string(bytes.Trim(pi[k+9:], ` "'`)))
				if i := strings.IndexAny(enc, ` "'`); i >= 0 {
					enc = enc[:i]
				}
				if enc != "utf-8" && enc != "utf8" {
					return tokBad
				}
			}
		}
		s.i += j + 2
		return s.next()
	case bytes.HasPrefix(rest, []byte("<!--")):
		j := bytes.Index(rest[4:], []byte("--"))
		if j < 0 || len(rest) < 4+j+3 || rest[4+j+2] != '>' {
			return tokBad
		}
		s.i += 4 + j + 3
		return s.next()
	case len(rest) > 1 && rest[1] == '!':
		return tokBad // DOCTYPE, CDATA: excelize's
	case len(rest) > 1 && rest[1] == '/':
		i := 2
		for i < len(rest) && isNameByte(rest[i], i == 2) {
			i++
		}
		name := rest[2:i]
		for i < len(rest) && xmlSpace(rest[i]) {
			i++
		}
		if len(name) == 0 || i >= len(rest) || rest[i] != '>' || len(s.stack) == 0 || !bytes.Equal(s.stack[len(s.stack)-1], name) {
			return tokBad
		}
		s.stack = s.stack[:len(s.stack)-1]
		s.name = name
		s.i += i + 1
		return tokEnd
	}
	i := 1
	for i < len(rest) && isNameByte(rest[i], i == 1) {
		i++
	}
	if i == 1 {
		return tokBad
	}
	s.name = rest[1:i]
	s.attrs = s.attrs[:0]
	for {
		sp := i
		for i < len(rest) && xmlSpace(rest[i]) {
			i++
		}
		if i >= len(rest) {
			return tokBad
		}
		switch rest[i] {
		case '>':
			s.stack = append(s.stack, s.name)
			s.i += i + 1
			return tokStart
		case '/':
			if i+1 >= len(rest) || rest[i+1] != '>' {
				return tokBad
			}
			s.i += i + 2
			return tokSelfClose
		}
		if sp == i {
			return tokBad // attributes are separated by space
		}
		a := i
		for i < len(rest) && isNameByte(rest[i], i == a) {
			i++
		}
		if i == a {
			return tokBad
		}
		an := rest[a:i]
		for i < len(rest) && xmlSpace(rest[i]) {
			i++
		}
		if i >= len(rest) || rest[i] != '=' {
			return tokBad
		}
		i++
		for i < len(rest) && xmlSpace(rest[i]) {
			i++
		}
		if i >= len(rest) || rest[i] != '"' && rest[i] != '\'' {
			return tokBad
		}
		q := rest[i]
		j := bytes.IndexByte(rest[i+1:], q)
		if j < 0 {
			return tokBad
		}
		v := rest[i+1 : i+1+j]
		if bytes.ContainsAny(v, "<&\r") || !utf8.Valid(v) {
			return tokBad
		}
		s.attrs = append(s.attrs, xmlAttr{an, v})
		i += j + 2
	}
}

// skip passes over the element just opened, checking it like the rest.
func (s *xmlScan) skip() bool {
	d := len(s.stack)
	for len(s.stack) >= d {
		switch s.next() {
		case tokEOF, tokBad:
			return false
		}
	}
	return true
}

// skipWithout passes over the element just opened, refusing any element named so
// inside it (excelize would find those at any depth).
func (s *xmlScan) skipWithout(bad func(string) bool) bool {
	d := len(s.stack)
	for len(s.stack) >= d {
		switch s.next() {
		case tokEOF, tokBad:
			return false
		case tokStart, tokSelfClose:
			if bad(localName(s.name)) {
				return false
			}
		}
	}
	return true
}

// textOnly reads the text of the element just opened, which must hold no element.
func (s *xmlScan) textOnly(k tokKind) (string, bool) {
	if k == tokSelfClose {
		return "", true
	}
	var out []byte
	n := 0
	for {
		switch s.next() {
		case tokText:
			n++
			if n == 1 {
				out = s.text
			} else {
				out = append(append([]byte(nil), out...), s.text...)
			}
		case tokEnd:
			return unescape(out, &s.buf)
		default:
			return "", false
		}
	}
}

// inline reads <is>: its own <t> and the <t> of each <r> run, as xlsxSI.String.
func (s *xmlScan) inline(k tokKind) (string, bool) {
	if k == tokSelfClose {
		return "", true
	}
	d := len(s.stack)
	var own string
	var runs []string
	seenOwn := false
	for {
		k := s.next()
		switch k {
		case tokEOF, tokBad:
			return "", false
		case tokText:
			continue
		case tokEnd:
			if len(s.stack) < d {
				out := own + strings.Join(runs, "")
				if strings.Contains(out, "_x") {
					return "", false // excelize unescapes _xHHHH_
				}
				return out, true
			}
			continue
		}
		name := localName(s.name)
		switch {
		case name == "t" && s.depth() == d+1 || name == "t" && k == tokSelfClose && s.depth() == d:
			if seenOwn {
				return "", false
			}
			t, ok := s.textOnly(k)
			if !ok {
				return "", false
			}
			own, seenOwn = t, true
		case name == "r" && (s.depth() == d+1 || k == tokSelfClose && s.depth() == d):
			if k == tokSelfClose {
				continue
			}
			rd := len(s.stack)
			seen := false
			for len(s.stack) >= rd {
				k := s.next()
				switch k {
				case tokEOF, tokBad:
					return "", false
				case tokStart, tokSelfClose:
					if localName(s.name) == "t" && (s.depth() == rd+1 || k == tokSelfClose && s.depth() == rd) {
						if seen {
							return "", false
						}
						t, ok := s.textOnly(k)
						if !ok {
							return "", false
						}
						runs, seen = append(runs, t), true
					} else if k == tokStart && !s.skip() {
						return "", false
					}
				}
			}
		default:
			if k == tokStart && !s.skip() {
				return "", false
			}
		}
	}
}

// validText: what encoding/xml accepts as character data, without '\r' (which it
// rewrites) and with only the predefined and numeric entities.
func validText(t []byte) bool {
	for i := 0; i < len(t); i++ {
		c := t[i]
		switch {
		case c == '\r':
			return false
		case c < 0x20 && c != '\t' && c != '\n':
			return false
		case c == ']' && bytes.HasPrefix(t[i:], []byte("]]>")):
			return false
		case c >= utf8.RuneSelf:
			r, size := utf8.DecodeRune(t[i:])
			if r == utf8.RuneError || r == 0xFFFE || r == 0xFFFF {
				return false
			}
			i += size - 1
		}
	}
	return true
}

// unescape decodes the predefined and numeric entities of validated text.
func unescape(t []byte, buf *[]byte) (string, bool) {
	if bytes.IndexByte(t, '&') < 0 {
		return string(t), true
	}
	out := (*buf)[:0]
	for len(t) > 0 {
		i := bytes.IndexByte(t, '&')
		if i < 0 {
			out = append(out, t...)
			break
		}
		out = append(out, t[:i]...)
		t = t[i:]
		j := bytes.IndexByte(t, ';')
		if j < 0 {
			return "", false
		}
		ent := string(t[1:j])
		t = t[j+1:]
		switch ent {
		case "lt":
			out = append(out, '<')
		case "gt":
			out = append(out, '>')
		case "amp":
			out = append(out, '&')
		case "apos":
			out = append(out, '\'')
		case "quot":
			out = append(out, '"')
		default:
			if len(ent) < 2 || ent[0] != '#' {
				return "", false
			}
			var n uint64
			var err error
			if ent[1] == 'x' {
				n, err = strconv.ParseUint(ent[2:], 16, 32)
			} else {
				n, err = strconv.ParseUint(ent[1:], 10, 32)
			}
			r := rune(n)
			if err != nil || !(r == 0x9 || r == 0xA || r >= 0x20 && r <= 0xD7FF || r >= 0xE000 && r <= 0xFFFD || r >= 0x10000 && r <= 0x10FFFF) {
				return "", false
			}
			out = utf8.AppendRune(out, r)
		}
	}
	*buf = out
	return string(out), true
}

// wellFormedWorksheet: the part parses as XML (tags matched) with a worksheet root.
func wellFormedWorksheet(data []byte) bool {
	d := xml.NewDecoder(bytes.NewReader(data))
	root := ""
	for {
		tok, err := d.Token()
		if err == io.EOF {
			return root == "worksheet"
		}
		if err != nil {
			return false
		}
		if se, ok := tok.(xml.StartElement); ok && root == "" {
			root = se.Name.Local
		}
	}
}

// spreadsheetMain is the namespace of a worksheet's elements, as Excel and LibreOffice
// write it.
const spreadsheetMain = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"

// mainNamespace reports whether the part's root element is a worksheet in the
// SpreadsheetML main namespace, with or without a prefix.
func mainNamespace(data []byte) bool {
	head := data[:min(len(data), 4096)]
	for {
		i := bytes.IndexByte(head, '<')
		if i < 0 || i+1 >= len(head) {
			return false
		}
		head = head[i+1:]
		if head[0] == '?' || head[0] == '!' {
			continue // the XML declaration, a comment
		}
		break
	}
	end := bytes.IndexByte(head, '>')
	if end < 0 {
		return false
	}
	tag := strings.NewReplacer("\t", " ", "\n", " ", "\r", " ").Replace(string(head[:end]))
	name, attrs, _ := strings.Cut(tag, " ")
	decl := "xmlns"
	if prefix, local, ok := strings.Cut(name, ":"); ok {
		name, decl = local, "xmlns:"+prefix
	}
	if name != "worksheet" {
		return false
	}
	for _, q := range []string{`"`, `'`} {
		if strings.Contains(" "+attrs, " "+decl+"="+q+spreadsheetMain+q) {
			return true
		}
	}
	return false
}
