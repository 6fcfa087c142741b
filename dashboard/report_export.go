package dashboard

import (
	"bytes"
	"context"
	"strconv"
	"time"

	"github.com/quangngai/chitieu/report"
)

// Defaults of Deps.ExportTimeout and Deps.ExportWait.
const (
	defaultExportTimeout = 5 * time.Minute // a build: model, charts, LibreOffice (its own 120 s inside)
	defaultExportWait    = 8 * time.Second // a request waits this long for a build before 503
)

// exportWait is how long a download request waits for its build, kept well inside
// the page deadline.
func (s *server) exportWait() time.Duration {
	w := s.ExportWait
	if w <= 0 {
		w = defaultExportWait
	}
	return min(w, s.RequestTimeout/2)
}

// reportFile is a year's report file, built once per data stamp by the export jobs
// (reporting.Exports): kept until the data changes, built outside the page deadline.
func (s *server) reportFile(ctx context.Context, year uint16, format string, wait time.Duration) ([]byte, error) {
	stamp, err := s.dataStamp(ctx)
	if err != nil {
		return nil, err
	}
	key := format + "/" + strconv.Itoa(int(year))
	return s.exports.File(ctx, key, stamp, wait, func(ctx context.Context) ([]byte, error) {
		if format == report.FormatPDF {
			// The PDF is the .docx of the same stamp, converted.
			doc, err := s.exports.File(ctx, report.FormatDocx+"/"+strconv.Itoa(int(year)), stamp, s.exportTimeout(),
				func(ctx context.Context) ([]byte, error) { return s.buildReportDocx(ctx, year) })
			if err != nil {
				return nil, err
			}
			if err := takeRenderSlot(ctx); err != nil { // one LibreOffice is a few hundred MB
				return nil, err
			}
			defer releaseRenderSlot()
			return s.convertPDF(ctx, doc)
		}
		return s.buildReportDocx(ctx, year)
	})
}

func (s *server) exportTimeout() time.Duration {
	if s.ExportTimeout > 0 {
		return s.ExportTimeout
	}
	return defaultExportTimeout
}

func (s *server) convertPDF(ctx context.Context, doc []byte) ([]byte, error) {
	if s.ConvertPDF != nil {
		return s.ConvertPDF(ctx, doc)
	}
	return report.ConvertPDF(ctx, "", doc)
}

// buildReportDocx compiles the year's report with its charts and writes the .docx.
func (s *server) buildReportDocx(ctx context.Context, year uint16) ([]byte, error) {
	m, err := s.reportModel(ctx, year)
	if err != nil {
		return nil, err
	}
	if m.Doc.ChartsAnnex { // charts are drawn only for a round that prints them
		m.Charts = s.reportCharts(ctx, year)
	}
	var buf bytes.Buffer
	if err := report.WriteDocx(m, &buf); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// ReportFile builds a year's report file as the download does, from the same code,
// for `chitieu report`: no page cache, no job, no deadline but ctx's.
func ReportFile(ctx context.Context, d Deps, year uint16, format string) ([]byte, error) {
	s, err := newServer(d)
	if err != nil {
		return nil, err
	}
	defer s.exports.Close()
	return s.reportFile(ctx, year, format, s.exportTimeout())
}
