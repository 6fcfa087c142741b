package queries

import "context"

// Admin tables that ingest checks and saves for the admin pages (AdminLoad.Kind).
const (
	AdminIndicators  = "indicators"
	AdminZones       = "zones"
	AdminAgencies    = "agencies"
	AdminTargets     = "targets"
	AdminAssignments = "assignments"
)

// AdminLoad is a catalogue, target or assignment table to check and save: a CSV or
// XLSX file (Content), or one row typed in a form (Form, by column name).
type AdminLoad struct {
	Kind     string // AdminIndicators … AdminAssignments
	Plan     string // AdminTargets: the plan the rows belong to
	Replace  bool   // AdminTargets: the file becomes the plan's list (targets not in it are deleted)
	FileName string
	Content  []byte
	Form     map[string]string
}

// AdminLoadReport says what a load saved, or, when Problems is not empty, why nothing
// was saved: every problem of the table, each at its cell or line.
type AdminLoadReport struct {
	Saved    int
	Deleted  int
	ID       string // the one row's code or key (a form), for the audit trail
	Problems []IngestError
}

// ReplaceTargets writes new versions of saves and deletes dels, in one INSERT: a
// plan's target list is replaced at once or not at all (the target key is the plan,
// indicator, scope and period, so the deletions never hide a saved row).
func (s *Store) ReplaceTargets(ctx context.Context, saves, dels []Target) error {
	v := s.NewVersion()
	return s.insertRows(ctx, `INSERT INTO targets (plan, indicator, scope, period_start, period_end, kind,
		comparator, value_min, value_max, unit, source, version, deleted)`, len(saves)+len(dels), func(i int) []any {
		t, deleted := Target{}, uint8(0)
		if i < len(saves) {
			t = saves[i]
		} else {
			t, deleted = dels[i-len(saves)], 1
		}
		return []any{t.Plan, t.Indicator, t.Scope, t.PeriodStart, t.PeriodEnd, t.Kind, t.Comparator, t.ValueMin,
			t.ValueMax, t.Unit, t.Source, v, deleted}
	})
}
