package queries_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/quangngai/chitieu/queries"
	"github.com/quangngai/chitieu/queries/querytest"
	"github.com/shopspring/decimal"
)

func TestMigrateTwiceRecordsEachMigrationOnce(t *testing.T) {
	t.Parallel()
	st := querytest.MustOpen(t)
	ctx := context.Background()
	applied, err := st.Migrate(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(applied) != 0 {
		t.Fatalf("second migrate applied %v, want nothing", applied)
	}
	got, err := st.AppliedMigrations(ctx)
	if err != nil {
		t.Fatal(err)
	}
	migs, _ := queries.Migrations()
	if len(got) != len(migs)-1 {
		t.Fatalf("recorded %v, want one row per migration after 0000 (%d)", got, len(migs)-1)
	}
	seen := map[uint32]bool{}
	for _, v := range got {
		if seen[v] {
			t.Fatalf("migration %d recorded twice", v)
		}
		seen[v] = true
	}
}

func dec(s string) decimal.Decimal { return decimal.RequireFromString(s) }

func fig(key queries.FigureKey, value, uploadID string, version uint64) queries.Figure {
	return queries.Figure{FigureKey: key, Value: dec(value), Unit: "%", Status: queries.StatusActual,
		Source: "test", UploadID: uploadID, UploadedBy: "tester", UploadedAt: time.Now(), Version: version}
}

func TestRevisionSupersedesAtOnceAndHistoryStays(t *testing.T) {
	t.Parallel()
	st := querytest.MustOpen(t)
	ctx := context.Background()
	key := queries.FigureKey{Indicator: "grdp_growth", Scope: "province_old", Agency: "CTK", Year: 2024}
	other := queries.FigureKey{Indicator: "grdp_growth", Scope: "province_old", Agency: "CTK", Year: 2023}
	if err := st.InsertFigures(ctx, []queries.Figure{fig(key, "4.1", "u1", 1), fig(other, "3", "u1", 1)}); err != nil {
		t.Fatal(err)
	}
	// A correction in a separate insert (a separate part): read at once, before any merge.
	if err := st.InsertFigures(ctx, []queries.Figure{fig(key, "4.07", "u2", 2)}); err != nil {
		t.Fatal(err)
	}
	cur, err := st.CurrentFigures(ctx, queries.FigureFilter{Indicators: []string{"grdp_growth"}})
	if err != nil {
		t.Fatal(err)
	}
	if len(cur) != 2 {
		t.Fatalf("got %d current figures, want 2: %+v", len(cur), cur)
	}
	byYear := map[uint16]queries.CurrentFigure{}
	for _, c := range cur {
		byYear[c.Year] = c
	}
	if !byYear[2024].Value.Equal(dec("4.07")) || byYear[2024].UploadID != "u2" || byYear[2024].Versions != 2 {
		t.Fatalf("2024 = %+v, want 4.07 from u2 with 2 versions", byYear[2024])
	}
	if !byYear[2023].Value.Equal(dec("3")) {
		t.Fatalf("2023 = %v, want 3", byYear[2023].Value)
	}
	hist, err := st.FigureHistory(ctx, key)
	if err != nil {
		t.Fatal(err)
	}
	if len(hist) != 2 || !hist[0].Value.Equal(dec("4.1")) || !hist[1].Value.Equal(dec("4.07")) {
		t.Fatalf("history = %+v, want 4.1 then 4.07", hist)
	}
}

func TestWithdrawHidesValueButKeepsHistory(t *testing.T) {
	t.Parallel()
	st := querytest.MustOpen(t)
	ctx := context.Background()
	key := queries.FigureKey{Indicator: "zone_new_jobs", Scope: "zones_bql", Agency: "BQL", Year: 2024}
	if err := st.InsertFigures(ctx, []queries.Figure{fig(key, "8076", "u1", queries.NewVersion())}); err != nil {
		t.Fatal(err)
	}
	if err := st.WithdrawFigure(ctx, key, "admin", "w1", "entered twice"); err != nil {
		t.Fatal(err)
	}
	cur, err := st.CurrentFigures(ctx, queries.FigureFilter{Indicators: []string{key.Indicator}})
	if err != nil {
		t.Fatal(err)
	}
	if len(cur) != 0 {
		t.Fatalf("withdrawn figure still read: %+v", cur)
	}
	hist, err := st.FigureHistory(ctx, key)
	if err != nil {
		t.Fatal(err)
	}
	if len(hist) != 2 || hist[0].Withdrawn || !hist[1].Withdrawn || hist[1].UploadedBy != "admin" {
		t.Fatalf("history = %+v, want the value then its withdrawal", hist)
	}
	if err := st.WithdrawFigure(ctx, key, "admin", "w2", ""); !errors.Is(err, queries.ErrNotFound) {
		t.Fatalf("withdrawing twice: err = %v, want ErrNotFound", err)
	}
}

func TestTargetsOfEveryKindRoundTripExactly(t *testing.T) {
	t.Parallel()
	st := querytest.MustOpen(t)
	ctx := context.Background()
	d := func(s string) *decimal.Decimal { v := dec(s); return &v }
	want := []queries.Target{
		{Plan: "P", Indicator: "a", Scope: "province_old", PeriodStart: 2025, PeriodEnd: 2025, Kind: queries.TargetLevelAtEnd, Comparator: queries.CompBetween, ValueMin: d("69"), ValueMax: d("70"), Unit: "%"},
		{Plan: "P", Indicator: "b", Scope: "province_old", PeriodStart: 2021, PeriodEnd: 2025, Kind: queries.TargetPeriodAverage, Comparator: queries.CompAtLeast, ValueMin: d("7.5"), Unit: "%/năm"},
		{Plan: "P", Indicator: "c", Scope: "province_old", PeriodStart: 2021, PeriodEnd: 2025, Kind: queries.TargetCumulative, Comparator: queries.CompAtLeast, ValueMin: d("150000"), Unit: "tỷ đồng"},
		{Plan: "P", Indicator: "d", Scope: "province_old", PeriodStart: 2024, PeriodEnd: 2024, Kind: queries.TargetAnnual, Comparator: queries.CompGreaterThan, ValueMin: d("8.5"), Unit: "%"},
		{Plan: "P", Indicator: "e", Scope: "province_old", PeriodStart: 2021, PeriodEnd: 2025, Kind: queries.TargetFloor, Comparator: queries.CompAtLeast, ValueMin: d("92"), Unit: "%"},
		{Plan: "P", Indicator: "f", Scope: "province_old", PeriodStart: 2021, PeriodEnd: 2025, Kind: queries.TargetCeiling, Comparator: queries.CompAtMost, ValueMax: d("3.25"), Unit: "%"},
	}
	if err := st.SaveTargets(ctx, want); err != nil {
		t.Fatal(err)
	}
	got, err := st.Targets(ctx, "P")
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != len(want) {
		t.Fatalf("got %d targets, want %d", len(got), len(want))
	}
	for i := range want {
		g, w := got[i], want[i]
		if g.Kind != w.Kind || g.Comparator != w.Comparator || !sameDec(g.ValueMin, w.ValueMin) || !sameDec(g.ValueMax, w.ValueMax) || g.Unit != w.Unit {
			t.Errorf("target %s: got %+v, want %+v", w.Indicator, g, w)
		}
	}
	// Changing a target replaces it at once; deleting hides it.
	changed := want[0]
	changed.ValueMax = d("71")
	if err := st.SaveTargets(ctx, []queries.Target{changed}); err != nil {
		t.Fatal(err)
	}
	if err := st.DeleteTarget(ctx, want[5]); err != nil {
		t.Fatal(err)
	}
	got, _ = st.Targets(ctx, "P")
	if len(got) != 5 || !got[0].ValueMax.Equal(dec("71")) {
		t.Fatalf("after change and delete: %+v", got)
	}
}

func sameDec(a, b *decimal.Decimal) bool {
	if a == nil || b == nil {
		return a == nil && b == nil
	}
	return a.Equal(*b)
}

func TestNilReportIsNeitherMissingNorZero(t *testing.T) {
	t.Parallel()
	st := querytest.MustOpen(t)
	ctx := context.Background()
	letter := time.Date(2023, 12, 15, 0, 0, 0, 0, time.UTC)
	if err := st.InsertSubmission(ctx, queries.Submission{Agency: "BDT", Year: 2023, Status: queries.SubmissionNil,
		LetterNo: "/BDT-CSDT", LetterDate: &letter, Signer: "Nguyễn Thế Nhân", SubmittedBy: "bdt", SubmittedAt: time.Now()}); err != nil {
		t.Fatal(err)
	}
	subs, err := st.CurrentSubmissions(ctx, 2023, 2023)
	if err != nil {
		t.Fatal(err)
	}
	if len(subs) != 1 || subs[0].Status != queries.SubmissionNil || subs[0].Signer != "Nguyễn Thế Nhân" || subs[0].LetterDate == nil {
		t.Fatalf("submissions = %+v, want BDT's nil report", subs)
	}
	figs, err := st.CurrentFigures(ctx, queries.FigureFilter{Agencies: []string{"BDT"}})
	if err != nil {
		t.Fatal(err)
	}
	if len(figs) != 0 {
		t.Fatalf("a nil report wrote figures: %+v", figs)
	}
	// Another agency with no row is missing.
	for _, s := range subs {
		if s.Agency == "SCT" {
			t.Fatal("SCT has no submission and must be missing")
		}
	}
}

func TestUploadsArchiveAndDeduplicateBySHA(t *testing.T) {
	t.Parallel()
	st := querytest.MustOpen(t)
	ctx := context.Background()
	u := queries.Upload{ID: "up-1", FileName: "bao-cao.xlsx", Size: 3, SHA256: "abc", Agency: "BQL", Year: 2024,
		RowCount: 2, Outcome: queries.UploadAccepted, UploadedBy: "a", UploadedAt: time.Now(), SourceKind: "xlsx"}
	if err := st.InsertUpload(ctx, u, []byte{0, 1, 2}); err != nil {
		t.Fatal(err)
	}
	got, err := st.AcceptedUploadBySHA(ctx, "abc", "BQL")
	if err != nil || got.ID != "up-1" {
		t.Fatalf("by sha: %+v, %v", got, err)
	}
	if _, err := st.AcceptedUploadBySHA(ctx, "abc", "CTK"); !errors.Is(err, queries.ErrNotFound) {
		t.Fatalf("other agency: err = %v, want ErrNotFound", err)
	}
	content, err := st.UploadContent(ctx, "up-1")
	if err != nil || len(content) != 3 || content[2] != 2 {
		t.Fatalf("content = %v, %v", content, err)
	}
	list, err := st.ListUploads(ctx, queries.UploadFilter{Agencies: []string{"BQL"}})
	if err != nil || len(list) != 1 {
		t.Fatalf("list = %+v, %v", list, err)
	}
}
