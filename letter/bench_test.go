package letter

import (
	"context"
	"os"
	"testing"
	"time"
)

// BenchmarkReadScan: OCR time per page of a scanned letter (pdftoppm at 300 dpi, then
// tesseract -l vie), and for comparison a text PDF and a .docx.
//
//	go test ./letter -run '^$' -bench Read -benchtime 3x
func BenchmarkRead(b *testing.B) {
	for _, c := range []struct{ name, file string }{{"scan", "22-bs-scan.pdf"}, {"pdf", "16-sxd-pdf.pdf"}, {"signed", "19-tnmt-signed.pdf"}, {"doc", "13-nn-doc.doc"}, {"docx", "01-sxd-outline.docx"}} {
		data, err := os.ReadFile(lettersDir + "/" + c.file)
		if err != nil {
			b.Fatal(err)
		}
		b.Run(c.name, func(b *testing.B) {
			pages := 0
			start := time.Now()
			for i := 0; i < b.N; i++ {
				l, err := Read(context.Background(), data, DefaultLimits)
				if err != nil {
					b.Fatal(err)
				}
				pages = 0
				for _, bl := range l.Blocks {
					pages = max(pages, bl.Page)
				}
			}
			if pages > 0 {
				b.ReportMetric(time.Since(start).Seconds()/float64(b.N*pages), "s/page")
			}
		})
	}
}
