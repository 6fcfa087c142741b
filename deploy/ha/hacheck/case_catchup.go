package main

import (
	"fmt"
	"strings"
	"time"
)

// Case 19. A release is deployed while ch2 is behind: it has stopped fetching the migration
// tables' parts (SYSTEM STOP FETCHES: a replica catching up on a long queue looks the same
// to them). web1 prefers ch1 and web2 prefers ch2 (two sites, each near its replica);
// they start 0.3 s apart, so web1's claim is the earlier. Exactly one of them applies the
// migration: it is recorded once, and both servers are ready within 60 s (neither waits
// out a claim's 2-minute lifetime for a record its lagging replica cannot show it).
func caseStartDuringCatchUp() (bool, string) {
	var ev strings.Builder
	if err := script("stop.sh", "web1", "web2"); err != nil {
		return false, err.Error()
	}
	lagging := []string{"schema_migration_claims", "schema_migration_releases", "schema_migrations"}
	fetches := func(verb string) {
		for _, t := range lagging {
			_, _ = ch("ch2", "SYSTEM "+verb+" FETCHES "+database+"."+t)
		}
	}
	defer func() {
		fetches("START")
		// Both back on every replica: this case started them listing two of the three,
		// and a server left so would read claims and sessions off the other two only.
		_ = script("stop.sh", "web1", "web2")
		_ = script("start.sh", "web1", "web2")
	}()
	if err := undoRelease(); err != nil {
		return false, err.Error()
	}
	fetches("STOP")
	fmt.Fprintf(&ev, "release column removed; ch2 stopped fetching %s\n", strings.Join(lagging, ", "))
	errs := make(chan error, 2)
	start := time.Now()
	go func() { errs <- scriptEnv([]string{"CH_ADDRS=" + addrList("ch1", "ch2")}, "start.sh", "web1") }()
	time.Sleep(300 * time.Millisecond)
	go func() { errs <- scriptEnv([]string{"CH_ADDRS=" + addrList("ch2", "ch1")}, "start.sh", "web2") }()
	ok := true
	for i := 0; i < 2; i++ {
		if err := <-errs; err != nil {
			ok = false
			fmt.Fprintf(&ev, "server start failed: %s\n", short(err.Error(), 400))
		}
	}
	took := time.Since(start)
	fmt.Fprintf(&ev, "web1 (ch1 first) ready %v, web2 (ch2 first) ready %v, %.1f s after web1 was started (bound 60 s: no server waits out a claim)\n", ready("web1"), ready("web2"), took.Seconds())
	ok = ok && ready("web1") && ready("web2") && took < 60*time.Second
	// Each lists two of the three replicas: /readyz says so, since reads that decide
	// then need both listed ones.
	var listed bool
	waitFor(5*time.Second, func() bool {
		_, b := readyzOf("web1")
		listed = b.Status == "degraded" && strings.Contains(strings.Join(b.ReasonsEN, ";"), "lists 2 of the cluster's 3 replicas")
		return listed
	})
	fmt.Fprintf(&ev, "web1 /readyz says CLICKHOUSE_ADDR lists 2 of the cluster's 3 replicas: %v\n", listed)
	ok = ok && listed
	q, _ := ch("ch2", "SELECT sum(queue_size), max(absolute_delay) FROM system.replicas WHERE database = currentDatabase() AND table LIKE 'schema_migration%'")
	fmt.Fprintf(&ev, "ch2's migration tables meanwhile (queue, delay s): %s\n", strings.ReplaceAll(q, "\t", ", "))
	fetches("START")
	var a, b string
	waitFor(60*time.Second, func() bool {
		a, _ = ch("ch1", fmt.Sprintf("SELECT count() FROM schema_migrations WHERE version = %d", releaseMigration))
		b, _ = ch("ch2", fmt.Sprintf("SELECT count() FROM schema_migrations WHERE version = %d", releaseMigration))
		return a == b
	})
	fmt.Fprintf(&ev, "fetches resumed; migration %d recorded: ch1 %s time(s), ch2 %s time(s) (must be 1)\n", releaseMigration, a, b)
	return ok && a == "1" && b == "1", ev.String()
}
