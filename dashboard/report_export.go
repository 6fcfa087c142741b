package dashboard

import (
	"context"
	"time"

	"github.com/quangngai/chitieu/report"
	"github.com/quangngai/chitieu/reporting"
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
// (reporting.Exports.ReportFile): kept until the data changes, built outside the page
// deadline.
func (s *server) reportFile(ctx context.Context, year uint16, format string, wait time.Duration) ([]byte, error) {
	stamp, err := s.dataStamp(ctx)
	if err != nil {
		return nil, err
	}
	return s.exports.ReportFile(ctx, s.reportBuild(), year, format, stamp, wait, s.exportTimeout())
}

// reportBuild is what the report's jobs build from: the compiled model, the charts
// drawn in Chromium, and LibreOffice holding a render slot (one is a few hundred MB).
func (s *server) reportBuild() reporting.ReportBuild {
	return reporting.ReportBuild{Model: s.reportModel, Charts: s.reportCharts,
		Convert: func(ctx context.Context, doc []byte) ([]byte, error) {
			if err := takeRenderSlot(ctx); err != nil {
				return nil, err
			}
			defer releaseRenderSlot()
			return s.convertPDF(ctx, doc)
		}}
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
