package queries_test

import (
	"context"
	"errors"
	"regexp"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/quangngai/chitieu/queries"
	"github.com/quangngai/chitieu/queries/querytest"
)

// Four servers starting at once on an empty database: each migration is applied and
// recorded once, and every server returns with the schema complete.
func TestConcurrentMigrateAppliesEachMigrationOnce(t *testing.T) {
	t.Parallel()
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	cfg := querytest.Config(querytest.UniqueName())
	const servers = 4
	stores := make([]*queries.Store, servers)
	for i := range stores {
		st, err := queries.Open(ctx, cfg)
		if err != nil {
			t.Fatal(err)
		}
		defer st.Close()
		stores[i] = st
	}
	t.Cleanup(func() { _ = stores[0].DropDatabase(context.Background()) })
	var wg sync.WaitGroup
	applied := make([][]string, servers)
	errs := make([]error, servers)
	start := make(chan struct{})
	for i, st := range stores {
		wg.Add(1)
		go func() {
			defer wg.Done()
			<-start
			applied[i], errs[i] = st.Migrate(ctx)
		}()
	}
	close(start)
	wg.Wait()
	total := 0
	for i, err := range errs {
		if err != nil {
			t.Fatalf("server %d: %v", i, err)
		}
		total += len(applied[i])
	}
	migs, _ := queries.Migrations()
	if total != len(migs)-1 {
		t.Fatalf("the servers applied %v together, want each of the %d migrations once", applied, len(migs)-1)
	}
	got, err := stores[0].AppliedMigrations(ctx)
	if err != nil {
		t.Fatal(err)
	}
	seen := map[uint32]bool{}
	for _, v := range got {
		if seen[v] {
			t.Fatalf("migration %d recorded twice: %v", v, got)
		}
		seen[v] = true
	}
	if len(seen) != len(migs)-1 {
		t.Fatalf("recorded %v, want %d migrations", got, len(migs)-1)
	}
}

// In cluster mode every table of every migration becomes Replicated…, keeps its
// engine arguments after the two replication ones, and has its own ZooKeeper path.
func TestReplicatedDDLCoversEveryTable(t *testing.T) {
	migs, err := queries.Migrations()
	if err != nil {
		t.Fatal(err)
	}
	engine := regexp.MustCompile(`ENGINE = (\w+)\(([^)]*)\)`)
	paths := map[string]string{}
	for _, m := range migs {
		for _, stmt := range m.Statements {
			if !strings.Contains(stmt, "CREATE TABLE") {
				continue
			}
			out := queries.ReplicatedDDL(stmt, "chitieu")
			e := engine.FindStringSubmatch(out)
			if e == nil || !strings.HasPrefix(e[1], "Replicated") {
				t.Fatalf("%s: not replicated:\n%s", m.Name, out)
			}
			args := strings.Split(e[2], ", ")
			if len(args) < 2 || args[1] != "'{replica}'" || !strings.HasPrefix(args[0], "'/clickhouse/tables/{shard}/chitieu/") {
				t.Fatalf("%s: engine arguments %q", m.Name, e[2])
			}
			if other, dup := paths[args[0]]; dup {
				t.Fatalf("%s and %s share the ZooKeeper path %s", other, m.Name, args[0])
			}
			paths[args[0]] = m.Name
			if strings.Contains(stmt, "ReplacingMergeTree(version)") && (e[1] != "ReplicatedReplacingMergeTree" || len(args) != 3 || args[2] != "version") {
				t.Fatalf("%s: ReplacingMergeTree(version) became %s(%s)", m.Name, e[1], e[2])
			}
			if queries.ReplicatedDDL(out, "chitieu") != out {
				t.Fatalf("%s: rewriting twice changes the statement", m.Name)
			}
		}
	}
	if len(paths) < 10 {
		t.Fatalf("only %d tables found", len(paths))
	}
}

// A server killed while migrating leaves its claim unreleased and no longer renewed:
// the next server migrates within a minute (the claim's two-minute backstop would have
// held it back past the deadline).
func TestMigrateAfterTheHolderDied(t *testing.T) {
	t.Parallel()
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	st := querytest.OpenEmpty(t)
	if err := st.StaleMigrationClaim(ctx, "killed-host/0"); err != nil {
		t.Fatal(err)
	}
	applied, err := st.Migrate(ctx)
	migs, _ := queries.Migrations()
	if err != nil || len(applied) != len(migs)-1 {
		t.Fatalf("migrate after a holder died: applied %d of %d (%v)", len(applied), len(migs)-1, err)
	}
}

// A holder that lives keeps the lock past the time a dead one's claim is given: its
// renewals show it is alive. The waiting server migrates only once it is released.
func TestMigrateWaitsForALiveHolder(t *testing.T) {
	t.Parallel()
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	holder := querytest.OpenEmpty(t)
	release, err := holder.HoldMigrationLock(ctx)
	if err != nil {
		t.Fatal(err)
	}
	waiter, err := queries.Open(ctx, querytest.Config(holder.Database()))
	if err != nil {
		t.Fatal(err)
	}
	defer waiter.Close()
	var released atomic.Bool
	done := make(chan error, 1)
	go func() {
		_, err := waiter.Migrate(ctx)
		if err == nil && !released.Load() {
			err = errors.New("migrated while the holder was alive")
		}
		done <- err
	}()
	time.Sleep(queries.ClaimStalledAfter + 5*time.Second)
	released.Store(true)
	release()
	if err := <-done; err != nil {
		t.Fatal(err)
	}
}
