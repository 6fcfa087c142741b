package queries_test

import (
	"context"
	"testing"

	"github.com/quangngai/chitieu/queries"
	"github.com/quangngai/chitieu/queries/querytest"
)

// One read gives every revised figure of an indicator with all its versions, oldest
// first; figures never revised and other indicators are left out.
func TestIndicatorHistoryGroupsVersions(t *testing.T) {
	t.Parallel()
	st := querytest.MustOpen(t)
	ctx := context.Background()
	a := queries.FigureKey{Indicator: "grdp_growth", Scope: "province_old", Agency: "CTK", Year: 2024}
	b := queries.FigureKey{Indicator: "grdp_growth", Scope: "province_old", Agency: "SCT", Year: 2024}
	once := queries.FigureKey{Indicator: "grdp_growth", Scope: "province_old", Agency: "CTK", Year: 2023}
	other := queries.FigureKey{Indicator: "iip_growth", Scope: "province_old", Agency: "CTK", Year: 2024}
	var rows []queries.Figure
	for i, v := range []string{"4.1", "4.07", "4.08"} {
		rows = append(rows, fig(a, v, "u"+v, uint64(10+i)))
	}
	rows = append(rows, fig(b, "5", "b1", 20), fig(b, "5.5", "b2", 21), fig(once, "3", "o1", 30),
		fig(other, "9", "x1", 40), fig(other, "9.1", "x2", 41))
	if err := st.InsertFigures(ctx, rows); err != nil {
		t.Fatal(err)
	}
	if err := st.WithdrawFigure(ctx, b, "admin", "w1", "sent twice"); err != nil {
		t.Fatal(err)
	}
	hist, err := st.IndicatorHistory(ctx, "grdp_growth")
	if err != nil {
		t.Fatal(err)
	}
	if len(hist) != 2 {
		t.Fatalf("history has %d figures, want the 2 revised ones: %v", len(hist), hist)
	}
	var got []string
	for _, f := range hist[a] {
		got = append(got, f.Value.String())
	}
	if len(got) != 3 || got[0] != "4.1" || got[1] != "4.07" || got[2] != "4.08" {
		t.Fatalf("versions of %v = %v, want 4.1, 4.07, 4.08", a, got)
	}
	if bs := hist[b]; len(bs) != 3 || !bs[2].Withdrawn {
		t.Fatalf("versions of %v = %+v, want two values then the withdrawal", b, bs)
	}
}

// The indicator page's revision history: one read per indicator against one read
// per revised figure (what the page did before), for 40 revised figures.
func BenchmarkIndicatorHistory(b *testing.B) {
	st := querytest.MustOpen(b)
	ctx := context.Background()
	var rows []queries.Figure
	var keys []queries.FigureKey
	for i := 0; i < 40; i++ {
		k := queries.FigureKey{Indicator: "grdp_growth", Scope: "province_old", Agency: "CTK", Year: uint16(1990 + i)}
		keys = append(keys, k)
		rows = append(rows, fig(k, "1", "a", uint64(2*i+1)), fig(k, "2", "b", uint64(2*i+2)))
	}
	if err := st.InsertFigures(ctx, rows); err != nil {
		b.Fatal(err)
	}
	b.Run("one read per indicator", func(b *testing.B) {
		for b.Loop() {
			if _, err := st.IndicatorHistory(ctx, "grdp_growth"); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("one read per figure", func(b *testing.B) {
		for b.Loop() {
			for _, k := range keys {
				if _, err := st.FigureHistory(ctx, k); err != nil {
					b.Fatal(err)
				}
			}
		}
	})
}
