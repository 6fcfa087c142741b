package queries_test

import (
	"context"
	"sync/atomic"
	"testing"
	"time"

	"github.com/quangngai/chitieu/accounts"
	"github.com/quangngai/chitieu/queries"
	"github.com/quangngai/chitieu/queries/querytest"
)

// skewedStore opens a second store on a's database whose host clock runs behind by
// *skew (changeable while it runs: a clock stepped back after the store measured it).
func skewedStore(t *testing.T, a *queries.Store, skew *atomic.Int64) *queries.Store {
	t.Helper()
	cfg := querytest.Config(a.Database())
	cfg.Clock = func() time.Time { return time.Now().Add(-time.Duration(skew.Load())) }
	b, err := queries.Open(context.Background(), cfg)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { b.Close() })
	return b
}

// TestVersionsFollowClickHouseClock: a host whose clock is 10 minutes behind when it
// opens its store writes versions on ClickHouse's clock, within a couple of seconds of
// a correct host's.
func TestVersionsFollowClickHouseClock(t *testing.T) {
	t.Parallel()
	a := querytest.MustOpen(t)
	var skew atomic.Int64
	skew.Store(int64(10 * time.Minute))
	b := skewedStore(t, a, &skew)
	va, vb := a.NewVersion(), b.NewVersion()
	d := time.Duration(int64(va) - int64(vb))
	t.Logf("correct host %d, host 10 min behind %d: %s apart", va, vb, d)
	if d > 2*time.Second || d < -2*time.Second {
		t.Fatalf("versions %s apart", d)
	}
}

// TestSkewedHostCannotReverseWrites: a host's clock steps 10 minutes back after it
// measured ClickHouse's (no resync yet). Writes it makes after reading what another
// host wrote still win: a sign-out after the session, a password reset after a
// sign-in (the old session dies), a sign-in after the reset (the new one lives), an
// account change after another.
func TestSkewedHostCannotReverseWrites(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	a := querytest.MustOpen(t)
	var skew atomic.Int64
	b := skewedStore(t, a, &skew)
	skew.Store(int64(10 * time.Minute))
	if v := b.NewVersion(); v > a.NewVersion() {
		t.Fatalf("the clock of b is not behind (%d)", v)
	}
	hash, err := accounts.HashPassword("mật-khẩu-cũ-12345")
	if err != nil {
		t.Fatal(err)
	}
	if err := a.SaveUser(ctx, queries.User{Username: "alice", Name: "Alice", Role: "analyst", PasswordHash: hash}); err != nil {
		t.Fatal(err)
	}
	expires := time.Now().Add(time.Hour)

	// Sign-out through b of a session made through a.
	tok, _, err := a.CreateSession(ctx, "alice", "10.0.0.1", "test", expires)
	if err != nil {
		t.Fatal(err)
	}
	if err := b.RevokeSession(ctx, tok); err != nil {
		t.Fatal(err)
	}
	if se, err := a.SessionByToken(ctx, tok); err != nil || !se.Revoked {
		t.Fatalf("the sign-out lost to the session it ends: %+v %v", se, err)
	}

	// Password reset through b after a sign-in through a: that session dies.
	tok2, _, err := a.CreateSession(ctx, "alice", "10.0.0.1", "test", expires)
	if err != nil {
		t.Fatal(err)
	}
	u, err := b.UserByName(ctx, "alice")
	if err != nil {
		t.Fatal(err)
	}
	if u.SessionsAfter, err = b.SessionsCutoff(ctx, "alice"); err != nil {
		t.Fatal(err)
	}
	if err := b.SaveUser(ctx, u); err != nil {
		t.Fatal(err)
	}
	se, cu, err := a.SessionWithUser(ctx, tok2)
	if err != nil {
		t.Fatal(err)
	}
	if se.Valid(cu, time.Now()) {
		t.Fatalf("a session older than the password reset still works: issued %d, sessions after %d", se.Issued, cu.SessionsAfter)
	}

	// A sign-in through b after a reset through a: the new session works.
	u, _ = a.UserByName(ctx, "alice")
	if u.SessionsAfter, err = a.SessionsCutoff(ctx, "alice"); err != nil {
		t.Fatal(err)
	}
	if err := a.SaveUser(ctx, u); err != nil {
		t.Fatal(err)
	}
	tok3, _, err := b.CreateSession(ctx, "alice", "10.0.0.2", "test", expires)
	if err != nil {
		t.Fatal(err)
	}
	if se, cu, err := a.SessionWithUser(ctx, tok3); err != nil || !se.Valid(cu, time.Now()) {
		t.Fatalf("a sign-in after the reset is refused: issued %d, sessions after %d, %v", se.Issued, cu.SessionsAfter, err)
	}

	// An account change through b after one through a wins.
	u, _ = a.UserByName(ctx, "alice")
	u.Name = "Alice (a)"
	if err := a.SaveUser(ctx, u); err != nil {
		t.Fatal(err)
	}
	u.Name = "Alice (b)"
	if err := b.SaveUser(ctx, u); err != nil {
		t.Fatal(err)
	}
	if got, _ := a.UserByName(ctx, "alice"); got.Name != "Alice (b)" {
		t.Fatalf("the later account change lost: %q", got.Name)
	}
}
