package plan

import (
	"testing"
	"time"

	"github.com/quangngai/chitieu/domain"
)

func TestReport(t *testing.T) {
	at := func(d, h int) time.Time { return time.Date(2024, 1, d, h, 0, 0, 0, Zone) }
	deadline := time.Date(2023, 12, 31, 0, 0, 0, 0, time.UTC)
	sent := func(status string, first, last time.Time, n uint64) domain.SubmissionState {
		return domain.SubmissionState{Submission: domain.Submission{Status: status, SubmittedAt: last, LetterNo: "1/X"},
			FirstAt: domain.Submission{SubmittedAt: first}, Versions: n}
	}
	dec := func(d, h int) time.Time { return time.Date(2023, 12, d, h, 0, 0, 0, Zone) }
	cases := []struct {
		name     string
		st       domain.SubmissionState
		figures  int
		deadline *time.Time
		now      time.Time
		state    string
		overdue  bool
	}{
		{"nothing, before the deadline", domain.SubmissionState{}, 0, &deadline, dec(30, 9), ReportMissing, false},
		// The deadline day ends at midnight in Quảng Ngãi, not in UTC.
		{"nothing, on the deadline's last evening", domain.SubmissionState{}, 0, &deadline, dec(31, 23), ReportMissing, false},
		{"nothing, after the deadline", domain.SubmissionState{}, 0, &deadline, at(1, 0), ReportMissing, true},
		{"no round: never overdue", domain.SubmissionState{}, 0, nil, at(5, 0), ReportMissing, false},
		// Figures loaded from published sources without a report: not "missing" on a
		// page that shows them, not "submitted" either.
		{"figures without a report", domain.SubmissionState{}, 4, &deadline, at(5, 0), ReportPublished, false},
		{"in time", sent(ReportSubmitted, dec(20, 9), dec(20, 9), 1), 4, &deadline, at(5, 0), ReportSubmitted, false},
		{"late", sent(ReportSubmitted, at(2, 9), at(2, 9), 1), 4, &deadline, at(5, 0), ReportLate, false},
		{"revised after the deadline", sent(ReportSubmitted, dec(20, 9), at(2, 9), 2), 4, &deadline, at(5, 0), ReportRevisedLate, false},
		{"nil report, late or not", sent(ReportNil, at(2, 9), at(2, 9), 1), 0, &deadline, at(5, 0), ReportNil, false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := Report(c.st, c.figures, c.deadline, c.now)
			if r.State != c.state || r.Overdue != c.overdue {
				t.Fatalf("state %s overdue %v, want %s %v", r.State, r.Overdue, c.state, c.overdue)
			}
		})
	}
}

func TestReportingListsWhoMustReport(t *testing.T) {
	y2023 := uint16(2023)
	rows := domain.ReportingRows{
		Agencies: []domain.Agency{{Code: "SCT"}, {Code: "BQL"}, {Code: "SDTTG", ValidFrom: dateP(2025, 3, 1)}},
		Submissions: []domain.SubmissionState{{Submission: domain.Submission{Agency: "BDT", Year: y2023, Status: ReportNil},
			Versions: 1}},
		WithFigures: map[domain.AgencyYear]int{{Agency: "BQL", Year: y2023}: 4, {Agency: "OLD", Year: y2023}: 1},
	}
	got := map[string]string{}
	for _, r := range Reporting(rows, 2023, 2023, time.Date(2024, 2, 1, 0, 0, 0, 0, Zone)) {
		got[r.Agency] = r.State
	}
	want := map[string]string{"SCT": ReportMissing, "BQL": ReportPublished, "BDT": ReportNil, "OLD": ReportPublished}
	if len(got) != len(want) {
		t.Fatalf("listed %v, want %v (SDTTG did not exist in 2023)", got, want)
	}
	for a, w := range want {
		if got[a] != w {
			t.Errorf("%s: %s, want %s", a, got[a], w)
		}
	}
	// Issue 21.7: in December 2026 the register opened on 2023, the last round
	// recorded. It opens on the round in progress, else the latest year.
	if r := DefaultRound([]domain.Round{{Year: 2023}}, 2026); r != 2025 {
		t.Fatalf("default round %d, want 2025 (the latest year), not an old round", r)
	}
	if r := DefaultRound([]domain.Round{{Year: 2026}, {Year: 2023}}, 2026); r != 2026 {
		t.Fatalf("default round %d, want the round in progress", r)
	}
	if r := DefaultRound(nil, 2026); r != 2025 {
		t.Fatalf("default round without rounds %d, want last year", r)
	}
}

func dateP(y, m, d int) *time.Time {
	t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
	return &t
}

// Issue 21.6: only agencies that exist on the round's day are expected; a successor
// answers for the agency merged into it.
func TestReportingExpectsOnlyAgenciesThatExist(t *testing.T) {
	feb, jun := dateP(2025, 2, 28), dateP(2025, 6, 30)
	rows := domain.ReportingRows{Agencies: []domain.Agency{
		{Code: "SCT"},
		{Code: "SKHDT", ValidTo: feb, Successor: "STC"}, {Code: "STC"},
		{Code: "BDT", ValidTo: feb, Successor: "SDTTG"}, {Code: "SDTTG", ValidFrom: dateP(2025, 3, 1)},
		{Code: "UBND-BS", ValidTo: jun},
	}}
	got := map[string][]string{}
	for _, r := range Reporting(rows, 2025, 2025, time.Date(2026, 12, 4, 0, 0, 0, 0, Zone)) {
		got[r.Agency] = r.AnswersFor
	}
	if len(got) != 3 || got["SCT"] != nil || len(got["STC"]) != 1 || got["STC"][0] != "SKHDT" || len(got["SDTTG"]) != 1 || got["SDTTG"][0] != "BDT" {
		t.Fatalf("2025 expects %v, want SCT, STC (for SKHDT) and SDTTG (for BDT) only", got)
	}
	// 2024: everyone existed; nobody answers for anyone.
	n := 0
	for _, r := range Reporting(rows, 2024, 2024, time.Date(2026, 12, 4, 0, 0, 0, 0, Zone)) {
		n++
		if len(r.AnswersFor) > 0 {
			t.Errorf("2024: %s answers for %v", r.Agency, r.AnswersFor)
		}
	}
	if n != 5 {
		t.Fatalf("2024 expects %d agencies, want 5 (SDTTG did not exist yet)", n)
	}
	// A deadline decides: a round due on 15/1/2025 still expects the department that
	// was dissolved in February.
	due := domain.Round{Year: 2024, Deadline: dateP(2025, 1, 15)}
	if !ExpectedAt(rows.Agencies[1], RoundDate(&due, 2024)) {
		t.Fatal("SKHDT existed on 15/1/2025")
	}
}
