package ingest

import (
	"archive/zip"
	"bytes"
	"io"
	"strings"
)

// zipDocument names the kind of a zip package that is not an .xlsx workbook but another
// office document people send by mistake: an OpenDocument file (its first entry,
// "mimetype", says which) or a Word or PowerPoint file. It returns the usual file
// extension and what the document is, in Vietnamese and English, or ok false for
// anything else (a workbook, a damaged file, a plain zip: excelize judges those).
func zipDocument(b []byte) (ext, whatVI, whatEN string, ok bool) {
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		return "", "", "", false
	}
	hasWorkbook := false
	kind := ""
	for _, f := range zr.File {
		name := strings.ToLower(strings.ReplaceAll(f.Name, "\\", "/"))
		switch {
		case name == "mimetype" && f.UncompressedSize64 < 256:
			if rc, err := f.Open(); err == nil {
				m, _ := io.ReadAll(io.LimitReader(rc, 256))
				rc.Close()
				kind = odfKind(string(bytes.TrimSpace(m)))
			}
		case name == "xl/workbook.xml" || strings.HasPrefix(name, "xl/worksheets/"):
			hasWorkbook = true
		case name == "word/document.xml" && kind == "":
			kind = "docx"
		case name == "ppt/presentation.xml" && kind == "":
			kind = "pptx"
		}
	}
	if hasWorkbook && (kind == "docx" || kind == "pptx") {
		return "", "", "", false
	}
	switch kind {
	case "ods":
		return ".ods", "bảng tính OpenDocument (LibreOffice/OpenOffice Calc)", "an OpenDocument spreadsheet (LibreOffice/OpenOffice Calc)", true
	case "odt":
		return ".odt", "văn bản OpenDocument (LibreOffice/OpenOffice Writer)", "an OpenDocument text (LibreOffice/OpenOffice Writer)", true
	case "odp":
		return ".odp", "trình chiếu OpenDocument", "an OpenDocument presentation", true
	case "odf":
		return ".odf", "tài liệu OpenDocument", "an OpenDocument file", true
	case "docx":
		return ".docx", "văn bản Word", "a Word document", true
	case "pptx":
		return ".pptx", "trình chiếu PowerPoint", "a PowerPoint presentation", true
	}
	return "", "", "", false
}

func odfKind(mime string) string {
	switch {
	case !strings.HasPrefix(mime, "application/vnd.oasis.opendocument."):
		return ""
	case strings.HasSuffix(mime, ".spreadsheet"), strings.HasSuffix(mime, ".spreadsheet-template"):
		return "ods"
	case strings.HasSuffix(mime, ".text"), strings.HasSuffix(mime, ".text-template"):
		return "odt"
	case strings.HasSuffix(mime, ".presentation"), strings.HasSuffix(mime, ".presentation-template"):
		return "odp"
	}
	return "odf"
}
