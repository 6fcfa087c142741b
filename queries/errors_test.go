package queries_test

import (
	"context"
	"errors"
	"fmt"
	"net"
	"syscall"
	"testing"

	"github.com/ClickHouse/clickhouse-go/v2"
	"github.com/quangngai/chitieu/queries"
)

// Classify: what means "ClickHouse is not there or too slow" becomes ErrUnavailable
// (ZooKeeper trouble: ErrReadOnly, which is also ErrUnavailable); anything else is
// left alone, so a bad query still shows up as the bug it is.
func TestClassifyErrors(t *testing.T) {
	wrap := func(err error) error { return fmt.Errorf("list uploads: %w", err) }
	for _, c := range []struct {
		name        string
		err         error
		unavailable bool
		readOnly    bool
	}{
		{"deadline", wrap(context.DeadlineExceeded), true, false},
		{"refused", wrap(&net.OpError{Op: "dial", Err: syscall.ECONNREFUSED}), true, false},
		{"reset", wrap(syscall.ECONNRESET), true, false},
		{"max_execution_time", wrap(&clickhouse.Exception{Code: 159, Message: "Timeout exceeded"}), true, false},
		{"table read-only", wrap(&clickhouse.Exception{Code: 242, Message: "Table is in readonly mode"}), true, true},
		{"keeper", wrap(&clickhouse.Exception{Code: 999, Message: "Connection loss"}), true, true},
		{"unknown table", wrap(&clickhouse.Exception{Code: 60, Message: "Table doesn't exist"}), false, false},
		{"not found", queries.ErrNotFound, false, false},
		{"canceled by the client", context.Canceled, false, false},
	} {
		got := queries.Classify(c.err)
		if errors.Is(got, queries.ErrUnavailable) != c.unavailable || errors.Is(got, queries.ErrReadOnly) != c.readOnly {
			t.Errorf("%s: Classify gave %v (unavailable %v, read-only %v)", c.name, got,
				errors.Is(got, queries.ErrUnavailable), errors.Is(got, queries.ErrReadOnly))
		}
		if !errors.Is(got, c.err) {
			t.Errorf("%s: the original error is lost: %v", c.name, got)
		}
	}
	if queries.Classify(nil) != nil {
		t.Error("Classify(nil) is not nil")
	}
}
