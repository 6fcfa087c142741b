package queries

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"os"
	"testing"
	"time"
)

// openClaimStore is querytest.MustOpen for this package's own tests (querytest imports
// queries), with the given claim lapse.
func openClaimStore(t *testing.T, lapse time.Duration) *Store {
	t.Helper()
	addr := os.Getenv("CLICKHOUSE_ADDR")
	if addr == "" {
		addr = "127.0.0.1:19100"
	}
	b := make([]byte, 6)
	_, _ = rand.Read(b)
	user := os.Getenv("CLICKHOUSE_USER")
	if user == "" {
		user = "default"
	}
	cfg := Config{Addr: addr, User: user, Password: os.Getenv("CLICKHOUSE_PASSWORD"), TLS: os.Getenv("CLICKHOUSE_TLS") == "1",
		Database: "chitieu_test_" + hex.EncodeToString(b), ClaimLapse: lapse}
	ctx := context.Background()
	st, err := Open(ctx, cfg)
	if err != nil {
		t.Fatalf("test ClickHouse at %s is required: %v", addr, err)
	}
	if _, err := st.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = st.DropDatabase(context.Background()); st.Close() })
	return st
}

// TestClaimStampedAheadIsStillHeld: a claim stamped by a ClickHouse whose clock is
// ahead of the one reading it (replicas with skewed clocks) has a negative age. Signed
// arithmetic reads it as fresh; toUInt32(now() - claimed_at) read it as 136 years old
// and refused the commit ("claim lost").
func TestClaimStampedAheadIsStillHeld(t *testing.T) {
	t.Parallel()
	st := openClaimStore(t, 0)
	ctx := context.Background()
	c := &Claim{st: st, id: "ahead", agency: "BQL", years: []uint16{2024}}
	if err := st.conn.Exec(ctx, `INSERT INTO upload_claims (agency, year, claim, released, claimed_at)
		SELECT 'BQL', 2024, 'ahead', 0, now() + 5`); err != nil {
		t.Fatal(err)
	}
	if err := c.Check(ctx); err != nil {
		t.Fatalf("a claim stamped 5 s ahead: %v", err)
	}
	if _, err := st.ClaimAgencyYears(ctx, "BQL", []uint16{2024}, ClaimHolder{User: "other"}, 0); !errors.Is(err, ErrBusy) {
		t.Fatalf("a second writer got the claim: %v", err)
	}
}

// TestClaimLivesWhileRenewedAndLapsesAfterDeath: with a 3 s lapse, a claim held for
// twice that is still held (renewed) and refuses others; once its holder stops
// renewing without a release (it died), another writer gets the claim within the
// lapse and a renewal, and the dead holder may no longer commit.
func TestClaimLivesWhileRenewedAndLapsesAfterDeath(t *testing.T) {
	t.Parallel()
	st := openClaimStore(t, 3*time.Second)
	ctx := context.Background()
	years := []uint16{2023, 2024}
	a, err := st.ClaimAgencyYears(ctx, "BQL", years, ClaimHolder{UploadID: "a", User: "alice", Channel: "web"}, 0)
	if err != nil {
		t.Fatal(err)
	}
	time.Sleep(6 * time.Second)
	if err := a.Check(ctx); err != nil {
		t.Fatalf("a renewed claim, after twice the lapse: %v", err)
	}
	_, err = st.ClaimAgencyYears(ctx, "BQL", []uint16{2024}, ClaimHolder{User: "bob"}, 500*time.Millisecond)
	var busy *BusyError
	if !errors.As(err, &busy) || busy.Holder.User != "alice" {
		t.Fatalf("a live claim was not respected: %v", err)
	}
	// The holder dies: no more renewals, no release.
	close(a.stop)
	<-a.stopped
	died := time.Now()
	b, err := st.ClaimAgencyYears(ctx, "BQL", []uint16{2024}, ClaimHolder{User: "bob"}, 10*time.Second)
	if err != nil {
		t.Fatalf("the dead claim never lapsed: %v", err)
	}
	defer b.Release(ctx)
	t.Logf("claim taken over %s after its holder died (lapse 3 s)", time.Since(died).Round(time.Millisecond))
	if !errors.Is(a.Check(ctx), ErrClaimLost) {
		t.Fatal("the dead holder may still commit")
	}
	if err := b.Check(ctx); err != nil {
		t.Fatalf("the new holder: %v", err)
	}
}

// TestFailedMigrationReleasesItsClaim: a run that fails part-way (here a migration's
// ALTER meets a view where a table should be) leaves no live claim behind, so the
// next run need not wait two minutes for it.
func TestFailedMigrationReleasesItsClaim(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	st := openClaimStore(t, 0)
	// A database as a failed run leaves it: every table, a view in place of
	// upload_claims, and no migration past 0000 recorded.
	for _, q := range []string{`DROP TABLE upload_claims`, `CREATE VIEW upload_claims AS SELECT 1 AS x`,
		`ALTER TABLE schema_migrations DELETE WHERE version > 0`, `ALTER TABLE schema_migration_claims DELETE WHERE 1`} {
		if err := st.conn.Exec(ctx, q); err != nil {
			t.Fatal(err)
		}
	}
	for i := 0; ; i++ {
		var n uint64
		if err := st.conn.QueryRow(ctx, `SELECT (SELECT count() FROM schema_migrations) + (SELECT count() FROM schema_migration_claims)`).Scan(&n); err != nil {
			t.Fatal(err)
		}
		if n == 0 {
			break
		}
		if i == 100 {
			t.Fatalf("schema_migrations still has %d rows", n)
		}
		time.Sleep(100 * time.Millisecond)
	}
	if _, err := st.Migrate(ctx); err == nil {
		t.Fatal("the migration over a view succeeded")
	}
	for i := 0; ; i++ {
		var live uint64
		if err := st.conn.QueryRow(ctx, `SELECT count() FROM schema_migration_claims WHERE claimed_at > ? AND owner NOT IN (SELECT owner FROM schema_migration_releases)`,
			uint64(time.Now().Add(-claimLifetime).UnixNano())).Scan(&live); err != nil {
			t.Fatal(err)
		}
		if live == 0 {
			break
		}
		if i == 100 {
			t.Fatalf("the failed run left %d live migration claims", live)
		}
		time.Sleep(100 * time.Millisecond)
	}
}
