package ingest

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"strings"

	"github.com/quangngai/chitieu/report"
)

// docBlock is one body-level block of a .docx: a paragraph or a table.
type docBlock struct {
	Para    int    // paragraph number (1-based, body paragraphs only; tables take the next one's number)
	Text    string // paragraph text
	Style   string // paragraph style id
	Listed  bool   // the paragraph is an item of a Word list (w:numPr)
	IsTable bool
	Rows    [][]string // table cells' text
}

// ErrNotDocx means the file is not a Word .docx.
var ErrNotDocx = report.ErrNotDocx

// readDocxBlocks reads word/document.xml into body-level paragraphs and tables. It reads
// the XML as a token stream: Word and LibreOffice write the same elements, whatever
// their extras.
func readDocxBlocks(data []byte) ([]docBlock, error) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, ErrNotDocx
	}
	var doc *zip.File
	for _, f := range zr.File {
		if f.Name == "word/document.xml" {
			doc = f
		}
	}
	if doc == nil {
		return nil, ErrNotDocx
	}
	if doc.UncompressedSize64 > 64<<20 {
		return nil, fmt.Errorf("word/document.xml is larger than 64 MB")
	}
	rc, err := doc.Open()
	if err != nil {
		return nil, ErrNotDocx
	}
	defer rc.Close()
	dec := xml.NewDecoder(io.LimitReader(rc, 64<<20))
	var (
		out       []docBlock
		para      int
		tblDepth  int
		inPara    bool
		cur       docBlock
		text      strings.Builder
		cellText  strings.Builder
		row       []string
		table     [][]string
		inText    bool
		cellParas int
	)
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("word/document.xml: %w", err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "tbl":
				tblDepth++
				if tblDepth == 1 {
					table = nil
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
			case "p":
				if tblDepth == 0 {
					inPara = true
					cur = docBlock{}
					text.Reset()
				} else if cellParas > 0 {
					cellText.WriteString("\n")
				}
				if tblDepth > 0 {
					cellParas++
				}
			case "pStyle":
				if inPara && tblDepth == 0 {
					cur.Style = attr(t, "val")
				}
			case "numPr":
				if inPara && tblDepth == 0 {
					cur.Listed = true
				}
			case "t":
				inText = true
			case "tab":
				write(tblDepth, &text, &cellText, "\t")
			case "br", "cr":
				write(tblDepth, &text, &cellText, "\n")
			}
		case xml.CharData:
			if inText {
				write(tblDepth, &text, &cellText, string(t))
			}
		case xml.EndElement:
			switch t.Name.Local {
			case "t":
				inText = false
			case "p":
				if tblDepth == 0 && inPara {
					para++
					cur.Para = para
					cur.Text = strings.TrimSpace(text.String())
					out = append(out, cur)
					inPara = false
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
					out = append(out, docBlock{Para: para + 1, IsTable: true, Rows: table})
				}
			}
		}
	}
	return out, nil
}

func write(tblDepth int, para, cell *strings.Builder, s string) {
	if tblDepth > 0 {
		cell.WriteString(s)
		return
	}
	para.WriteString(s)
}

func attr(t xml.StartElement, local string) string {
	for _, a := range t.Attr {
		if a.Name.Local == local {
			return a.Value
		}
	}
	return ""
}
