package ingest

import (
	"context"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/quangngai/chitieu/queries"
	"github.com/quangngai/chitieu/queries/querytest"
)

// privateClickHouse is a clickhouse-server of the test's own (temp dir, free ports,
// deploy/clickhouse/local-config.xml), which the test may kill: never the shared one.
type privateClickHouse struct {
	t         *testing.T
	server    string
	dir       string
	tcp, http int
	cmd       *exec.Cmd
}

func freePort(t *testing.T) int {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	return ln.Addr().(*net.TCPAddr).Port
}

func startPrivateClickHouse(t *testing.T) *privateClickHouse {
	t.Helper()
	server, err := exec.LookPath("clickhouse-server")
	if err != nil {
		server = "/usr/sbin/clickhouse-server" // Debian's package puts it outside a user's PATH
	}
	tmpl, err := os.ReadFile(filepath.Join("..", "deploy", "clickhouse", "local-config.xml"))
	if err != nil {
		t.Fatal(err)
	}
	ch := &privateClickHouse{t: t, server: server, dir: t.TempDir(), tcp: freePort(t), http: freePort(t)}
	for _, d := range []string{"data", "tmp", "log"} {
		if err := os.MkdirAll(filepath.Join(ch.dir, d), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	conf := strings.NewReplacer("DATA", ch.dir, "TCP_PORT", strconv.Itoa(ch.tcp), "HTTP_PORT", strconv.Itoa(ch.http)).Replace(string(tmpl))
	if err := os.WriteFile(filepath.Join(ch.dir, "config.xml"), []byte(conf), 0o644); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(ch.kill)
	ch.start()
	return ch
}

func (ch *privateClickHouse) addr() string { return "127.0.0.1:" + strconv.Itoa(ch.tcp) }

// start runs the server on its data and waits until it answers (about 2 s).
func (ch *privateClickHouse) start() {
	ch.t.Helper()
	ch.cmd = exec.Command(ch.server, "--config-file="+filepath.Join(ch.dir, "config.xml"))
	ch.cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	if err := ch.cmd.Start(); err != nil {
		ch.t.Fatalf("start clickhouse-server (deploy/install-test-deps.sh installs it): %v", err)
	}
	for i := 0; i < 120; i++ {
		if c, err := net.DialTimeout("tcp", ch.addr(), 200*time.Millisecond); err == nil {
			c.Close()
			return
		}
		time.Sleep(250 * time.Millisecond)
	}
	logs, _ := os.ReadFile(filepath.Join(ch.dir, "log", "err.log"))
	ch.t.Fatalf("the private ClickHouse did not answer within 30 s:\n%s", logs)
}

// kill ends the server at once, as kill -9 does.
func (ch *privateClickHouse) kill() {
	if ch.cmd == nil || ch.cmd.Process == nil {
		return
	}
	_ = syscall.Kill(-ch.cmd.Process.Pid, syscall.SIGKILL)
	_ = ch.cmd.Wait()
	ch.cmd = nil
}

// TestClickHouseKilledMidUploadRetryWithinAMinute: ClickHouse is killed (SIGKILL) in
// the middle of an upload's figures, so the writer can neither release nor renew its
// claim. ClickHouse comes back on the same data; a retry of the file, with the default
// settings, is accepted within 60 s of the kill, and readers see the file once.
func TestClickHouseKilledMidUploadRetryWithinAMinute(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	ch := startPrivateClickHouse(t)
	cfg := querytest.Config(querytest.UniqueName())
	cfg.Addr = ch.addr()
	st, err := queries.Open(ctx, cfg)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := st.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	faultCatalogue(t, st)
	st.Close()

	// The writer reaches ClickHouse through a relay that kills it at a chosen byte.
	relay := newCutRelay(t, ch.addr())
	viaCfg := cfg
	viaCfg.Addr = relay.ln.Addr().String()
	writer, err := queries.Open(ctx, viaCfg)
	if err != nil {
		t.Fatal(err)
	}
	defer writer.Close()
	killedAt := make(chan time.Time, 1)
	relay.onDeath = func() { ch.kill(); killedAt <- time.Now() }
	relay.armDeath("INSERT INTO figures (", 1, 40_000)
	req := queries.UploadRequest{FileName: "bench.csv", Content: faultCSV(), User: "analyst", Channel: "web"}
	rep, err := New(writer, Limits{}).Ingest(ctx, req)
	var killed time.Time
	select {
	case killed = <-killedAt:
	default:
		t.Fatalf("ClickHouse was not killed under the upload: %v", err)
	}
	if err == nil {
		t.Fatal("the upload succeeded although ClickHouse was killed under it")
	}

	ch.start()
	st, err = queries.Open(ctx, cfg)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	retry, err := New(st, Limits{}).Ingest(ctx, req)
	took := time.Since(killed)
	t.Logf("ClickHouse killed under upload %s; back, retry %s: %s %s after the kill (err %v)",
		rep.UploadID[:8], retry.UploadID[:8], retry.Outcome, took.Round(time.Millisecond), err)
	if err != nil || retry.Outcome != queries.UploadAccepted {
		t.Fatalf("retry refused: %v", err)
	}
	if took > time.Minute {
		t.Fatalf("retry accepted only %s after the kill", took)
	}
	cur, err := st.CurrentFigures(ctx, queries.FigureFilter{Agencies: []string{"BENCH"}})
	if err != nil || len(cur) != 5000 {
		t.Fatalf("readers see %d figures, want 5000 (%v)", len(cur), err)
	}
	for _, c := range cur {
		if c.Versions != 1 {
			t.Fatalf("%s %s %d: %d versions, want 1", c.Indicator, c.Scope, c.Year, c.Versions)
		}
	}
}
