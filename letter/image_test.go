package letter

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestImageLetterIsRead: a page photographed or scanned to PNG (not wrapped in a PDF)
// is read by OCR like a scanned PDF: every paragraph carries the OCR mark, and the
// letter's own words come through in Vietnamese with their diacritics.
func TestImageLetterIsRead(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "page")
	if b, err := exec.Command("pdftoppm", "-png", "-r", "200", "-f", "1", "-l", "1", "-singlefile",
		filepath.Join("..", "testdata", "letters", "22-bs-scan.pdf"), out).CombinedOutput(); err != nil {
		t.Fatalf("pdftoppm: %v: %s", err, b)
	}
	png, err := os.ReadFile(out + ".png")
	if err != nil {
		t.Fatal(err)
	}
	l, err := Read(context.Background(), png, DefaultLimits)
	if err != nil {
		t.Fatalf("read the PNG: %v", err)
	}
	if l.Format != "scan" {
		t.Errorf("format %q, want scan", l.Format)
	}
	var text strings.Builder
	n := 0
	for _, b := range l.Blocks {
		if strings.TrimSpace(b.Text) == "" {
			continue
		}
		n++
		if !b.OCR {
			t.Errorf("block %d without the OCR mark: %q", b.N, b.Text)
		}
		text.WriteString(b.Text + "\n")
	}
	if n < 5 {
		t.Fatalf("%d paragraphs read from the page, want the page's text:\n%s", n, text.String())
	}
	if !strings.Contains(strings.ToUpper(text.String()), "QUẢNG NGÃI") {
		t.Errorf("the letterhead's place name is not in the OCR text:\n%s", text.String())
	}
}
