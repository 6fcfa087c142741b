package querytest

import (
	"github.com/quangngai/chitieu/accounts"
	"os"
	"sync"
	"testing"
	"time"
)

// Main is a test package's TestMain: passwords hash cheaply (production cost is
// about a second per hash here); accounts.TestPasswordHashVerifies keeps one hash at
// full cost.
func Main(m *testing.M) {
	accounts.UseCheapPasswordHashing()
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
