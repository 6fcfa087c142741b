package queries_test

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/ClickHouse/clickhouse-go/v2"
	"github.com/ClickHouse/clickhouse-go/v2/lib/driver"

	"github.com/quangngai/chitieu/queries"
	"github.com/quangngai/chitieu/queries/querytest"
)

// rawConn: statements a test needs to break the schema with (never the app's path).
func rawConn(t *testing.T, cfg queries.Config) driver.Conn {
	t.Helper()
	conn, err := clickhouse.Open(&clickhouse.Options{Addr: cfg.Addrs(), Auth: clickhouse.Auth{Database: cfg.Database, Username: cfg.User, Password: cfg.Password}})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { conn.Close() })
	return conn
}

// A run that applied 0500's ALTER but was cut off before recording it (a replica down,
// a server killed): the next run records it instead of failing on "column already
// exists" for ever.
func TestMigrateFinishesAnInterruptedAlter(t *testing.T) {
	t.Parallel()
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	st := querytest.MustOpen(t)
	cfg := querytest.Config(st.Database())
	conn := rawConn(t, cfg)
	if err := conn.Exec(ctx, "ALTER TABLE schema_migrations DELETE WHERE version = 500"); err != nil {
		t.Fatal(err)
	}
	for {
		var n uint64
		if err := conn.QueryRow(ctx, "SELECT count() FROM schema_migrations WHERE version = 500").Scan(&n); err != nil {
			t.Fatal(err)
		}
		if n == 0 {
			break
		}
		time.Sleep(100 * time.Millisecond)
	}
	applied, err := st.Migrate(ctx)
	if err != nil {
		t.Fatalf("migrate after an interrupted ALTER: %v", err)
	}
	if fmt.Sprint(applied) != "[0500_upload_file_parts.sql]" {
		t.Fatalf("applied %v, want the interrupted migration recorded", applied)
	}
	rep, err := st.MigrateReplicas(ctx)
	if err != nil || len(rep.Applied) != 0 || !rep.Complete() || len(rep.Replicas) != 1 || rep.Replicas[0].State != queries.ReplicaCurrent {
		t.Fatalf("migrate again: %+v %v, want nothing to do and the one server current", rep, err)
	}
}

// A failed run releases its claim: the next run, once the cause is gone, proceeds at
// once instead of waiting out the claim's two-minute lifetime.
func TestFailedMigrateReleasesItsClaim(t *testing.T) {
	t.Parallel()
	ctx, cancel := context.WithTimeout(context.Background(), 90*time.Second)
	defer cancel()
	cfg := querytest.Config(querytest.UniqueName())
	st, err := queries.Open(ctx, cfg)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	t.Cleanup(func() { _ = st.DropDatabase(context.Background()) })
	conn := rawConn(t, cfg)
	// A table in the way of migration 0401's INSERT: the run fails there.
	if err := conn.Exec(ctx, "CREATE TABLE outlines (x UInt8) ENGINE = Memory"); err != nil {
		t.Fatal(err)
	}
	if _, err := st.Migrate(ctx); err == nil || !strings.Contains(err.Error(), "0401") {
		t.Fatalf("migrate with a broken outlines table: %v, want migration 0401 to fail", err)
	}
	if err := conn.Exec(ctx, "DROP TABLE outlines"); err != nil {
		t.Fatal(err)
	}
	second, cancel2 := context.WithTimeout(ctx, 30*time.Second) // well under the claim's lifetime
	defer cancel2()
	applied, err := st.Migrate(second)
	if err != nil {
		t.Fatalf("migrate after the cause was removed: %v (the failed run's claim still held it back?)", err)
	}
	if len(applied) == 0 || applied[0] != "0401_outline_2023.sql" {
		t.Fatalf("applied %v, want 0401 onwards (0400 was recorded by the failed run)", applied)
	}
}
