package main

import (
	"fmt"
	"strings"
	"time"
)

// Case 17. A replica added as the runbook says: start ch4 (its own <replica> macro), add its
// address, run `chitieu migrate`. Every table appears on it with today's structure and
// its rows arrive. Then it leaves again (DROP DATABASE removes it from ZooKeeper), so
// later cases see the deployment they expect.
func caseAddReplica() (bool, string) {
	var ev strings.Builder
	t0 := time.Now()
	if err := script("start.sh", "ch4"); err != nil {
		return false, err.Error()
	}
	defer func() {
		_, _ = chAt("ch4", "DROP DATABASE IF EXISTS "+database)
		_ = script("stop.sh", "ch4")
	}()
	out, code := chitieu(addrList("ch1", "ch2", "ch4"), "", "migrate")
	fmt.Fprintf(&ev, "ch4 started; chitieu migrate with ch1,ch2,ch4: exit %d\n%s\n", code, indent(out))
	ok := code == 0 && strings.Count(out, "đủ lược đồ (current)") == 3
	tablesQ := "SELECT count() FROM system.tables WHERE database = currentDatabase()"
	want, _ := ch("ch1", tablesQ)
	got, _ := chAt("ch4", tablesQ)
	fmt.Fprintf(&ev, "tables: ch1 %s, ch4 %s\n", want, got)
	ok = ok && got == want && want != "0"
	rowsQ := "SELECT (SELECT count() FROM figures), (SELECT count() FROM users), (SELECT count() FROM schema_migrations)"
	want, _ = ch("ch1", rowsQ)
	same := waitFor(120*time.Second, func() bool { got, _ = chAt("ch4", rowsQ); return got == want })
	fmt.Fprintf(&ev, "rows (figures, users, migrations): ch1 %s | ch4 %s, equal within 120 s: %v\n",
		strings.ReplaceAll(want, "\t", ", "), strings.ReplaceAll(got, "\t", ", "), same)
	fmt.Fprintf(&ev, "adding the replica took %.0f s here\n", time.Since(t0).Seconds())
	return ok && same, ev.String()
}
