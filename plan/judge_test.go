package plan

import (
	"slices"
	"testing"
	"time"

	"github.com/quangngai/chitieu/domain"
	"github.com/shopspring/decimal"
)

// fig is one current figure for the judge tests.
func fig(scope string, year int, v string, status string) domain.CurrentFigure {
	return domain.CurrentFigure{Figure: domain.Figure{FigureKey: domain.FigureKey{Indicator: "x", Scope: scope, Agency: "CTK", Year: uint16(year)},
		Value: decimal.RequireFromString(v), Status: status, Version: uint64(year)}}
}

func scopesOf(figs ...domain.CurrentFigure) map[string][]domain.CurrentFigure {
	return ByIndicatorScope(figs)["x"]
}

const (
	actual   = domain.StatusActual
	estimate = domain.StatusEstimate
)

// The demo's GRDP growth: old province 2021, 2022, 2024 (2023 unpublished), the merged
// province 2025.
var grdpGrowth = scopesOf(fig(ScopeOld, 2021, "6.05", actual), fig(ScopeOld, 2022, "8.08", actual),
	fig(ScopeOld, 2024, "4.07", actual), fig(ScopeNew, 2025, "10.02", actual))

func TestJudgeNeverMixesTerritories(t *testing.T) {
	avg78 := Target{Kind: domain.TargetPeriodAverage, Comparator: domain.CompBetween, Min: f(7), Max: f(8), Start: 2021, End: 2025, HigherIsBetter: true}
	annual := Target{Kind: domain.TargetAnnual, Comparator: domain.CompAtLeast, Min: f(10), Start: 2025, End: 2025, HigherIsBetter: true}
	level := Target{Kind: domain.TargetLevelAtEnd, Comparator: domain.CompBetween, Min: f(4200), Max: f(4400), Start: 2025, End: 2025, HigherIsBetter: true}
	perCapita := scopesOf(fig(ScopeOld, 2020, "2791", estimate), fig(ScopeOld, 2024, "4460", actual))
	national := Target{Kind: domain.TargetPeriodAverage, Comparator: domain.CompGreaterThan, Min: f(8.5), Start: 2021, End: 2030, HigherIsBetter: true}
	cases := []struct {
		name      string
		t         Target
		scope     string
		figs      map[string][]domain.CurrentFigure
		year      int
		status    Status
		value     float64 // 0: no value
		judgedOn  string
		missing   []int
		other     []int
		reference []string
	}{
		// DHXX-2020: 7–8 %/year over 2021–2025 for the old province. The merged
		// province's 10,02 % of 2025 is not averaged in: 6,07 % is below the target.
		{"period average on the old territory only", avg78, ScopeOld, grdpGrowth, 2026, NotMet, 6.0667, ScopeOld,
			[]int{2023}, []int{2025}, []string{"10.02"}},
		// KH-2025's 10 % was set for the merged province: judged on it.
		{"annual target of the merged province", annual, ScopeNew, grdpGrowth, 2025, Met, 10.02, ScopeNew, nil, nil, nil},
		// The same target set for the old province: it has no 2025 figure.
		{"annual target of a territory that has no figure that year", annual, ScopeOld, grdpGrowth, 2025, NotJudgeable, 0, ScopeOld,
			nil, []int{2025}, []string{"10.02"}},
		// DHXX GRDP per capita 4 200–4 400 USD in 2025, old province: 2024's 4 460 is
		// not the end level; the merged province has no figure either.
		{"level at end of a territory that ended before the end year", level, ScopeOld, perCapita, 2026, NotJudgeable, 0, ScopeOld,
			nil, []int{2025}, nil},
		// A national target over 2021–2030 is read against the province as it is in
		// 2030: the merged province; the old province's years are other territory.
		{"national target on the territory of its end year", national, ScopeNational, grdpGrowth, 2026, Met, 10.02, ScopeNew,
			[]int{2026}, []int{2021, 2022, 2023, 2024}, []string{"6.05", "8.08", "4.07"}},
		{"no figures at all", annual, ScopeNew, nil, 2025, NoData, 0, ScopeNew, []int{2025}, nil, nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			v := Judge(c.t, c.scope, c.figs, c.year)
			if v.Status != c.status || v.Scope != c.judgedOn {
				t.Fatalf("status %s on %s, want %s on %s (%+v)", v.Status, v.Scope, c.status, c.judgedOn, v.Result)
			}
			if c.value == 0 && v.Value != nil || c.value != 0 && !near(v.Value, c.value) && !(v.Value != nil && abs(*v.Value-c.value) < 1e-3) {
				t.Fatalf("value %v, want %v", v.Value, c.value)
			}
			if !slices.Equal(v.Missing, c.missing) || !slices.Equal(v.OtherYears, c.other) {
				t.Fatalf("missing %v other %v, want %v %v", v.Missing, v.OtherYears, c.missing, c.other)
			}
			var refs []string
			for _, r := range v.Reference {
				refs = append(refs, r.Value.String())
			}
			if !slices.Equal(refs, c.reference) {
				t.Fatalf("reference %v, want %v", refs, c.reference)
			}
			for _, p := range v.Series.Figures {
				if p.Scope != v.Scope {
					t.Fatalf("the judged series holds a figure of %s", p.Scope)
				}
			}
		})
	}
}

func abs(v float64) float64 {
	if v < 0 {
		return -v
	}
	return v
}

func TestEstimatesAreProvisional(t *testing.T) {
	level := Target{Kind: domain.TargetLevelAtEnd, Comparator: domain.CompBetween, Min: f(69), Max: f(70), Start: 2025, End: 2025, HigherIsBetter: true}
	avg := Target{Kind: domain.TargetPeriodAverage, Comparator: domain.CompAtLeast, Min: f(5), Start: 2021, End: 2025, HigherIsBetter: true}
	cases := []struct {
		name     string
		t        Target
		p        []Point
		category Status
		final    bool
	}{
		{"end level on an estimate", level, []Point{{2025, 69.5, false}}, MetProvisional, false},
		{"end level on a final figure", level, []Point{{2025, 69.5, true}}, Met, true},
		{"period average with one estimate", avg, []Point{{2021, 6, true}, {2025, 7, false}}, MetProvisional, false},
		{"period average, final figures", avg, []Point{{2021, 6, true}, {2025, 7, true}}, Met, true},
		{"end level missed on an estimate is at risk", level, []Point{{2025, 60, false}}, AtRisk, false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := Evaluate(c.t, c.p, 2026)
			if r.Category() != c.category || r.Final != c.final {
				t.Fatalf("category %s final %v, want %s %v", r.Category(), r.Final, c.category, c.final)
			}
		})
	}
}

// A closed period forecasts nothing, and the years counted are the years used: the
// per-capita target of DHXX-2020 once showed "0 years" beside a 4 877,25 forecast.
func TestProjectionCountsWhatItUses(t *testing.T) {
	level := Target{Kind: domain.TargetLevelAtEnd, Comparator: domain.CompBetween, Min: f(4200), Max: f(4400), Start: 2025, End: 2025, PlanStart: 2021, HigherIsBetter: true}
	pc := []Point{{2020, 2791, false}, {2024, 4460, true}}
	closed := Project(level, pc, 2026)
	if closed.Projected != nil || closed.Observed != 0 || closed.Method != "" {
		t.Fatalf("closed: %+v, want no forecast and 0 years", closed)
	}
	open := Project(level, pc, 2024)
	if open.Projected == nil || open.Observed != len(open.Used) || !slices.Equal(open.Used, []int{2020, 2024}) {
		t.Fatalf("open: %+v, want a forecast from the 2 years it used", open)
	}
	avg := Target{Kind: domain.TargetPeriodAverage, Comparator: domain.CompAtLeast, Min: f(7), Start: 2021, End: 2025, HigherIsBetter: true}
	if p := Project(avg, nil, 2023); p.Projected != nil || p.Observed != 0 {
		t.Fatalf("no data: %+v, want no forecast", p)
	}
}

func TestOneScopeLatestVersionWins(t *testing.T) {
	a := fig(ScopeOld, 2024, "4.07", actual)
	b := fig(ScopeOld, 2024, "4.1", actual)
	b.Agency, b.Version = "SCT", a.Version+1
	other := fig(ScopeNew, 2024, "9", actual)
	s := OneScope(ScopeOld, []domain.CurrentFigure{b, a, other})
	if len(s.Figures) != 1 || s.Figures[0].Value.String() != "4.1" {
		t.Fatalf("series %+v, want the later version only, and no figure of another scope", s.Figures)
	}
}

func TestTerritoriesBreakAtTheMerger(t *testing.T) {
	ts := Territories(grdpGrowth)
	if len(ts) != 2 || ts[0].Scope != ScopeOld || ts[1].Scope != ScopeNew || len(ts[0].Figures) != 3 || len(ts[1].Figures) != 1 {
		t.Fatalf("territories %+v, want old (3 years) and new (1 year) apart", ts)
	}
	if !CrossesMerger(ts) || CrossesMerger(ts[:1]) {
		t.Fatal("the merger note belongs to charts that show both territories, and only to them")
	}
	if m := MainSeries(grdpGrowth, 2026); m.Scope != ScopeNew {
		t.Fatalf("main series %s, want the merged province once it reports", m.Scope)
	}
	if m := MainSeries(grdpGrowth, 2024); m.Scope != ScopeOld {
		t.Fatalf("main series in 2024 %s, want the old province", m.Scope)
	}
	cases := []struct {
		scope string
		end   int
		want  string
	}{{ScopeOld, 2025, ScopeOld}, {ScopeNew, 2030, ScopeNew}, {ScopeNational, 2030, ScopeNew}, {ScopeNational, 2024, ScopeOld}, {"DQ", 2025, "DQ"}}
	for _, c := range cases {
		if got := ReadScope(c.scope, c.end); got != c.want {
			t.Errorf("ReadScope(%s, %d) = %s, want %s", c.scope, c.end, got, c.want)
		}
	}
}

func TestClockIsTheProvince(t *testing.T) {
	// 31/12/2025 18:00 UTC is already 1/1/2026 in Quảng Ngãi.
	c := FixedClock(time.Date(2025, 12, 31, 18, 0, 0, 0, time.UTC))
	if c.Year() != 2026 || c.Now().Location() != Zone {
		t.Fatalf("year %d in %v, want 2026 in the province's zone", c.Year(), c.Now().Location())
	}
}

// Issue 21.4: a change of price basis breaks a series, as the merger does.
func TestSeriesBreaksAtPriceBasis(t *testing.T) {
	brk := fig(ScopeOld, 2024, "157521", actual)
	brk.PriceBasisBreak = true
	s := OneScope(ScopeOld, []domain.CurrentFigure{fig(ScopeOld, 2022, "129000", actual), fig(ScopeOld, 2023, "132611", actual), brk})
	parts := SplitAtBasis([]Series{s})
	if len(parts) != 2 || len(parts[0].Figures) != 2 || parts[1].BasisFrom != 2024 || len(parts[1].Figures) != 1 {
		t.Fatalf("parts %+v, want 2022–2023 and 2024 apart", parts)
	}
	if b := BasisBreaks(parts); len(b) != 1 || b[0] != 2024 {
		t.Fatalf("breaks %v, want [2024]", b)
	}
	if whole := SplitAtBasis([]Series{OneScope(ScopeOld, s.Figures[:2])}); len(whole) != 1 {
		t.Fatalf("a series without a break is cut: %+v", whole)
	}
}
