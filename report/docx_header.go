package report

// The one gap godocx leaves for this report: it models w:headerReference but has no
// way to add a header part. Page numbers (centred in the top margin, none on the first
// page, per Nghị định 30/2020) need one, so this file adds it to the written package:
// two header parts (a PAGE field, and an empty first-page header), their relationships
// and content types, the references and w:titlePg in the final w:sectPr, and the draft
// mark in the core properties. Fenced here and tested in docx_header_test.go.

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"strings"
)

const (
	hdrRelType     = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/header"
	hdrContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"
	wNS            = `xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"`
	hdrRunProps    = `<w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:cs="Times New Roman"/><w:sz w:val="28"/></w:rPr>`
	pageHeaderXML  = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` +
		`<w:hdr ` + wNS + `><w:p><w:pPr><w:jc w:val="center"/></w:pPr>` +
		`<w:r>` + hdrRunProps + `<w:fldChar w:fldCharType="begin"/></w:r>` +
		`<w:r>` + hdrRunProps + `<w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>` +
		`<w:r>` + hdrRunProps + `<w:fldChar w:fldCharType="separate"/></w:r>` +
		`<w:r>` + hdrRunProps + `<w:t>2</w:t></w:r>` +
		`<w:r>` + hdrRunProps + `<w:fldChar w:fldCharType="end"/></w:r></w:p></w:hdr>`
	firstHeaderXML = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:hdr ` + wNS + `><w:p/></w:hdr>`
)

// addPageNumberHeader rewrites a .docx with page numbers in the header from page 2 on.
func addPageNumberHeader(in []byte, title string) ([]byte, error) {
	zr, err := zip.NewReader(bytes.NewReader(in), int64(len(in)))
	if err != nil {
		return nil, fmt.Errorf("docx header: %w", err)
	}
	var out bytes.Buffer
	zw := zip.NewWriter(&out)
	seen := map[string]bool{}
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			return nil, err
		}
		body, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			return nil, err
		}
		s := string(body)
		switch f.Name {
		case "word/document.xml":
			s, err = withHeaderRefs(s)
		case "word/_rels/document.xml.rels":
			s, err = insertBefore(s, "</Relationships>",
				`<Relationship Id="rIdChitieuHdr1" Type="`+hdrRelType+`" Target="header_chitieu1.xml"/>`+
					`<Relationship Id="rIdChitieuHdr2" Type="`+hdrRelType+`" Target="header_chitieu2.xml"/>`)
		case "docProps/core.xml":
			// The draft mark (REPORT-FORM: "a draft says so in the document properties").
			var t bytes.Buffer
			_ = xml.EscapeText(&t, []byte(title))
			s = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` +
				`<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ` +
				`xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>` + t.String() + `</dc:title>` +
				`<dc:subject>DỰ THẢO do hệ thống chitieu tổng hợp; Sở Công Thương chỉnh sửa trước khi ký</dc:subject>` +
				`<dc:creator>chitieu</dc:creator><cp:keywords>dự thảo</cp:keywords></cp:coreProperties>`
		case "[Content_Types].xml":
			s, err = insertBefore(s, "</Types>",
				`<Override PartName="/word/header_chitieu1.xml" ContentType="`+hdrContentType+`"/>`+
					`<Override PartName="/word/header_chitieu2.xml" ContentType="`+hdrContentType+`"/>`)
		}
		if err != nil {
			return nil, fmt.Errorf("docx header: %s: %w", f.Name, err)
		}
		seen[f.Name] = true
		if err := writeZipFile(zw, f.Name, []byte(s)); err != nil {
			return nil, err
		}
	}
	for _, need := range []string{"word/document.xml", "word/_rels/document.xml.rels", "[Content_Types].xml"} {
		if !seen[need] {
			return nil, fmt.Errorf("docx header: %s missing from the written package", need)
		}
	}
	if err := writeZipFile(zw, "word/header_chitieu1.xml", []byte(pageHeaderXML)); err != nil {
		return nil, err
	}
	if err := writeZipFile(zw, "word/header_chitieu2.xml", []byte(firstHeaderXML)); err != nil {
		return nil, err
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	return out.Bytes(), nil
}

func writeZipFile(zw *zip.Writer, name string, body []byte) error {
	w, err := zw.CreateHeader(&zip.FileHeader{Name: name, Method: zip.Deflate})
	if err != nil {
		return err
	}
	_, err = w.Write(body)
	return err
}

// withHeaderRefs puts the header references first in every w:sectPr (a section without
// them would have no header in Word: only later sections inherit) and w:titlePg last in the
// first one only, so page 1 alone goes unnumbered; and declares the r: namespace if missing.
func withHeaderRefs(doc string) (string, error) {
	refs := `<w:headerReference w:type="default" r:id="rIdChitieuHdr1"/><w:headerReference w:type="first" r:id="rIdChitieuHdr2"/>`
	var out strings.Builder
	rest, n := doc, 0
	for {
		i := strings.Index(rest, "<w:sectPr")
		if i < 0 {
			break
		}
		end := strings.Index(rest[i:], "</w:sectPr>")
		if end < 0 {
			return "", fmt.Errorf("w:sectPr without children")
		}
		end += i
		sect := rest[i:end]
		open := strings.Index(sect, ">") + 1
		out.WriteString(rest[:i] + sect[:open] + refs + sect[open:])
		if n == 0 {
			out.WriteString("<w:titlePg/>")
		}
		n++
		rest = rest[end:]
	}
	if n == 0 {
		return "", fmt.Errorf("no w:sectPr with children")
	}
	out.WriteString(rest)
	doc = out.String()
	root := strings.Index(doc, "<w:document")
	if root < 0 {
		return "", fmt.Errorf("no w:document")
	}
	tagEnd := root + strings.Index(doc[root:], ">")
	if !strings.Contains(doc[root:tagEnd], "xmlns:r=") {
		at := root + len("<w:document")
		doc = doc[:at] + ` xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"` + doc[at:]
	}
	return doc, nil
}

func insertBefore(s, marker, add string) (string, error) {
	i := strings.LastIndex(s, marker)
	if i < 0 {
		return "", fmt.Errorf("%s not found", marker)
	}
	return s[:i] + add + s[i:], nil
}
