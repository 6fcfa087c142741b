package ingest

import (
	"bytes"
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/quangngai/chitieu/queries"
	"github.com/quangngai/chitieu/queries/querytest"
)

// TestCutBetweenFigureBlocksShowsNothing: the figures of a large upload go out in
// blocks of 65,536 rows (queries.InsertFigureBlocks). The connection is cut after the
// first block went out, during the second: no reader sees any row of the attempt
// (ClickHouse may have stored the first block; it squashes the blocks of one INSERT up
// to min_insert_block_size_rows, so here it usually has not), and the file sent again
// is accepted whole, each figure once.
func TestCutBetweenFigureBlocksShowsNothing(t *testing.T) {
	const nInd, nZones, rows = 100, 700, 2 * 65_536
	ctx := context.Background()
	st := querytest.MustOpen(t)
	saveBenchCatalogue(t, st, nInd, nZones)
	var buf bytes.Buffer
	buf.WriteString(csvHeader)
	for i := 0; i < rows; i++ {
		fmt.Fprintf(&buf, "ind%03d,Z%04d,BENCH,%d,%d.%02d,tỷ đồng,actual,Báo cáo thử nghiệm số %d,\n", i%nInd, (i/nInd)%nZones, 2021+i/(nInd*nZones), (i*7919)%1000000, i%100, i%50)
	}
	req := queries.UploadRequest{FileName: "blocks.csv", Content: buf.Bytes(), User: "analyst"}

	relay, viaRelay := openViaRelay(t, st)
	const after = 300_000 // compressed bytes of the INSERT: past the first block, short of the second
	relay.arm("INSERT INTO figures (", 1, after)
	rep, ingErr := New(viaRelay, Limits{}).Ingest(ctx, req)
	if cut, _ := relay.result(); !cut {
		t.Fatal("the relay never saw the figures INSERT")
	}
	stored, err := st.FigureRowsOfUpload(ctx, rep.UploadID)
	if err != nil {
		t.Fatal(err)
	}
	cur, err := st.CurrentFigures(ctx, queries.FigureFilter{Agencies: []string{"BENCH"}})
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("cut %d bytes into the figures INSERT: ingest error %v; %d rows stored under the attempt, %d visible", after, ingErr, stored, len(cur))
	if ingErr == nil || !strings.Contains(ingErr.Error(), "send rows 65536–131072") {
		t.Fatalf("want the cut while the second block is sent (move it): %v", ingErr)
	}
	if len(cur) != 0 || (stored != 0 && stored != 65_536) {
		t.Fatalf("want nothing visible, and at most the first block stored")
	}
	retry, err := New(st, Limits{}).Ingest(ctx, req)
	if err != nil {
		t.Fatal(err)
	}
	cur, err = st.CurrentFigures(ctx, queries.FigureFilter{Agencies: []string{"BENCH"}})
	if err != nil {
		t.Fatal(err)
	}
	if retry.Outcome != queries.UploadAccepted || retry.Counts.New != rows || len(cur) != rows {
		t.Fatalf("retry: %s, %d new, %d visible; want accepted with all %d", retry.Outcome, retry.Counts.New, len(cur), rows)
	}
}
