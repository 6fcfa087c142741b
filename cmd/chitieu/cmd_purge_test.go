package main

import (
	"context"
	"errors"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/quangngai/chitieu/queries"
	"github.com/quangngai/chitieu/queries/querytest"
)

// deadAttempt leaves what a writer that gave up before its commit marker leaves: a
// failed record, its figures (invisible) and a released claim naming the attempt.
func deadAttempt(t *testing.T, st *queries.Store, id string) {
	t.Helper()
	ctx := context.Background()
	c, err := st.ClaimAgencyYears(ctx, "BQL", []uint16{2024}, queries.ClaimHolder{UploadID: id, User: "cli:t", Channel: "cli"}, 10*time.Second)
	if err != nil {
		t.Fatal(err)
	}
	if err := st.InsertUpload(ctx, queries.Upload{ID: id, Agency: "BQL", Year: 2024, Outcome: queries.UploadFailed, UploadedAt: time.Now()}, nil); err != nil {
		t.Fatal(err)
	}
	up := queries.FigureUpload{Agency: "BQL", UploadID: id, UploadedBy: "cli:t", UploadedAt: time.Now(), Version: queries.NewVersion()}
	if err := st.InsertFigureBlocks(ctx, 1, up, func(b *queries.FigureBlock, from, to int) {
		b.Indicator[0], b.Scope[0], b.Year[0], b.Unit[0], b.Status[0] = "investment_new_projects", "VSIP1", 2024, "dự án", "actual"
	}); err != nil {
		t.Fatal(err)
	}
	if err := c.Release(ctx); err != nil {
		t.Fatal(err)
	}
}

// waitRowsGone waits for the purge's mutation to delete the attempt's figure rows.
func waitRowsGone(t *testing.T, st *queries.Store, id string) {
	t.Helper()
	for i := 0; ; i++ {
		n, err := st.FigureRowsOfUpload(context.Background(), id)
		if err != nil {
			t.Fatal(err)
		}
		if n == 0 {
			return
		}
		if i == 100 {
			t.Fatalf("rows of dead attempt %s still stored: %d", id, n)
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// TestPurgeWithoutServer: with no server running, `chitieu purge` and the CLI's own
// accepted ingest (before it exits) delete the rows of dead attempts.
func TestPurgeWithoutServer(t *testing.T) {
	t.Parallel()
	env, out := ingestEnv(t)
	ctx := context.Background()
	st, err := openStore(ctx, env.Config)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()

	deadAttempt(t, st, "dead-1")
	if err := runPurge(ctx, env, nil); err != nil {
		t.Fatalf("purge: %v\n%s", err, out)
	}
	if !strings.Contains(out.String(), "đã xoá số liệu của 1 lần") || !strings.Contains(out.String(), "dead-1") {
		t.Fatalf("purge output:\n%s", out)
	}
	waitRowsGone(t, st, "dead-1")

	deadAttempt(t, st, "dead-2")
	out.Reset()
	good := filepath.Join("..", "..", "testdata", "ingest", "good", "example.csv")
	if err := runIngest(ctx, env, []string{good}); err != nil {
		t.Fatalf("ingest: %v\n%s", err, out)
	}
	// The ingest's purge is done when it returns: nothing is left for another one.
	if ids, err := st.PurgeDeadAttempts(ctx, time.Minute); err != nil || len(ids) != 0 {
		t.Fatalf("the ingest left dead attempts to purge: %v %v", ids, err)
	}
	waitRowsGone(t, st, "dead-2")

	var code exitCode
	if err := runPurge(ctx, env, []string{"x"}); !errors.As(err, &code) || code != 2 {
		t.Fatalf("purge with an argument: %v", err)
	}
}

// TestServePurgesOnATimer: a running server deletes the rows of dead attempts by
// itself (CHITIEU_PURGE_EVERY), with no upload to trigger it.
func TestServePurgesOnATimer(t *testing.T) {
	t.Parallel()
	db := querytest.UniqueName()
	env, out := testEnv(t, db, map[string]string{"CHITIEU_PUBLIC": "true", "CHITIEU_PURGE_EVERY": "200ms"})
	ctx, cancel := context.WithCancel(context.Background())
	if err := runDemo(ctx, env, nil); err != nil {
		t.Fatalf("demo: %v\n%s", err, out.String())
	}
	st, err := openStore(ctx, env.Config)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	serveUntilCleanup(t, ctx, cancel, env, querytest.Config(db))
	deadAttempt(t, st, "dead-timer")
	waitRowsGone(t, st, "dead-timer")
}
