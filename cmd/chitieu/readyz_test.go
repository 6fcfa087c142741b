package main

import (
	"bytes"
	"context"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/quangngai/chitieu/queries"
	"github.com/quangngai/chitieu/queries/querytest"
)

// TestReadyzRecoversWhenClickHouseReturns stops and restarts a private ClickHouse of
// its own (ports 19200/19201) under a running server. During the outage /readyz is
// 503, and a page that needs ClickHouse is a 503 in both languages with Retry-After
// (the driver's pooled connections die under it: the mid-request failure); afterwards
// both are 200 again without a restart. The scripts run without CLICKHOUSE_ADDR, which
// `make test` sets for the shared test server, so they start this private one.
func TestReadyzRecoversWhenClickHouseReturns(t *testing.T) {
	top, _ := filepath.Abs(filepath.Join("..", ".."))
	var env []string
	for _, kv := range os.Environ() {
		if !strings.HasPrefix(kv, "CLICKHOUSE_ADDR=") {
			env = append(env, kv)
		}
	}
	script := func(name string, args ...string) {
		t.Helper()
		cmd := exec.Command(filepath.Join(top, "deploy", "clickhouse", name), args...)
		cmd.Env = env
		out, err := cmd.CombinedOutput()
		if err != nil {
			t.Fatalf("%s %v: %v\n%s", name, args, err, out)
		}
	}
	script("local.sh", "readyz", "19200", "19201")
	t.Cleanup(func() { script("stop.sh", "readyz") })

	cfg, err := LoadConfig(func(k string) string {
		switch k {
		case "CLICKHOUSE_ADDR":
			return "127.0.0.1:19200"
		case "CLICKHOUSE_DATABASE":
			return "chitieu_readyz"
		case "CHITIEU_PUBLIC":
			return "true"
		case "CHITIEU_PAGE_CACHE":
			return "off" // every page asks ClickHouse
		}
		return ""
	})
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	env2 := &Env{Config: cfg, Stdout: &out, Stderr: &out}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	go serve(ctx, env2, ln)
	base := "http://" + ln.Addr().String()
	waitFor(t, base+"/healthz")
	if code, _ := get(t, base+"/readyz"); code != 200 {
		t.Fatalf("/readyz = %d before the outage", code)
	}
	if code, body := get(t, base+"/projects"); code != 200 {
		t.Fatalf("/projects = %d before the outage: %.300s", code, body)
	}

	script("stop.sh", "readyz")
	waitStatus(t, base+"/readyz", 503, "ClickHouse")
	if code, _ := get(t, base+"/healthz"); code != 200 {
		t.Fatalf("/healthz = %d during the outage; the process is alive", code)
	}
	resp, err := http.Get(base + "/projects")
	if err != nil {
		t.Fatal(err)
	}
	var page bytes.Buffer
	page.ReadFrom(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 503 || resp.Header.Get("Retry-After") == "" ||
		!strings.Contains(page.String(), "Hệ thống dữ liệu tạm thời không phản hồi") ||
		!strings.Contains(page.String(), "The data store is not responding") {
		t.Fatalf("/projects during the outage = %d, Retry-After %q:\n%.600s", resp.StatusCode, resp.Header.Get("Retry-After"), page.String())
	}

	script("local.sh", "readyz", "19200", "19201")
	waitStatus(t, base+"/readyz", 200, "ready")
	waitStatus(t, base+"/projects", 200, "")
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
	t.Fatalf("%s stayed %d %.300s, want %d", url, code, body, want)
}

// A request past its deadline (CHITIEU_REQUEST_TIMEOUT, here 1 ns: already past when
// the handler asks ClickHouse) is a 503 with Retry-After, not a 500 and not a wait.
func TestRequestPastItsDeadlineIs503(t *testing.T) {
	t.Parallel()
	db := querytest.UniqueName()
	chCfg := querytest.Config(db)
	env, _ := testEnv(t, db, map[string]string{"CHITIEU_PUBLIC": "true", "CHITIEU_PAGE_CACHE": "off", "CHITIEU_REQUEST_TIMEOUT": "1ns"})
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	go serve(ctx, env, ln)
	t.Cleanup(func() {
		st, err := queries.Open(context.Background(), chCfg)
		if err == nil {
			_ = st.DropDatabase(context.Background())
			st.Close()
		}
	})
	base := "http://" + ln.Addr().String()
	waitFor(t, base+"/healthz")
	resp, err := http.Get(base + "/projects")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != 503 || resp.Header.Get("Retry-After") == "" {
		t.Fatalf("/projects past its deadline = %d, Retry-After %q; want 503 with Retry-After", resp.StatusCode, resp.Header.Get("Retry-After"))
	}
}
