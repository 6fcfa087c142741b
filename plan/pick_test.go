package plan

import (
	"slices"
	"testing"

	"github.com/quangngai/chitieu/domain"
)

// The demo's plans, as Plans() lists them (newest period first).
var demoPlans = []domain.Plan{
	{Code: "DHI-2025", PeriodStart: 2026, PeriodEnd: 2030},
	{Code: "NQ23-2018", PeriodStart: 2021, PeriodEnd: 2030},
	{Code: "KH-2025", PeriodStart: 2025, PeriodEnd: 2025},
	{Code: "DHXIII-2021", PeriodStart: 2021, PeriodEnd: 2025},
	{Code: "DHXX-2020", PeriodStart: 2021, PeriodEnd: 2025},
	{Code: "QD998-2021", PeriodStart: 2021, PeriodEnd: 2025},
	{Code: "KH-2024", PeriodStart: 2024, PeriodEnd: 2024},
}

var demoTargets = []domain.Target{
	{Plan: "DHXX-2020", Indicator: "grdp_growth", Scope: ScopeOld, PeriodStart: 2021, PeriodEnd: 2025},
	{Plan: "NQ23-2018", Indicator: "industrial_va_growth", Scope: ScopeNational, PeriodStart: 2021, PeriodEnd: 2030},
	{Plan: "DHXIII-2021", Indicator: "ip_wastewater_compliance", Scope: ScopeNational, PeriodStart: 2025, PeriodEnd: 2025},
	{Plan: "KH-2024", Indicator: "grdp_growth", Scope: ScopeOld, PeriodStart: 2024, PeriodEnd: 2024},
	{Plan: "KH-2025", Indicator: "grdp_growth", Scope: ScopeNew, PeriodStart: 2025, PeriodEnd: 2025},
	{Plan: "DHI-2025", Indicator: "grdp_growth", Scope: ScopeNew, PeriodStart: 2026, PeriodEnd: 2030},
}

func hasOnly(ind, scope string, year int) HasData {
	return func(i, s string, y int) bool { return i == ind && s == scope && y == year }
}

func TestDefaultPlan(t *testing.T) {
	none := func(string, string, int) bool { return false }
	cases := []struct {
		name  string
		has   HasData
		today int
		want  string
	}{
		// Late 2026: the 2026–2030 plan has no figure yet, so the leader meets the
		// closed 2021–2025 plan and its final verdicts (the province's own, not the
		// national one, not the one-year plan).
		{"current plan without data: the last closed plan", none, 2026, "DHXX-2020"},
		{"current plan with a year of data", hasOnly("grdp_growth", ScopeNew, 2026), 2026, "DHI-2025"},
		// A 2025 figure is before the current plan's period: still no year of data.
		{"data before the current period does not count", hasOnly("grdp_growth", ScopeNew, 2025), 2026, "DHXX-2020"},
		{"2023: the plans in force", none, 2023, "DHXX-2020"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			p, ok := DefaultPlan(demoPlans, demoTargets, c.has, c.today)
			if !ok || p.Code != c.want {
				t.Fatalf("default plan %s, want %s", p.Code, c.want)
			}
		})
	}
	if p, _ := PickPlan(demoPlans, demoTargets, "QD998-2021", none, 2026); p.Code != "QD998-2021" {
		t.Fatalf("a plan asked for is the plan shown, got %s", p.Code)
	}
	if _, ok := DefaultPlan(nil, nil, none, 2026); ok {
		t.Fatal("no plans: no default")
	}
}

func TestOrder(t *testing.T) {
	var got []string
	for _, p := range Order(demoPlans, demoTargets) {
		got = append(got, p.Code)
	}
	// By period (latest end first, longer first), then the province's own before the
	// national ones, then plans with targets before the one without (QD998).
	want := []string{"NQ23-2018", "DHI-2025", "DHXX-2020", "QD998-2021", "DHXIII-2021", "KH-2025", "KH-2024"}
	if !slices.Equal(got, want) {
		t.Fatalf("order %v, want %v", got, want)
	}
	if Level(demoPlans[1], demoTargets) != LevelNational || Level(demoPlans[5], demoTargets) != LevelProvince {
		t.Fatal("NQ23 is national; QD998 (no targets) is the province's own")
	}
}

func TestPhaseAndYear(t *testing.T) {
	dhxx := domain.Plan{PeriodStart: 2021, PeriodEnd: 2025}
	// The evaluation year picked from the phase is scorecard.EvalYear's (TestEvalYear).
	cases := []struct {
		today int
		phase Phase
	}{
		{2026, Closed},
		{2025, InForce},
		{2020, Upcoming},
	}
	for _, c := range cases {
		if ph := PhaseOf(dhxx, c.today); ph != c.phase {
			t.Errorf("today %d: phase %s, want %s", c.today, ph, c.phase)
		}
	}
	if y := FirstYear(demoPlans, 2026); y != 2020 {
		t.Fatalf("first year %d, want 2020 (the baseline before 2021)", y)
	}
}

func TestCurrentPlan(t *testing.T) {
	if p, ok := CurrentPlan(demoPlans, demoTargets, 2026); !ok || p.Code != "DHI-2025" {
		t.Fatalf("current plan in 2026: %s, want the province's DHI-2025 over the national NQ23", p.Code)
	}
	if p, ok := CurrentPlan(demoPlans, demoTargets, 2031); ok {
		t.Fatalf("current plan in 2031: %s, want none", p.Code)
	}
}

func TestReportPlan(t *testing.T) {
	for year, want := range map[int]string{2023: "DHXX-2020", 2024: "DHXX-2020", 2025: "DHXX-2020", 2026: "DHI-2025", 2030: "DHI-2025"} {
		if p, ok := ReportPlan(demoPlans, demoTargets, year); !ok || p.Code != want {
			t.Errorf("report plan for %d: %s, want %s", year, p.Code, want)
		}
	}
	if p, ok := ReportPlan(demoPlans, demoTargets, 2019); ok {
		t.Errorf("report plan for 2019: %s, want none", p.Code)
	}
}
