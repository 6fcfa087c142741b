package queries

import (
	"context"
	"time"
)

// TargetVersions counts a plan's target rows by version, deleted ones included: rows
// written by one insert share a version.
func (s *Store) TargetVersions(ctx context.Context, plan string) (map[uint64]int, error) {
	rows, err := s.conn.Query(ctx, `SELECT version, count() FROM targets WHERE plan = ? GROUP BY version`, plan)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[uint64]int{}
	for rows.Next() {
		var v, n uint64
		if err := rows.Scan(&v, &n); err != nil {
			return nil, err
		}
		out[v] = int(n)
	}
	return out, rows.Err()
}

// HoldReplicaHealth stops a cluster store's probes and sets what they last saw of
// replica i; the returned func closes the replicas' connections (Close no longer does).
func (s *Store) HoldReplicaHealth(i int, h ReplicaHealth) func() {
	set := s.conn.(*replicaSet)
	set.once.Do(func() { close(set.stop) })
	time.Sleep(2 * probeEvery) // a probe already under way ends first
	set.reps[i].set(h)
	return set.closeAll
}

// CountAgencies reads through QueryRow (Agencies reads through Query).
func (s *Store) CountAgencies(ctx context.Context) (uint64, error) {
	var n uint64
	err := s.conn.QueryRow(ctx, `SELECT count() FROM agencies`).Scan(&n)
	return n, err
}

// SlowNumbers streams n rows, one block per row and each after a pause, calling
// afterFirst once the first has been read; it returns how many it read and the rows' error.
func (s *Store) SlowNumbers(ctx context.Context, n int, pause time.Duration, afterFirst func()) (int, error) {
	rows, err := s.conn.Query(ctx, `SELECT number, sleepEachRow(?) FROM numbers(?) SETTINGS max_block_size = 1`, pause.Seconds(), n)
	if err != nil {
		return 0, err
	}
	defer rows.Close()
	read := 0
	for rows.Next() {
		if read++; read == 1 {
			afterFirst()
		}
	}
	return read, rows.Err()
}
