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
//
// The holder renews its claim (a new row) every claimRenewEvery while it migrates. A
// waiter that sees a claim's newest row unchanged for claimStalledAfter, by its own
// clock, takes the holder for dead: a server killed mid-migration holds the others back
// about half a minute, however far apart the hosts' clocks are, and a long migration
// (a MODIFY COLUMN rewriting a big table) keeps its lock as long as it runs.
// claimLifetime is the backstop by the hosts' clocks (and what servers before renewal read).
const (
	claimSettleSingle  = 150 * time.Millisecond
	claimSettleCluster = 2 * time.Second
	claimLifetime      = 2 * time.Minute
	claimRenewEvery    = 5 * time.Second
	claimStalledAfter  = 30 * time.Second
)

// migrationLock is the claim of one Migrate run, read across the replicas it reaches.
type migrationLock struct {
	owner    string
	version  uint32
	replicas []*replica
	settle   time.Duration
	// claims seen while waiting, shared by the run's successive locks: an owner whose
	// newest row stopped changing is dead (see claimStalledAfter).
	seen *claimWatch
	stop chan struct{} // closed by release: ends the renewal
	done chan struct{}
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
		claims, err := liveMigrationClaims(ctx, r, &l.version, now)
		if err != nil {
			if r == w {
				return false, err
			}
			continue // a replica that stopped answering since: its claims are on w too, or lost with it
		}
		for _, c := range claims {
			if l.seen.dead(c.owner) {
				continue
			}
			if first == "" || c.since < firstAt || c.since == firstAt && c.owner < first {
				first, firstAt = c.owner, c.since
			}
		}
	}
	if first != l.owner {
		return false, nil
	}
	l.stop, l.done = make(chan struct{}), make(chan struct{})
	go l.renew(w)
	return true, nil
}

// renew adds a row to this run's claim every claimRenewEvery until release.
func (l *migrationLock) renew(w *replica) {
	defer close(l.done)
	t := time.NewTicker(claimRenewEvery)
	defer t.Stop()
	for {
		select {
		case <-l.stop:
			return
		case <-t.C:
		}
		ctx, cancel := context.WithTimeout(context.Background(), claimRenewEvery)
		for _, r := range append([]*replica{w}, l.replicas...) { // any replica that takes it: it replicates
			if r.st != nil && r.st.insertRowsRaw(ctx, "INSERT INTO schema_migration_claims (version, owner, claimed_at)", 1, func(int) []any {
				return []any{l.version, l.owner, uint64(time.Now().UnixNano())}
			}) == nil {
				break
			}
		}
		cancel()
	}
}

// migrationClaim is one owner's live claim: its first row and its newest (renewals).
type migrationClaim struct {
	owner       string
	since, last uint64
}

// liveMigrationClaims lists the unreleased claims on r with a row newer than
// claimLifetime, for one version or (nil) any.
func liveMigrationClaims(ctx context.Context, r *replica, version *uint32, now uint64) ([]migrationClaim, error) {
	q := `SELECT owner, min(claimed_at), max(claimed_at) FROM schema_migration_claims
		WHERE claimed_at > ? AND owner NOT IN (SELECT owner FROM schema_migration_releases)`
	args := []any{now - uint64(claimLifetime)}
	if version != nil {
		q += ` AND version = ?`
		args = append(args, *version)
	}
	rows, err := r.st.conn.Query(ctx, q+` GROUP BY owner`, args...)
	if err != nil {
		return nil, fmt.Errorf("read migration claims: %w", Classify(err))
	}
	defer rows.Close()
	var out []migrationClaim
	for rows.Next() {
		var c migrationClaim
		if err := rows.Scan(&c.owner, &c.since, &c.last); err != nil {
			return nil, err
		}
		out = append(out, c)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("read migration claims: %w", Classify(err))
	}
	return out, nil
}

// claimWatch remembers, per owner, the newest row seen and when (by this host's
// monotonic clock) it was first seen.
type claimWatch struct {
	last map[string]uint64
	at   map[string]time.Time
}

func newClaimWatch() *claimWatch {
	return &claimWatch{last: map[string]uint64{}, at: map[string]time.Time{}}
}

func (w *claimWatch) saw(c migrationClaim) {
	if c.last > w.last[c.owner] {
		w.last[c.owner], w.at[c.owner] = c.last, time.Now()
	}
}

func (w *claimWatch) dead(owner string) bool {
	at, ok := w.at[owner]
	return ok && time.Since(at) > claimStalledAfter
}

// release withdraws this run's claim; called however the run ends, so a failed run does
// not hold the next one back for the claim's lifetime.
func (l *migrationLock) release(ctx context.Context) {
	if l.stop != nil {
		close(l.stop)
		<-l.done
		l.stop = nil
	}
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
// failed (released) or died (its renewals stopped, or lifetime over). The caller then
// looks at the schema again.
func (l *migrationLock) wait(ctx context.Context) error {
	for {
		live := 0
		now := uint64(time.Now().UnixNano())
		for _, r := range l.replicas {
			claims, err := liveMigrationClaims(ctx, r, nil, now)
			if err != nil {
				continue
			}
			for _, c := range claims {
				l.seen.saw(c)
				if c.owner != l.owner && !l.seen.dead(c.owner) {
					live++
				}
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
