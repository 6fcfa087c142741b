package queries_test

import (
	"context"
	"testing"
	"time"

	"github.com/quangngai/chitieu/queries"
	"github.com/quangngai/chitieu/queries/querytest"
)

// TestDeadAttemptsStayInvisibleAndArePurged: figures of an upload with no commit
// marker are invisible to every reader, and PurgeDeadAttempts deletes them (once) when
// their writer's claim is gone, while a committed upload and one whose writer still
// renews its claim keep their rows.
func TestDeadAttemptsStayInvisibleAndArePurged(t *testing.T) {
	t.Parallel()
	st := querytest.MustOpen(t)
	ctx := context.Background()
	at := time.Now().Add(-time.Hour)
	write := func(id string, value string) {
		t.Helper()
		if err := st.InsertUpload(ctx, queries.Upload{ID: id, Agency: "BQL", Year: 2024, Outcome: queries.UploadPending, UploadedAt: at}, nil); err != nil {
			t.Fatal(err)
		}
		up := queries.FigureUpload{Agency: "BQL", UploadID: id, UploadedBy: "t", UploadedAt: at, Version: queries.NewVersion()}
		f := fig(queries.FigureKey{Indicator: "a", Scope: "DQ", Agency: "BQL", Year: 2024}, value, id, 1)
		if err := st.InsertFigureBlocks(ctx, 1, up, func(b *queries.FigureBlock, from, to int) {
			b.Indicator[0], b.Scope[0], b.Year[0], b.Value[0], b.Unit[0], b.Status[0] = f.Indicator, f.Scope, f.Year, f.Value, f.Unit, f.Status
		}); err != nil {
			t.Fatal(err)
		}
	}
	// Each attempt is written under a claim naming it: "dead"'s writer released it
	// without committing, "running"'s writer still renews it (a long upload).
	for _, id := range []string{"dead", "running"} {
		c, err := st.ClaimAgencyYears(ctx, "BQL", []uint16{2024}, queries.ClaimHolder{UploadID: id}, 5*time.Second)
		if err != nil {
			t.Fatal(err)
		}
		write(id, "1")
		if id == "running" {
			defer c.Release(ctx)
			continue
		}
		if err := c.Release(ctx); err != nil {
			t.Fatal(err)
		}
	}
	write("live", "2")
	if cur, _ := st.CurrentFigures(ctx, queries.FigureFilter{}); len(cur) != 0 {
		t.Fatalf("uncommitted figures visible: %+v", cur)
	}
	if err := st.InsertUpload(ctx, queries.Upload{ID: "live", Agency: "BQL", Year: 2024, Outcome: queries.UploadAccepted, UploadedAt: at}, nil); err != nil {
		t.Fatal(err)
	}
	cur, _ := st.CurrentFigures(ctx, queries.FigureFilter{})
	if len(cur) != 1 || cur[0].UploadID != "live" || cur[0].Value.String() != "2" {
		t.Fatalf("after the marker: %+v", cur)
	}
	if up, _ := st.UploadByID(ctx, "live"); up.Outcome != queries.UploadAccepted {
		t.Fatalf("live upload reads as %s", up.Outcome)
	}
	ids, err := st.PurgeDeadAttempts(ctx, time.Minute)
	if err != nil || len(ids) != 1 || ids[0] != "dead" {
		t.Fatalf("purged %v, %v", ids, err)
	}
	if again, err := st.PurgeDeadAttempts(ctx, time.Minute); err != nil || len(again) != 0 {
		t.Fatalf("purged twice: %v, %v", again, err)
	}
	for i := 0; ; i++ {
		n, err := st.FigureRowsOfUpload(ctx, "dead")
		if err != nil {
			t.Fatal(err)
		}
		if n == 0 {
			break
		}
		if i == 100 {
			t.Fatalf("dead rows still there: %d", n)
		}
		time.Sleep(100 * time.Millisecond) // the mutation runs in the background
	}
	if n, _ := st.FigureRowsOfUpload(ctx, "live"); n != 1 {
		t.Fatalf("live rows: %d", n)
	}
	if n, _ := st.FigureRowsOfUpload(ctx, "running"); n != 1 {
		t.Fatalf("rows of the attempt still being written: %d", n)
	}
}

// TestReportingCountsCommittedFiguresOnly: the figures of an upload that never reached
// its commit marker (a kill between the figures and the marker) count for nobody on
// /reporting; the marker makes them count.
func TestReportingCountsCommittedFiguresOnly(t *testing.T) {
	t.Parallel()
	st := querytest.MustOpen(t)
	ctx := context.Background()
	if err := st.InsertUpload(ctx, queries.Upload{ID: "u1", Agency: "BQL", Year: 2024, Outcome: queries.UploadPending, UploadedAt: time.Now()}, nil); err != nil {
		t.Fatal(err)
	}
	up := queries.FigureUpload{Agency: "BQL", UploadID: "u1", UploadedBy: "t", UploadedAt: time.Now(), Version: queries.NewVersion()}
	f := fig(queries.FigureKey{Indicator: "a", Scope: "DQ", Agency: "BQL", Year: 2024}, "1", "u1", 1)
	if err := st.InsertFigureBlocks(ctx, 1, up, func(b *queries.FigureBlock, from, to int) {
		b.Indicator[0], b.Scope[0], b.Year[0], b.Value[0], b.Unit[0], b.Status[0] = f.Indicator, f.Scope, f.Year, f.Value, f.Unit, f.Status
	}); err != nil {
		t.Fatal(err)
	}
	rows, err := st.ReportingRows(ctx, 2024, 2024)
	if err != nil {
		t.Fatal(err)
	}
	if n := rows.WithFigures[queries.AgencyYear{Agency: "BQL", Year: 2024}]; n != 0 {
		t.Fatalf("uncommitted upload counted: %d figures", n)
	}
	if err := st.InsertUpload(ctx, queries.Upload{ID: "u1", Agency: "BQL", Year: 2024, Outcome: queries.UploadAccepted, UploadedAt: time.Now()}, nil); err != nil {
		t.Fatal(err)
	}
	if rows, err = st.ReportingRows(ctx, 2024, 2024); err != nil {
		t.Fatal(err)
	}
	if n := rows.WithFigures[queries.AgencyYear{Agency: "BQL", Year: 2024}]; n != 1 {
		t.Fatalf("committed upload counted %d figures, want 1", n)
	}
}
