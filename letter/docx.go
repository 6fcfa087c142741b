package letter

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"io"
	"strings"
)

// readDocx reads word/document.xml into body-level paragraphs and tables. It reads the
// XML as a token stream: Word and LibreOffice write the same elements, whatever their
// extras. A paragraph is bold when every run with text is bold; a table is "layout"
// when it draws no border (letterheads and signature blocks are set that way).
func readDocx(data []byte, lim Limits) ([]Block, error) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, &Error{Key: "let.err.zip", Err: err}
	}
	var doc *zip.File
	var total uint64
	for _, f := range zr.File {
		total += f.UncompressedSize64
		if f.Name == "word/document.xml" {
			doc = f
		}
	}
	if total > uint64(lim.MaxUnpacked)*4 || doc != nil && doc.UncompressedSize64 > uint64(lim.MaxUnpacked) {
		return nil, zipBomb(lim)
	}
	if doc == nil {
		return nil, &Error{Key: "let.err.nobody", Err: ErrFormat}
	}
	rc, err := doc.Open()
	if err != nil {
		return nil, &Error{Key: "let.err.open", Err: err}
	}
	defer rc.Close()
	// The declared size can lie: read one byte past the limit to know.
	lr := &io.LimitedReader{R: rc, N: lim.MaxUnpacked + 1}
	blocks, err := docxBlocks(lr)
	if lr.N <= 0 {
		return nil, zipBomb(lim)
	}
	if err != nil {
		return nil, &Error{Key: "let.err.xml", Err: err}
	}
	return blocks, nil
}

func zipBomb(lim Limits) error {
	return &Error{Key: "let.err.bomb", Args: []any{mb(lim.MaxUnpacked)}}
}

type runState struct{ bold, italic, text bool }

func docxBlocks(r io.Reader) ([]Block, error) {
	dec := xml.NewDecoder(r)
	var (
		out       []Block
		n         int
		tblDepth  int
		pDepth    int
		cur       Block
		text      strings.Builder
		cellText  strings.Builder
		row       []string
		table     [][]string
		inText    bool
		cellParas int
		run       runState
		inRPr     bool
		allBold   bool
		allItalic bool
		anyText   bool
		bordered  bool
	)
	write := func(s string) {
		if tblDepth > 0 {
			cellText.WriteString(s)
			return
		}
		text.WriteString(s)
	}
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "tbl":
				tblDepth++
				if tblDepth == 1 {
					table, bordered = nil, false
				}
			case "tr":
				if tblDepth == 1 {
					row = nil
				}
			case "tc":
				if tblDepth == 1 {
					cellText.Reset()
					cellParas = 0
				}
			case "top", "bottom", "left", "right", "insideH", "insideV", "start", "end":
				if tblDepth > 0 {
					if v := attr(t, "val"); v != "" && v != "none" && v != "nil" {
						bordered = true
					}
				}
			case "tblStyle":
				if tblDepth > 0 && strings.Contains(strings.ToLower(attr(t, "val")), "grid") {
					bordered = true
				}
			case "p":
				pDepth++
				if tblDepth == 0 && pDepth == 1 {
					cur = Block{}
					text.Reset()
					allBold, allItalic, anyText = true, true, false
				} else if tblDepth > 0 {
					if cellParas > 0 {
						cellText.WriteString("\n")
					}
					cellParas++
				} else {
					text.WriteString("\n") // a text box's paragraph inside this one
				}
			case "pStyle":
				if tblDepth == 0 && pDepth == 1 {
					cur.Style = attr(t, "val")
				}
			case "numPr":
				if tblDepth == 0 && pDepth == 1 {
					cur.Listed = true
				}
			case "r":
				run = runState{}
			case "rPr":
				inRPr = true
			case "b", "bCs":
				if inRPr && t.Name.Local == "b" {
					run.bold = on(t)
				}
			case "i":
				if inRPr {
					run.italic = on(t)
				}
			case "t":
				inText = true
			case "tab":
				write("\t")
			case "br", "cr":
				write("\n")
			}
		case xml.CharData:
			if inText {
				write(string(t))
				if strings.TrimSpace(string(t)) != "" {
					run.text = true
				}
			}
		case xml.EndElement:
			switch t.Name.Local {
			case "t":
				inText = false
			case "rPr":
				inRPr = false
			case "r":
				if run.text && tblDepth == 0 {
					anyText = true
					allBold = allBold && run.bold
					allItalic = allItalic && run.italic
				}
			case "p":
				pDepth--
				if tblDepth == 0 && pDepth == 0 {
					n++
					cur.N = n
					cur.Text = strings.TrimSpace(text.String())
					cur.Bold = anyText && allBold
					cur.Italic = anyText && allItalic
					out = append(out, cur)
				}
			case "tc":
				if tblDepth == 1 {
					row = append(row, strings.TrimSpace(cellText.String()))
				}
			case "tr":
				if tblDepth == 1 {
					table = append(table, row)
				}
			case "tbl":
				tblDepth--
				if tblDepth == 0 {
					n++
					out = append(out, Block{N: n, Table: true, Rows: table, Layout: !bordered})
				}
			}
		}
	}
	return out, nil
}

// on reads a toggle property: <w:b/> is on, <w:b w:val="0"/> (or false) is off.
func on(t xml.StartElement) bool {
	v := attr(t, "val")
	return v == "" || v == "1" || v == "true" || v == "on"
}

func attr(t xml.StartElement, local string) string {
	for _, a := range t.Attr {
		if a.Name.Local == local {
			return a.Value
		}
	}
	return ""
}
