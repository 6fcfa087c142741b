package ingest

import (
	"context"
	"testing"
	"time"

	"github.com/quangngai/chitieu/queries"
	"github.com/quangngai/chitieu/queries/querytest"
)

// TestClickHouseKilledMidUploadRetryWithinAMinute: ClickHouse is killed (SIGKILL) in
// the middle of an upload's figures, so the writer can neither release nor renew its
// claim. ClickHouse comes back on the same data; a retry of the file, with the default
// settings, is accepted within 60 s of the kill, and readers see the file once.
func TestClickHouseKilledMidUploadRetryWithinAMinute(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	ch := querytest.StartPrivate(t)
	cfg := querytest.Config(querytest.UniqueName())
	cfg.Addr = ch.Addr()
	st, err := queries.Open(ctx, cfg)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := st.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	faultCatalogue(t, st)
	st.Close()

	// The writer reaches ClickHouse through a relay that kills it at a chosen byte.
	relay := newCutRelay(t, ch.Addr())
	viaCfg := cfg
	viaCfg.Addr = relay.ln.Addr().String()
	writer, err := queries.Open(ctx, viaCfg)
	if err != nil {
		t.Fatal(err)
	}
	defer writer.Close()
	killedAt := make(chan time.Time, 1)
	relay.onDeath = func() { ch.Kill(); killedAt <- time.Now() }
	relay.armDeath("INSERT INTO figures (", 1, 40_000)
	req := queries.UploadRequest{FileName: "bench.csv", Content: faultCSV(), User: "analyst", Channel: "web"}
	rep, err := New(writer, Limits{}).Ingest(ctx, req)
	var killed time.Time
	select {
	case killed = <-killedAt:
	default:
		t.Fatalf("ClickHouse was not killed under the upload: %v", err)
	}
	if err == nil {
		t.Fatal("the upload succeeded although ClickHouse was killed under it")
	}

	ch.Start()
	st, err = queries.Open(ctx, cfg)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	retry, err := New(st, Limits{}).Ingest(ctx, req)
	took := time.Since(killed)
	t.Logf("ClickHouse killed under upload %s; back, retry %s: %s %s after the kill (err %v)",
		rep.UploadID[:8], retry.UploadID[:8], retry.Outcome, took.Round(time.Millisecond), err)
	if err != nil || retry.Outcome != queries.UploadAccepted {
		t.Fatalf("retry refused: %v", err)
	}
	if took > time.Minute {
		t.Fatalf("retry accepted only %s after the kill", took)
	}
	cur, err := st.CurrentFigures(ctx, queries.FigureFilter{Agencies: []string{"BENCH"}})
	if err != nil || len(cur) != 5000 {
		t.Fatalf("readers see %d figures, want 5000 (%v)", len(cur), err)
	}
	for _, c := range cur {
		if c.Versions != 1 {
			t.Fatalf("%s %s %d: %d versions, want 1", c.Indicator, c.Scope, c.Year, c.Versions)
		}
	}
}
