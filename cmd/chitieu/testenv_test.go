package main

import (
	"bytes"
	"testing"

	"github.com/quangngai/chitieu/queries/querytest"
)

// testEnv runs commands against database db on the test ClickHouse, with these other
// environment variables set; the commands' output (stdout and stderr) is in the buffer.
func testEnv(t *testing.T, db string, extra map[string]string) (*Env, *bytes.Buffer) {
	t.Helper()
	addr := querytest.Config(db).Addr
	cfg, err := LoadConfig(func(k string) string {
		switch k {
		case "CLICKHOUSE_ADDR":
			return addr
		case "CLICKHOUSE_DATABASE":
			return db
		}
		return extra[k]
	})
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	return &Env{Config: cfg, Stdout: &out, Stderr: &out}, &out
}
