package ingest

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/quangngai/chitieu/queries"
	"github.com/quangngai/chitieu/queries/querytest"
)

// TestSkewedHostUploadsStillOrdered: two servers on one ClickHouse, the second's clock
// 10 minutes behind. A correction sent through it after an upload through the first
// supersedes that upload, and the claim of one still refuses the other.
func TestSkewedHostUploadsStillOrdered(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	a := querytest.MustOpen(t)
	faultCatalogue(t, a)
	cfg := querytest.Config(a.Database())
	cfg.Clock = func() time.Time { return time.Now().Add(-10 * time.Minute) }
	b, err := queries.Open(ctx, cfg)
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	file := func(v string) []byte {
		return []byte(csvHeader + "ind000,Z0000,BENCH,2021," + v + ",tỷ đồng,actual,BC 1,\n")
	}
	if rep, err := New(a, Limits{}).Ingest(ctx, queries.UploadRequest{FileName: "first.csv", Content: file("1"), User: "a"}); err != nil || rep.Outcome != queries.UploadAccepted {
		t.Fatalf("first upload: %s %v", rep.Outcome, err)
	}
	if rep, err := New(b, Limits{}).Ingest(ctx, queries.UploadRequest{FileName: "second.csv", Content: file("2"), User: "b"}); err != nil || rep.Outcome != queries.UploadAccepted {
		t.Fatalf("correction: %s %v", rep.Outcome, err)
	}
	cur, err := a.CurrentFigures(ctx, queries.FigureFilter{Agencies: []string{"BENCH"}})
	if err != nil || len(cur) != 1 || cur[0].Value.String() != "2" {
		t.Fatalf("the correction lost to the upload it corrects: %+v %v", cur, err)
	}

	held, err := a.ClaimAgencyYears(ctx, "BENCH", []uint16{2021}, queries.ClaimHolder{User: "a"}, time.Second)
	if err != nil {
		t.Fatal(err)
	}
	defer held.Release(ctx)
	_, err = New(b, Limits{ClaimWait: time.Second}).Ingest(ctx, queries.UploadRequest{FileName: "third.csv", Content: file("3"), User: "b"})
	if !errors.Is(err, queries.ErrBusy) {
		t.Fatalf("the skewed host ignored a live claim: %v", err)
	}
	if err := held.Check(ctx); err != nil {
		t.Fatalf("the holder lost its claim: %v", err)
	}
}
