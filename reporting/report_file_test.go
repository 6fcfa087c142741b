package reporting

import (
	"bytes"
	"context"
	"sync/atomic"
	"testing"
	"time"

	"github.com/quangngai/chitieu/domain"
	"github.com/quangngai/chitieu/report"
)

// The PDF is the .docx of the same data stamp, converted; each is built once per
// stamp and kept; a new stamp builds both again.
func TestReportFileBuildsOncePerStamp(t *testing.T) {
	x := NewExports(time.Minute)
	defer x.Close()
	var models, converts atomic.Int32
	b := ReportBuild{
		Model: func(ctx context.Context, year uint16) (report.Model, error) {
			models.Add(1)
			return report.Model{Year: year, Date: time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC),
				Outline: domain.Outline{Items: []domain.OutlineItem{{Number: "I", Kind: domain.ItemHeading, Title: "Chỉ tiêu"}}}}, nil
		},
		Convert: func(ctx context.Context, doc []byte) ([]byte, error) {
			converts.Add(1)
			return append([]byte("PDF:"), doc...), nil
		},
	}
	ctx := context.Background()
	doc, err := x.ReportFile(ctx, b, 2023, report.FormatDocx, "s1", time.Minute, time.Minute)
	if err != nil || !bytes.HasPrefix(doc, []byte("PK")) {
		t.Fatalf("docx: %v %.10q", err, doc)
	}
	pdf, err := x.ReportFile(ctx, b, 2023, report.FormatPDF, "s1", time.Minute, time.Minute)
	if err != nil || !bytes.Equal(pdf, append([]byte("PDF:"), doc...)) {
		t.Fatalf("pdf is not the same stamp's docx converted: %v", err)
	}
	if _, err := x.ReportFile(ctx, b, 2023, report.FormatPDF, "s1", time.Minute, time.Minute); err != nil {
		t.Fatal(err)
	}
	if models.Load() != 1 || converts.Load() != 1 {
		t.Fatalf("built %d models and %d conversions for one stamp, want 1 and 1", models.Load(), converts.Load())
	}
	if _, err := x.ReportFile(ctx, b, 2023, report.FormatPDF, "s2", time.Minute, time.Minute); err != nil {
		t.Fatal(err)
	}
	if models.Load() != 2 || converts.Load() != 2 {
		t.Fatalf("a new stamp built %d models and %d conversions, want 2 and 2", models.Load(), converts.Load())
	}
}
