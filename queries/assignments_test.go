package queries_test

import (
	"context"
	"testing"
	"time"

	"github.com/quangngai/chitieu/queries"
	"github.com/quangngai/chitieu/queries/querytest"
)

func TestAssignmentsSaveReadDelete(t *testing.T) {
	t.Parallel()
	st := querytest.MustOpen(t)
	ctx := context.Background()
	a := []queries.Assignment{{Agency: "BQL", Indicator: "zone_new_jobs", Scope: "zone:IP"}, {Agency: "CTK", Indicator: "*", Scope: "province:*"}}
	if err := st.SaveAssignments(ctx, a); err != nil {
		t.Fatal(err)
	}
	got, err := st.Assignments(ctx, "BQL")
	if err != nil || len(got) != 1 || got[0].Scope != "zone:IP" {
		t.Fatalf("BQL assignments = %+v, %v", got, err)
	}
	if err := st.DeleteAssignments(ctx, a[:1]); err != nil {
		t.Fatal(err)
	}
	all, _ := st.Assignments(ctx, "")
	if len(all) != 1 || all[0].Agency != "CTK" {
		t.Fatalf("after delete = %+v", all)
	}
}

// A figure the server would refuse (an unknown status) fails the whole insert: the
// rows before it are not written either.
func TestInsertFigureBlocksIsAllOrNothing(t *testing.T) {
	t.Parallel()
	st := querytest.MustOpen(t)
	ctx := context.Background()
	figs := []queries.Figure{
		fig(queries.FigureKey{Indicator: "a", Scope: "DQ", Agency: "BQL", Year: 2024}, "1", "u", 1),
		fig(queries.FigureKey{Indicator: "b", Scope: "DQ", Agency: "BQL", Year: 2024}, "2", "u", 1),
	}
	insert := func() error {
		up := queries.FigureUpload{Agency: "BQL", UploadID: "u", UploadedBy: "t", UploadedAt: time.Now(), Version: 1}
		return st.InsertFigureBlocks(ctx, len(figs), up, func(b *queries.FigureBlock, from, to int) {
			for j, f := range figs[from:to] {
				b.Indicator[j], b.Scope[j], b.Year[j], b.Value[j] = f.Indicator, f.Scope, f.Year, f.Value
				b.Unit[j], b.Status[j], b.Source[j], b.Note[j] = f.Unit, f.Status, f.Source, f.Note
			}
		})
	}
	figs[1].Status = "bogus"
	if err := insert(); err == nil {
		t.Fatal("want an error")
	}
	cur, err := st.CurrentFigures(ctx, queries.FigureFilter{IncludeSynthetic: true})
	if err != nil || len(cur) != 0 {
		t.Fatalf("after a failed insert: %+v, %v", cur, err)
	}
	figs[1].Status = queries.StatusActual
	if err := insert(); err != nil {
		t.Fatal(err)
	}
	if cur, _ := st.CurrentFigures(ctx, queries.FigureFilter{}); len(cur) != 0 {
		t.Fatalf("before the commit marker: %+v", cur)
	}
	if err := st.InsertUpload(ctx, queries.Upload{ID: "u", Outcome: queries.UploadAccepted, UploadedAt: time.Now()}, nil); err != nil {
		t.Fatal(err)
	}
	if cur, _ := st.CurrentFigures(ctx, queries.FigureFilter{}); len(cur) != 2 {
		t.Fatalf("current = %+v", cur)
	}
}
