package queries

import (
	"context"
	"fmt"
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

// StaleMigrationClaim leaves a claim on the newest migration by an owner that neither
// renews nor releases it: a server killed mid-migration.
func (s *Store) StaleMigrationClaim(ctx context.Context, owner string) error {
	migs, err := s.migrationTables(ctx)
	if err != nil {
		return err
	}
	return s.insertRowsRaw(ctx, "INSERT INTO schema_migration_claims (version, owner, claimed_at)", 1, func(int) []any {
		return []any{migs[len(migs)-1].Version, owner, uint64(time.Now().UnixNano())}
	})
}

// HoldMigrationLock takes the migration lock as a Migrate run would and keeps renewing
// it until the returned release.
func (s *Store) HoldMigrationLock(ctx context.Context) (func(), error) {
	migs, err := s.migrationTables(ctx)
	if err != nil {
		return nil, err
	}
	reps, _ := s.reach(ctx)
	l := &migrationLock{owner: newOwner(), version: migs[len(migs)-1].Version, replicas: reps, settle: claimSettleSingle, seen: newClaimWatch()}
	won, err := l.take(ctx)
	if err != nil || !won {
		l.release(ctx)
		return nil, fmt.Errorf("lock not taken: %v", err)
	}
	return func() { l.release(context.Background()) }, nil
}

// ClaimStalledAfter is how long a waiter gives a claim whose renewals stopped.
const ClaimStalledAfter = claimStalledAfter

// migrationTables creates migration 0000's tables (claims among them) and returns the migrations.
func (s *Store) migrationTables(ctx context.Context) ([]Migration, error) {
	migs, err := Migrations()
	if err != nil {
		return nil, err
	}
	for _, stmt := range migs[0].Statements {
		if err := s.conn.Exec(ctx, stmt); err != nil {
			return nil, err
		}
	}
	return migs, nil
}
