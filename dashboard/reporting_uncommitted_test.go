package dashboard

import (
	"context"
	"html"
	"regexp"
	"testing"
	"time"

	"github.com/shopspring/decimal"

	"github.com/quangngai/chitieu/queries"
)

// TestReportingIgnoresUncommittedUpload: an upload killed between its figures and its
// commit marker leaves figure rows that no page shows; /reporting must not count them
// either ("Số liệu công bố" for an agency that sent nothing that committed).
func TestReportingIgnoresUncommittedUpload(t *testing.T) {
	base, st := startTestServer(t, nil)
	ctx := context.Background()
	const id = "killed-before-marker"
	if err := st.InsertUpload(ctx, queries.Upload{ID: id, Agency: "SXD", Year: 2024, Outcome: queries.UploadPending, UploadedAt: time.Now()}, nil); err != nil {
		t.Fatal(err)
	}
	up := queries.FigureUpload{Agency: "SXD", UploadID: id, UploadedBy: "t", UploadedAt: time.Now(), Version: st.NewVersion()}
	if err := st.InsertFigureBlocks(ctx, 1, up, func(b *queries.FigureBlock, from, to int) {
		b.Indicator[0], b.Scope[0], b.Year[0], b.Value[0], b.Unit[0], b.Status[0] = "grdp_growth", "province_old", 2024, decimal.NewFromInt(7), "%", "actual"
	}); err != nil {
		t.Fatal(err)
	}
	body := fetch(t, base+"/reporting?year=2024").Body
	cell := regexp.MustCompile(`<td class="st (sub-\w+)"[^>]*><a href="/reporting/SXD/2024">([^<]*)</a>`).FindStringSubmatch(body)
	if cell == nil {
		t.Fatal("no SXD 2024 cell on /reporting")
	}
	if cell[1] == "sub-published" || html.UnescapeString(cell[2]) == "Số liệu công bố" {
		t.Fatalf("/reporting counts the figures of an upload that never committed: %v", cell)
	}
}
