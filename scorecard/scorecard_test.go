package scorecard

import (
	"testing"

	"github.com/quangngai/chitieu/domain"
	"github.com/quangngai/chitieu/plan"
	"github.com/shopspring/decimal"
)

var (
	dhxx = domain.Plan{Code: "DHXX-2020", PeriodStart: 2021, PeriodEnd: 2025}
	dhi  = domain.Plan{Code: "DHI-2025", PeriodStart: 2026, PeriodEnd: 2030}
)

func dec(s string) *decimal.Decimal { d := decimal.RequireFromString(s); return &d }

func fig(ind, scope string, year int, v string) domain.CurrentFigure {
	var f domain.CurrentFigure
	f.Indicator, f.Scope, f.Year, f.Value, f.Status = ind, scope, uint16(year), *dec(v), domain.StatusActual
	return f
}

// The evaluation year of a page: asked, else today within the plan's period.
func TestEvalYear(t *testing.T) {
	for _, c := range []struct{ today, asked, want int }{
		{2026, 0, 2025}, {2026, 2023, 2023}, {2025, 0, 2025}, {2020, 0, 2021},
	} {
		if y := EvalYear(dhxx, c.asked, c.today); y != c.want {
			t.Errorf("today %d asked %d: year %d, want %d", c.today, c.asked, y, c.want)
		}
	}
}

// A closed plan's period targets are judged at its end year whatever year is asked;
// an open plan's at the year asked, else today.
func TestFinalYear(t *testing.T) {
	for _, c := range []struct {
		p                  domain.Plan
		today, asked, want int
	}{
		{dhxx, 2026, 2023, 2025}, {dhxx, 2026, 0, 2026}, {dhxx, 2024, 2023, 2023}, {dhi, 2026, 0, 2026}, {dhi, 2026, 2028, 2028},
	} {
		if y := FinalYear(c.p, c.asked, c.today); y != c.want {
			t.Errorf("%s today %d asked %d: year %d, want %d", c.p.Code, c.today, c.asked, y, c.want)
		}
	}
	tg := domain.Target{PeriodEnd: 2024}
	if y := TargetYear(tg, dhxx, true, 0, 2026); y != 2025 {
		t.Errorf("target of a closed plan: %d, want its end year 2025", y)
	}
	if y := TargetYear(tg, domain.Plan{}, false, 0, 2026); y != 2024 {
		t.Errorf("target of an unknown plan: %d, want its own end 2024", y)
	}
}

func demoCatalogue() Catalogue {
	return Catalogue{
		Indicators: []domain.Indicator{
			{Code: "grdp_growth", OutlineSection: "", HigherIsBetter: true},
			{Code: "industry_share", OutlineSection: "I.2", HigherIsBetter: true},
			{Code: "labour_share", OutlineSection: "I.3", HigherIsBetter: true},
		},
		Plans: []domain.Plan{dhi, dhxx},
		Targets: []domain.Target{
			{Plan: "DHXX-2020", Indicator: "industry_share", Scope: plan.ScopeOld, PeriodStart: 2025, PeriodEnd: 2025,
				Kind: domain.TargetLevelAtEnd, Comparator: domain.CompAtLeast, ValueMin: dec("70")},
			{Plan: "DHXX-2020", Indicator: "grdp_growth", Scope: plan.ScopeOld, PeriodStart: 2021, PeriodEnd: 2025,
				Kind: domain.TargetPeriodAverage, Comparator: domain.CompAtLeast, ValueMin: dec("7")},
			{Plan: "DHI-2025", Indicator: "grdp_growth", Scope: plan.ScopeNew, PeriodStart: 2026, PeriodEnd: 2030,
				Kind: domain.TargetPeriodAverage, Comparator: domain.CompAtLeast, ValueMin: dec("10")},
		},
	}
}

// Build: the targeted indicators first in catalogue order, then section I's context
// ones; verdicts counted; the latest figure up to the year, never later.
func TestBuildCards(t *testing.T) {
	figs := []domain.CurrentFigure{
		fig("grdp_growth", plan.ScopeOld, 2021, "8"), fig("grdp_growth", plan.ScopeOld, 2022, "9"),
		fig("grdp_growth", plan.ScopeOld, 2023, "8"), fig("grdp_growth", plan.ScopeOld, 2024, "8"),
		fig("industry_share", plan.ScopeOld, 2023, "65"), fig("industry_share", plan.ScopeOld, 2024, "66"),
		fig("labour_share", plan.ScopeOld, 2022, "40"),
	}
	sc := Build(demoCatalogue(), figs, "DHXX-2020", 2023, 2026)
	if sc.Plan.Code != "DHXX-2020" || sc.Year != 2023 || sc.Phase != plan.Closed {
		t.Fatalf("plan %s year %d phase %s", sc.Plan.Code, sc.Year, sc.Phase)
	}
	if sc.Current == nil || sc.Current.Code != "DHI-2025" {
		t.Fatalf("current plan: %v, want DHI-2025 one click away", sc.Current)
	}
	var order []string
	for _, c := range sc.Cards {
		order = append(order, c.Indicator.Code)
	}
	if want := "grdp_growth industry_share labour_share"; join(order) != want {
		t.Fatalf("cards %v, want %s", order, want)
	}
	if !sc.Cards[0].Targeted || !sc.Cards[1].Targeted || sc.Cards[2].Targeted || sc.Cards[0].Section || !sc.Cards[2].Section {
		t.Fatalf("targeted/section flags wrong: %+v", sc.Cards)
	}
	if l := sc.Cards[1].Latest; l == nil || l.Year != 2023 {
		t.Fatalf("industry share's latest at 2023: %+v, want the 2023 figure", l)
	}
	n := 0
	for _, k := range sc.Counts {
		n += k
	}
	if n != 2 {
		t.Fatalf("counts %v, want the two targets counted", sc.Counts)
	}
	// Asked for nothing in late 2026: the current plan has no figure yet, so the
	// closed plan opens, at its end year.
	if sc := Build(demoCatalogue(), figs, "", 0, 2026); sc.Plan.Code != "DHXX-2020" || sc.Year != 2025 {
		t.Fatalf("default: %s %d, want DHXX-2020 at 2025", sc.Plan.Code, sc.Year)
	}
}

// Forecasts: period targets only (not the annual ones), a closed plan's at its end year.
func TestForecasts(t *testing.T) {
	figs := []domain.CurrentFigure{fig("grdp_growth", plan.ScopeOld, 2021, "8"), fig("grdp_growth", plan.ScopeOld, 2022, "9")}
	fs := Forecasts(demoCatalogue(), figs, "", 2023, 2026)
	if len(fs) != 2 {
		t.Fatalf("%d plans, want 2", len(fs))
	}
	for _, g := range fs {
		switch g.Plan.Code {
		case "DHXX-2020":
			// The average and the level at the end are period targets, in catalogue order.
			if !g.Closed || g.Year != 2025 || len(g.Rows) != 2 || g.Rows[0].Target.Indicator != "grdp_growth" {
				t.Errorf("DHXX: closed %v year %d rows %+v", g.Closed, g.Year, g.Rows)
			}
		case "DHI-2025":
			if g.Closed || g.Year != 2023 {
				t.Errorf("DHI: closed %v year %d", g.Closed, g.Year)
			}
		}
	}
}

func join(ss []string) string {
	out := ""
	for i, s := range ss {
		if i > 0 {
			out += " "
		}
		out += s
	}
	return out
}

// A band covers its own territory's years only: the old province's 2025 target draws
// nothing (2025 belongs to the merged province), a 2021–2025 one stops at 2024; an
// inequality is a line.
func TestBandOf(t *testing.T) {
	old := BandOf(domain.Target{Scope: plan.ScopeOld, PeriodStart: 2021, PeriodEnd: 2025, Comparator: domain.CompAtLeast,
		ValueMin: dec("7"), ValueMax: dec("8")})
	if old.From != 2021 || old.To != 2024 || old.Max != nil || *old.Min != 7 {
		t.Fatalf("old-province band %+v, want 2021–2024, a line at 7", old)
	}
	if b := BandOf(domain.Target{Scope: plan.ScopeOld, PeriodStart: 2025, PeriodEnd: 2025}); b.From <= b.To {
		t.Fatalf("old province's 2025 band %+v drawn", b)
	}
	nb := BandOf(domain.Target{Scope: plan.ScopeNew, PeriodStart: 2021, PeriodEnd: 2030, Comparator: domain.CompBetween,
		ValueMin: dec("69"), ValueMax: dec("70")})
	if nb.From != 2025 || nb.To != 2030 || nb.Max == nil || *nb.Max != 70 {
		t.Fatalf("merged-province band %+v, want 2025–2030, 69–70", nb)
	}
}
