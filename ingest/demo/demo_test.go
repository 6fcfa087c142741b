package demo_test

import (
	"context"
	"fmt"
	"regexp"
	"testing"

	"github.com/quangngai/chitieu/ingest/demo"
	"github.com/quangngai/chitieu/queries"
	"github.com/quangngai/chitieu/queries/querytest"
)

// TestCatalogueTextIsVietnameseWithEnglishBeside: notes, capacities, milestones and
// plan documents are Vietnamese, with the English in the *_en columns, and both are
// stored. (The embedded copies are copied from the project's shared data folder; tests read only the repository.)
func TestCatalogueTextIsVietnameseWithEnglishBeside(t *testing.T) {
	t.Parallel()
	st := querytest.MustOpen(t)
	ctx := context.Background()
	if _, err := demo.Load(ctx, st); err != nil {
		t.Fatal(err)
	}
	english := regexp.MustCompile(`\b(the|of|and|with|before|merged|from|only|excluding|phase|planned|targets)\b`)
	scopes, err := st.Scopes(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, sc := range scopes {
		if english.MatchString(sc.Note) || sc.Note != "" && sc.NoteEN == "" {
			t.Errorf("scope %s: note %q (English %q)", sc.Code, sc.Note, sc.NoteEN)
		}
	}
	projects, err := st.Projects(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range projects {
		if english.MatchString(p.Capacity+" "+p.Milestones) || p.Capacity != "" && p.CapacityEN == "" {
			t.Errorf("project %s: capacity %q milestones %q (English %q, %q)", p.Code, p.Capacity, p.Milestones, p.CapacityEN, p.MilestonesEN)
		}
	}
	plans, err := st.Plans(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range plans {
		if english.MatchString(p.Document) {
			t.Errorf("plan %s: document %q is not Vietnamese", p.Code, p.Document)
		}
	}
	figs, err := st.CurrentFigures(ctx, queries.FigureFilter{})
	if err != nil {
		t.Fatal(err)
	}
	withEN := 0
	for _, f := range figs {
		if english.MatchString(f.Note) {
			t.Errorf("figure %s %s %d: note %q is not Vietnamese", f.Indicator, f.Scope, f.Year, f.Note)
		}
		if f.NoteEN != "" {
			withEN++
		}
	}
	if withEN == 0 {
		t.Error("no figure kept its English note")
	}
}

func TestLoadWritesEveryPublishedRowOnceAndKeepsSources(t *testing.T) {
	t.Parallel()
	st := querytest.MustOpen(t)
	ctx := context.Background()
	ds, err := demo.Parse()
	if err != nil {
		t.Fatal(err)
	}
	res, err := demo.Load(ctx, st)
	if err != nil {
		t.Fatal(err)
	}
	if res.Skipped || res.Figures != len(ds.Figures) {
		t.Fatalf("first load: %+v, want %d figures", res, len(ds.Figures))
	}
	again, err := demo.Load(ctx, st)
	if err != nil {
		t.Fatal(err)
	}
	if !again.Skipped {
		t.Fatalf("second load wrote again: %+v", again)
	}
	cur, err := st.CurrentFigures(ctx, queries.FigureFilter{})
	if err != nil {
		t.Fatal(err)
	}
	if len(cur) != len(ds.Figures) {
		t.Fatalf("%d current figures, want %d (one per published row)", len(cur), len(ds.Figures))
	}
	for _, c := range cur {
		if c.Versions != 1 || c.Source == "" || c.Synthetic {
			t.Fatalf("figure %+v: want one version, a source, not synthetic", c)
		}
	}
	// A gap stays a gap: nothing was published for industrial labour productivity.
	gap, _ := st.CurrentFigures(ctx, queries.FigureFilter{Indicators: []string{"industrial_labour_productivity_growth"}})
	if len(gap) != 0 {
		t.Fatalf("gap filled: %+v", gap)
	}
	targets, _ := st.Targets(ctx, "")
	if len(targets) != len(ds.Targets) {
		t.Fatalf("%d targets, want %d", len(targets), len(ds.Targets))
	}
	subs, _ := st.CurrentSubmissions(ctx, 2023, 2023)
	if len(subs) != 1 || subs[0].Agency != "BDT" || subs[0].Status != queries.SubmissionNil {
		t.Fatalf("seed nil report: %+v", subs)
	}
	plans, _ := st.Plans(ctx)
	if len(plans) < 2 {
		t.Fatalf("plans: %+v", plans)
	}
}

func TestSyntheticIsDeterministicMarkedAndSized(t *testing.T) {
	t.Parallel()
	st := querytest.MustOpen(t)
	ctx := context.Background()
	if _, err := demo.Load(ctx, st); err != nil {
		t.Fatal(err)
	}
	opts := demo.SyntheticOptions{Rows: 20000, Seed: 7, Provinces: 2, BatchRows: 3000}
	res, err := demo.LoadSynthetic(ctx, st, opts)
	if err != nil {
		t.Fatal(err)
	}
	if res.Rows < 20000 || res.Rows > 20000+3000 {
		t.Fatalf("wrote %d rows, want about 20000", res.Rows)
	}
	all, err := st.CurrentFigures(ctx, queries.FigureFilter{IncludeSynthetic: true, Scopes: []string{"SYN-P01-Z001"}})
	if err != nil {
		t.Fatal(err)
	}
	if len(all) == 0 {
		t.Fatal("no synthetic figures for SYN-P01-Z001")
	}
	revised := 0
	for _, f := range all {
		if !f.Synthetic || f.Source != demo.SyntheticSource {
			t.Fatalf("synthetic figure not marked: %+v", f)
		}
		if f.Versions > 1 {
			revised++
		}
	}
	if revised == 0 {
		t.Fatal("synthetic data has no revisions")
	}
	real, _ := st.CurrentFigures(ctx, queries.FigureFilter{Scopes: []string{"SYN-P01-Z001"}})
	if len(real) != 0 {
		t.Fatal("synthetic figures leak into reads that exclude them")
	}
	if ok, _ := st.HasSynthetic(ctx); !ok {
		t.Fatal("HasSynthetic = false after loading synthetic data")
	}
	// Same seed, same values.
	st2 := querytest.MustOpen(t)
	demo.Load(ctx, st2)
	if _, err := demo.LoadSynthetic(ctx, st2, opts); err != nil {
		t.Fatal(err)
	}
	again, _ := st2.CurrentFigures(ctx, queries.FigureFilter{IncludeSynthetic: true, Scopes: []string{"SYN-P01-Z001"}})
	if len(again) != len(all) {
		t.Fatalf("second run: %d figures, first %d", len(again), len(all))
	}
	for i := range all {
		if !all[i].Value.Equal(again[i].Value) {
			t.Fatalf("seed 7 gave %v then %v for %+v", all[i].Value, again[i].Value, all[i].FigureKey)
		}
	}
}

// A price-basis break is a flag on the figure, read from price_basis.csv beside the
// upstream figures: exactly the listed figure carries it.
func TestPriceBasisBreakIsData(t *testing.T) {
	ds, err := demo.Parse()
	if err != nil {
		t.Fatal(err)
	}
	var flagged []string
	for _, f := range ds.Figures {
		if f.PriceBasisBreak {
			flagged = append(flagged, fmt.Sprintf("%d %s %s", f.Year, f.Indicator, f.Scope))
		}
	}
	if len(flagged) != 1 || flagged[0] != "2024 industrial_output_value province_old" {
		t.Fatalf("flagged figures: %v", flagged)
	}
}
