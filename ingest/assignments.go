package ingest

import (
	"bytes"
	"context"
	_ "embed"
	"encoding/csv"
	"fmt"

	"github.com/quangngai/chitieu/queries"
)

// assignmentsSeed says which agency reports which indicators for which scopes, as read
// in the report outline and the agencies' remits. Administrators change it as data.
//
//go:embed assignments_seed.csv
var assignmentsSeed []byte

// SeedAssignmentRows parses the embedded assignments_seed.csv.
func SeedAssignmentRows() ([]queries.Assignment, error) {
	r := csv.NewReader(bytes.NewReader(assignmentsSeed))
	recs, err := r.ReadAll()
	if err != nil {
		return nil, fmt.Errorf("assignments_seed.csv: %w", err)
	}
	var out []queries.Assignment
	for i, rec := range recs {
		if i == 0 {
			continue
		}
		if len(rec) != 4 {
			return nil, fmt.Errorf("assignments_seed.csv line %d: want 4 fields", i+1)
		}
		out = append(out, queries.Assignment{Agency: rec[0], Indicator: rec[1], Scope: rec[2], Note: rec[3]})
	}
	return out, nil
}

// SeedAssignments writes the embedded assignments (the demo loader calls it).
func SeedAssignments(ctx context.Context, st *queries.Store) error {
	rows, err := SeedAssignmentRows()
	if err != nil {
		return err
	}
	return st.SaveAssignments(ctx, rows)
}
