package plan

import (
	"sort"

	"github.com/quangngai/chitieu/domain"
)

// Projection methods, named on the page so readers know how the forecast was made.
const (
	MethodAverage = "average" // the average of the period's years so far stays as it is
	MethodLinear  = "linear"  // least-squares line through the years so far, carried to the end year
	MethodFlat    = "flat"    // one point only: the level stays where it is
	MethodPace    = "pace"    // the yearly average so far continues for the remaining years
	// MethodNone: too little of the plan's own period to forecast from (no year of it,
	// or one point where a trend needs two); only the pace required is given.
	MethodNone = "none"
)

// Projection says where an indicator will be at the period's end at the current pace
// and what the remaining years need to reach the target.
type Projection struct {
	Method    string
	Projected *float64 // the compared quantity at the end year (average, level or sum)
	// Required is what each remaining year must bring: the average of the remaining
	// years (period_average), the yearly change (level_at_end) or the yearly amount
	// (cumulative). Nil when the period is over or nothing remains to be decided.
	Required  *float64
	Remaining []int // years of the period after the last figure
	Used      []int // the years whose figures the forecast rests on
	Observed  int   // len(Used): the count the page shows is the count the forecast used
}

// Project forecasts the target's quantity at t.End from the figures up to year.
// Only period targets (period_average, level_at_end, cumulative) are projected.
func Project(t Target, points []Point, year int) Projection {
	pr := project(t, "", points, year)
	pr.Observed = len(pr.Used)
	return pr
}

// ProjectOn forecasts a target judged on scope: only the years that scope's territory
// covers count, as past years and as years to come. NQ23's "> 8,5 %/năm over
// 2021–2030" read on the merged province has 2025–2030, not ten years: the pace
// still needed is spread over 2026–2030, never over 2021–2024, which belong to
// another territory and will never be reported for this one.
func ProjectOn(t Target, scope string, points []Point, year int) Projection {
	if scope == ScopeNew {
		t.Start = max(t.Start, MergerYear)
		t.PlanStart = max(t.PlanStart, MergerYear)
	}
	pr := project(t, scope, points, year)
	pr.Observed = len(pr.Used)
	return pr
}

func project(t Target, scope string, points []Point, year int) Projection {
	ps := sorted(points)
	end := min(year, t.End)
	in := between(ps, t.Start, end)
	pr := Projection{}
	if year >= t.End {
		// The period is over: its verdict is final (Evaluate), there is nothing to forecast.
		pr.Used = years(in)
		return pr
	}
	thr, hasThr := t.Threshold()
	switch t.Kind {
	case domain.TargetPeriodAverage:
		pr.Method = MethodAverage
		pr.Remaining = comparable(scope, remaining(in, t.Start, t.End, end))
		k := len(pr.Remaining)
		if len(in) == 0 {
			// Nothing of the period yet: every remaining year must reach the target.
			pr.Method = MethodNone
			if k > 0 && hasThr {
				need := thr
				pr.Required = &need
			}
			return pr
		}
		pr.Used = years(in)
		avg := mean(in)
		pr.Projected = &avg
		if k > 0 && hasThr {
			need := (thr*float64(len(in)+k) - total(in)) / float64(k)
			pr.Required = &need
		}
	case domain.TargetCumulative:
		pr.Method = MethodPace
		pr.Remaining = comparable(scope, remaining(in, t.Start, t.End, end))
		k := len(pr.Remaining)
		if len(in) == 0 {
			pr.Method = MethodNone
			if k > 0 && hasThr {
				need := thr / float64(k)
				pr.Required = &need
			}
			return pr
		}
		pr.Used = years(in)
		sum := total(in)
		proj := sum + mean(in)*float64(k)
		pr.Projected = &proj
		if k > 0 && hasThr {
			need := (thr - sum) / float64(k)
			pr.Required = &need
		}
	case domain.TargetLevelAtEnd:
		// The trend uses the plan's own years and the year before them (the baseline
		// it starts from). With no year of its own, or a single point, there is no
		// forecast: the base year alone says nothing about the pace (ForecastReady).
		from := t.PlanStart
		if from == 0 || from > t.Start {
			from = t.Start
		}
		base := between(ps, from-1, year)
		own := between(ps, from, year)
		if len(base) == 0 {
			return pr
		}
		last := base[len(base)-1]
		if last.Year >= t.End {
			v := last.Value
			pr.Used = years(base)
			pr.Method, pr.Projected = MethodFlat, &v
			return pr
		}
		for y := last.Year + 1; y <= t.End; y++ {
			pr.Remaining = append(pr.Remaining, y)
		}
		if hasThr {
			need := (thr - last.Value) / float64(t.End-last.Year)
			pr.Required = &need
		}
		if !ForecastReady(len(own), len(base)) {
			pr.Method = MethodNone
			return pr
		}
		pr.Used = years(base)
		a, b := linear(base)
		v := a + b*float64(t.End)
		pr.Method, pr.Projected = MethodLinear, &v
	}
	return pr
}

// ForecastReady is the rule for a trend forecast: at least one year of the plan's own
// period (ownYears) and two points in all (the base year counts as one).
func ForecastReady(ownYears, points int) bool { return ownYears >= 1 && points >= 2 }

// comparable keeps the years the scope's territory covers (all, for other scopes).
func comparable(scope string, ys []int) []int {
	var out []int
	for _, y := range ys {
		if inTerritory(scope, y) {
			out = append(out, y)
		}
	}
	return out
}

// linear fits v = a + b*year by least squares.
func linear(ps []Point) (a, b float64) {
	var sx, sy, sxx, sxy float64
	n := float64(len(ps))
	for _, p := range ps {
		x := float64(p.Year)
		sx += x
		sy += p.Value
		sxx += x * x
		sxy += x * p.Value
	}
	d := n*sxx - sx*sx
	if d == 0 {
		return sy / n, 0
	}
	b = (n*sxy - sx*sy) / d
	a = (sy - b*sx) / n
	return a, b
}

func sorted(ps []Point) []Point {
	out := append([]Point(nil), ps...)
	sort.Slice(out, func(i, j int) bool { return out[i].Year < out[j].Year })
	return out
}

func between(ps []Point, from, to int) []Point {
	var out []Point
	for _, p := range ps {
		if p.Year >= from && p.Year <= to {
			out = append(out, p)
		}
	}
	return out
}

func upTo(ps []Point, year int) []Point { return between(ps, -1<<31, year) }

func lastN(ps []Point, n int) []Point {
	if len(ps) > n {
		return ps[len(ps)-n:]
	}
	return ps
}

func lastUpTo(ps []Point, year int) Point {
	u := upTo(ps, year)
	return u[len(u)-1]
}

func at(ps []Point, year int) (Point, bool) {
	for _, p := range ps {
		if p.Year == year {
			return p, true
		}
	}
	return Point{}, false
}

// missing lists the years in [from, to] without a point.
func missing(in []Point, from, to int) []int {
	var out []int
	for y := from; y <= to; y++ {
		if _, ok := at(in, y); !ok {
			out = append(out, y)
		}
	}
	return out
}

// remaining lists the period's years still to come after the evaluation year,
// plus past years of the period that have no figure yet (they may still be reported).
func remaining(in []Point, start, end, evalEnd int) []int {
	out := missing(in, start, evalEnd)
	for y := max(evalEnd+1, start); y <= end; y++ {
		out = append(out, y)
	}
	return out
}

func mean(ps []Point) float64 { return total(ps) / float64(len(ps)) }

func total(ps []Point) float64 {
	s := 0.0
	for _, p := range ps {
		s += p.Value
	}
	return s
}

func years(ps []Point) []int {
	out := make([]int, len(ps))
	for i, p := range ps {
		out[i] = p.Year
	}
	return out
}

func anyEstimate(ps []Point) bool {
	for _, p := range ps {
		if !p.Final {
			return true
		}
	}
	return false
}
