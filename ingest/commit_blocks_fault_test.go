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
	inds := make([]queries.Indicator, nInd)
	for i := range inds {
		inds[i] = queries.Indicator{Code: fmt.Sprintf("ind%03d", i), NameVI: fmt.Sprintf("Chỉ tiêu thử %d", i), Unit: "tỷ đồng", Kind: "money", Aggregation: "sum", SortOrder: uint16(i)}
	}
	zones := make([]queries.Zone, nZones)
	for i := range zones {
		zones[i] = queries.Zone{Code: fmt.Sprintf("Z%04d", i), NameVI: fmt.Sprintf("Khu thử %d", i), Type: "IP", Status: "operating"}
	}
	for _, err := range []error{
		st.SaveIndicators(ctx, inds), st.SaveZones(ctx, zones),
		st.SaveAgencies(ctx, []queries.Agency{{Code: "BENCH", NameVI: "Đơn vị thử", Level: "province"}}),
		st.SavePlans(ctx, []queries.Plan{{Code: "P", NameVI: "Kế hoạch thử", PeriodStart: 2021, PeriodEnd: 2030}}),
		st.SaveAssignments(ctx, []queries.Assignment{{Agency: "BENCH", Indicator: "*", Scope: "zone:*"}}),
	} {
		if err != nil {
			t.Fatal(err)
		}
	}
	var buf bytes.Buffer
	buf.WriteString(csvHeader)
	for i := 0; i < rows; i++ {
		fmt.Fprintf(&buf, "ind%03d,Z%04d,BENCH,%d,%d.%02d,tỷ đồng,actual,Báo cáo thử nghiệm số %d,\n", i%nInd, (i/nInd)%nZones, 2021+i/(nInd*nZones), (i*7919)%1000000, i%100, i%50)
	}
	req := queries.UploadRequest{FileName: "blocks.csv", Content: buf.Bytes(), User: "analyst"}

	cfg := querytest.Config(st.Database())
	relay := newCutRelay(t, cfg.Addr)
	cfg.Addr = relay.ln.Addr().String()
	viaRelay, err := queries.Open(ctx, cfg)
	if err != nil {
		t.Fatal(err)
	}
	defer viaRelay.Close()
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
