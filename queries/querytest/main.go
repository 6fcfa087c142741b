package querytest

import (
	"os"
	"sync"
	"testing"
	"time"

	"github.com/quangngai/chitieu/queries"
)

// Main is a test package's TestMain: passwords hash cheaply (production cost is
// about a second per hash here); queries.TestPasswordHashVerifies keeps one hash at
// full cost.
func Main(m *testing.M) {
	queries.UseCheapPasswordHashing()
	os.Exit(m.Run())
}

// Clock is the wall clock moved forward by Advance, so that tests step over a
// session's end or a cache's bound without sleeping. Its zero value is ready.
type Clock struct {
	mu     sync.Mutex
	offset time.Duration
}

// Now is the wall time plus every Advance so far.
func (c *Clock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return time.Now().Add(c.offset)
}

// Advance moves the clock forward by d.
func (c *Clock) Advance(d time.Duration) {
	c.mu.Lock()
	c.offset += d
	c.mu.Unlock()
}
