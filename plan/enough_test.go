package plan

import (
	"testing"

	"github.com/quangngai/chitieu/domain"
)

// Issue 21.1: a final verdict needs most of its period's comparable years; below
// that it is "không đủ số liệu để kết luận", with the partial value kept as reference.
func TestFinalVerdictNeedsMostYears(t *testing.T) {
	avg78 := Target{Kind: domain.TargetPeriodAverage, Comparator: domain.CompBetween, Min: f(7), Max: f(8), Start: 2021, End: 2025, HigherIsBetter: true}
	floor := Target{Kind: domain.TargetFloor, Comparator: domain.CompAtLeast, Min: f(4), Start: 2021, End: 2025, HigherIsBetter: true}
	cum := Target{Kind: domain.TargetCumulative, Comparator: domain.CompAtLeast, Min: f(20), Start: 2021, End: 2025, HigherIsBetter: true}
	cases := []struct {
		name  string
		t     Target
		figs  map[string][]domain.CurrentFigure
		year  int
		want  Status
		final bool
	}{
		// 2021, 2022, 2024 of the old province's four comparable years (2025 is the
		// merged province's): a majority, the verdict stands.
		{"three of four comparable years", avg78, grdpGrowth, 2026, NotMet, true},
		{"two of four: not enough", avg78, scopesOf(fig(ScopeOld, 2021, "6.05", actual), fig(ScopeOld, 2024, "4.07", actual)), 2026, Insufficient, false},
		{"one year: not enough even when met", avg78, scopesOf(fig(ScopeOld, 2022, "8.08", actual)), 2026, Insufficient, false},
		{"in progress: the rule waits for the end", avg78, scopesOf(fig(ScopeOld, 2021, "6.05", actual)), 2022, AtRisk, false},
		{"a floor kept on one year proves nothing", floor, scopesOf(fig(ScopeOld, 2022, "8.08", actual)), 2026, Insufficient, false},
		{"a floor breached once is breached", floor, scopesOf(fig(ScopeOld, 2022, "3", actual)), 2026, NotMet, true},
		{"a total already reached is reached", cum, scopesOf(fig(ScopeOld, 2022, "25", actual)), 2026, Met, true},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			v := Judge(c.t, ScopeOld, c.figs, c.year)
			if v.Status != c.want || v.Final != c.final {
				t.Fatalf("status %s final %v, want %s %v", v.Status, v.Final, c.want, c.final)
			}
			if c.want == Insufficient && v.Value == nil {
				t.Fatal("the partial value must stay as reference")
			}
		})
	}
	for n, want := range map[int]int{1: 1, 4: 3, 5: 3, 6: 4, 10: 6} {
		if got := MinYears(n); got != want {
			t.Errorf("MinYears(%d) = %d, want %d", n, got, want)
		}
	}
}

// Issue 21.3: NQ23's > 8,5 %/năm over 2021–2030, read on the merged province with
// 17,8 % for 2025, needs (6×8,5 − 17,8)/5 over 2026–2030, not (10×8,5 − 17,8)/9.
func TestRemainingPaceCountsComparableYears(t *testing.T) {
	nq23 := Target{Kind: domain.TargetPeriodAverage, Comparator: domain.CompGreaterThan, Min: f(8.5), Start: 2021, End: 2030, HigherIsBetter: true}
	p := ProjectOn(nq23, ScopeNew, []Point{{2025, 17.8, true}}, 2026)
	if !near(p.Required, (6*8.5-17.8)/5) {
		t.Fatalf("required %v, want %v", deref(p.Required), (6*8.5-17.8)/5)
	}
	if want := []int{2026, 2027, 2028, 2029, 2030}; len(p.Remaining) != len(want) || p.Remaining[0] != 2026 {
		t.Fatalf("remaining %v, want %v", p.Remaining, want)
	}
	// The old province's 2021–2025 average evaluated in 2023: 2025 belongs to the
	// merged province, so the old territory's remaining years are 2024 only.
	avg := Target{Kind: domain.TargetPeriodAverage, Comparator: domain.CompAtLeast, Min: f(7), Start: 2021, End: 2025, HigherIsBetter: true}
	p = ProjectOn(avg, ScopeOld, []Point{{2021, 6, true}, {2022, 8, true}, {2023, 7, true}}, 2023)
	if len(p.Remaining) != 1 || !near(p.Required, 7*4-21) {
		t.Fatalf("old territory: remaining %v required %v, want [2024] and 7", p.Remaining, deref(p.Required))
	}
}

func deref(p *float64) any {
	if p == nil {
		return nil
	}
	return *p
}
