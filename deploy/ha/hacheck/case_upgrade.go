package main

import (
	"fmt"
	"strings"
	"time"
)

// Case 16. A release that adds a column, deployed while ch2 is in maintenance: both servers
// start (the ALTER reaches ch1; ch2 takes it from ZooKeeper when it returns), migrate
// says which replica to finish later, and after ch2's return and a restart of both
// servers everything is current and an upload (which writes the new column) is accepted.
func caseUpgradeReplicaDown() (bool, string) {
	var ev strings.Builder
	t0 := time.Now()
	if err := script("stop.sh", "web1", "web2"); err != nil {
		return false, err.Error()
	}
	if err := undoRelease(); err != nil {
		return false, err.Error()
	}
	if err := script("stop.sh", "ch2"); err != nil {
		return false, err.Error()
	}
	fmt.Fprintf(&ev, "servers stopped, release column upload_files.%s removed, ch2 stopped for maintenance\n", releaseColumn)
	defer func() { _ = script("start.sh", "ch2", "web1", "web2") }()
	ok := bothWebs(nil, &ev)
	out, code := chitieu(addrList("ch1", "ch2"), "", "migrate")
	fmt.Fprintf(&ev, "chitieu migrate with ch2 down: exit %d\n%s\n", code, indent(out))
	ok = ok && code == 3 && strings.Contains(out, chAddr("ch2")+": không trả lời (unreachable)") && hasColumn("ch1")
	if err := script("start.sh", "ch2"); err != nil {
		return false, ev.String() + err.Error()
	}
	caught := waitFor(60*time.Second, func() bool { return hasColumn("ch2") })
	fmt.Fprintf(&ev, "ch2 back; it took the ALTER from ZooKeeper by itself within 60 s: %v\n", caught)
	out, code = chitieu(addrList("ch1", "ch2"), "", "migrate")
	fmt.Fprintf(&ev, "chitieu migrate again: exit %d\n%s\n", code, indent(out))
	// A replica that did not take it by itself (it stopped watching ZooKeeper) is
	// restarted by migrate, which says so.
	ok = ok && (caught || strings.Contains(out, "đã khởi động lại bản sao")) && code == 0 && strings.Count(out, "đủ lược đồ (current)") == 2 && hasColumn("ch2")
	n, _ := ch("ch2", fmt.Sprintf("SELECT count() FROM schema_migrations WHERE version = %d", releaseMigration))
	fmt.Fprintf(&ev, "migration %d recorded %s time(s) (ch2's copy)\n", releaseMigration, n)
	ok = ok && n == "1"
	if err := script("stop.sh", "web1", "web2"); err != nil {
		return false, ev.String() + err.Error()
	}
	ok = bothWebs(nil, &ev) && ok
	b := newBrowser()
	if err := b.signIn(lb); err != nil {
		return false, ev.String() + err.Error()
	}
	c, body, err := b.upload(lb, "HA3", csvRows("HA3", 200, int(time.Now().Unix())))
	fmt.Fprintf(&ev, "upload through haproxy after the upgrade: HTTP %d %v %s\n", c, err, short(body, 160))
	fmt.Fprintf(&ev, "the whole procedure took %.0f s here\n", time.Since(t0).Seconds())
	return ok && c == 200, ev.String()
}
