package queries_test

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/quangngai/chitieu/queries"
	"github.com/quangngai/chitieu/queries/querytest"
)

// A store listing three "replicas" (the test server twice and a dead address) on a
// cluster: quorum 2, so a read that decides needs two answers. With one address dead
// it still decides; with two dead it refuses with ErrTooFewReplicas, a 503, and never
// answers "not found" from the one replica left.
func TestQuorumReadNeedsAMajority(t *testing.T) {
	st := querytest.MustOpen(t)
	ctx := context.Background()
	if _, _, err := st.CreateSession(ctx, "nobody", "", "", time.Now().Add(time.Hour)); err != nil {
		t.Fatal(err)
	}
	live := querytest.Config(st.Database()).Addr
	dead := "127.0.0.1:1"
	for _, c := range []struct {
		addrs  []string
		quorum int
		refuse bool
	}{
		{[]string{live, live, dead}, 2, false},
		{[]string{live, dead, dead}, 2, true},
	} {
		cfg := querytest.Config(st.Database())
		cfg.Addr, cfg.Cluster = strings.Join(c.addrs, ","), true
		cl, err := queries.Open(ctx, cfg)
		if err != nil {
			t.Fatal(err)
		}
		if got := cl.InsertQuorum(); got != c.quorum {
			t.Errorf("%v: quorum %d, want %d", c.addrs, got, c.quorum)
		}
		_, err = cl.SessionByToken(ctx, "no-such-token")
		switch {
		case c.refuse && !errors.Is(err, queries.ErrTooFewReplicas):
			t.Errorf("%v: session lookup with one replica answering: %v, want ErrTooFewReplicas", c.addrs, err)
		case c.refuse && !errors.Is(err, queries.ErrUnavailable):
			t.Errorf("%v: %v does not wrap ErrUnavailable (a 503)", c.addrs, err)
		case !c.refuse && !errors.Is(err, queries.ErrNotFound):
			t.Errorf("%v: session lookup with two replicas answering: %v, want ErrNotFound", c.addrs, err)
		}
		cl.Close()
	}
	// Single node, or a cluster with the quorum off: no quorum, reads as before.
	cfg := querytest.Config(st.Database())
	cfg.Cluster, cfg.InsertQuorum = true, -1
	cfg.Addr = live + "," + dead
	cl, err := queries.Open(ctx, cfg)
	if err != nil {
		t.Fatal(err)
	}
	defer cl.Close()
	if q := cl.InsertQuorum(); q != 0 {
		t.Errorf("quorum off: InsertQuorum %d", q)
	}
	if _, err := cl.SessionByToken(ctx, "no-such-token"); !errors.Is(err, queries.ErrNotFound) {
		t.Errorf("quorum off: %v, want ErrNotFound", err)
	}
	if q := st.InsertQuorum(); q != 0 {
		t.Errorf("single node: InsertQuorum %d", q)
	}
}
