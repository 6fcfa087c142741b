package main

import (
	"fmt"
	"strings"
	"time"
)

// 10. A release is deployed while ch2 is catching up: its schema_migration_claims queue
// holds 300 parts written during its absence. web1 prefers ch1 and web2 prefers ch2 (two
// sites, each near its replica) and both start at once. Exactly one of them applies the
// migration: it is recorded once and both servers become ready.
func caseStartDuringCatchUp() (bool, string) {
	var ev strings.Builder
	if err := script("stop.sh", "web1", "web2"); err != nil {
		return false, err.Error()
	}
	defer func() { _ = script("start.sh", "ch2", "web1", "web2") }()
	if err := undoRelease(); err != nil {
		return false, err.Error()
	}
	if err := script("stop.sh", "ch2"); err != nil {
		return false, err.Error()
	}
	// Old, long-dead claims: 300 parts for ch2 to fetch when it returns.
	for i := 0; i < 300; i++ {
		if out, err := ch("ch1", fmt.Sprintf("INSERT INTO schema_migration_claims (version, owner, claimed_at) VALUES (0, 'ha-old-%d', %d)", i, i)); err != nil {
			return false, out
		}
	}
	fmt.Fprintf(&ev, "release column removed; ch2 stopped; 300 claim parts written on ch1 meanwhile\n")
	if err := script("start.sh", "ch2"); err != nil {
		return false, ev.String() + err.Error()
	}
	q, _ := chAt("ch2", "SELECT queue_size, absolute_delay FROM system.replicas WHERE database = currentDatabase() AND table = 'schema_migration_claims'")
	fmt.Fprintf(&ev, "ch2 back; its claims table (queue, delay s): %s\n", strings.ReplaceAll(q, "\t", ", "))
	errs := make(chan error, 2)
	start := time.Now()
	go func() { errs <- scriptEnv([]string{"CH_ADDRS=" + addrList("ch1", "ch2")}, "start.sh", "web1") }()
	go func() { errs <- scriptEnv([]string{"CH_ADDRS=" + addrList("ch2", "ch1")}, "start.sh", "web2") }()
	ok := true
	for i := 0; i < 2; i++ {
		if err := <-errs; err != nil {
			ok = false
			fmt.Fprintf(&ev, "server start failed: %s\n", short(err.Error(), 400))
		}
	}
	fmt.Fprintf(&ev, "web1 (ch1 first) ready %v, web2 (ch2 first) ready %v, %.1f s after both were started\n", ready("web1"), ready("web2"), time.Since(start).Seconds())
	ok = ok && ready("web1") && ready("web2")
	var a, b string
	waitFor(60*time.Second, func() bool {
		a, _ = ch("ch1", fmt.Sprintf("SELECT count() FROM schema_migrations WHERE version = %d", releaseMigration))
		b, _ = ch("ch2", fmt.Sprintf("SELECT count() FROM schema_migrations WHERE version = %d", releaseMigration))
		return a == b
	})
	fmt.Fprintf(&ev, "migration %d recorded: ch1 %s time(s), ch2 %s time(s) (must be 1)\n", releaseMigration, a, b)
	// Back to the usual address order for the cases after this one.
	_ = script("stop.sh", "web2")
	return ok && a == "1" && b == "1", ev.String()
}
