package queries

import (
	"context"
	"fmt"
	"time"
)

// releaseMigrationClaims withdraws owner's migration claims after a failed run, so the
// next run (this server's restart or another server) starts at once instead of
// waiting out claimLifetime behind a claim whose owner has given up. The delete is a
// mutation on a table of a few rows; it runs on a fresh context, since the run may
// have failed because its own context ended.
func (s *Store) releaseMigrationClaims(ctx context.Context, owner string) error {
	ctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 10*time.Second)
	defer cancel()
	if err := s.conn.Exec(ctx, `ALTER TABLE schema_migration_claims DELETE WHERE owner = ?`, owner); err != nil {
		return fmt.Errorf("release migration claim: %w", Classify(err))
	}
	return nil
}
