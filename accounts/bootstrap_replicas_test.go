package accounts_test

import (
	"context"
	"errors"
	"testing"

	"github.com/quangngai/chitieu/accounts"
	"github.com/quangngai/chitieu/queries"
	"github.com/quangngai/chitieu/queries/querytest"
)

// On a cluster, a start that cannot ask every replica creates no admin: the replica that
// does not answer may hold the real one, whose password a new "admin" row would reset.
// (A replica that answers empty, rebuilt or catching up, is the same question: the
// bootstrap asks every replica; make test-ha case 9 covers that one.)
func TestBootstrapCreatesNoAdminWhileAReplicaIsSilent(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	st := querytest.MustOpen(t) // migrated as a single node: no ZooKeeper on the test server
	cfg := querytest.Config(st.Database())
	cfg.Addr += ",127.0.0.1:1" // a second replica that refuses connections
	cfg.Cluster = true
	cl, err := queries.Open(ctx, cfg)
	if err != nil {
		t.Fatal(err)
	}
	defer cl.Close()
	res, err := accounts.New(cl).Bootstrap(ctx, "", false, accounts.Actor{})
	if err != nil || res.Prepared || !res.Unknown {
		t.Fatalf("bootstrap with a replica silent: %+v %v, want nothing done and Unknown", res, err)
	}
	if _, err := st.UserByName(ctx, accounts.FirstAdmin); !errors.Is(err, queries.ErrNotFound) {
		t.Fatalf("admin after the bootstrap: %v, want none", err)
	}
}
