package reporting

import (
	"context"
	"errors"
	"sync"
	"time"
)

// ErrBuilding: the file asked for is being built; ask again in a few seconds. It is
// not a failure, and no page deadline cuts the build short.
var ErrBuilding = errors.New("report file is being built")

// Exports builds report files (.docx, PDF) as jobs outside page requests: a
// LibreOffice conversion takes longer than a page may, and under load it must not be
// killed by one. One build runs per key; its file is kept until the data it was built
// from changes (a new stamp), and a build for an old stamp is cancelled.
type Exports struct {
	limit time.Duration
	ctx   context.Context
	stop  context.CancelFunc
	wg    sync.WaitGroup
	mu    sync.Mutex
	jobs  map[string]*exportJob
}

type exportJob struct {
	stamp  string
	cancel context.CancelFunc
	// superseded: cancelled because newer data asked for a build. Its waiters follow
	// the newer build; its cancellation is not their failure.
	superseded bool
	done       chan struct{}
	file       []byte
	err        error
}

// NewExports returns a job runner whose builds each take at most limit.
func NewExports(limit time.Duration) *Exports {
	ctx, stop := context.WithCancel(context.Background())
	return &Exports{limit: limit, ctx: ctx, stop: stop, jobs: map[string]*exportJob{}}
}

// File returns the file built for key from data at stamp, starting its build when
// there is none. It waits up to wait (or until ctx ends) and then answers ErrBuilding.
// A failed build answers its error once; the next call builds again. A build cancelled
// because newer data arrived meanwhile is not a failure: the wait goes on for the build
// of the newer data.
func (x *Exports) File(ctx context.Context, key, stamp string, wait time.Duration,
	build func(context.Context) ([]byte, error)) ([]byte, error) {
	x.mu.Lock()
	j := x.jobs[key]
	if j == nil || j.stamp != stamp {
		if x.ctx.Err() != nil {
			x.mu.Unlock()
			return nil, ErrBuilding // shutting down
		}
		if j != nil {
			j.superseded = true
			j.cancel()
		}
		j = x.start(key, stamp, build)
		x.jobs[key] = j
	}
	x.mu.Unlock()
	t := time.NewTimer(wait)
	defer t.Stop()
	for {
		select {
		case <-j.done:
		case <-t.C:
			return nil, ErrBuilding
		case <-ctx.Done():
			return nil, ErrBuilding
		}
		x.mu.Lock()
		if j.err != nil && j.superseded {
			next := x.jobs[key]
			x.mu.Unlock()
			if next == nil { // the newer build failed and said so already: ask again
				return nil, ErrBuilding
			}
			j = next
			continue
		}
		if j.err != nil && x.jobs[key] == j {
			delete(x.jobs, key)
		}
		x.mu.Unlock()
		if j.err != nil && x.ctx.Err() != nil {
			return nil, ErrBuilding // cancelled by shutdown, not failed
		}
		return j.file, j.err
	}
}

func (x *Exports) start(key, stamp string, build func(context.Context) ([]byte, error)) *exportJob {
	ctx, cancel := context.WithTimeout(x.ctx, x.limit)
	j := &exportJob{stamp: stamp, cancel: cancel, done: make(chan struct{})}
	x.wg.Add(1)
	go func() {
		defer x.wg.Done()
		defer cancel()
		defer close(j.done)
		defer func() {
			if r := recover(); r != nil {
				j.err = errors.New("report build panicked")
			}
		}()
		j.file, j.err = build(ctx)
	}()
	return j
}

// Close cancels every build under way and waits for them to end.
func (x *Exports) Close() {
	x.stop()
	x.wg.Wait()
}
