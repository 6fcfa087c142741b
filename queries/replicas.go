package queries

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"sync"
	"sync/atomic"
	"syscall"
	"time"

	"github.com/ClickHouse/clickhouse-go/v2"
	"github.com/ClickHouse/clickhouse-go/v2/lib/driver"
)

// With several addresses, a Store keeps one connection per replica and sends every query
// to one of them, chosen from system.replicas: a replica that does not answer within
// probeDeadline (down, or hung: SIGSTOP answers nothing), is read-only (it lost its
// ZooKeeper session: it would refuse every write while the others take them) or lags
// more than maxDelay is left for one that is healthy. The first healthy replica in
// CLICKHOUSE_ADDR order is preferred, so servers sharing a list read what the others
// wrote; but a server only moves to a replica other than its current one once that
// replica has nothing left to fetch, so it never switches to one behind the one it left.
const (
	probeEvery    = 500 * time.Millisecond
	probeDeadline = 300 * time.Millisecond // haproxy checks each 0.5 s and gives up after 2: stay well under
	maxDelay      = 5                      // seconds of absolute_delay still fit for writes and deciding reads (CLICKHOUSE_MAX_REPLICA_DELAY)
)

// ReplicaHealth is what the last probe saw of one replica.
type ReplicaHealth struct {
	Addr     string
	Current  bool   // the replica this server's queries go to
	Answers  bool   // answered the probe in time
	ReadOnly bool   // a replicated table is read-only: ZooKeeper session lost
	Delay    uint64 // max absolute_delay of its replicated tables, seconds
	Fetches  uint64 // parts written elsewhere it has still to fetch (inserts_in_queue)
	// Total is how many replicas its tables have in ZooKeeper (total_replicas): more than
	// CLICKHOUSE_ADDR lists when an operator named only some of them.
	Total uint64
	Err   string
	limit uint64 // the delay still fit for use, seconds (maxDelay unless configured)
}

// Usable: fit for writes and for the reads that decide.
func (h ReplicaHealth) Usable() bool {
	limit := h.limit
	if limit == 0 {
		limit = maxDelay
	}
	return h.Answers && !h.ReadOnly && h.Delay <= limit
}

func (h ReplicaHealth) caughtUp() bool { return h.Usable() && h.Delay == 0 && h.Fetches == 0 }

type replicaConn struct {
	addr     string
	limit    uint64 // Config.MaxReplicaDelay in seconds; 0: maxDelay
	conn     driver.Conn
	mu       sync.Mutex
	health   ReplicaHealth
	missed   int // probes in a row without an answer
	probing  atomic.Bool
	database string
}

// replicaSet is a driver.Conn that sends each call to the current replica. Calls it
// does not override go to the first replica's connection.
type replicaSet struct {
	driver.Conn
	reps []*replicaConn
	cur  atomic.Int32
	stop chan struct{}
	once sync.Once

	movedMu sync.Mutex
	moved   chan struct{} // closed when the current replica changes (moveTo)
}

func newReplicaSet(cfg Config, database string) (*replicaSet, error) {
	set := &replicaSet{stop: make(chan struct{}), moved: make(chan struct{})}
	for _, addr := range cfg.Addrs() {
		one := cfg
		one.Addr = addr
		conn, err := openConn(one, database)
		if err != nil {
			set.closeAll()
			return nil, err
		}
		set.reps = append(set.reps, &replicaConn{addr: addr, conn: conn, database: database, limit: uint64(cfg.MaxReplicaDelay.Seconds())})
	}
	set.Conn = set.reps[0].conn
	// The first look may find a replica slow to answer a new connection: give it longer.
	set.probeAll(5 * time.Second)
	set.choose()
	if !set.reps[set.cur.Load()].get().Answers {
		set.closeAll()
		return nil, fmt.Errorf("%w: no replica of %s answers", ErrUnavailable, cfg.Addr)
	}
	go set.watch()
	return set, nil
}

func (r *replicaConn) get() ReplicaHealth {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.health
}

// set records a probe. One missed answer after a good one is not yet an outage (a busy
// machine can take longer than the deadline once); two in a row are, about a second.
func (r *replicaConn) set(h ReplicaHealth) {
	h.Addr, h.limit = r.addr, r.limit
	r.mu.Lock()
	defer r.mu.Unlock()
	if h.Answers {
		r.missed = 0
	} else if r.missed++; r.missed < 2 && r.health.Answers {
		return
	}
	r.health = h
}

// probe asks one replica how its replicated tables are; a probe still running from
// before (the replica hangs) counts as no answer.
func (r *replicaConn) probe(deadline time.Duration) {
	if !r.probing.CompareAndSwap(false, true) {
		r.set(ReplicaHealth{Err: "không trả lời (no answer): the previous probe is still waiting"})
		return
	}
	done := make(chan ReplicaHealth, 1)
	var pinged atomic.Bool
	go func() {
		defer r.probing.Store(false)
		ctx, cancel := context.WithTimeout(context.Background(), deadline)
		defer cancel()
		var h ReplicaHealth
		if err := r.conn.Ping(ctx); err != nil {
			h.Err = err.Error()
			done <- h
			return
		}
		pinged.Store(true)
		h.Answers = true
		// system.replicas can wait on a replication lock (18.16, while another replica
		// hangs mid-fetch) though queries answer: then keep what it said last time.
		var n, readonly uint64
		err := r.conn.QueryRow(ctx, `SELECT count(), countIf(is_readonly), max(absolute_delay), sum(inserts_in_queue),
				toUInt64(max(total_replicas)) FROM system.replicas WHERE database = ?`, r.database).Scan(&n, &readonly, &h.Delay, &h.Fetches, &h.Total)
		if err != nil {
			last := r.get()
			h.ReadOnly, h.Delay, h.Fetches, h.Total, h.Err = last.ReadOnly, last.Delay, last.Fetches, last.Total, "system.replicas: "+err.Error()
		} else {
			h.ReadOnly = readonly > 0
		}
		// is_readonly turns on only once the replica notices its session is gone; a read
		// through its ZooKeeper connection fails at once when that connection is cut.
		if h.Answers && !h.ReadOnly && n > 0 {
			var z uint64
			var ex *clickhouse.Exception
			err := r.conn.QueryRow(ctx, "SELECT count() FROM system.zookeeper WHERE path = '/'").Scan(&z)
			if errors.As(err, &ex) { // the server's own answer: its ZooKeeper is gone (a timeout proves nothing)
				h.ReadOnly, h.Err = true, "ZooKeeper: "+err.Error()
			}
		}
		done <- h
	}()
	select {
	case h := <-done:
		r.set(h)
	case <-time.After(deadline + 50*time.Millisecond):
		if pinged.Load() {
			// It answers queries; only system.replicas is slow (on 18.16 it can wait on a
			// fetch from a hung replica): keep what it said last time.
			last := r.get()
			r.set(ReplicaHealth{Answers: true, ReadOnly: last.ReadOnly, Delay: last.Delay, Fetches: last.Fetches, Total: last.Total,
				Err: "system.replicas: không trả lời kịp (no answer in time)"})
			return
		}
		r.set(ReplicaHealth{Err: fmt.Sprintf("không trả lời trong %s (no answer within %s)", deadline, deadline)})
	}
}

func (s *replicaSet) probeAll(deadline time.Duration) {
	var wg sync.WaitGroup
	for _, r := range s.reps {
		wg.Add(1)
		go func() {
			defer wg.Done()
			r.probe(deadline)
		}()
	}
	wg.Wait()
}

func (s *replicaSet) watch() {
	t := time.NewTicker(probeEvery)
	defer t.Stop()
	for {
		select {
		case <-s.stop:
			return
		case <-t.C:
		}
		s.probeAll(probeDeadline)
		s.choose()
	}
}

// choose applies the rule in the comment at the top of this file.
func (s *replicaSet) choose() {
	cur := int(s.cur.Load())
	hs := make([]ReplicaHealth, len(s.reps))
	for i, r := range s.reps {
		hs[i] = r.get()
	}
	for i, h := range hs {
		if i == cur && h.Usable() {
			return
		}
		if h.caughtUp() {
			s.moveTo(i)
			return
		}
	}
	// Nobody is caught up and usable: the least behind usable one, else any that answers
	// (reads still work on a read-only replica), else stay.
	best := -1
	for i, h := range hs {
		if h.Usable() && (best < 0 || h.Delay < hs[best].Delay) {
			best = i
		}
	}
	if best < 0 && !hs[cur].Answers {
		for i, h := range hs {
			if h.Answers {
				best = i
				break
			}
		}
	}
	if best >= 0 {
		s.moveTo(best)
	}
}

func (s *replicaSet) current() driver.Conn { return s.reps[s.cur.Load()].conn }

func (s *replicaSet) health() []ReplicaHealth {
	out := make([]ReplicaHealth, len(s.reps))
	cur := int(s.cur.Load())
	for i, r := range s.reps {
		out[i] = r.get()
		out[i].Addr, out[i].Current = r.addr, i == cur
	}
	return out
}

func (s *replicaSet) closeAll() {
	for _, r := range s.reps {
		r.conn.Close()
	}
}

// failover: a call that found the current replica gone (connection refused, reset or
// closed: a killed server) moves this server to another replica at once instead of at
// the next probes, so what follows the failure (the release of an upload's claim, say)
// reaches a live replica. It reports whether the call may be sent again: only when the
// connection was refused, so nothing reached any server.
func (s *replicaSet) failover(err error) bool {
	if err == nil {
		return false
	}
	refused := errors.Is(err, syscall.ECONNREFUSED)
	if !refused && !errors.Is(err, syscall.ECONNRESET) && !errors.Is(err, syscall.EPIPE) &&
		!errors.Is(err, io.EOF) && !errors.Is(err, io.ErrUnexpectedEOF) && !errors.Is(err, net.ErrClosed) {
		return false
	}
	before := s.cur.Load()
	r := s.reps[before]
	r.mu.Lock()
	r.health, r.missed = ReplicaHealth{Addr: r.addr, Err: err.Error()}, 2
	r.mu.Unlock()
	s.choose()
	return refused && s.cur.Load() != before
}

// Select fills dest as it reads, so it is not sent again on a hung replica (an
// abandoned try could still write into dest); the store's reads use Query and QueryRow.
func (s *replicaSet) Select(ctx context.Context, dest any, query string, args ...any) error {
	err := s.current().Select(ctx, dest, query, args...)
	if s.failover(err) {
		err = s.current().Select(ctx, dest, query, args...)
	}
	return err
}

func (s *replicaSet) Query(ctx context.Context, query string, args ...any) (driver.Rows, error) {
	return readOn(ctx, s, query, args...)
}

func (s *replicaSet) QueryRow(ctx context.Context, query string, args ...any) driver.Row {
	rows, err := readOn(ctx, s, query, args...)
	return &queryRow{rows: rows, err: err}
}

func (s *replicaSet) PrepareBatch(ctx context.Context, query string, opts ...driver.PrepareBatchOption) (driver.Batch, error) {
	b, err := s.current().PrepareBatch(ctx, query, opts...)
	if s.failover(err) {
		b, err = s.current().PrepareBatch(ctx, query, opts...)
	}
	return b, err
}

func (s *replicaSet) Exec(ctx context.Context, query string, args ...any) error {
	err := s.current().Exec(ctx, query, args...)
	if s.failover(err) {
		err = s.current().Exec(ctx, query, args...)
	}
	return err
}

func (s *replicaSet) Ping(ctx context.Context) error {
	err := s.current().Ping(ctx)
	if s.failover(err) {
		err = s.current().Ping(ctx)
	}
	return err
}

func (s *replicaSet) Close() error {
	s.once.Do(func() {
		close(s.stop)
		s.closeAll()
	})
	return nil
}

// Replicas is the last probe of every replica, in CLICKHOUSE_ADDR order; nil for a
// store with one address (its health is Ping's).
func (s *Store) Replicas() []ReplicaHealth {
	if set, ok := s.conn.(*replicaSet); ok {
		return set.health()
	}
	return nil
}

// totalReplicas is the cluster's replica count as last probed (ClusterSize).
func (s *replicaSet) totalReplicas() int {
	hs := make([]ReplicaHealth, len(s.reps))
	for i, r := range s.reps {
		hs[i] = r.get()
	}
	return ClusterSize(hs)
}

// ClusterSize is the most replicas any probed replica's tables have in ZooKeeper (0
// when unknown): more than CLICKHOUSE_ADDR lists when an operator named only some.
func ClusterSize(hs []ReplicaHealth) int {
	t := uint64(0)
	for _, h := range hs {
		t = max(t, h.Total)
	}
	return int(t)
}
