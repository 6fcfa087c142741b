package main

import (
	"context"
	"net"
	"strings"
	"testing"

	"github.com/quangngai/chitieu/queries/querytest"
)

// hungServer accepts connections and never answers, as a SIGSTOPped ClickHouse does.
func hungServer(t *testing.T) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	var held []net.Conn
	done := make(chan struct{})
	go func() {
		defer close(done)
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			held = append(held, c)
		}
	}()
	t.Cleanup(func() {
		ln.Close()
		<-done
		for _, c := range held {
			c.Close()
		}
	})
	return ln.Addr().String()
}

// A hung replica first in CLICKHOUSE_ADDR: the server starts, pages come from the other
// replica at once, and /readyz is 200 "degraded" naming the hung one (it said "ready").
func TestReadyzDegradedWithAHungReplica(t *testing.T) {
	t.Parallel()
	db := querytest.UniqueName()
	hung := hungServer(t)
	env, out := testEnv(t, db, map[string]string{"CHITIEU_PUBLIC": "true", "CHITIEU_PAGE_CACHE": "off"})
	good := env.Config.ClickHouse.Addr
	env.Config.ClickHouse.Addr = hung + "," + good
	t.Cleanup(func() { dropDatabase(t, querytest.Config(db)) })
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	go serve(ctx, env, ln)
	base := "http://" + ln.Addr().String()
	waitFor(t, base+"/healthz")
	waitStatus(t, base+"/readyz", 200, "degraded")
	code, body := get(t, base+"/readyz")
	if code != 200 || !strings.Contains(body, hung) || !strings.Contains(body, `"replica":"`+good+`"`) {
		t.Fatalf("/readyz = %d %s; want 200 degraded naming %s, serving from %s\n%s", code, body, hung, good, out)
	}
	if code, page := get(t, base+"/projects"); code != 200 {
		t.Fatalf("/projects = %d: %.300s", code, page)
	}
}
