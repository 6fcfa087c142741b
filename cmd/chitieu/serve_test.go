package main

import (
	"context"
	"io"
	"net"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/quangngai/chitieu/queries"
	"github.com/quangngai/chitieu/queries/querytest"
)

// startServer runs the real serve path on a random port against a fresh database
// holding the demo data, and stops it when the test ends.
func startServer(t *testing.T) string {
	t.Helper()
	db := querytest.UniqueName()
	chCfg := querytest.Config(db)
	env, out := testEnv(t, db, map[string]string{"CHITIEU_PUBLIC": "true"})
	ctx, cancel := context.WithCancel(context.Background())
	if err := runDemo(ctx, env, nil); err != nil {
		t.Fatalf("demo: %v\n%s", err, out.String())
	}
	return serveUntilCleanup(t, ctx, cancel, env, chCfg)
}

// serveUntilCleanup runs the real serve path on a random port until the test ends,
// then stops it (cancel), checks it stopped cleanly and drops the test database.
func serveUntilCleanup(t *testing.T, ctx context.Context, cancel context.CancelFunc, env *Env, chCfg queries.Config) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- serve(ctx, env, ln) }()
	t.Cleanup(func() {
		cancel()
		select {
		case err := <-done:
			if err != nil {
				t.Errorf("serve returned %v", err)
			}
		case <-time.After(15 * time.Second):
			t.Error("serve did not stop within 15 s of cancel")
		}
		dropDatabase(t, chCfg)
	})
	base := "http://" + ln.Addr().String()
	waitFor(t, base+"/healthz")
	return base
}

func waitFor(t *testing.T, url string) {
	t.Helper()
	for i := 0; i < 100; i++ {
		if resp, err := http.Get(url); err == nil {
			resp.Body.Close()
			return
		}
		time.Sleep(50 * time.Millisecond)
	}
	t.Fatalf("%s never answered", url)
}

func get(t *testing.T, url string) (int, string) {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b)
}

func TestServeReadyAndFirstChartPage(t *testing.T) {
	base := startServer(t)
	code, body := get(t, base+"/readyz")
	if code != 200 || !strings.Contains(body, "ready") {
		t.Fatalf("/readyz = %d %s", code, body)
	}
	code, body = get(t, base+"/")
	if code != 200 {
		t.Fatalf("/ = %d", code)
	}
	// The GRDP growth chart is drawn from ClickHouse: 2024's published 4.07 is in its option.
	if !strings.Contains(body, `id="chart-grdp_growth"`) || !strings.Contains(body, "4.07") {
		t.Fatalf("overview lacks the GRDP growth chart with 4.07:\n%s", body)
	}
	if !strings.Contains(body, "/static/echarts.min.") {
		t.Fatal("overview does not load the embedded ECharts")
	}
}
