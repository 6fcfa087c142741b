package dashboard

import (
	"strconv"
	"strings"

	"github.com/quangngai/chitieu/plan"
	"github.com/quangngai/chitieu/queries"
	"github.com/shopspring/decimal"
)

// targetText writes a target as plans write it: "69–70 %", "≥ 7,5 %/năm", "> 8,5 %/năm".
func targetText(t queries.Target, lg string) string {
	unit := unitIn(t.Unit, lg)
	sp := " "
	if unit == "" {
		sp = ""
	}
	one := t.ValueMin
	if one == nil {
		one = t.ValueMax
	}
	if one == nil {
		return "—"
	}
	switch t.Comparator {
	case queries.CompBetween:
		if t.ValueMin != nil && t.ValueMax != nil {
			return formatNum(*t.ValueMin, lg) + "–" + formatNum(*t.ValueMax, lg) + sp + unit
		}
	case queries.CompAtLeast:
		return "≥ " + formatNum(*one, lg) + sp + unit
	case queries.CompGreaterThan:
		return "> " + formatNum(*one, lg) + sp + unit
	case queries.CompAtMost, queries.CompLessThan:
		if t.ValueMax != nil {
			one = t.ValueMax
		}
		if t.Comparator == queries.CompAtMost {
			return "≤ " + formatNum(*one, lg) + sp + unit
		}
		return "< " + formatNum(*one, lg) + sp + unit
	}
	return formatNum(*one, lg) + sp + unit
}

// periodText: "2021–2025" or "2025".
func periodText(t queries.Target) string {
	if t.PeriodStart == t.PeriodEnd {
		return strconv.Itoa(int(t.PeriodEnd))
	}
	return strconv.Itoa(int(t.PeriodStart)) + "–" + strconv.Itoa(int(t.PeriodEnd))
}

// statusKey is the message key and CSS class of a verdict.
func statusKey(st plan.Status) string { return "status." + string(st) }

// verdictText is the verdict in words, with "(tạm tính)" while it may still change:
// the period is open or an estimate or preliminary figure went into it.
func verdictText(r plan.Result, lg string) string {
	s := translate(lg, statusKey(r.Status))
	if r.Status == plan.Met && r.Exceeded {
		s = translate(lg, "status.exceeded")
	}
	if r.Status != plan.NoData && r.Status != plan.NotJudgeable && r.Status != plan.Insufficient && r.Status != plan.NoForecast && !r.Final {
		s += " (" + translate(lg, "status.provisional") + ")"
	}
	return s
}

// num formats a computed number the reader's way with at most `places` decimals.
func num(v float64, places int32, lg string) string {
	return formatNum(decimal.NewFromFloat(v).Round(places), lg)
}

// numPtr is num for an optional value; "—" when absent.
func numPtr(v *float64, places int32, lg string) string {
	if v == nil {
		return "—"
	}
	return num(*v, places, lg)
}

func f64(d decimal.Decimal) *float64 {
	v, _ := d.Float64()
	return &v
}

func yearsText(ys []int) string {
	s := ""
	for i, y := range ys {
		if i > 0 {
			s += ", "
		}
		s += strconv.Itoa(y)
	}
	return s
}

// verdictCaveat is what a verdict rests on, short enough to quote beside it: its
// missing years and the years that belong to another territory.
func verdictCaveat(r plan.Result, v plan.Verdict, lg string) string {
	if r.Status == plan.NoData {
		return ""
	}
	var parts []string
	if len(r.Missing) > 0 {
		parts = append(parts, translate(lg, "caveat.missing")+" "+yearsText(r.Missing))
	}
	if len(v.OtherYears) > 0 && r.Status != plan.NotJudgeable {
		parts = append(parts, yearsText(v.OtherYears)+" "+translate(lg, "caveat.other"))
	}
	return strings.Join(parts, "; ")
}
