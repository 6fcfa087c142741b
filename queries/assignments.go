package queries

import (
	"context"
	"fmt"
)

// Assignment says that an agency reports an indicator for a scope. Scope may be a
// pattern (see migrations/0200_assignments.sql): zone:*, zone:EZ, zone:IP, zone:IC,
// province:*. Indicator may be "*".
type Assignment struct {
	Agency    string
	Indicator string
	Scope     string
	Note      string
}

const assignmentInsert = `INSERT INTO assignments (agency, indicator, scope, note, version, deleted)`

// SaveAssignments writes new versions of the given assignments (insert or update).
func (s *Store) SaveAssignments(ctx context.Context, items []Assignment) error {
	v := s.NewVersion()
	return s.insertRows(ctx, assignmentInsert, len(items), func(i int) []any {
		it := items[i]
		return []any{it.Agency, it.Indicator, it.Scope, it.Note, v, uint8(0)}
	})
}

// DeleteAssignments withdraws the given assignments; reads stop seeing them at once.
func (s *Store) DeleteAssignments(ctx context.Context, items []Assignment) error {
	v := s.NewVersion()
	return s.insertRows(ctx, assignmentInsert, len(items), func(i int) []any {
		it := items[i]
		return []any{it.Agency, it.Indicator, it.Scope, it.Note, v, uint8(1)}
	})
}

// Assignments lists the current assignments of one agency, or of all when agency is "".
func (s *Store) Assignments(ctx context.Context, agency string) ([]Assignment, error) {
	rows, err := s.conn.Query(ctx, `SELECT agency, indicator, scope, note FROM assignments FINAL
		WHERE deleted = 0 AND (? = '' OR agency = ?) ORDER BY agency, indicator, scope`, agency, agency)
	if err != nil {
		return nil, fmt.Errorf("list assignments: %w", err)
	}
	defer rows.Close()
	var out []Assignment
	for rows.Next() {
		var it Assignment
		if err := rows.Scan(&it.Agency, &it.Indicator, &it.Scope, &it.Note); err != nil {
			return nil, err
		}
		out = append(out, it)
	}
	return out, rows.Err()
}
