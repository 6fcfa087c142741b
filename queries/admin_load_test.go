package queries_test

import (
	"context"
	"testing"

	"github.com/quangngai/chitieu/queries"
	"github.com/quangngai/chitieu/queries/querytest"
)

// TestReplaceTargetsIsOneInsert: the saved targets and the deletions of a replaced
// list are one insert (one version), not a save and one insert per deletion.
func TestReplaceTargetsIsOneInsert(t *testing.T) {
	t.Parallel()
	st := querytest.MustOpen(t)
	ctx := context.Background()
	tg := func(ind string) queries.Target {
		return queries.Target{Plan: "P", Indicator: ind, Scope: "province_old", PeriodStart: 2021, PeriodEnd: 2025,
			Kind: queries.TargetAnnual, Comparator: queries.CompAtLeast}
	}
	if err := st.SaveTargets(ctx, []queries.Target{tg("a"), tg("b"), tg("c")}); err != nil {
		t.Fatal(err)
	}
	before, err := st.TargetVersions(ctx, "P")
	if err != nil || len(before) != 1 {
		t.Fatalf("versions before = %v, %v", before, err)
	}
	if err := st.ReplaceTargets(ctx, []queries.Target{tg("a"), tg("d")}, []queries.Target{tg("b"), tg("c")}); err != nil {
		t.Fatal(err)
	}
	after, err := st.TargetVersions(ctx, "P")
	if err != nil || len(after) != 2 {
		t.Fatalf("versions after = %v, %v: the replacement was not one insert", after, err)
	}
	for v, n := range after {
		if _, old := before[v]; !old && n != 4 {
			t.Errorf("the replacement wrote %d rows under version %d, want 4", n, v)
		}
	}
	cur, err := st.Targets(ctx, "P")
	if err != nil || len(cur) != 2 || cur[0].Indicator != "a" || cur[1].Indicator != "d" {
		t.Fatalf("targets = %+v, %v", cur, err)
	}
}
