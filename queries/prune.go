package queries

import (
	"context"
	"fmt"
	"strconv"
	"time"
)

// Tables partitioned by month (toYYYYMM) whose old months may be dropped whole.
var prunable = map[string]bool{"sessions": true, "signin_attempts": true}

// DropMonthsBefore drops the monthly partitions of table (sessions or
// signin_attempts) whose whole month lies before `before`, and returns how many it
// dropped. Dropping a partition is a metadata change, cheap at any size; it keeps
// the cost of reading these tables from growing with history.
func (s *Store) DropMonthsBefore(ctx context.Context, table string, before time.Time) (int, error) {
	if !prunable[table] {
		return 0, fmt.Errorf("drop old months: %s is not pruned by month", table)
	}
	rows, err := s.conn.Query(ctx, `SELECT DISTINCT partition FROM system.parts
		WHERE database = ? AND table = ? AND active`, s.database, table)
	if err != nil {
		return 0, fmt.Errorf("drop old months of %s: %w", table, err)
	}
	var months []int
	for rows.Next() {
		var p string
		if err := rows.Scan(&p); err != nil {
			rows.Close()
			return 0, err
		}
		if m, err := strconv.Atoi(p); err == nil {
			months = append(months, m)
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return 0, err
	}
	b := before.UTC()
	limit := b.Year()*100 + int(b.Month()) // months before this one have ended before `before`
	dropped := 0
	for _, m := range months {
		if m >= limit {
			continue
		}
		// The table name comes from the fixed list above and m is an integer: nothing
		// user-supplied reaches this statement.
		if err := s.conn.Exec(ctx, fmt.Sprintf("ALTER TABLE %s DROP PARTITION %d", table, m)); err != nil {
			return dropped, fmt.Errorf("drop month %d of %s: %w", m, table, err)
		}
		dropped++
	}
	return dropped, nil
}
