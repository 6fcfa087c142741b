package ingest

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/quangngai/chitieu/queries"
)

// TestWindows1258CSVIsRead: a CSV saved by Vietnamese Windows as "CSV (Comma
// delimited)" is read exactly (it was refused as "not UTF-8"): the preview's warning
// quotes the decoded text, and the stored source and note are the Vietnamese typed.
func TestWindows1258CSVIsRead(t *testing.T) {
	t.Parallel()
	st, in := seeded(t)
	body, err := os.ReadFile(filepath.Join(corpusDir, "good", "windows1258.csv"))
	if err != nil {
		t.Fatal(err)
	}
	req := queries.UploadRequest{FileName: "bql.csv", Content: body, User: "analyst", DryRun: true}
	rep := ingestOK(t, in, req)
	if rep.Outcome != queries.UploadDryRun || len(rep.Warnings) == 0 || rep.Warnings[0].Code != "csv_windows1258" ||
		!strings.Contains(rep.Warnings[0].MessageVI, "tỷ đồng") {
		t.Fatalf("preview = %s %+v %+v", rep.Outcome, rep.Errors, rep.Warnings)
	}
	req.DryRun = false
	if rep = ingestOK(t, in, req); rep.Outcome != queries.UploadAccepted {
		t.Fatalf("upload = %s %+v", rep.Outcome, rep.Errors)
	}
	cur, err := st.CurrentFigures(context.Background(), queries.FigureFilter{Agencies: []string{"BQL"}})
	if err != nil || len(cur) != 1 {
		t.Fatalf("current = %+v, %v", cur, err)
	}
	if cur[0].Source != "Báo cáo của Ban Quản lý" || cur[0].Note != "Số liệu ước tính đến hết năm" || cur[0].Status != queries.StatusEstimate {
		t.Errorf("stored %+v", cur[0])
	}
}

// TestEightBitEncodingsNamed: VNI and TCVN3 bytes are not taken for Windows-1258; the
// message names the encoding and says how to save CSV UTF-8.
func TestEightBitEncodingsNamed(t *testing.T) {
	for name, want := range map[string]string{"tcvn3-not-utf8.csv": "TCVN3", "vni-not-utf8.csv": "VNI"} {
		body, err := os.ReadFile(filepath.Join(corpusDir, "bad", name))
		if err != nil {
			t.Fatal(err)
		}
		_, _, prob := csvText(body)
		if prob == nil || !strings.Contains(prob.MessageVI, want) || !strings.Contains(prob.HintVI, "CSV UTF-8") || !strings.Contains(prob.HintEN, "CSV UTF-8") {
			t.Errorf("%s: %+v", name, prob)
		}
	}
}

// TestOtherZipDocumentsNamed: an .ods, .odt or .docx is named as what it is (an .ods
// was "The .xlsx file is damaged or incomplete (EOF)").
func TestOtherZipDocumentsNamed(t *testing.T) {
	for name, want := range map[string]string{
		"libreoffice-calc.ods":    "Tệp .ods (bảng tính OpenDocument (LibreOffice/OpenOffice Calc)): hãy lưu lại dưới dạng .xlsx.",
		"libreoffice-writer.odt":  "Tệp .odt là văn bản OpenDocument (LibreOffice/OpenOffice Writer), không phải bảng tính .xlsx.",
		"libreoffice-writer.docx": "Tệp .docx là văn bản Word, không phải bảng tính .xlsx.",
	} {
		body, err := os.ReadFile(filepath.Join(corpusDir, "bad", name))
		if err != nil {
			t.Fatal(err)
		}
		_, prob := detectKind(body)
		if prob == nil || prob.MessageVI != want || strings.Contains(prob.MessageEN, "%!") || strings.Contains(prob.MessageVI, "%!") {
			t.Errorf("%s: %+v", name, prob)
		}
	}
	if _, prob := detectKind(minimalXLSX(t)); prob != nil {
		t.Errorf("a workbook: %+v", prob)
	}
}

// TestAmbiguousNumberHints: both hints say that 1.234,0 is one thousand two hundred
// thirty-four (the English one said it was one point two three four).
func TestAmbiguousNumberHints(t *testing.T) {
	e := problem("ambiguous_number", Location{}, "1.234", "1.234", "1234", "1.234")
	if !strings.Contains(e.HintEN, "1.234,0 or 1234 for one thousand two hundred thirty-four") ||
		!strings.Contains(e.HintVI, "1.234,0 hoặc 1234 nếu là một nghìn hai trăm ba mươi tư") {
		t.Errorf("hints: %q / %q", e.HintVI, e.HintEN)
	}
}
