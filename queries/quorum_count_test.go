package queries_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/quangngai/chitieu/queries"
	"github.com/quangngai/chitieu/queries/querytest"
)

// A replica the probes saw read-only (it lost ZooKeeper: its data is frozen) answers
// reads, but its answer does not decide. The store lists the test server and a dead
// address, so R is 1: before, the frozen replica's "no such session" was the answer;
// now the read is refused until a replica fit to decide answers (HA case 20 signed
// a user in on one server and the next request, on a server listing two of the three
// replicas, read the frozen one and sent them back to the sign-in page).
func TestReadOnlyReplicaDoesNotDecide(t *testing.T) {
	st := querytest.MustOpen(t)
	ctx := context.Background()
	tok, _, err := st.CreateSession(ctx, "nobody", "", "", time.Now().Add(time.Hour))
	if err != nil {
		t.Fatal(err)
	}
	cfg := querytest.Config(st.Database())
	cfg.Addr, cfg.Cluster = cfg.Addr+",127.0.0.1:1", true
	cl, err := queries.Open(ctx, cfg)
	if err != nil {
		t.Fatal(err)
	}
	defer cl.Close()
	if _, err := cl.SessionByToken(ctx, tok); err != nil {
		t.Fatalf("with the replica fit: %v", err)
	}
	defer cl.HoldReplicaHealth(0, queries.ReplicaHealth{Answers: true, ReadOnly: true})()
	if _, err := cl.SessionByToken(ctx, tok); !errors.Is(err, queries.ErrTooFewReplicas) {
		t.Fatalf("with the only answering replica read-only: %v, want ErrTooFewReplicas", err)
	}
}
