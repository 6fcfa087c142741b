package queries

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"github.com/ClickHouse/clickhouse-go/v2/lib/driver"
)

// moveTo makes replica i the current one and wakes the reads still waiting on the one
// left behind (see readOn).
func (s *replicaSet) moveTo(i int) {
	if int(s.cur.Swap(int32(i))) == i {
		return
	}
	s.movedMu.Lock()
	close(s.moved)
	s.moved = make(chan struct{})
	s.movedMu.Unlock()
}

func (s *replicaSet) movedSignal() <-chan struct{} {
	s.movedMu.Lock()
	defer s.movedMu.Unlock()
	return s.moved
}

// left: replica at is no longer the current one and stopped answering the probes. A move
// for lag or preference leaves a read where it is (a busy machine can move back and
// forth); only a replica that went silent is left.
func (s *replicaSet) left(at int) bool {
	return int(s.cur.Load()) != at && !s.reps[at].get().Answers
}

// errReplicaHung ends the rows of a read whose replica stopped answering mid-stream.
var errReplicaHung = errors.New("bản sao ngừng trả lời giữa chừng, xin tải lại trang (the replica stopped answering mid-read, please reload)")

// readOn runs a query on the current replica. A hung replica (SIGSTOP, a stalled disk)
// answers nothing and refuses nothing, so a read sent to it would wait for the driver's
// read timeout, and the requests behind it (a session poll holds a lock) with it. When
// the probes leave that replica while the read waits (about a second), the read is
// abandoned there and sent again to the new current replica: reads have no effect, so
// sending one twice is safe. A refused connection moves at once (failover).
//
// The driver returns from Query when the server sends the result's header, before the
// query has run; so a try lasts until the first row has arrived (or the result is known
// empty): that is when the server has done the work. Rows still streaming after that
// cannot be sent again (the caller has some): if their replica goes silent, they end
// with errReplicaHung instead of waiting for the driver's timeout.
func readOn(ctx context.Context, s *replicaSet, query string, args ...any) (driver.Rows, error) {
	type result struct {
		rows driver.Rows
		err  error
	}
	for attempt := 0; ; attempt++ {
		at := int(s.cur.Load())
		conn := s.reps[at].conn
		cctx, cancel := context.WithCancelCause(ctx)
		done := make(chan result, 1)
		go func() {
			rows, err := firstRowOf(cctx, conn, query, args...)
			done <- result{rows, err}
		}()
		abandon := func(why error) {
			cancel(why)
			go func() { // an abandoned try that answers late still holds a connection
				if r := <-done; r.rows != nil {
					r.rows.Close()
				}
			}()
		}
	wait:
		for {
			moved := s.movedSignal()
			if s.left(at) {
				abandon(errReplicaHung)
				break wait
			}
			select {
			case r := <-done:
				if s.failover(r.err) && attempt < 2 {
					cancel(nil)
					break wait
				}
				if r.err != nil {
					cancel(nil)
					return nil, r.err
				}
				rows := &watchedRows{Rows: r.rows, ctx: cctx, cancel: cancel}
				go s.watchStream(at, cctx, cancel)
				return rows, nil
			case <-moved:
			case <-ctx.Done():
				abandon(nil)
				return nil, ctx.Err()
			}
		}
	}
}

// watchStream ends a read's streaming rows when their replica goes silent; it returns
// when the rows are closed (their context ends).
func (s *replicaSet) watchStream(at int, ctx context.Context, cancel context.CancelCauseFunc) {
	for {
		moved := s.movedSignal()
		if s.left(at) {
			cancel(errReplicaHung)
			return
		}
		select {
		case <-moved:
		case <-ctx.Done():
			return
		}
	}
}

// firstRowOf sends the query and waits for its first row (see readOn).
func firstRowOf(ctx context.Context, c driver.Conn, query string, args ...any) (driver.Rows, error) {
	rows, err := c.Query(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	has := rows.Next() // closes the rows when false
	if !has && rows.Err() != nil {
		return nil, rows.Err()
	}
	return &prefetchedRows{Rows: rows, has: has, pending: true}, nil
}

// prefetchedRows gives back the row firstRowOf already moved to.
type prefetchedRows struct {
	driver.Rows
	has, pending bool
}

func (r *prefetchedRows) Next() bool {
	if r.pending {
		r.pending = false
		return r.has
	}
	return r.Rows.Next()
}

// watchedRows ends its read's context when the caller closes the rows, and says why
// they ended early when their replica went silent.
type watchedRows struct {
	driver.Rows
	ctx    context.Context
	cancel context.CancelCauseFunc
}

func (r *watchedRows) Err() error {
	err := r.Rows.Err()
	if err != nil && errors.Is(context.Cause(r.ctx), errReplicaHung) {
		return fmt.Errorf("%w: %w", ErrUnavailable, errReplicaHung)
	}
	return err
}

func (r *watchedRows) Close() error {
	err := r.Rows.Close()
	r.cancel(nil)
	return err
}

// queryRow is a driver.Row over readOn: the row is fetched before QueryRow returns.
type queryRow struct {
	rows driver.Rows
	err  error
}

func (r *queryRow) Err() error { return r.err }

func (r *queryRow) Scan(dest ...any) error {
	return r.scan(func() error { return r.rows.Scan(dest...) })
}

func (r *queryRow) ScanStruct(dest any) error {
	return r.scan(func() error { return r.rows.ScanStruct(dest) })
}

func (r *queryRow) scan(into func() error) error {
	if r.err != nil {
		return r.err
	}
	defer r.rows.Close()
	if !r.rows.Next() {
		if err := r.rows.Err(); err != nil {
			return err
		}
		return sql.ErrNoRows
	}
	return into()
}
