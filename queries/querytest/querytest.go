// Package querytest gives tests a fresh database on the real test ClickHouse.
// It never skips: a test that needs ClickHouse fails loudly when there is none.
package querytest

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"os"
	"testing"
	"time"

	"github.com/quangngai/chitieu/queries"
)

// Config is the test server's address: CLICKHOUSE_ADDR etc. when set, else the
// private test instance that `make test` starts (deploy/clickhouse/local.sh test).
func Config(database string) queries.Config {
	addr := os.Getenv("CLICKHOUSE_ADDR")
	if addr == "" {
		addr = "127.0.0.1:19100"
	}
	user := os.Getenv("CLICKHOUSE_USER")
	if user == "" {
		user = "default"
	}
	return queries.Config{Addr: addr, User: user, Password: os.Getenv("CLICKHOUSE_PASSWORD"), Database: database,
		TLS: os.Getenv("CLICKHOUSE_TLS") == "1"}
}

// MustOpen creates an empty, migrated database with a unique name and drops it when
// the test ends (unless CHITIEU_KEEP_TEST_DB=1, to look at it afterwards).
func MustOpen(t testing.TB) *queries.Store {
	t.Helper()
	st := OpenEmpty(t)
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	if _, err := st.Migrate(ctx); err != nil {
		t.Fatalf("migrate: %v", err)
	}
	return st
}

// OpenEmpty is MustOpen without the migrations: for tests of migrating itself.
func OpenEmpty(t testing.TB) *queries.Store {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	cfg := Config(UniqueName())
	st, err := queries.Open(ctx, cfg)
	if err != nil {
		t.Fatalf("test ClickHouse at %s is required (run `make test`, or set CLICKHOUSE_ADDR): %v", cfg.Addr, err)
	}
	t.Cleanup(func() {
		if os.Getenv("CHITIEU_KEEP_TEST_DB") != "1" {
			_ = st.DropDatabase(context.Background())
		}
		st.Close()
	})
	return st
}

// UniqueName returns a database name no other test run uses.
func UniqueName() string {
	b := make([]byte, 6)
	_, _ = rand.Read(b)
	return "chitieu_test_" + hex.EncodeToString(b)
}
