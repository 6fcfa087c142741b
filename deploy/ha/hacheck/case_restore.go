package main

import (
	"fmt"
	"os/exec"
	"path/filepath"
	"strings"
	"time"
)

// Case 22. Restore from backup, as the runbook says: deploy/clickhouse/backup.sh dumps the
// database from one replica; on a new, empty database (here chitieu_restored on the
// same replicas, standing for a rebuilt cluster) `chitieu migrate` makes the schema and
// deploy/clickhouse/restore.sh loads the dump through one replica. Every table's rows,
// the figures' checksum and the admin's password hash match on both replicas.
func caseRestoreFromBackup() (bool, string) {
	var ev strings.Builder
	const target = "chitieu_restored"
	dir := filepath.Join(haDir, "backup")
	run := func(name string, args ...string) (string, error) {
		out, err := exec.Command(filepath.Join(top, "deploy", "clickhouse", name), args...).CombinedOutput()
		return strings.TrimSpace(string(out)), err
	}
	// The source must not change during the dump: the servers stop, as for the backup window.
	if err := script("stop.sh", "web1", "web2"); err != nil {
		return false, err.Error()
	}
	defer func() {
		for _, r := range []string{"ch1", "ch2"} {
			_, _ = chAt(r, "DROP DATABASE IF EXISTS "+target)
		}
		_ = script("start.sh", "web1", "web2")
	}()
	t0 := time.Now()
	out, err := run("backup.sh", chAddr("ch1"), database, dir)
	fmt.Fprintf(&ev, "%s (%.0f s)\n", out, time.Since(t0).Seconds())
	if err != nil {
		return false, ev.String()
	}
	t1 := time.Now()
	cmd := exec.Command(filepath.Join(top, "bin", "chitieu"), "migrate")
	cmd.Env = append(cmd.Environ(), "CLICKHOUSE_ADDR="+addrList("ch1", "ch2"), "CLICKHOUSE_DATABASE="+target, "CHITIEU_CLUSTER=true")
	if b, err := cmd.CombinedOutput(); err != nil {
		return false, ev.String() + "migrate: " + string(b)
	}
	out, err = run("restore.sh", chAddr("ch2"), target, dir)
	fmt.Fprintf(&ev, "chitieu migrate on %s, then %s (%.0f s)\n", target, out, time.Since(t1).Seconds())
	if err != nil {
		return false, ev.String()
	}
	check := "SELECT (SELECT count() FROM %[1]s.figures), (SELECT sum(cityHash64(indicator, scope, agency, year, toString(value), version)) FROM %[1]s.figures), " +
		"(SELECT count() FROM %[1]s.uploads), (SELECT count() FROM %[1]s.audit_log), (SELECT argMax(password_hash, version) FROM %[1]s.users WHERE username = 'admin')"
	want, _ := ch("ch1", fmt.Sprintf(check, database))
	ok := true
	for _, r := range []string{"ch1", "ch2"} {
		var got string
		same := waitFor(60*time.Second, func() bool { got, _ = ch(r, fmt.Sprintf(check, target)); return got == want })
		fmt.Fprintf(&ev, "%s: restored figures (rows, checksum), uploads, audit rows, admin hash equal to the source: %v\n", r, same)
		ok = ok && same
	}
	fmt.Fprintf(&ev, "source: %s\n", short(strings.ReplaceAll(want, "\t", ", "), 160))
	return ok && want != "", ev.String()
}
