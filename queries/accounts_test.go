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

func TestUserRevisionReadAtOnce(t *testing.T) {
	t.Parallel()
	st := querytest.MustOpen(t)
	ctx := context.Background()
	if _, err := st.UserByName(ctx, "nobody"); !errors.Is(err, queries.ErrNotFound) {
		t.Fatalf("unknown user: err = %v, want ErrNotFound", err)
	}
	if ok, _ := st.HasAdmin(ctx); ok {
		t.Fatal("empty database has an admin")
	}
	u := queries.User{Username: " An.Nguyen ", Name: "Nguyễn Văn An", Role: queries.RoleAnalyst, Agencies: []string{"SCT", "BQL"}, PasswordHash: "x"}
	if err := st.SaveUser(ctx, u); err != nil {
		t.Fatal(err)
	}
	got, err := st.UserByName(ctx, "AN.NGUYEN")
	if err != nil {
		t.Fatal(err)
	}
	if got.Username != "an.nguyen" || got.Role != queries.RoleAnalyst || strings.Join(got.Agencies, ",") != "SCT,BQL" || got.Disabled {
		t.Fatalf("got %+v", got)
	}
	// A second version in a separate insert wins before any merge.
	got.Role, got.Disabled = queries.RoleAdmin, true
	if err := st.SaveUser(ctx, got); err != nil {
		t.Fatal(err)
	}
	again, _ := st.UserByName(ctx, "an.nguyen")
	if again.Role != queries.RoleAdmin || !again.Disabled || !again.CreatedAt.Equal(got.CreatedAt) {
		t.Fatalf("after revision: %+v", again)
	}
	if ok, _ := st.HasAdmin(ctx); ok {
		t.Fatal("a disabled admin counts as an admin")
	}
	all, _ := st.Users(ctx)
	if len(all) != 1 {
		t.Fatalf("Users = %d rows, want 1 (the newest version)", len(all))
	}
	if err := st.SaveUser(ctx, queries.User{Username: "bad name", Role: queries.RoleViewer}); err == nil {
		t.Fatal("username with a space accepted")
	}
}

func TestSessionRevokeAndValidity(t *testing.T) {
	t.Parallel()
	st := querytest.MustOpen(t)
	ctx := context.Background()
	u := queries.User{Username: "viewer1", Role: queries.RoleViewer}
	token, se, err := st.CreateSession(ctx, "viewer1", "10.0.0.1", "test", time.Now().Add(time.Hour))
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(se.TokenHash, token) || len(se.TokenHash) != 64 {
		t.Fatalf("token hash %q", se.TokenHash)
	}
	got, err := st.SessionByToken(ctx, token)
	if err != nil {
		t.Fatal(err)
	}
	if !got.Valid(u, time.Now()) {
		t.Fatalf("fresh session invalid: %+v", got)
	}
	if got.Valid(u, time.Now().Add(2*time.Hour)) {
		t.Fatal("session valid after expiry")
	}
	u2 := u
	u2.SessionsAfter = uint64(time.Now().UnixNano())
	if got.Valid(u2, time.Now()) {
		t.Fatal("session valid after a password reset")
	}
	if err := st.RevokeSession(ctx, token); err != nil {
		t.Fatal(err)
	}
	got, _ = st.SessionByToken(ctx, token)
	if !got.Revoked || got.Valid(u, time.Now()) {
		t.Fatalf("revoked session still valid: %+v", got)
	}
	if _, err := st.SessionByToken(ctx, "not-a-token"); !errors.Is(err, queries.ErrNotFound) {
		t.Fatalf("unknown token: %v", err)
	}
}

func TestFailedSigninsResetBySuccess(t *testing.T) {
	t.Parallel()
	st := querytest.MustOpen(t)
	ctx := context.Background()
	since := time.Now().Add(-time.Minute)
	keys := []string{"user:a", "ip:1"}
	for i := 0; i < 3; i++ {
		if err := st.RecordSigninAttempt(ctx, keys, false, time.Now()); err != nil {
			t.Fatal(err)
		}
	}
	n, err := st.FailedSignins(ctx, keys, since)
	if err != nil {
		t.Fatal(err)
	}
	if n["user:a"] != 3 || n["ip:1"] != 3 {
		t.Fatalf("failures = %v, want 3 each", n)
	}
	_ = st.RecordSigninAttempt(ctx, []string{"user:a"}, true, time.Now())
	_ = st.RecordSigninAttempt(ctx, keys, false, time.Now())
	n, _ = st.FailedSignins(ctx, keys, since)
	if n["user:a"] != 1 || n["ip:1"] != 4 {
		t.Fatalf("after a success: %v, want user:a 1, ip:1 4", n)
	}
	n, _ = st.FailedSignins(ctx, keys, time.Now().Add(time.Minute))
	if n["user:a"] != 0 {
		t.Fatalf("outside the window: %v", n)
	}
}

func TestAuditRecordAndFilter(t *testing.T) {
	t.Parallel()
	st := querytest.MustOpen(t)
	ctx := context.Background()
	err := st.RecordAudit(ctx,
		queries.AuditEvent{Actor: "admin", Action: queries.AuditUserAdd, ObjectKind: "user", ObjectID: "an", IP: "10.0.0.1"},
		queries.AuditEvent{Actor: "an", Action: queries.AuditUploadAccept, ObjectKind: "upload", ObjectID: "u1", Agency: "SCT", Detail: "Báo cáo năm 2024"},
		queries.AuditEvent{Actor: "x", Action: queries.AuditSigninFail, IP: "10.0.0.9"},
	)
	if err != nil {
		t.Fatal(err)
	}
	all, err := st.AuditEvents(ctx, queries.AuditFilter{})
	if err != nil {
		t.Fatal(err)
	}
	if len(all) != 3 || all[0].Action != queries.AuditSigninFail {
		t.Fatalf("all = %+v, want 3 newest first", all)
	}
	for _, c := range []struct {
		f    queries.AuditFilter
		want int
	}{
		{queries.AuditFilter{Action: "user."}, 1},
		{queries.AuditFilter{Agency: "SCT"}, 1},
		{queries.AuditFilter{Actor: "an"}, 1},
		{queries.AuditFilter{Text: "BÁO CÁO"}, 1},
		{queries.AuditFilter{From: time.Now().Add(time.Hour)}, 0},
		{queries.AuditFilter{To: time.Now().Add(time.Hour), Limit: 2}, 2},
		{queries.AuditFilter{Offset: 2}, 1},
	} {
		got, err := st.AuditEvents(ctx, c.f)
		if err != nil {
			t.Fatal(err)
		}
		if len(got) != c.want {
			t.Errorf("%+v: %d events, want %d", c.f, len(got), c.want)
		}
	}
}
