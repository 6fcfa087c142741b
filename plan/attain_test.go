package plan

import (
	"math"
	"slices"
	"testing"

	"github.com/quangngai/chitieu/domain"
)

func f(v float64) *float64 { return &v }

func pts(kv ...float64) []Point {
	var out []Point
	for i := 0; i+1 < len(kv); i += 2 {
		out = append(out, Point{Year: int(kv[i]), Value: kv[i+1], Final: true})
	}
	return out
}

func near(a *float64, b float64) bool { return a != nil && math.Abs(*a-b) < 1e-6 }

func TestEvaluate(t *testing.T) {
	// The real DHXX-2020 GRDP target: 7–8 %/year on average over 2021–2025; 2023 is a gap.
	grdp := pts(2021, 6.05, 2022, 8.08, 2024, 4.07, 2025, 10.02)
	avg78 := Target{Kind: domain.TargetPeriodAverage, Comparator: domain.CompBetween, Min: f(7), Max: f(8), Start: 2021, End: 2025, HigherIsBetter: true}
	cases := []struct {
		name        string
		t           Target
		p           []Point
		year        int
		want        Status
		final       bool
		value       float64
		missing     []int
		exceeded    bool
		provisional bool
	}{
		{"average closed, met with a gap", avg78, grdp, 2026, Met, true, 7.055, []int{2023}, false, false},
		{"average in progress, on track", avg78, grdp, 2022, Met, false, 7.065, nil, false, false},
		{"average in progress 2021 only: at risk", avg78, grdp, 2021, AtRisk, false, 6.05, nil, false, false},
		{"average no data", avg78, nil, 2023, NoData, false, 0, []int{2021, 2022, 2023}, false, false},
		{"average closed below: not met", Target{Kind: domain.TargetPeriodAverage, Comparator: domain.CompAtLeast, Min: f(8), Start: 2021, End: 2025, HigherIsBetter: true},
			grdp, 2025, NotMet, true, 7.055, []int{2023}, false, false},
		{"annual range exceeded (KH-2024: 2,5–3 %, actual 4,07)", Target{Kind: domain.TargetAnnual, Comparator: domain.CompBetween, Min: f(2.5), Max: f(3), Start: 2024, End: 2024, HigherIsBetter: true},
			grdp, 2024, Met, true, 4.07, nil, true, false},
		{"annual at least met (KH-2025: ≥ 10 %, actual 10,02)", Target{Kind: domain.TargetAnnual, Comparator: domain.CompAtLeast, Min: f(10), Start: 2025, End: 2025, HigherIsBetter: true},
			grdp, 2026, Met, true, 10.02, nil, false, false},
		{"annual missed with an estimate: at risk", Target{Kind: domain.TargetAnnual, Comparator: domain.CompAtLeast, Min: f(10), Start: 2025, End: 2025, HigherIsBetter: true},
			[]Point{{2025, 9, false}}, 2025, AtRisk, false, 9, nil, false, true},
		{"annual missed with a final figure", Target{Kind: domain.TargetAnnual, Comparator: domain.CompGreaterThan, Min: f(10), Start: 2025, End: 2025, HigherIsBetter: true},
			pts(2025, 10), 2025, NotMet, true, 10, nil, false, false},
		{"annual no figure", Target{Kind: domain.TargetAnnual, Comparator: domain.CompAtLeast, Min: f(10), Start: 2026, End: 2026, HigherIsBetter: true},
			grdp, 2026, NoData, false, 0, []int{2026}, false, false},
		{"level at end closed (69–70 %, 2025 = 69,5 estimate)", Target{Kind: domain.TargetLevelAtEnd, Comparator: domain.CompBetween, Min: f(69), Max: f(70), Start: 2025, End: 2025, HigherIsBetter: true},
			[]Point{{2022, 68.4, true}, {2024, 70, false}, {2025, 69.5, false}}, 2025, Met, false, 69.5, nil, false, true},
		{"level at end closed, end year missing", Target{Kind: domain.TargetLevelAtEnd, Comparator: domain.CompAtLeast, Min: f(92), Start: 2025, End: 2025, HigherIsBetter: true},
			nil, 2026, NoData, false, 0, []int{2025}, false, false},
		// Issue 21.2: the 2026–2030 plan judged "at risk" from 2025 alone. The base
		// year says nothing about the pace: no forecast until a year of its own.
		{"level at end in progress, base years only: no forecast", Target{Kind: domain.TargetLevelAtEnd, Comparator: domain.CompBetween, Min: f(75), Max: f(76), Start: 2026, End: 2030, HigherIsBetter: true},
			pts(2024, 70, 2025, 69.5), 2026, NoForecast, false, 69.5, []int{2026}, false, false},
		{"level at end in progress, trend reaches it", Target{Kind: domain.TargetLevelAtEnd, Comparator: domain.CompAtLeast, Min: f(75), Start: 2026, End: 2030, HigherIsBetter: true},
			pts(2025, 70, 2026, 71.5), 2026, Met, false, 71.5, nil, false, false},
		{"cumulative reached early", Target{Kind: domain.TargetCumulative, Comparator: domain.CompAtLeast, Min: f(100), Start: 2021, End: 2025, HigherIsBetter: true},
			pts(2021, 60, 2022, 50), 2022, Met, true, 110, nil, false, false},
		{"cumulative pace short", Target{Kind: domain.TargetCumulative, Comparator: domain.CompAtLeast, Min: f(300), Start: 2021, End: 2025, HigherIsBetter: true},
			pts(2021, 50, 2022, 50), 2022, AtRisk, false, 100, nil, false, false},
		{"cumulative pace enough", Target{Kind: domain.TargetCumulative, Comparator: domain.CompAtLeast, Min: f(200), Start: 2021, End: 2025, HigherIsBetter: true},
			pts(2021, 50, 2022, 50), 2022, Met, false, 100, nil, false, false},
		{"cumulative closed short", Target{Kind: domain.TargetCumulative, Comparator: domain.CompAtLeast, Min: f(300), Start: 2021, End: 2025, HigherIsBetter: true},
			pts(2021, 50, 2022, 50, 2023, 50, 2024, 50, 2025, 50), 2025, NotMet, true, 250, nil, false, false},
		{"floor breached", Target{Kind: domain.TargetFloor, Comparator: domain.CompAtLeast, Min: f(5), Start: 2021, End: 2025, HigherIsBetter: true},
			grdp, 2024, NotMet, true, 4.07, []int{2023}, false, false},
		{"floor kept so far", Target{Kind: domain.TargetFloor, Comparator: domain.CompAtLeast, Min: f(4), Start: 2021, End: 2025, HigherIsBetter: true},
			grdp, 2024, Met, false, 4.07, []int{2023}, false, false},
		{"ceiling kept, closed", Target{Kind: domain.TargetCeiling, Comparator: domain.CompAtMost, Max: f(11), Start: 2021, End: 2025},
			grdp, 2025, Met, true, 10.02, []int{2023}, false, false},
		{"ceiling breached", Target{Kind: domain.TargetCeiling, Comparator: domain.CompLessThan, Min: f(10), Start: 2021, End: 2025},
			grdp, 2025, NotMet, true, 10.02, []int{2023}, false, false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := Evaluate(c.t, c.p, c.year)
			if r.Status != c.want || r.Final != c.final || r.Exceeded != c.exceeded || r.Provisional != c.provisional {
				t.Fatalf("got status %s final %v exceeded %v provisional %v, want %s %v %v %v",
					r.Status, r.Final, r.Exceeded, r.Provisional, c.want, c.final, c.exceeded, c.provisional)
			}
			if c.want != NoData && !near(r.Value, c.value) {
				t.Fatalf("value %v, want %v", r.Value, c.value)
			}
			if !slices.Equal(r.Missing, c.missing) {
				t.Fatalf("missing %v, want %v", r.Missing, c.missing)
			}
		})
	}
}

func TestThresholdAndAttainment(t *testing.T) {
	tg := Target{Kind: domain.TargetAnnual, Comparator: domain.CompBetween, Min: f(2.5), Max: f(3), Start: 2024, End: 2024, HigherIsBetter: true}
	r := Evaluate(tg, pts(2024, 4.07), 2024)
	if !near(r.Attainment, 162.8) {
		t.Fatalf("attainment %v, want 162,8 %% of the lower bound", r.Attainment)
	}
	low := Target{Kind: domain.TargetAnnual, Comparator: domain.CompAtMost, Max: f(4), Start: 2024, End: 2024}
	r = Evaluate(low, pts(2024, 5), 2024)
	if r.Status != NotMet || !near(r.Attainment, 80) {
		t.Fatalf("at most 4, value 5: %s %v", r.Status, r.Attainment)
	}
	if _, ok := (Target{Comparator: domain.CompAtLeast}).Threshold(); ok {
		t.Fatal("a target without bounds has no threshold")
	}
}

func TestProject(t *testing.T) {
	grdp := pts(2021, 6.05, 2022, 8.08, 2024, 4.07, 2025, 10.02)
	cases := []struct {
		name      string
		t         Target
		p         []Point
		year      int
		method    string
		projected float64
		required  *float64
		remaining []int
	}{
		{"average so far, two years left", Target{Kind: domain.TargetPeriodAverage, Comparator: domain.CompBetween, Min: f(7), Max: f(8), Start: 2021, End: 2025, HigherIsBetter: true},
			grdp, 2022, MethodAverage, 7.065, f((7*5 - 14.13) / 3), []int{2023, 2024, 2025}},
		{"linear trend to 2030", Target{Kind: domain.TargetLevelAtEnd, Comparator: domain.CompBetween, Min: f(75), Max: f(76), Start: 2026, End: 2030, HigherIsBetter: true},
			pts(2025, 69.5, 2026, 70.5), 2026, MethodLinear, 74.5, f((75 - 70.5) / 4), []int{2027, 2028, 2029, 2030}},
		{"one point: no trend, the pace required only", Target{Kind: domain.TargetLevelAtEnd, Comparator: domain.CompAtLeast, Min: f(70), Start: 2021, End: 2030, HigherIsBetter: true},
			pts(2025, 69.8), 2026, MethodNone, 0, f(0.2 / 5), []int{2026, 2027, 2028, 2029, 2030}},
		{"base year only: no forecast, the pace required only", Target{Kind: domain.TargetLevelAtEnd, Comparator: domain.CompBetween, Min: f(75), Max: f(76), Start: 2030, End: 2030, PlanStart: 2026, HigherIsBetter: true},
			pts(2024, 69, 2025, 69.5), 2026, MethodNone, 0, f(5.5 / 5), []int{2026, 2027, 2028, 2029, 2030}},
		{"a year of its own and the base year: a trend", Target{Kind: domain.TargetLevelAtEnd, Comparator: domain.CompBetween, Min: f(75), Max: f(76), Start: 2030, End: 2030, PlanStart: 2026, HigherIsBetter: true},
			pts(2025, 69.5, 2026, 70.5), 2026, MethodLinear, 74.5, f(4.5 / 4), []int{2027, 2028, 2029, 2030}},
		{"average, nothing of the period yet: the target is the pace", Target{Kind: domain.TargetPeriodAverage, Comparator: domain.CompAtLeast, Min: f(10), Start: 2026, End: 2030, HigherIsBetter: true},
			pts(2025, 10.02), 2026, MethodNone, 0, f(10), []int{2026, 2027, 2028, 2029, 2030}},
		{"cumulative pace", Target{Kind: domain.TargetCumulative, Comparator: domain.CompAtLeast, Min: f(300), Start: 2021, End: 2025, HigherIsBetter: true},
			pts(2021, 50, 2022, 70), 2022, MethodPace, 300, f(60), []int{2023, 2024, 2025}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			p := Project(c.t, c.p, c.year)
			if c.method == MethodNone && (p.Method != MethodNone || p.Projected != nil || p.Observed != 0) {
				t.Fatalf("method %s projected %v from %d years, want no forecast", p.Method, p.Projected, p.Observed)
			}
			if c.method != MethodNone && (p.Method != c.method || !near(p.Projected, c.projected)) {
				t.Fatalf("method %s projected %v, want %s %v", p.Method, p.Projected, c.method, c.projected)
			}
			if (c.required == nil) != (p.Required == nil) || c.required != nil && !near(p.Required, *c.required) {
				t.Fatalf("required %v, want %v", p.Required, c.required)
			}
			if !slices.Equal(p.Remaining, c.remaining) {
				t.Fatalf("remaining %v, want %v", p.Remaining, c.remaining)
			}
		})
	}
}
