package queries

import (
	"context"

	"github.com/ClickHouse/clickhouse-go/v2/lib/driver"
)

// moveTo makes replica i the current one and wakes the reads still waiting on the one
// left behind (see read).
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

// readOn runs a read on the current replica. A hung replica (SIGSTOP, a stalled disk)
// answers nothing and refuses nothing, so a read sent to it would wait for the driver's
// read timeout, and the requests behind it (a session poll holds a lock) with it. When
// the probes leave that replica while the read waits (about a second), the read is
// abandoned there and sent again to the new current replica: reads have no effect, so
// sending one twice is safe. A refused connection moves at once (failover). Each try
// has its own result, so an abandoned one finishing late changes nothing.
// On success the caller gets the try's cancel, to call once the result is read (rows
// stream from the server after the call returns); on error it is already called.
func readOn[T any](ctx context.Context, s *replicaSet, call func(ctx context.Context, c driver.Conn) (T, error)) (T, context.CancelFunc, error) {
	type result struct {
		v   T
		err error
	}
	var zero T
	for attempt := 0; ; attempt++ {
		at := int(s.cur.Load())
		conn := s.reps[at].conn
		cctx, cancel := context.WithCancel(ctx)
		done := make(chan result, 1)
		go func() {
			v, err := call(cctx, conn)
			done <- result{v, err}
		}()
	wait:
		for {
			moved := s.movedSignal()
			// A move for lag or preference leaves the call where it is (a busy machine
			// can move back and forth); only a replica that stopped answering the
			// probes is left, and the call sent to the current one.
			if int(s.cur.Load()) != at && !s.reps[at].get().Answers {
				cancel() // the abandoned call ends when the driver notices (its read timeout at worst)
				break wait
			}
			select {
			case r := <-done:
				if s.failover(r.err) && attempt < 2 {
					cancel()
					break wait
				}
				if r.err != nil {
					cancel()
					return r.v, nil, r.err
				}
				return r.v, cancel, nil
			case <-moved:
			case <-ctx.Done():
				cancel()
				return zero, nil, ctx.Err()
			}
		}
	}
}

// cancelRows ends its read's context when the caller closes the rows.
type cancelRows struct {
	driver.Rows
	cancel context.CancelFunc
}

func (r *cancelRows) Close() error {
	err := r.Rows.Close()
	r.cancel()
	return err
}

// cancelRow ends its read's context once the row is scanned.
type cancelRow struct {
	driver.Row
	cancel context.CancelFunc
}

func (r *cancelRow) Scan(dest ...any) error {
	defer r.cancel()
	return r.Row.Scan(dest...)
}

func (r *cancelRow) ScanStruct(dest any) error {
	defer r.cancel()
	return r.Row.ScanStruct(dest)
}

// errRow is a driver.Row that only carries an error.
type errRow struct{ err error }

func (r errRow) Err() error           { return r.err }
func (r errRow) Scan(...any) error    { return r.err }
func (r errRow) ScanStruct(any) error { return r.err }
