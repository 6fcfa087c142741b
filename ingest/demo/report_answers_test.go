package demo

import (
	"context"
	"testing"

	"github.com/quangngai/chitieu/queries/querytest"
)

// Demo answers are written once and marked as illustrations; synthetic answers cover
// every agency of every province and year and stay out of real reads.
func TestReportAnswersDemoAndSynthetic(t *testing.T) {
	st := querytest.MustOpen(t)
	ctx := context.Background()
	if _, err := Load(ctx, st); err != nil {
		t.Fatal(err)
	}
	if _, err := Load(ctx, st); err != nil { // a second start adds nothing
		t.Fatal(err)
	}
	hist, err := st.ReportAnswerHistory(ctx, 2023, "BQL")
	if err != nil || len(hist) != 1 || hist[0].Source != "demo" {
		t.Fatalf("demo answer history %+v %v", hist, err)
	}
	n, err := LoadSyntheticAnswers(ctx, st, 2, 3)
	if err != nil {
		t.Fatal(err)
	}
	ags, _ := st.Agencies(ctx)
	if n != 2*3*len(ags) {
		t.Fatalf("%d synthetic answers, want %d", n, 2*3*len(ags))
	}
	syn, _ := st.CurrentReportAnswers(ctx, 2017, true)
	real, _ := st.CurrentReportAnswers(ctx, 2017, false)
	if len(syn) != 2*len(ags) || len(real) != 0 {
		t.Fatalf("2017: %d synthetic, %d real answers", len(syn), len(real))
	}
}
