// Package attain judges figures against plan targets: whether a target is met, at
// risk, missed or has no data yet, and where an indicator will stand at the plan's
// end at the current pace. Pure functions: no SQL, no HTTP, so every rule has a
// table test and the dashboard page that documents the rules says the same thing.
package plan

import (
	"math"

	"github.com/quangngai/chitieu/domain"
)

// Status is the verdict shown on a card.
type Status string

const (
	Met    Status = "met"     // đạt
	AtRisk Status = "at_risk" // có nguy cơ không đạt
	NotMet Status = "not_met" // không đạt
	NoData Status = "no_data" // chưa có số liệu
	// NotJudgeable: the target's own territory has no figure for the years that
	// decide it, the other territory has ("không đánh giá được (khác địa giới)").
	NotJudgeable Status = "not_judgeable"
	// MetProvisional is Met resting on an estimate or an open period ("tạm đạt"):
	// a scorecard category, see Result.Category.
	MetProvisional Status = "met_provisional"
	// Insufficient: the period is over but its figures cover too few of its years
	// for a final verdict (MinYears); the partial value is shown as reference only
	// ("không đủ số liệu để kết luận").
	Insufficient Status = "insufficient"
	// NoForecast: the period is in progress and its own years hold too little to
	// forecast from (the base year alone, or one point for a trend): only the pace
	// required is given ("chưa đủ số liệu để dự báo").
	NoForecast Status = "no_forecast"
)

// Categories are the scorecard's statuses, in the order it counts them.
var Categories = []Status{Met, MetProvisional, AtRisk, NotMet, Insufficient, NoForecast, NotJudgeable, NoData}

// Category is the scorecard status: Met splits into final and provisional.
func (r Result) Category() Status {
	if r.Status == Met && !r.Final {
		return MetProvisional
	}
	return r.Status
}

// Target is what a plan asks of one indicator over its period.
type Target struct {
	Kind           string
	Comparator     string
	Min, Max       *float64
	Start, End     int
	HigherIsBetter bool
	// PlanStart is the first year of the plan's own period (0: Start). A level set for
	// the end year (Start = End) is forecast from the plan's years, not from before.
	PlanStart int
}

// Point is one year's value; Final is false for estimates and preliminary figures.
type Point struct {
	Year  int
	Value float64
	Final bool
}

// Result is the verdict for one target at an evaluation year.
type Result struct {
	Status      Status
	Final       bool     // the period is over (or a floor/ceiling is breached) on final figures: the verdict will not change
	Value       *float64 // what was compared: the year's value, the average, the end level, the sum
	Years       []int    // years that went into Value
	Missing     []int    // years of the period up to the evaluation year without a figure
	Attainment  *float64 // Value as a percentage of the threshold
	Exceeded    bool     // beyond the upper end of a range in the good direction ("vượt")
	Provisional bool     // an estimate went into the verdict
}

// Threshold is the bound a value must reach: the lower end of a range for an
// indicator where higher is better, the upper end otherwise; the single bound for
// inequalities.
func (t Target) Threshold() (float64, bool) {
	lo, hi := t.Min, t.Max
	if lo == nil {
		lo = hi
	}
	if hi == nil {
		hi = lo
	}
	if lo == nil {
		return 0, false
	}
	switch t.Comparator {
	case domain.CompBetween:
		if t.HigherIsBetter {
			return *lo, true
		}
		return *hi, true
	case domain.CompAtMost, domain.CompLessThan:
		return *hi, true
	}
	return *lo, true
}

// Meets says whether v satisfies the target's comparator. A range is met from its
// good end on: 4,07 % growth against a plan of "2,5–3 %" is met (and exceeded), as
// Vietnamese plan reviews read it ("vượt kế hoạch").
func (t Target) Meets(v float64) (met, exceeded bool) {
	thr, ok := t.Threshold()
	if !ok {
		return false, false
	}
	const eps = 1e-9
	switch t.Comparator {
	case domain.CompBetween:
		if t.HigherIsBetter {
			return v >= thr-eps, t.Max != nil && v > *t.Max+eps
		}
		return v <= thr+eps, t.Min != nil && v < *t.Min-eps
	case domain.CompAtLeast:
		return v >= thr-eps, false
	case domain.CompGreaterThan:
		return v > thr+eps, false
	case domain.CompAtMost:
		return v <= thr+eps, false
	case domain.CompLessThan:
		return v < thr-eps, false
	case domain.CompEqual:
		return math.Abs(v-thr) <= eps, false
	}
	return false, false
}

// lowerIsGood says which way a value should move to satisfy the comparator.
func (t Target) lowerIsGood() bool {
	switch t.Comparator {
	case domain.CompAtMost, domain.CompLessThan:
		return true
	case domain.CompBetween:
		return !t.HigherIsBetter
	}
	return false
}

// attainment is v as a percentage of the threshold (inverted when lower is better).
func (t Target) attainment(v float64) *float64 {
	thr, ok := t.Threshold()
	if !ok || thr == 0 || (t.lowerIsGood() && v == 0) {
		return nil
	}
	a := v / thr * 100
	if t.lowerIsGood() {
		a = thr / v * 100
	}
	return &a
}

// Evaluate judges the target with the figures known up to year (the evaluation
// year). points may hold any years; they need not be sorted. The rules per kind:
//
//   - annual: the value of the evaluation year (the period's end if later) meets the
//     target: met; misses with a final figure: not met; misses with an estimate: at risk.
//   - period_average: the average of the period's years so far. Period over: met or
//     not met. In progress: met if the average so far meets it, else at risk.
//   - level_at_end: period over: the end year's value decides. In progress: the
//     linear trend of the years so far, carried to the end year, decides (met or at risk).
//   - cumulative: the sum of the period's years so far. Already reached: met. Period
//     over: not met otherwise. In progress: the sum at the current pace decides.
//   - floor / ceiling: every year must stay on the right side; one breach is not met.
func Evaluate(t Target, points []Point, year int) Result {
	ps := sorted(points)
	end := min(year, t.End)
	closed := year >= t.End
	in := between(ps, t.Start, end)
	res := Result{Missing: missing(in, t.Start, end)}
	switch t.Kind {
	case domain.TargetAnnual:
		return res.judgeYear(t, ps, end)
	case domain.TargetPeriodAverage:
		if len(in) == 0 {
			res.Status = NoData
			return res
		}
		res.setValue(t, mean(in), years(in), anyEstimate(in))
		res.Final = closed && !res.Provisional
		if !closed && res.Status == NotMet {
			res.Status = AtRisk
		}
		return res
	case domain.TargetLevelAtEnd:
		if closed {
			return res.judgeYear(t, ps, t.End)
		}
		pr := Project(t, points, year)
		if pr.Projected == nil {
			res.Status = NoData
			if len(upTo(ps, year)) > 0 {
				// Figures exist, but not enough of the plan's own years to forecast from.
				last := lastUpTo(ps, year)
				res.setValue(t, last.Value, []int{last.Year}, !last.Final)
				res.Status = NoForecast
			}
			return res
		}
		last := lastUpTo(ps, year)
		res.setValue(t, last.Value, []int{last.Year}, !last.Final)
		met, _ := t.Meets(*pr.Projected)
		res.Status = AtRisk
		if met {
			res.Status = Met
		}
		return res
	case domain.TargetCumulative:
		if len(in) == 0 {
			res.Status = NoData
			return res
		}
		sum := total(in)
		res.setValue(t, sum, years(in), anyEstimate(in))
		if res.Status == Met && !t.lowerIsGood() {
			res.Final = !res.Provisional
			return res
		}
		res.Final = closed && !res.Provisional
		if closed && res.Provisional && res.Status == NotMet {
			res.Status = AtRisk
		}
		if !closed {
			pr := Project(t, points, year)
			res.Status = AtRisk
			if pr.Projected != nil {
				if met, _ := t.Meets(*pr.Projected); met {
					res.Status = Met
				}
			}
		}
		return res
	case domain.TargetFloor, domain.TargetCeiling:
		if len(in) == 0 {
			res.Status = NoData
			return res
		}
		worst := in[0]
		for _, p := range in[1:] {
			if (t.Kind == domain.TargetFloor) == (p.Value < worst.Value) {
				worst = p
			}
		}
		res.setValue(t, worst.Value, years(in), anyEstimate(in))
		res.Final = !res.Provisional && (closed || res.Status == NotMet)
		if res.Status == NotMet && res.Provisional {
			res.Status = AtRisk
		}
		return res
	}
	res.Status = NoData
	return res
}

// judgeYear decides by the value of year y alone: no figure is no data; a miss on an
// estimate is at risk, not yet not met.
func (r Result) judgeYear(t Target, ps []Point, y int) Result {
	r.Missing = nil
	p, ok := at(ps, y)
	if !ok {
		r.Status = NoData
		r.Missing = []int{y}
		return r
	}
	r.setValue(t, p.Value, []int{y}, !p.Final)
	r.Final = p.Final
	if r.Status == NotMet && !p.Final {
		r.Status = AtRisk
	}
	return r
}

func (r *Result) setValue(t Target, v float64, ys []int, provisional bool) {
	r.Value = &v
	r.Years = ys
	r.Provisional = provisional
	r.Attainment = t.attainment(v)
	met, exceeded := t.Meets(v)
	r.Exceeded = exceeded
	r.Status = NotMet
	if met {
		r.Status = Met
	}
}
