package queries_test

import (
	"context"
	"testing"
	"time"

	"github.com/quangngai/chitieu/queries"
	"github.com/quangngai/chitieu/queries/querytest"
	"github.com/shopspring/decimal"
)

func TestChangeStampMovesOnEveryWrite(t *testing.T) {
	st := querytest.MustOpen(t)
	ctx := context.Background()
	s0, err := st.ChangeStamp(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if again, _ := st.ChangeStamp(ctx); again != s0 {
		t.Fatalf("stamp changed without a write: %s then %s", s0, again)
	}
	if err := st.InsertFigures(ctx, []queries.Figure{{FigureKey: queries.FigureKey{Indicator: "grdp_growth", Scope: "province_new",
		Agency: "CTK", Year: 2026}, Value: decimal.NewFromInt(9), Unit: "%", Status: queries.StatusEstimate,
		UploadedAt: time.Now(), Version: queries.NewVersion()}}); err != nil {
		t.Fatal(err)
	}
	s1, _ := st.ChangeStamp(ctx)
	if s1 == s0 {
		t.Fatal("stamp did not change after a figure was written")
	}
	if err := st.SaveZones(ctx, []queries.Zone{{Code: "Z1", NameVI: "Khu thử", Type: "IC", Status: "planned"}}); err != nil {
		t.Fatal(err)
	}
	if s2, _ := st.ChangeStamp(ctx); s2 == s1 {
		t.Fatal("stamp did not change after a catalogue edit")
	}
}

func TestDataVersionOnClickHouse1816(t *testing.T) {
	st := querytest.MustOpen(t)
	ctx := context.Background()
	v0, err := st.DataVersion(ctx)
	if err != nil {
		t.Fatalf("data version: %v", err)
	}
	v := queries.NewVersion()
	if err := st.InsertSubmission(ctx, queries.Submission{Agency: "BDT", Year: 2023, Status: queries.SubmissionNil,
		SubmittedAt: time.Now(), Version: v}); err != nil {
		t.Fatal(err)
	}
	if v1, _ := st.DataVersion(ctx); v1 != v || v1 <= v0 {
		t.Fatalf("data version %d after writing version %d (was %d)", v1, v, v0)
	}
}

func TestRealDataVersionIgnoresSynthetic(t *testing.T) {
	st := querytest.MustOpen(t)
	ctx := context.Background()
	real := queries.NewVersion()
	fig := queries.Figure{FigureKey: queries.FigureKey{Indicator: "grdp_growth", Scope: "province_new", Agency: "CTK", Year: 2025},
		Value: decimal.NewFromInt(10), Unit: "%", Status: queries.StatusActual, UploadedAt: time.Now(), Version: real}
	if err := st.InsertFigures(ctx, []queries.Figure{fig}); err != nil {
		t.Fatal(err)
	}
	syn := fig
	syn.Scope, syn.Synthetic, syn.Version = "SYN-P01", true, queries.NewVersion()
	if err := st.InsertFigures(ctx, []queries.Figure{syn}); err != nil {
		t.Fatal(err)
	}
	v, err := st.RealDataVersion(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if v != real {
		t.Fatalf("real data version %d, want %d (the synthetic row is %d)", v, real, syn.Version)
	}
	if all, _ := st.DataVersion(ctx); all != syn.Version {
		t.Fatalf("data version %d, want the synthetic row's %d", all, syn.Version)
	}
}
