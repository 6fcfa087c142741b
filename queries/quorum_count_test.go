package queries_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/quangngai/chitieu/queries"
	"github.com/quangngai/chitieu/queries/querytest"
)

// A server that lists two replicas of a cluster that has three (an operator named only
// some, or added one without updating every server) works R out on three: both listed
// replicas must answer a read that decides. The store lists the test server and a dead
// address; once the probes say the cluster has 3 replicas, the session read is refused
// rather than decided by one replica, which may be the frozen one (HA case 20: a
// server listing ch1 and ch2 read only ch1, which had lost ZooKeeper, and sent a user
// just signed in on the other server back to the sign-in page).
func TestReadQuorumFollowsTheClusterSize(t *testing.T) {
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
		t.Fatalf("two listed, two in the cluster (R = 1): %v", err)
	}
	defer cl.HoldReplicaHealth(0, queries.ReplicaHealth{Answers: true, ReadOnly: true, Total: 3})()
	if _, err := cl.SessionByToken(ctx, tok); !errors.Is(err, queries.ErrTooFewReplicas) {
		t.Fatalf("two listed of three, one answering: %v, want ErrTooFewReplicas", err)
	}
}
