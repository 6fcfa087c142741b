package domain

import (
	"errors"
	"fmt"
)

// ErrNotFound: the thing asked for does not exist (or is withdrawn or deleted).
var ErrNotFound = errors.New("not found")

// ErrUnavailable wraps every failure to reach ClickHouse: refused, cut off, too slow
// (a deadline or max_execution_time), or unable to write for now. Callers answer it
// with "try again later" (HTTP 503), never as a bug. Classify finds it.
var ErrUnavailable = errors.New("clickhouse unavailable")

// ErrReadOnly is the replicated cluster refusing writes because its coordinator
// (ZooKeeper / ClickHouse Keeper) is unreachable; reads still work. Nothing was
// written. It wraps ErrUnavailable.
var ErrReadOnly = fmt.Errorf("%w: replicated tables are read-only until ZooKeeper answers", ErrUnavailable)
