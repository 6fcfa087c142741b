package queries

import (
	"context"
	"fmt"
	"sync"
	"time"
)

// versionClock hands out the versions that order revisions of a row (figures, users,
// sessions, the catalogue…): argMax and ReplacingMergeTree keep the highest. Web hosts'
// clocks differ, so a version is not simply this host's time:
//   - it follows ClickHouse's clock, the one all servers share: at Open and at each
//     SyncClock the store measures how far this host's clock is from it and corrects
//     by that (to about a second: ClickHouse's now() counts seconds);
//   - it never goes backwards against a version this server has written or read
//     (Observe): a write made after reading a row always outranks that row, however
//     far behind this host's clock is. That is a hybrid logical clock.
type versionClock struct {
	mu     sync.Mutex
	now    func() time.Time
	offset int64 // ns added to now(): ClickHouse's clock minus this host's
	last   uint64
}

func newVersionClock(now func() time.Time) *versionClock {
	if now == nil {
		now = time.Now
	}
	return &versionClock{now: now}
}

func (c *versionClock) next() uint64 {
	c.mu.Lock()
	defer c.mu.Unlock()
	v := uint64(c.now().UnixNano() + c.offset)
	if v <= c.last {
		v = c.last + 1
	}
	c.last = v
	return v
}

func (c *versionClock) observe(v uint64) {
	c.mu.Lock()
	if v > c.last {
		c.last = v
	}
	c.mu.Unlock()
}

// align sets the offset from ClickHouse's time in seconds, read while this host's
// clock went from before to after: a host within that second keeps its own
// nanoseconds; one outside it is moved to the middle of ClickHouse's second.
func (c *versionClock) align(chSeconds int64, before, after time.Time) {
	c.mu.Lock()
	defer c.mu.Unlock()
	mid := before.UnixNano() + after.Sub(before).Nanoseconds()/2 + c.offset
	lo, hi := chSeconds*int64(time.Second), (chSeconds+1)*int64(time.Second)
	if mid < lo || mid >= hi {
		c.offset += lo + int64(time.Second)/2 - mid
	}
}

// NewVersion returns the version for rows written now by this store (versionClock).
func (s *Store) NewVersion() uint64 { return s.clock.next() }

// ObserveVersion tells the clock of a version read elsewhere: later versions of this
// store outrank it.
func (s *Store) ObserveVersion(v uint64) { s.clock.observe(v) }

// SyncClock measures this host's clock against ClickHouse's and corrects the versions
// by the difference. Open calls it; long-running servers call it now and then.
func (s *Store) SyncClock(ctx context.Context) error {
	var ch int64
	before := s.clock.now()
	if err := s.conn.QueryRow(ctx, `SELECT toInt64(now())`).Scan(&ch); err != nil {
		return fmt.Errorf("read ClickHouse's clock: %w", err)
	}
	s.clock.align(ch, before, s.clock.now())
	return nil
}

// observeMax observes the highest value of a version column (version, issued,
// sessions_after…) over the rows a write is about to supersede. The query text is
// fixed by the callers.
func (s *Store) observeMax(ctx context.Context, query string, args ...any) error {
	var v uint64
	if err := s.conn.QueryRow(ctx, query, args...).Scan(&v); err != nil {
		return fmt.Errorf("read versions: %w", err)
	}
	s.clock.observe(v)
	return nil
}
