package plan

import (
	"testing"

	"github.com/quangngai/chitieu/domain"
)

func TestReviewPeriod(t *testing.T) {
	plans := []domain.Plan{
		{Code: "QD998-2021", PeriodStart: 2021, PeriodEnd: 2025},
		{Code: "DHXX-2020", PeriodStart: 2021, PeriodEnd: 2025},
		{Code: "NQ23-2018", PeriodStart: 2021, PeriodEnd: 2030},
		{Code: "KH-2024", PeriodStart: 2024, PeriodEnd: 2024},
		{Code: "KH-2025", PeriodStart: 2025, PeriodEnd: 2025},
		{Code: "DHI-2025", PeriodStart: 2026, PeriodEnd: 2030},
	}
	targets := []domain.Target{
		{Plan: "DHXX-2020", Indicator: "grdp_growth", PeriodStart: 2021, PeriodEnd: 2025},
		{Plan: "NQ23-2018", Indicator: "industrial_va_growth", PeriodStart: 2021, PeriodEnd: 2030},
		{Plan: "NQ23-2018", Indicator: "labour_share", PeriodStart: 2030, PeriodEnd: 2030},
		{Plan: "KH-2024", Indicator: "grdp_growth", PeriodStart: 2024, PeriodEnd: 2024},
		{Plan: "KH-2025", Indicator: "grdp_growth", PeriodStart: 2025, PeriodEnd: 2025},
		{Plan: "DHI-2025", Indicator: "grdp_growth", PeriodStart: 2026, PeriodEnd: 2030},
	}
	from, to, ok := ReviewPeriod(plans, targets, 0, 2026)
	if !ok || from != 2021 || to != 2025 {
		t.Fatalf("period %d–%d %v, want 2021–2025", from, to, ok)
	}
	if _, _, ok := ReviewPeriod(plans, targets, 0, 2025); ok {
		t.Fatal("in 2025 no term has closed yet")
	}
	got := ReviewTargets(targets, from, to)
	var codes []string
	for _, t := range got {
		codes = append(codes, t.Plan+"/"+t.Indicator)
	}
	if len(got) != 4 || got[1].Plan != "NQ23-2018" {
		t.Fatalf("targets %v, want DHXX, NQ23's 2021–2030 average, KH-2024, KH-2025", codes)
	}
	empty := PlansWithoutTargets(plans, targets, from, to)
	if len(empty) != 1 || empty[0].Code != "QD998-2021" {
		t.Fatalf("plans without targets %v, want QD998-2021", empty)
	}
}
