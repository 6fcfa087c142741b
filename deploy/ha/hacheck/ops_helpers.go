package main

import (
	"fmt"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"time"
)

// Helpers of the operations cases (issue 22): the chitieu binary and deploy/ha's scripts
// run with settings of their own, replicas by name, and a release that adds a column.

// chAddr is a replica's native address by name (deploy/ha/env.sh: 19211 + 10·N).
func chAddr(name string) string {
	var n int
	fmt.Sscanf(strings.TrimPrefix(name, "ch"), "%d", &n)
	return "127.0.0.1:" + port(19211+10*n)
}

func addrList(names ...string) string {
	out := make([]string, len(names))
	for i, n := range names {
		out[i] = chAddr(n)
	}
	return strings.Join(out, ",")
}

// scriptEnv runs a deploy/ha script with extra settings (CH_ADDRS, HA_REPLICAS).
func scriptEnv(extra []string, name string, args ...string) error {
	cmd := exec.Command(filepath.Join(top, "deploy", "ha", name), args...)
	cmd.Env = append(os.Environ(), extra...)
	out, err := cmd.CombinedOutput()
	if err != nil {
		return fmt.Errorf("%s %v: %v\n%s", name, args, err, out)
	}
	return nil
}

// chitieu runs the binary as an operator would on a web host, and returns its output
// and exit status.
func chitieu(addrs, stdin string, args ...string) (string, int) {
	cmd := exec.Command(filepath.Join(top, "bin", "chitieu"), args...)
	cmd.Env = append(os.Environ(), "CLICKHOUSE_ADDR="+addrs, "CLICKHOUSE_DATABASE="+database, "CHITIEU_CLUSTER=true", "CHITIEU_LOG_LEVEL=warn")
	cmd.Stdin = strings.NewReader(stdin)
	out, err := cmd.CombinedOutput()
	code := 0
	if err != nil {
		code = -1
		if ee, ok := err.(*exec.ExitError); ok {
			code = ee.ExitCode()
		}
	}
	return strings.TrimSpace(string(out)), code
}

// chAt runs a query on any replica by name (ch answers for ch1 and ch2 only).
func chAt(replica, query string) (string, error) {
	out, err := exec.Command("clickhouse-client", "--port", strings.TrimPrefix(chAddr(replica), "127.0.0.1:"),
		"--database", database, "--query", query).CombinedOutput()
	return strings.TrimSpace(string(out)), err
}

// waitFor polls cond until it holds or within has passed.
func waitFor(within time.Duration, cond func() bool) bool {
	deadline := time.Now().Add(within)
	for {
		if cond() {
			return true
		}
		if time.Now().After(deadline) {
			return false
		}
		time.Sleep(500 * time.Millisecond)
	}
}

func ready(name string) bool {
	resp, err := http.Get(web[name] + "/readyz")
	if err != nil {
		return false
	}
	resp.Body.Close()
	return resp.StatusCode == 200
}

// Migration 0500 adds upload_files.part: the cases undo it to stand for a release that
// adds a column (the servers are stopped meanwhile, as for a deployment).
const releaseColumn, releaseMigration = "part", 500

// undoRelease drops the column and the migration's record, on every replica.
func undoRelease() error {
	// A replica still catching up from the case before (ch3, restarted by case 15) applies
	// an ALTER only after its queue: start from a quiet cluster.
	quiet := waitFor(180*time.Second, func() bool {
		for _, r := range replicas {
			q, err := ch(r, "SELECT sum(queue_size) FROM system.replicas WHERE database = currentDatabase()")
			if err != nil || q != "0" {
				return false
			}
		}
		return true
	})
	if !quiet {
		return fmt.Errorf("the replicas' queues did not empty within 180 s before the release was undone")
	}
	// An ALTER that some replica has not applied within its wait (code 341, UNFINISHED:
	// a loaded machine) is still queued in ZooKeeper; the wait below sees it through.
	if out, err := ch("ch1", "ALTER TABLE upload_files DROP COLUMN "+releaseColumn); err != nil && !strings.Contains(out, "Code: 341") {
		return fmt.Errorf("%v: %s", err, out)
	}
	if out, err := ch("ch1", fmt.Sprintf("ALTER TABLE schema_migrations DELETE WHERE version = %d", releaseMigration)); err != nil {
		return fmt.Errorf("%v: %s", err, out)
	}
	undone := func() bool {
		for _, r := range []string{"ch1", "ch2"} {
			n, _ := ch(r, fmt.Sprintf("SELECT count() FROM schema_migrations WHERE version = %d", releaseMigration))
			c, _ := ch(r, "SELECT count() FROM system.columns WHERE database = currentDatabase() AND table = 'upload_files' AND name = '"+releaseColumn+"'")
			if n != "0" || c != "0" {
				return false
			}
		}
		return true
	}
	if waitFor(60*time.Second, undone) {
		return nil
	}
	// A replica that keeps the column with nothing queued has stopped taking ALTERs from
	// ZooKeeper (seen on 18.16 after the fault cases cut its session): restart its table's
	// replica, as chitieu migrate does (queries/migrate_replicas.go, restartStalled).
	state := alterState()
	for _, r := range replicas {
		if hasColumn(r) {
			out, err := ch(r, "SYSTEM RESTART REPLICA upload_files")
			fmt.Printf("  undo: %s kept the dropped column; SYSTEM RESTART REPLICA upload_files: %v %s\n", r, err, out)
		}
	}
	if !waitFor(60*time.Second, undone) {
		return fmt.Errorf("the release's column or record is still on a replica after 120 s\n%s\nnow:\n%s", state, alterState())
	}
	return nil
}

// alterState is what each replica says of unfinished mutations and queued entries:
// the evidence for an ALTER that does not complete.
func alterState() string {
	var out strings.Builder
	for _, r := range replicas {
		m, _ := ch(r, "SELECT table, mutation_id, command, parts_to_do FROM system.mutations WHERE database = currentDatabase() AND is_done = 0 FORMAT TSV")
		q, _ := ch(r, "SELECT table, type, new_part_name, num_tries, last_exception, postpone_reason FROM system.replication_queue WHERE database = currentDatabase() LIMIT 10 FORMAT TSV")
		c, _ := ch(r, "SELECT (SELECT count() FROM schema_migrations WHERE version = "+fmt.Sprint(releaseMigration)+"), (SELECT count() FROM system.columns WHERE database = currentDatabase() AND table = 'upload_files' AND name = '"+releaseColumn+"')")
		fmt.Fprintf(&out, "%s (record, column) %s\n  mutations not done: %s\n  queue: %s\n", r, c, short(m, 600), short(q, 600))
	}
	return out.String()
}

// hasColumn: the release's column on a replica.
func hasColumn(replica string) bool {
	c, _ := chAt(replica, "SELECT count() FROM system.columns WHERE database = currentDatabase() AND table = 'upload_files' AND name = '"+releaseColumn+"'")
	return c == "1"
}

// bothWebs starts web1 and web2 together (as after a deployment) and says how long each
// took to be ready, or why not.
func bothWebs(extra []string, ev *strings.Builder) bool {
	errs := make(chan error, 2)
	start := time.Now()
	for _, w := range []string{"web1", "web2"} {
		go func() { errs <- scriptEnv(extra, "start.sh", w) }()
	}
	ok := true
	for i := 0; i < 2; i++ {
		if err := <-errs; err != nil {
			ok = false
			fmt.Fprintf(ev, "server start failed: %s\n", short(err.Error(), 400))
		}
	}
	fmt.Fprintf(ev, "web1 ready %v, web2 ready %v (%.1f s after both were started)\n", ready("web1"), ready("web2"), time.Since(start).Seconds())
	// haproxy marks a server up after its own checks: wait for them before going through it.
	waitFor(10*time.Second, func() bool { return web1State() == "UP" && webState("web2") == "UP" })
	return ok && ready("web1") && ready("web2")
}
