package queries

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"strings"
	"sync"
	"time"

	"github.com/ClickHouse/clickhouse-go/v2"
	"github.com/ClickHouse/clickhouse-go/v2/lib/driver"
)

// On a replicated cluster a write is acknowledged only once a quorum W of the N
// replicas in Config.Addr hold it (insert_quorum), and a read that decides (claims,
// commit markers, sessions, users) asks R = N − W + 1 replicas and takes the newest
// answer: any R replicas include one of any W, so the read sees every acknowledged
// write, however far behind the replica the server happens to use is.
//
// Why not select_sequential_consistency alone: on 18.16 it only checks that the
// replica holds the *last* part written with quorum. A writer's own quorum insert
// becomes that last part at once on its replica, so a read right after it passes
// while an earlier quorum part from another replica is still being fetched
// (measured, deploy/README.md). Reading R replicas has no such gap, on every release.

// ErrTooFewReplicas: a write could not reach its quorum (a replica is down or behind),
// or too few replicas answered a read that decides. Nothing was acknowledged. It
// wraps ErrUnavailable.
var ErrTooFewReplicas = fmt.Errorf("%w: too few replicas are up to acknowledge a write or decide a read", ErrUnavailable)

// quorumCodes are the server's answers that mean "not on a quorum now, try later".
var quorumCodes = map[int32]bool{
	285: true, // TOO_FEW_LIVE_REPLICAS
	286: true, // UNSATISFIED_QUORUM_FOR_PREVIOUS_WRITE
	289: true, // REPLICA_IS_NOT_IN_QUORUM
	319: true, // UNKNOWN_STATUS_OF_INSERT (the quorum did not answer in time)
}

// insertQuorum is W, or 0 when writes are not quorum writes (single node, or off).
func (c Config) insertQuorum() int {
	if !c.Cluster || c.InsertQuorum < 0 {
		return 0
	}
	if c.InsertQuorum > 0 {
		return c.InsertQuorum
	}
	if n := len(c.Addrs()); n > 1 {
		return n/2 + 1
	}
	return 0
}

func (c Config) quorumTimeout() time.Duration {
	if c.QuorumTimeout > 0 {
		return c.QuorumTimeout
	}
	return 30 * time.Second
}

// InsertQuorum is how many replicas hold a write before it is acknowledged (0: no
// quorum, a single node's behaviour).
func (s *Store) InsertQuorum() int { return s.cfg.insertQuorum() }

// writeCtx carries the quorum settings of an INSERT; without a quorum it is ctx.
func (s *Store) writeCtx(ctx context.Context) context.Context {
	w := s.cfg.insertQuorum()
	if w == 0 {
		return ctx
	}
	return clickhouse.Context(ctx, clickhouse.WithSettings(clickhouse.Settings{
		"insert_quorum":         w,
		"insert_quorum_timeout": int(s.cfg.quorumTimeout().Milliseconds()),
	}))
}

// write runs one INSERT with the quorum settings. On 18.16 quorum inserts into a
// table are one at a time: another server's insert still waiting for its quorum
// refuses ours before anything is written (code 286), so we try again after a short
// random pause until the quorum timeout. Resending is safe: a replicated table drops
// a block it already holds.
func (s *Store) write(ctx context.Context, insert func(ctx context.Context) error) error {
	wctx := s.writeCtx(ctx)
	deadline := time.Now().Add(s.cfg.quorumTimeout())
	pause := 10 * time.Millisecond
	for {
		err := insert(wctx)
		if err == nil || s.cfg.insertQuorum() == 0 || !quorumNotYet(err) || time.Now().After(deadline) {
			return err
		}
		select {
		case <-ctx.Done():
			return err
		case <-time.After(pause + rand.N(pause)):
		}
		pause = min(pause*2, 200*time.Millisecond)
	}
}

// isQuorumError: the server refused or could not confirm a quorum write.
func isQuorumError(err error) bool {
	var ex *clickhouse.Exception
	return errors.As(err, &ex) && quorumCodes[ex.Code]
}

// quorumNotYet: the insert was refused before writing anything, for a reason that
// passes in moments: another quorum insert into the table is still waiting (286), or
// the replica has just come back and has not yet marked itself active in ZooKeeper
// (164 with that message; 164 alone is also a read-only user, which waiting won't fix).
func quorumNotYet(err error) bool {
	var ex *clickhouse.Exception
	if !errors.As(err, &ex) {
		return false
	}
	return ex.Code == 286 || ex.Code == 164 && strings.Contains(ex.Message, "Replica is not active")
}

// quorumSet holds one small connection pool per replica address, opened on first
// use, for the reads that decide.
type quorumSet struct {
	cfg   Config
	mu    sync.Mutex
	conns []driver.Conn
}

func newQuorumSet(cfg Config) *quorumSet {
	w, n := cfg.insertQuorum(), len(cfg.Addrs())
	if w == 0 || n < 2 {
		return nil
	}
	return &quorumSet{cfg: cfg, conns: make([]driver.Conn, n)}
}

func (rs *quorumSet) conn(i int) (driver.Conn, error) {
	rs.mu.Lock()
	defer rs.mu.Unlock()
	if rs.conns[i] != nil {
		return rs.conns[i], nil
	}
	one := rs.cfg
	one.Addr = rs.cfg.Addrs()[i]
	opts := connOptions(one, rs.cfg.Database)
	opts.MaxOpenConns, opts.MaxIdleConns, opts.ConnMaxLifetime = 8, 2, time.Hour
	c, err := clickhouse.Open(opts)
	if err != nil {
		return nil, err
	}
	rs.conns[i] = c
	return c, nil
}

func (rs *quorumSet) close() {
	if rs == nil {
		return
	}
	rs.mu.Lock()
	defer rs.mu.Unlock()
	for i, c := range rs.conns {
		if c != nil {
			_ = c.Close()
			rs.conns[i] = nil
		}
	}
}

// quorumRead runs read on every replica at once and returns the answers of the
// first R that succeed (R = N − W + 1); the caller keeps the newest. Without a
// quorum it runs read once on the store's own connection. Fewer than R answers is
// ErrTooFewReplicas: a decision is never taken on a lagging replica alone.
//
// A replica that is read-only (it lost ZooKeeper: its data is frozen) or behind counts
// like any other: every acknowledged write is on W replicas and any R of them include
// one, so a stale answer is outranked, never decisive. What the count needs is the real
// N: when the cluster has more replicas than CLICKHOUSE_ADDR lists, R is worked out on
// the cluster's number (readQuorum), else a write on replicas this server does not list
// could be missed, and a server listing two of three read only a frozen one.
func quorumRead[T any](ctx context.Context, s *Store, read func(ctx context.Context, c driver.Conn) (T, error)) ([]T, error) {
	rs := s.quorum
	if rs == nil {
		v, err := read(ctx, s.conn)
		if err != nil {
			return nil, err
		}
		return []T{v}, nil
	}
	parent := ctx
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	type answer struct {
		v   T
		err error
	}
	n := len(rs.conns)
	total := 0 // the cluster's replica count, as the probes last saw it
	if set, ok := s.conn.(*replicaSet); ok {
		total = set.totalReplicas()
	}
	need := readQuorum(n, s.cfg.insertQuorum(), total)
	answers := make(chan answer, n)
	for i := range n {
		go func() {
			c, err := rs.conn(i)
			if err != nil {
				answers <- answer{err: err}
				return
			}
			v, err := read(ctx, c)
			answers <- answer{v, err}
		}()
	}
	var out []T
	var errs []error
	for range n {
		a := <-answers
		if a.err != nil {
			errs = append(errs, a.err)
			continue
		}
		if out = append(out, a.v); len(out) == need {
			return out, nil
		}
	}
	err := errors.Join(errs...)
	if parent.Err() != nil {
		return nil, fmt.Errorf("%w: %w", parent.Err(), err)
	}
	return nil, fmt.Errorf("%w (%d of %d needed answered): %w", ErrTooFewReplicas, len(out), need, err)
}

// readQuorum is R for a read over the n listed replicas when writes wait for w: n − w + 1,
// or, when the cluster has total replicas and more than n, total − w + 1 (at most n:
// then every listed replica must answer).
func readQuorum(n, w, total int) int {
	r := max(1, n-w+1)
	if total > n {
		r = max(r, total-w+1)
	}
	return min(r, n)
}
