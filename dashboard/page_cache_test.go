package dashboard

import (
	"context"
	"testing"
	"time"

	"github.com/quangngai/chitieu/queries"
	"github.com/quangngai/chitieu/queries/querytest"
)

// TestPageBuiltBeforeAWriteIsNotServedAfterIt: a page whose build read the data before
// a write, and finished after it, must not be what the next request gets.
func TestPageBuiltBeforeAWriteIsNotServedAfterIt(t *testing.T) {
	t.Parallel()
	st := querytest.MustOpen(t)
	ctx := context.Background()
	for _, other := range []bool{false, true} {
		// other: the write comes through another store (another server), and this
		// server asks for the change stamp on every request.
		every := time.Hour
		writer := st
		if other {
			every = time.Nanosecond
			var err error
			writer, err = queries.Open(ctx, querytest.Config(st.Database()))
			must(t, err)
			defer writer.Close()
		}
		s := &server{Deps: Deps{Store: st}, pages: newPageCache(every)}
		if _, err := cached(s, ctx, "warm", func() (string, error) { return "", nil }); err != nil {
			t.Fatal(err)
		}
		started, release, done := make(chan struct{}), make(chan struct{}), make(chan string)
		go func() {
			v, _ := cached(s, ctx, "page", func() (string, error) { close(started); <-release; return "before", nil })
			done <- v
		}()
		<-started
		must(t, writer.SaveZones(ctx, []queries.Zone{{Code: "Z", NameVI: "Khu", Type: "IP"}}))
		close(release)
		got, err := cached(s, ctx, "page", func() (string, error) { return "after", nil })
		must(t, err)
		if <-done != "before" || got != "after" {
			t.Errorf("other server %v: after the write the page is %q", other, got)
		}
	}
}
