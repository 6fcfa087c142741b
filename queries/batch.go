package queries

import (
	"context"
	"fmt"
	"github.com/ClickHouse/clickhouse-go/v2"
)

// insertRows sends rows in one batch: one INSERT, so ClickHouse writes all or none of
// them (up to max_insert_block_size rows, far above what one upload holds). A write to
// a table the pages show is noted in data_changes afterwards (the page cache's stamp).
func (s *Store) insertRows(ctx context.Context, query string, n int, row func(i int) []any) error {
	if err := s.insertRowsRaw(ctx, query, n, row); err != nil {
		return err
	}
	if t := insertTable(query); n > 0 && isDataChange(t) {
		return s.noteChange(ctx, t, n)
	}
	return nil
}

// insertRowsRaw is insertRows without the change note.
func (s *Store) insertRowsRaw(ctx context.Context, query string, n int, row func(i int) []any) error {
	if n == 0 {
		return nil
	}
	return s.write(ctx, func(ctx context.Context) error { return s.sendRows(ctx, query, n, row) })
}

func (s *Store) sendRows(ctx context.Context, query string, n int, row func(i int) []any) error {
	batch, err := s.conn.PrepareBatch(ctx, query)
	if err != nil {
		return fmt.Errorf("prepare %q: %w", query, err)
	}
	for i := 0; i < n; i++ {
		if err := batch.Append(row(i)...); err != nil {
			_ = batch.Abort()
			return fmt.Errorf("append row %d: %w", i, err)
		}
	}
	if err := batch.Send(); err != nil {
		return fmt.Errorf("send batch: %w", err)
	}
	return nil
}

func boolByte(b bool) uint8 {
	if b {
		return 1
	}
	return 0
}

// inSet binds a list for "col IN ?": the driver writes it as ('a', 'b'), each value quoted.
func inSet(values []string) clickhouse.GroupSet {
	vs := make([]any, len(values))
	for i, v := range values {
		vs[i] = v
	}
	return clickhouse.GroupSet{Value: vs}
}
