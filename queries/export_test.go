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
