package reporting

import (
	"bytes"
	"context"
	"strconv"
	"time"

	"github.com/quangngai/chitieu/report"
)

// ReportBuild is what a year's report file is built from, supplied by the adapter:
// the compiled model (section I in words included), section I's chart images (none
// when they cannot be drawn), and the .docx-to-PDF conversion.
type ReportBuild struct {
	Model   func(ctx context.Context, year uint16) (report.Model, error)
	Charts  func(ctx context.Context, year uint16) []report.Chart
	Convert func(ctx context.Context, doc []byte) ([]byte, error)
}

// Docx compiles the year's report with its charts and writes the .docx.
func (b ReportBuild) Docx(ctx context.Context, year uint16) ([]byte, error) {
	m, err := b.Model(ctx, year)
	if err != nil {
		return nil, err
	}
	if b.Charts != nil && m.Doc.ChartsAnnex { // charts are drawn only for a round that prints them
		m.Charts = b.Charts(ctx, year)
	}
	var buf bytes.Buffer
	if err := report.WriteDocx(m, &buf); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// ReportFile is a year's report in format, built once per data stamp as a job (File):
// kept until the data changes, built outside any page deadline. The PDF is the .docx
// of the same stamp, converted; docxLimit is how long the PDF's job waits for it.
func (x *Exports) ReportFile(ctx context.Context, b ReportBuild, year uint16, format, stamp string, wait, docxLimit time.Duration) ([]byte, error) {
	docx := func(ctx context.Context) ([]byte, error) { return b.Docx(ctx, year) }
	y := strconv.Itoa(int(year))
	if format != report.FormatPDF {
		return x.File(ctx, format+"/"+y, stamp, wait, docx)
	}
	return x.File(ctx, format+"/"+y, stamp, wait, func(ctx context.Context) ([]byte, error) {
		doc, err := x.File(ctx, report.FormatDocx+"/"+y, stamp, docxLimit, docx)
		if err != nil {
			return nil, err
		}
		return b.Convert(ctx, doc)
	})
}
