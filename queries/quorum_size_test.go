package queries

import "testing"

// R is worked out on the real number of replicas when CLICKHOUSE_ADDR lists fewer.
func TestReadQuorum(t *testing.T) {
	for _, c := range []struct{ n, w, total, want int }{
		{3, 2, 3, 2}, // three listed of three
		{3, 2, 0, 2}, // total not probed yet
		{2, 2, 3, 2}, // two listed of three: was 1, which could read only the frozen one
		{2, 2, 2, 1},
		{2, 2, 5, 2}, // at most every listed replica
		{4, 3, 4, 2},
	} {
		if got := readQuorum(c.n, c.w, c.total); got != c.want {
			t.Errorf("readQuorum(%d, %d, %d) = %d, want %d", c.n, c.w, c.total, got, c.want)
		}
	}
}
