package queries_test

import (
	"context"
	"errors"
	"fmt"
	"syscall"
	"testing"
	"time"

	"github.com/quangngai/chitieu/queries"
	"github.com/quangngai/chitieu/queries/querytest"
)

// TestReadLeavesAHungReplica: a store on two addresses reads the first; that server
// hangs (SIGSTOP: it answers nothing and refuses nothing). A read already waiting on it
// and a read sent right after both answer from the other address once the probes leave
// the hung one, instead of waiting for the driver's 30 s read timeout: the requests of
// a page keep coming while a replica hangs. (The two servers hold different agencies,
// so the answer says which one was read.)
func TestReadLeavesAHungReplica(t *testing.T) {
	ctx := context.Background()
	hung := querytest.StartPrivate(t)
	name := querytest.UniqueName()
	seed := func(addr, agency string) {
		cfg := querytest.Config(name)
		cfg.Addr = addr
		st, err := queries.Open(ctx, cfg)
		if err != nil {
			t.Fatal(err)
		}
		defer st.Close()
		if _, err := st.Migrate(ctx); err != nil {
			t.Fatal(err)
		}
		if err := st.SaveAgencies(ctx, []queries.Agency{{Code: agency, NameVI: agency, Level: "province"}}); err != nil {
			t.Fatal(err)
		}
	}
	shared := querytest.Config(name).Addr
	seed(hung.Addr(), "HUNG")
	seed(shared, "LIVE")
	t.Cleanup(func() {
		cfg := querytest.Config(name)
		if st, err := queries.Open(context.Background(), cfg); err == nil {
			_ = st.DropDatabase(context.Background())
			st.Close()
		}
	})
	cfg := querytest.Config(name)
	cfg.Addr = hung.Addr() + "," + shared
	st, err := queries.Open(ctx, cfg)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	read := func() (string, error) {
		rctx, cancel := context.WithTimeout(ctx, 20*time.Second)
		defer cancel()
		as, err := st.Agencies(rctx)
		if err != nil || len(as) != 1 {
			return "", err
		}
		return as[0].Code, nil
	}
	if got, err := read(); got != "HUNG" || err != nil {
		t.Fatalf("before the hang the store reads %q (%v), want the first address's HUNG", got, err)
	}
	hung.Signal(syscall.SIGSTOP)
	defer hung.Signal(syscall.SIGCONT)
	type answer struct {
		code string
		err  error
	}
	waiting := make(chan answer, 1)
	go func() { c, err := read(); waiting <- answer{c, err} }() // sent to the hung server
	counted := make(chan error, 1)
	go func() { // a QueryRow waiting on the hung server: the other address holds one agency too
		rctx, cancel := context.WithTimeout(ctx, 20*time.Second)
		defer cancel()
		n, err := st.CountAgencies(rctx)
		if err == nil && n != 1 {
			err = fmt.Errorf("%d agencies", n)
		}
		counted <- err
	}()
	time.Sleep(100 * time.Millisecond)
	after, err := read()
	if after != "LIVE" || err != nil {
		t.Errorf("a read sent after the hang: %q (%v), want LIVE from the other address", after, err)
	}
	if a := <-waiting; a.code != "LIVE" || a.err != nil {
		t.Errorf("a read waiting on the hung server: %q (%v), want LIVE, sent again to the other address", a.code, a.err)
	}
	if err := <-counted; err != nil {
		t.Errorf("a QueryRow waiting on the hung server: %v, want one agency read from the other address", err)
	}
}

// TestRowsStreamingFromAHungReplicaEnd: a result whose rows are still streaming when
// its replica hangs cannot be sent again (the caller has some of it), so it ends with
// an error saying the replica stopped answering, once the probes leave that replica,
// instead of waiting for the driver's read timeout (the test's deadline is shorter).
func TestRowsStreamingFromAHungReplicaEnd(t *testing.T) {
	ctx := context.Background()
	hung := querytest.StartPrivate(t)
	name := querytest.UniqueName()
	other, err := queries.Open(ctx, querytest.Config(name)) // creates the database on the other address too
	if err != nil {
		t.Fatal(err)
	}
	defer func() {
		_ = other.DropDatabase(context.Background())
		other.Close()
	}()
	cfg := querytest.Config(name)
	cfg.Addr = hung.Addr() + "," + querytest.Config(name).Addr
	st, err := queries.Open(ctx, cfg)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	rctx, cancel := context.WithTimeout(ctx, 20*time.Second)
	defer cancel()
	defer hung.Signal(syscall.SIGCONT)
	n, err := st.SlowNumbers(rctx, 200, 100*time.Millisecond, func() { hung.Signal(syscall.SIGSTOP) })
	if !errors.Is(err, queries.ErrUnavailable) || errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("rows streaming from a replica that hung after %d rows ended with %v, want ErrUnavailable before the deadline", n, err)
	}
	t.Logf("after %d rows: %v", n, err)
	if n >= 200 {
		t.Fatalf("read all %d rows from a hung replica", n)
	}
}
