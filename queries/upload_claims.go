package queries

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"time"

	"github.com/ClickHouse/clickhouse-go/v2"
	"github.com/ClickHouse/clickhouse-go/v2/lib/driver"
	"github.com/google/uuid"
)

// ErrBusy: another write for the same agency and year held its claim for longer than
// the caller would wait.
var ErrBusy = errors.New("another upload for this agency and year is being written")

// ErrClaimLost: the claim grew too old to commit under (see ClaimLease).
var ErrClaimLost = errors.New("upload claim expired before its commit")

// ClaimLease is how long a claim is honoured without a release: a claim older than it
// belongs to a writer that died. A holder stops before commit once half of it is gone,
// so no two writers ever commit under overlapping claims.
const ClaimLease = 10 * time.Minute

// Claim is the right to read-then-write an agency's figures for some years, held
// across every chitieu server on this ClickHouse (README, "Commit marker and
// concurrency").
type Claim struct {
	st     *Store
	id     string
	agency string
	years  []uint16
}

// ClaimAgencyYears waits (up to wait) until no other live claim covers the agency and
// any of the years, then holds one. The rule, with no transactions and no server-side
// order of inserts to rely on: insert my claim, then read the live claims back; I hold
// it only if mine is the only one. Of two writers, the one that reads second sees the
// other's claim (inserted before the first read, which missed the second's insert), so
// at most one holds; if both see both, both withdraw and retry after a random pause.
// Release must be called once done; a claim not released dies after ClaimLease.
func (s *Store) ClaimAgencyYears(ctx context.Context, agency string, years []uint16, wait time.Duration) (*Claim, error) {
	if len(years) == 0 {
		years = []uint16{0}
	}
	deadline := time.Now().Add(wait)
	pause := 5 * time.Millisecond
	for {
		live, err := s.liveClaims(ctx, agency, years)
		if err != nil {
			return nil, err
		}
		if len(live) == 0 {
			c := &Claim{st: s, id: uuid.NewString(), agency: agency, years: years}
			if err := c.insert(ctx, 0); err != nil {
				_ = c.Release(context.WithoutCancel(ctx)) // the insert may have landed
				return nil, err
			}
			live, err = s.liveClaims(ctx, agency, years)
			if err != nil {
				_ = c.Release(context.WithoutCancel(ctx))
				return nil, err
			}
			if len(live) == 1 && live[0] == c.id {
				return c, nil
			}
			if err := c.Release(ctx); err != nil {
				return nil, err
			}
		}
		if time.Now().After(deadline) {
			return nil, ErrBusy
		}
		sleep := pause + rand.N(pause)
		select {
		case <-ctx.Done():
			return nil, ctx.Err()
		case <-time.After(sleep):
		}
		pause = min(pause*2, 400*time.Millisecond)
	}
}

func (c *Claim) insert(ctx context.Context, released uint8) error {
	err := c.st.insertRowsRaw(ctx, "INSERT INTO upload_claims (agency, year, claim, released)", len(c.years), func(i int) []any {
		return []any{c.agency, c.years[i], c.id, released}
	})
	if err != nil {
		return fmt.Errorf("upload claim: %w", err)
	}
	return nil
}

// liveClaims lists the claims on the agency and years that are neither released nor
// past the lease, by the ClickHouse server's clock, the one clock all writers share.
// On a cluster it is a quorum read (the union of what the replicas see), so a claim
// written through a server on another replica is seen.
func (s *Store) liveClaims(ctx context.Context, agency string, years []uint16) ([]string, error) {
	got, err := quorumRead(ctx, s, func(ctx context.Context, c driver.Conn) ([]string, error) {
		return liveClaimsOn(ctx, c, agency, years)
	})
	if err != nil {
		return nil, err
	}
	seen := map[string]bool{}
	var out []string
	for _, ids := range got {
		for _, id := range ids {
			if !seen[id] {
				seen[id] = true
				out = append(out, id)
			}
		}
	}
	return out, nil
}

func liveClaimsOn(ctx context.Context, c driver.Conn, agency string, years []uint16) ([]string, error) {
	ys := make([]any, len(years))
	for i, y := range years {
		ys[i] = y
	}
	rows, err := c.Query(ctx, `SELECT claim FROM upload_claims WHERE agency = ? AND year IN ?
		GROUP BY claim HAVING max(released) = 0 AND min(claimed_at) > now() - ?`,
		agency, clickhouse.GroupSet{Value: ys}, int64(ClaimLease/time.Second))
	if err != nil {
		return nil, fmt.Errorf("read upload claims: %w", err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var id string
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		out = append(out, id)
	}
	return out, rows.Err()
}

// Check returns ErrClaimLost once half the lease has gone (by the server's clock), or
// the claim was released: past that point the writer must not commit.
func (c *Claim) Check(ctx context.Context) error {
	var age uint32
	var released uint8
	err := c.st.conn.QueryRow(ctx, `SELECT toUInt32(now() - min(claimed_at)), max(released) FROM upload_claims
		WHERE agency = ? AND claim = ?`, c.agency, c.id).Scan(&age, &released)
	if err != nil {
		return fmt.Errorf("check upload claim: %w", err)
	}
	if released == 1 || time.Duration(age)*time.Second > ClaimLease/2 {
		return ErrClaimLost
	}
	return nil
}

// Release ends the claim, so the next writer need not wait for the lease. It tries
// three times: a lost release would hold the agency's uploads until the lease ends.
func (c *Claim) Release(ctx context.Context) error {
	var err error
	for range 3 {
		if err = c.insert(ctx, 1); err == nil {
			return nil
		}
	}
	return err
}
