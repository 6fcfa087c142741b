package reporting_test

import (
	"context"
	"errors"
	"testing"

	"github.com/quangngai/chitieu/domain"
	"github.com/quangngai/chitieu/queries"
	"github.com/quangngai/chitieu/queries/querytest"
	"github.com/quangngai/chitieu/reporting"
)

// SCT's text per item, on a real ClickHouse: every save is a version; the editor reads
// the newest (a draft included), the report the newest final one; a draft after a final
// version leaves the printed text alone; a final save with no text withdraws it; an item
// not in the round's outline is refused and writes nothing; each save is audited.
func TestSynthesisVersionsDraftsAndWithdrawal(t *testing.T) {
	st := querytest.MustOpen(t)
	svc := &reporting.Service{Store: st}
	ctx := context.Background()
	by := domain.Actor{Username: "sct_compiler"}
	save := func(text string, final bool) {
		t.Helper()
		if _, err := svc.SaveSynthesis(ctx, reporting.SynthesisRequest{Year: 2023, Item: "II.1", Text: text, Final: final}, by); err != nil {
			t.Fatal(err)
		}
	}
	read := func() domain.Syntheses {
		t.Helper()
		x, err := st.RoundSyntheses(ctx, 2023)
		if err != nil {
			t.Fatal(err)
		}
		return x
	}
	save("Bản nháp một.", false)
	if x := read(); x.Newest["II.1"].Text != "Bản nháp một." || x.PrintedText("II.1") != "" {
		t.Fatalf("a draft: %+v", x)
	}
	save("Bản chính thức.\r\n- Ý (Nguồn: Sở Xây dựng)", true)
	save("Bản nháp sau.", false)
	x := read()
	if x.Newest["II.1"].Text != "Bản nháp sau." || x.PrintedText("II.1") != "Bản chính thức.\n- Ý (Nguồn: Sở Xây dựng)" {
		t.Fatalf("a draft after a final version: newest %q, printed %q", x.Newest["II.1"].Text, x.PrintedText("II.1"))
	}
	save("  ", true)
	if x := read(); x.PrintedText("II.1") != "" || len(x.Printed) != 0 {
		t.Fatalf("withdrawn text still printed: %+v", x.Printed)
	}
	hist, err := st.SynthesisHistory(ctx, 2023, "II.1")
	if err != nil || len(hist) != 4 || !hist[3].Deleted || hist[0].Version >= hist[1].Version {
		t.Fatalf("history %+v %v", hist, err)
	}

	_, err = svc.SaveSynthesis(ctx, reporting.SynthesisRequest{Year: 2023, Item: "IX.9", Text: "x", Final: true}, by)
	var de *domain.Error
	if !errors.As(err, &de) || de.Kind != domain.Invalid {
		t.Fatalf("an item outside the outline: %v", err)
	}
	if x := read(); len(x.Newest) != 1 {
		t.Fatalf("a refused save wrote: %+v", x.Newest)
	}
	events, err := st.AuditEvents(ctx, queries.AuditFilter{Actor: "sct_compiler", Action: "report.synthesis."})
	if err != nil || len(events) != 4 {
		t.Fatalf("audit: %d events, %v", len(events), err)
	}

	if err := svc.SetSynthesisMode(ctx, 2023, true, by); err != nil {
		t.Fatal(err)
	}
	if m, err := st.SynthesisMode(ctx, 2023); err != nil || !m.Annex {
		t.Fatalf("mode %+v %v", m, err)
	}
	if err := svc.SetSynthesisMode(ctx, 2023, false, by); err != nil {
		t.Fatal(err)
	}
	if m, err := st.SynthesisMode(ctx, 2023); err != nil || m.Annex {
		t.Fatalf("mode set back %+v %v", m, err)
	}
	if m, err := st.SynthesisMode(ctx, 2024); err != nil || m.Annex {
		t.Fatalf("a round never set: %+v %v", m, err)
	}
}
