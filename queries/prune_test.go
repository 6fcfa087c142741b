package queries_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/quangngai/chitieu/queries"
	"github.com/quangngai/chitieu/queries/querytest"
)

// Old months of sessions and sign-in attempts go whole; the current month stays.
func TestDropMonthsBefore(t *testing.T) {
	t.Parallel()
	st := querytest.MustOpen(t)
	ctx := context.Background()
	old := time.Date(2020, 3, 15, 12, 0, 0, 0, time.UTC)
	now := time.Now()
	oldTok, _, err := st.CreateSessionAt(ctx, "u1", "", "", old, old.Add(time.Hour))
	if err != nil {
		t.Fatal(err)
	}
	newTok, _, err := st.CreateSessionAt(ctx, "u1", "", "", now, now.Add(time.Hour))
	if err != nil {
		t.Fatal(err)
	}
	if err := st.RecordSigninAttempt(ctx, []string{"user:u1"}, false, old); err != nil {
		t.Fatal(err)
	}
	if err := st.RecordSigninAttempt(ctx, []string{"user:u1"}, false, now); err != nil {
		t.Fatal(err)
	}
	if n, err := st.DropMonthsBefore(ctx, "sessions", now.Add(-48*time.Hour)); err != nil || n != 1 {
		t.Fatalf("sessions: dropped %d, %v", n, err)
	}
	if _, err := st.SessionByToken(ctx, oldTok); !errors.Is(err, queries.ErrNotFound) {
		t.Fatalf("the 2020 session survived: %v", err)
	}
	if _, err := st.SessionByToken(ctx, newTok); err != nil {
		t.Fatalf("today's session went: %v", err)
	}
	if n, err := st.DropMonthsBefore(ctx, "signin_attempts", now.Add(-48*time.Hour)); err != nil || n != 1 {
		t.Fatalf("attempts: dropped %d, %v", n, err)
	}
	if got, _ := st.FailedSignins(ctx, []string{"user:u1"}, old.Add(-time.Hour)); got["user:u1"] != 1 {
		t.Fatalf("failed sign-ins left: %v, want today's one", got)
	}
	if _, err := st.DropMonthsBefore(ctx, "audit_log", now); err == nil {
		t.Fatal("the audit trail must not be pruned")
	}
}

// One query reads a session with its user; either missing is ErrNotFound.
func TestSessionWithUser(t *testing.T) {
	t.Parallel()
	st := querytest.MustOpen(t)
	ctx := context.Background()
	if err := st.SaveUser(ctx, queries.User{Username: "an", Name: "An", Role: queries.RoleAnalyst, Agencies: []string{"SCT"}}); err != nil {
		t.Fatal(err)
	}
	now := time.Now()
	tok, _, err := st.CreateSessionAt(ctx, "an", "10.0.0.1", "ua", now, now.Add(time.Hour))
	if err != nil {
		t.Fatal(err)
	}
	se, u, err := st.SessionWithUser(ctx, tok)
	if err != nil || u.Username != "an" || u.Name != "An" || u.Role != "analyst" || len(u.Agencies) != 1 || se.IP != "10.0.0.1" || !se.Valid(u, now) {
		t.Fatalf("got %+v %+v %v", se, u, err)
	}
	if err := st.RevokeSession(ctx, tok); err != nil {
		t.Fatal(err)
	}
	if se, _, err = st.SessionWithUser(ctx, tok); err != nil || !se.Revoked {
		t.Fatalf("revoked version not read at once: %+v %v", se, err)
	}
	orphan, _, _ := st.CreateSessionAt(ctx, "ghost", "", "", now, now.Add(time.Hour))
	for _, tk := range []string{orphan, "no-such-token"} {
		if _, _, err := st.SessionWithUser(ctx, tk); !errors.Is(err, queries.ErrNotFound) {
			t.Fatalf("%q: %v, want ErrNotFound", tk, err)
		}
	}
}
