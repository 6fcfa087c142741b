package letter

import (
	"bytes"
	"context"
	"strings"
	"unicode/utf8"
)

// readPDF reads a PDF's text layer with poppler's pdftotext -layout; a PDF with (almost)
// no text is a scan and goes to OCR. A signed PDF's signature is read with pdfsig.
func readPDF(ctx context.Context, data []byte, lim Limits) (Letter, error) {
	var text string
	var sig *Signature
	err := sandbox(ctx, lim.Convert, "thu.pdf", data, func(dir, in string, run func(string, ...string) ([]byte, error)) error {
		out, err := run("pdftotext", "-layout", "-enc", "UTF-8", "-l", itoa(lim.MaxPages), in, "-")
		if err != nil {
			return err
		}
		text = string(out)
		if bytes.Contains(data, []byte("/ByteRange")) {
			// pdfsig exits non-zero on an unverifiable signature: its output still says why.
			out, _ := run("pdfsig", "-no-ocsp", in)
			sig = parsePdfsig(string(out))
		}
		return nil
	})
	if err != nil {
		return Letter{}, &Error{Key: "let.err.pdf", Args: []any{shortText(err.Error(), 120)}, Err: err}
	}
	pages := strings.Split(text, "\f")
	letters := 0
	for _, r := range text {
		if r > ' ' {
			letters++
		}
	}
	if letters < 40*len(pages) && letters < 400 {
		l, err := ocrPDF(ctx, data, lim)
		l.Signature = sig
		return l, err
	}
	var blocks []Block
	width := textWidth(text)
	for i, p := range pages {
		blocks = append(blocks, layoutBlocks(strings.Split(p, "\n"), i+1, width, false)...)
	}
	for i := range blocks {
		blocks[i].N = i + 1
	}
	l := Letter{Format: "pdf", Blocks: blocks, Signature: sig}
	if sig != nil {
		l.Format = "pdf-signed"
	}
	return l, nil
}

func itoa(n int) string {
	if n <= 0 {
		n = 1
	}
	var b [20]byte
	i := len(b)
	for n > 0 {
		i--
		b[i] = byte('0' + n%10)
		n /= 10
	}
	return string(b[i:])
}

// textWidth is the longest line of the whole text: a page's own would be short on a
// short last page.
func textWidth(text string) int {
	width := 0
	for _, l := range strings.Split(text, "\n") {
		if n := utf8.RuneCountInString(strings.TrimRight(l, " \r\f")); n > width {
			width = n
		}
	}
	return width
}

// segment is a run of text on a line, at a column.
type segment struct {
	col  int
	text string
}

// segments splits a layout line at gaps of three spaces or more.
func segments(line string) []segment {
	var out []segment
	rs := []rune(line)
	i := 0
	for i < len(rs) {
		for i < len(rs) && rs[i] == ' ' {
			i++
		}
		if i >= len(rs) {
			break
		}
		start := i
		gap := 0
		j := i
		for j < len(rs) {
			if rs[j] == ' ' {
				gap++
				if gap >= 3 {
					break
				}
			} else {
				gap = 0
			}
			j++
		}
		out = append(out, segment{col: start, text: strings.TrimSpace(string(rs[start:j]))})
		i = j
	}
	return out
}

// layoutBlocks turns pdftotext -layout lines (or OCR lines) into paragraphs and tables.
// A paragraph ends at a blank line, before a numbered heading or bullet, and after a line
// clearly shorter than the text width. Lines in columns (a gap of three spaces or more)
// form a table: letterheads and signature blocks as layout tables, bordered tables as
// rows, a new row where the first column has text.
func layoutBlocks(lines []string, page, width int, ocr bool) []Block {
	var out []Block
	var para []string
	flush := func() {
		if len(para) > 0 {
			out = append(out, Block{Text: strings.Join(para, " "), Page: page, OCR: ocr})
			para = nil
		}
	}
	for i := 0; i < len(lines); i++ {
		line := strings.TrimRight(lines[i], " \r")
		trim := strings.TrimSpace(line)
		if trim == "" {
			flush()
			continue
		}
		if !ocr && len(segments(line)) >= 2 {
			flush()
			j := tableRun(lines, i, width)
			out = append(out, columnsTable(lines[i:j], page))
			i = j - 1
			continue
		}
		if startsParagraph(trim) {
			flush()
		}
		para = append(para, trim)
		if utf8.RuneCountInString(line) < width*3/4 {
			flush()
		}
	}
	flush()
	return out
}

// tableRun says where a run of column lines starting at i ends: at a full-width line of
// one column, or at a blank line not followed by another column line.
func tableRun(lines []string, i, width int) int {
	j := i + 1
	for j < len(lines) {
		l := strings.TrimRight(lines[j], " \r")
		if strings.TrimSpace(l) == "" {
			k := j + 1
			for k < len(lines) && strings.TrimSpace(lines[k]) == "" {
				k++
			}
			if k < len(lines) && (len(segments(lines[k])) >= 2 || indent(lines[k]) > width/3) {
				j = k
				continue
			}
			return j
		}
		segs := segments(l)
		if len(segs) < 2 && indent(l) <= width/3 && utf8.RuneCountInString(l) > width*6/10 {
			return j
		}
		if len(segs) < 2 && indent(l) == 0 && startsParagraph(strings.TrimSpace(l)) {
			return j
		}
		j++
	}
	return j
}

func indent(l string) int { return len(l) - len(strings.TrimLeft(l, " ")) }

// columnsTable builds a table from column lines: column starts are where segments of
// the first multi-column line begin.
func columnsTable(lines []string, page int) Block {
	var starts []int
	for _, l := range lines {
		if s := segments(l); len(s) > len(starts) {
			starts = starts[:0]
			for _, g := range s {
				starts = append(starts, g.col)
			}
		}
	}
	colOf := func(c int) int {
		k := 0
		for i, s := range starts {
			if c >= s-2 {
				k = i
			}
		}
		return k
	}
	var rows [][]string
	for _, l := range lines {
		segs := segments(strings.TrimRight(l, " \r"))
		if len(segs) == 0 {
			continue
		}
		first := colOf(segs[0].col) == 0
		if rows == nil || first && len(starts) > 2 {
			rows = append(rows, make([]string, len(starts)))
		}
		r := rows[len(rows)-1]
		for _, s := range segs {
			c := colOf(s.col)
			if r[c] != "" {
				r[c] += "\n"
			}
			r[c] += s.text
		}
	}
	layout := len(starts) <= 2
	if layout {
		// A letterhead or signature block: one row, each column's lines.
		one := make([]string, len(starts))
		for _, r := range rows {
			for c, v := range r {
				if v != "" {
					if one[c] != "" {
						one[c] += "\n"
					}
					one[c] += v
				}
			}
		}
		rows = [][]string{one}
	}
	return Block{Table: true, Rows: rows, Layout: layout, Page: page}
}

func startsParagraph(s string) bool {
	return romanHeading.MatchString(s) || numberHeading.MatchString(s) || strings.HasPrefix(s, "- ") ||
		strings.HasPrefix(s, "+ ") || strings.HasPrefix(s, "• ") || strings.HasPrefix(s, "Nơi nhận")
}
