package dashboard

import (
	"context"

	"github.com/quangngai/chitieu/report"
)

// reportCharts draws section I's charts as images. Not yet wired: the report goes out
// without chart images until they are rendered from the dashboard's chart options.
func (s *server) reportCharts(ctx context.Context, year uint16) []report.Chart { return nil }
