package ingest

import (
	"bytes"
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/quangngai/chitieu/queries"
	"github.com/quangngai/chitieu/queries/querytest"
)

// TestRetryAfterWriterDiesIsAcceptedWithinAMinute: a writer's link to ClickHouse dies
// in the middle of its figures (its machine or ClickHouse is gone: no release, no
// renewal). A retry of the file through another server, with the default settings, is
// accepted within 60 s of the death, because the dead claim lapses after 30 s.
func TestRetryAfterWriterDiesIsAcceptedWithinAMinute(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	st := querytest.MustOpen(t)
	faultCatalogue(t, st)
	relay, viaRelay := openViaRelay(t, st)
	req := queries.UploadRequest{FileName: "bench.csv", Content: faultCSV(), User: "analyst", Channel: "cli"}

	relay.armDeath("INSERT INTO figures (", 1, 40_000)
	rep, err := New(viaRelay, Limits{}).Ingest(ctx, req)
	died := time.Now()
	if cut, _ := relay.result(); !cut || err == nil {
		t.Fatalf("the writer did not die mid-upload: cut %v, err %v", cut, err)
	}
	retry, err := New(st, Limits{}).Ingest(ctx, req)
	took := time.Since(died)
	t.Logf("writer %s died; retry %s: %s after %s (err %v)", rep.UploadID[:8], retry.UploadID[:8], retry.Outcome, took.Round(time.Millisecond), err)
	if err != nil || retry.Outcome != queries.UploadAccepted {
		t.Fatalf("retry refused: %v", err)
	}
	if took > time.Minute {
		t.Fatalf("retry accepted only after %s", took)
	}
	if cur, _ := st.CurrentFigures(ctx, queries.FigureFilter{Agencies: []string{"BENCH"}}); len(cur) != 5000 {
		t.Fatalf("readers see %d figures, want 5000", len(cur))
	}
}

// holdClaim takes the claim on BENCH 2021 for another writer and releases it when the
// test ends.
func holdClaim(t *testing.T, st *queries.Store, who queries.ClaimHolder) *queries.Claim {
	t.Helper()
	c, err := st.ClaimAgencyYears(context.Background(), "BENCH", []uint16{2021}, who, time.Second)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = c.Release(context.Background()) })
	return c
}

// TestRefusedUploadSaysWhoAndIsArchived: while another writer (alive) holds the claim,
// an upload is refused after its wait with who holds it and since when, Vietnamese
// first, and the refused attempt is archived with its bytes like any other.
func TestRefusedUploadSaysWhoAndIsArchived(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	st := querytest.MustOpen(t)
	faultCatalogue(t, st)
	holdClaim(t, st, queries.ClaimHolder{UploadID: "other", User: "alice", Channel: "web"})
	file := []byte(csvHeader + "ind000,Z0000,BENCH,2021,12,tỷ đồng,actual,BC 1,\n")
	rep, err := New(st, Limits{ClaimWait: 2 * time.Second}).Ingest(ctx,
		queries.UploadRequest{FileName: "late.csv", Content: file, User: "bob", Channel: "cli"})
	var busy *queries.BusyError
	if !errors.Is(err, queries.ErrBusy) || !errors.As(err, &busy) {
		t.Fatalf("want a BusyError, got %v", err)
	}
	vi, en := busy.Messages()
	t.Logf("refusal: %s / %s", vi, en)
	if busy.Holder.User != "alice" || busy.Holder.Channel != "web" || busy.Host == "" || busy.Since.IsZero() ||
		time.Since(busy.Since) > time.Minute || !strings.Contains(vi, "alice") || !strings.Contains(en, "alice") {
		t.Fatalf("refusal does not say who and since when: %+v", busy)
	}
	up, err := st.UploadByID(ctx, rep.UploadID)
	if err != nil {
		t.Fatalf("refused attempt not recorded: %v", err)
	}
	content, err := st.UploadContent(ctx, rep.UploadID)
	if err != nil || !bytes.Equal(content, file) {
		t.Fatalf("refused attempt's file not archived: %d bytes, %v", len(content), err)
	}
	if up.Outcome != queries.UploadRejected || !strings.Contains(up.Report, "upload_busy") {
		t.Fatalf("record: %s %s", up.Outcome, up.Report)
	}
}

// TestDryRunIsNotBlockedByAClaim: a preview writes no figure and takes no claim, so
// another writer's claim (live or dead) never blocks it.
func TestDryRunIsNotBlockedByAClaim(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	st := querytest.MustOpen(t)
	faultCatalogue(t, st)
	holdClaim(t, st, queries.ClaimHolder{UploadID: "other", User: "alice", Channel: "web"})
	file := []byte(csvHeader + "ind000,Z0000,BENCH,2021,12,tỷ đồng,actual,BC 1,\n")
	rep, err := New(st, Limits{ClaimWait: time.Second}).Ingest(ctx,
		queries.UploadRequest{FileName: "preview.csv", Content: file, User: "bob", DryRun: true})
	if err != nil || rep.Outcome != queries.UploadDryRun || rep.Counts.New != 1 {
		t.Fatalf("dry run: %s %+v, %v", rep.Outcome, rep.Counts, err)
	}
}
