package querytest

import (
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

// Private is a clickhouse-server of the test's own (temp dir, free ports,
// deploy/clickhouse/local-config.xml), which the test may kill or stop: never the shared one.
type Private struct {
	t         *testing.T
	server    string
	dir       string
	tcp, http int
	cmd       *exec.Cmd
}

// FreePort is a TCP port free on loopback now.
func FreePort(t *testing.T) int {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	return ln.Addr().(*net.TCPAddr).Port
}

// StartPrivate starts a private server from the package directory of a test (one level
// below the module root) and stops it when the test ends.
func StartPrivate(t *testing.T) *Private {
	t.Helper()
	server, err := exec.LookPath("clickhouse-server")
	if err != nil {
		server = "/usr/sbin/clickhouse-server" // Debian's package puts it outside a user's PATH
	}
	tmpl, err := os.ReadFile(filepath.Join("..", "deploy", "clickhouse", "local-config.xml"))
	if err != nil {
		t.Fatal(err)
	}
	ch := &Private{t: t, server: server, dir: t.TempDir(), tcp: FreePort(t), http: FreePort(t)}
	for _, d := range []string{"data", "tmp", "log"} {
		if err := os.MkdirAll(filepath.Join(ch.dir, d), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	conf := strings.NewReplacer("DATA", ch.dir, "TCP_PORT", strconv.Itoa(ch.tcp), "HTTP_PORT", strconv.Itoa(ch.http)).Replace(string(tmpl))
	if err := os.WriteFile(filepath.Join(ch.dir, "config.xml"), []byte(conf), 0o644); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(ch.Kill)
	ch.Start()
	return ch
}

// Addr is the server's native-protocol address.
func (ch *Private) Addr() string { return "127.0.0.1:" + strconv.Itoa(ch.tcp) }

// Start runs the server on its data and waits until it answers (about 2 s).
func (ch *Private) Start() {
	ch.t.Helper()
	ch.cmd = exec.Command(ch.server, "--config-file="+filepath.Join(ch.dir, "config.xml"))
	ch.cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	if err := ch.cmd.Start(); err != nil {
		ch.t.Fatalf("start clickhouse-server (deploy/install-test-deps.sh installs it): %v", err)
	}
	for i := 0; i < 120; i++ {
		if c, err := net.DialTimeout("tcp", ch.Addr(), 200*time.Millisecond); err == nil {
			c.Close()
			return
		}
		time.Sleep(250 * time.Millisecond)
	}
	logs, _ := os.ReadFile(filepath.Join(ch.dir, "log", "err.log"))
	ch.t.Fatalf("the private ClickHouse did not answer within 30 s:\n%s", logs)
}

// Kill ends the server at once, as kill -9 does.
func (ch *Private) Kill() {
	if ch.cmd == nil || ch.cmd.Process == nil {
		return
	}
	_ = syscall.Kill(-ch.cmd.Process.Pid, syscall.SIGKILL)
	_ = ch.cmd.Wait()
	ch.cmd = nil
}

// Signal sends sig to the server's process group (SIGSTOP hangs it, SIGCONT resumes it).
func (ch *Private) Signal(sig syscall.Signal) {
	if ch.cmd != nil && ch.cmd.Process != nil {
		_ = syscall.Kill(-ch.cmd.Process.Pid, sig)
	}
}
