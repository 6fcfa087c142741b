package main

import (
	"bytes"
	"context"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestReadyzRecoversWhenClickHouseReturns stops and restarts a private ClickHouse
// of its own, so it needs the local one (it cannot stop a server named by CLICKHOUSE_ADDR).
func TestReadyzRecoversWhenClickHouseReturns(t *testing.T) {
	if os.Getenv("CLICKHOUSE_ADDR") != "" {
		t.Skip("uses a private ClickHouse it can stop; CLICKHOUSE_ADDR points elsewhere")
	}
	top, _ := filepath.Abs(filepath.Join("..", ".."))
	script := func(name string, args ...string) {
		t.Helper()
		out, err := exec.Command(filepath.Join(top, "deploy", "clickhouse", name), args...).CombinedOutput()
		if err != nil {
			t.Fatalf("%s %v: %v\n%s", name, args, err, out)
		}
	}
	script("local.sh", "readyz", "19200", "18323")
	t.Cleanup(func() { script("stop.sh", "readyz") })

	cfg, err := LoadConfig(func(k string) string {
		switch k {
		case "CLICKHOUSE_ADDR":
			return "127.0.0.1:19200"
		case "CLICKHOUSE_DATABASE":
			return "chitieu_readyz"
		case "CHITIEU_PUBLIC":
			return "true"
		}
		return ""
	})
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	env := &Env{Config: cfg, Stdout: &out, Stderr: &out}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	go serve(ctx, env, ln)
	base := "http://" + ln.Addr().String()
	waitFor(t, base+"/healthz")
	if code, _ := get(t, base+"/readyz"); code != 200 {
		t.Fatalf("/readyz = %d before the outage", code)
	}

	script("stop.sh", "readyz")
	waitStatus(t, base+"/readyz", 503, "ClickHouse")
	if code, _ := get(t, base+"/healthz"); code != 200 {
		t.Fatalf("/healthz = %d during the outage; the process is alive", code)
	}
	script("local.sh", "readyz", "19200", "18323")
	waitStatus(t, base+"/readyz", 200, "ready")
}

func waitStatus(t *testing.T, url string, want int, bodyHas string) {
	t.Helper()
	var code int
	var body string
	for i := 0; i < 100; i++ {
		code, body = get(t, url)
		if code == want && strings.Contains(body, bodyHas) {
			return
		}
		time.Sleep(200 * time.Millisecond)
	}
	t.Fatalf("%s stayed %d %s, want %d", url, code, body, want)
}
