package main

import (
	"strings"
	"testing"
)

// CLICKHOUSE_INSERT_QUORUM: auto (the default) leaves the majority to the store, 0 or
// off turns the quorum off, a number is taken as is, anything else is refused.
func TestConfigInsertQuorum(t *testing.T) {
	for _, c := range []struct {
		value string
		want  int
		bad   bool
	}{
		{"", 0, false}, {"auto", 0, false}, {"off", -1, false}, {"0", -1, false}, {"3", 3, false},
		{"two", 0, true}, {"-2", 0, true},
	} {
		cfg, err := LoadConfig(func(k string) string {
			if k == "CLICKHOUSE_INSERT_QUORUM" {
				return c.value
			}
			return ""
		})
		if c.bad {
			if err == nil || !strings.Contains(err.Error(), "CLICKHOUSE_INSERT_QUORUM") {
				t.Errorf("%q: err %v, want a CLICKHOUSE_INSERT_QUORUM error", c.value, err)
			}
			continue
		}
		if err != nil {
			t.Errorf("%q: %v", c.value, err)
			continue
		}
		if cfg.ClickHouse.InsertQuorum != c.want {
			t.Errorf("%q: InsertQuorum %d, want %d", c.value, cfg.ClickHouse.InsertQuorum, c.want)
		}
	}
}
