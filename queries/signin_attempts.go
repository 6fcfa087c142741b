package queries

import (
	"context"
	"fmt"
	"time"
)

// RecordSigninAttempt notes one sign-in attempt under each key (for instance
// "user:<name>" and "ip:<address>"), for rate limiting shared by every server.
func (s *Store) RecordSigninAttempt(ctx context.Context, keys []string, ok bool, at time.Time) error {
	ns := uint64(at.UnixNano())
	return s.insertRows(ctx, "INSERT INTO signin_attempts (key, at, ns, ok)", len(keys), func(i int) []any {
		return []any{keys[i], at.UTC(), ns, boolByte(ok)}
	})
}

// FailedSignins counts, for each key, the failed attempts since `since` that came
// after the key's last successful one: a success clears the count.
func (s *Store) FailedSignins(ctx context.Context, keys []string, since time.Time) (map[string]int, error) {
	out := make(map[string]int, len(keys))
	if len(keys) == 0 {
		return out, nil
	}
	// maxIf(ns, ok = 1) is 0 for a key with no success in the window.
	rows, err := s.conn.Query(ctx, `SELECT key, countIf(ok = 0 AND ns > last_ok) FROM (
			SELECT key, ok, ns FROM signin_attempts WHERE key IN ? AND at >= ?
		) ANY LEFT JOIN (
			SELECT key, maxIf(ns, ok = 1) AS last_ok FROM signin_attempts WHERE key IN ? AND at >= ? GROUP BY key
		) USING key
		GROUP BY key`, inSet(keys), since.UTC(), inSet(keys), since.UTC())
	if err != nil {
		return nil, fmt.Errorf("failed sign-ins: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var k string
		var n uint64
		if err := rows.Scan(&k, &n); err != nil {
			return nil, err
		}
		out[k] = int(n)
	}
	return out, rows.Err()
}
