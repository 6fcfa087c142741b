package report

import (
	"bytes"
	"regexp"
	"strings"
	"testing"
)

// synthesisDocText writes the model and returns document.xml's text, tags dropped.
func synthesisDocText(t *testing.T, m Model) string {
	t.Helper()
	var buf bytes.Buffer
	if err := WriteDocx(m, &buf); err != nil {
		t.Fatal(err)
	}
	return regexp.MustCompile(`<[^>]+>`).ReplaceAllString(docxPart(t, buf.Bytes(), "word/document.xml"), "")
}

// An item with SCT's text prints that text instead of the agencies' paragraphs; with
// the annex chosen, those paragraphs follow in "PHỤ LỤC II", attributed, after the
// signature. An item without SCT's text keeps the agencies' paragraphs in the body.
func TestDocxPrintsSynthesisInPlaceOfAgencies(t *testing.T) {
	in := sampleInput(t)
	in.Syntheses = map[string]string{"II.1": "Các sở, ngành đã tổ chức hội nghị.\n- Đã tổ chức 12 hội nghị (Nguồn: Sở Xây dựng)"}
	m := Compile(in)
	var ii1 Section
	for _, s := range m.Sections {
		if s.Item.Number == "II.1" {
			ii1 = s
		}
	}
	if !ii1.Synthesized() || len(ii1.Synthesis) != 2 || !ii1.Synthesis[1].Bullet || len(ii1.Entries) != 1 {
		t.Fatalf("II.1 compiled as %+v", ii1)
	}
	doc := synthesisDocText(t, m)
	if !strings.Contains(doc, "Các sở, ngành đã tổ chức hội nghị.") || !strings.Contains(doc, "- Đã tổ chức 12 hội nghị (Nguồn: Sở Xây dựng)") {
		t.Error("SCT's text is not printed")
	}
	if strings.Contains(doc, "Sở Xây dựng: Đã tổ chức 12 hội nghị phổ biến") || strings.Contains(doc, "PHỤ LỤC II") {
		t.Error("SCT's text alone was chosen, but the agency's paragraph of II.1 is printed")
	}
	if !strings.Contains(doc, "PHỤ LỤC") || strings.Contains(doc, "PHỤ LỤC I") {
		t.Error("the one annex is numbered though it is alone")
	}

	in.SynthesisAnnex = true
	doc = synthesisDocText(t, Compile(in))
	annex, body := strings.Index(doc, "PHỤ LỤC II"), strings.Index(doc, "Các sở, ngành đã tổ chức hội nghị.")
	quoted := strings.Index(doc, "Sở Xây dựng: Đã tổ chức 12 hội nghị phổ biến")
	if annex < 0 || body < 0 || quoted < annex || body > annex || !strings.Contains(doc, "PHỤ LỤC I") {
		t.Errorf("annex mode: body at %d, PHỤ LỤC II at %d, agency's paragraph at %d", body, annex, quoted)
	}

	// Without SCT's text the agency's paragraph stays in the body, and no annex 2.
	in.Syntheses = nil
	doc = synthesisDocText(t, Compile(in))
	if !strings.Contains(doc, "Sở Xây dựng: Đã tổ chức 12 hội nghị phổ biến") || strings.Contains(doc, "PHỤ LỤC II") {
		t.Error("an item without SCT's text lost its agencies' paragraphs, or an empty annex 2 is printed")
	}
}
