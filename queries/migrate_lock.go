package queries

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"os"
	"time"
)

// How long a claim waits for earlier claims still on their way (an INSERT in flight on
// another server), and how long a claim lives before others may take over from a server
// that died while migrating. Claims are read on every reachable replica and merged, so a
// replica that is still catching up (hours behind, say) cannot hide a claim written on
// another one: the settle time only has to exceed an INSERT's own latency, not the lag.
const (
	claimSettleSingle  = 150 * time.Millisecond
	claimSettleCluster = 2 * time.Second
	claimLifetime      = 2 * time.Minute
)

// migrationLock is the claim of one Migrate run, read across the replicas it reaches.
type migrationLock struct {
	owner    string
	version  uint32
	replicas []*replica
	settle   time.Duration
}

func newOwner() string {
	b := make([]byte, 8)
	_, _ = rand.Read(b)
	host, _ := os.Hostname()
	return host + "/" + hex.EncodeToString(b)
}

// take records the wish to migrate and reports whether this run holds the lock: its
// claim is the earliest live, unreleased one on every replica once the settle time passed.
func (l *migrationLock) take(ctx context.Context) (bool, error) {
	w := firstHealthy(l.replicas)
	if w == nil {
		return false, fmt.Errorf("%w: no replica to claim the migration on", ErrUnavailable)
	}
	now := uint64(time.Now().UnixNano())
	if err := w.st.insertRowsRaw(ctx, "INSERT INTO schema_migration_claims (version, owner, claimed_at)", 1, func(int) []any {
		return []any{l.version, l.owner, now}
	}); err != nil {
		return false, fmt.Errorf("claim migration %d: %w", l.version, Classify(err))
	}
	select {
	case <-ctx.Done():
		return false, ctx.Err()
	case <-time.After(l.settle):
	}
	first, firstAt := "", uint64(0)
	for _, r := range l.replicas {
		var owner string
		var at uint64
		err := r.st.conn.QueryRow(ctx, `SELECT owner, claimed_at FROM schema_migration_claims
			WHERE version = ? AND claimed_at > ? AND owner NOT IN (SELECT owner FROM schema_migration_releases)
			ORDER BY claimed_at, owner LIMIT 1`, l.version, now-uint64(claimLifetime)).Scan(&owner, &at)
		if err != nil {
			if r == w {
				return false, fmt.Errorf("read migration claims: %w", Classify(err))
			}
			continue // a replica that stopped answering since: its claims are on w too, or lost with it
		}
		if first == "" || at < firstAt || at == firstAt && owner < first {
			first, firstAt = owner, at
		}
	}
	return first == l.owner, nil
}

// release withdraws this run's claim; called however the run ends, so a failed run does
// not hold the next one back for the claim's lifetime.
func (l *migrationLock) release(ctx context.Context) {
	ctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 5*time.Second)
	defer cancel()
	// Any replica that takes the row will do (it replicates); one whose migration just
	// failed still answers, and a failed run is exactly when the release matters.
	for _, w := range l.replicas {
		if w.st == nil {
			continue
		}
		if err := w.st.insertRowsRaw(ctx, "INSERT INTO schema_migration_releases (owner, released_at)", 1, func(int) []any {
			return []any{l.owner, uint64(time.Now().UnixNano())}
		}); err == nil {
			return
		}
	}
}

// wait returns once no other live claim stands on any replica: its holder finished,
// failed (released) or died (lifetime over). The caller then looks at the schema again.
func (l *migrationLock) wait(ctx context.Context) error {
	for {
		live := uint64(0)
		for _, r := range l.replicas {
			var n uint64
			err := r.st.conn.QueryRow(ctx, `SELECT count() FROM schema_migration_claims
				WHERE claimed_at > ? AND owner NOT IN (SELECT owner FROM schema_migration_releases)`,
				uint64(time.Now().Add(-claimLifetime).UnixNano())).Scan(&n)
			if err == nil {
				live += n
			}
		}
		if live == 0 {
			return nil
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(250 * time.Millisecond):
		}
	}
}
