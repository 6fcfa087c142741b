package accounts_test

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/quangngai/chitieu/accounts"
	"github.com/quangngai/chitieu/locale"
	"github.com/quangngai/chitieu/queries"
	"github.com/quangngai/chitieu/queries/querytest"
)

// Passwords hash cheaply here (querytest.Main).
func TestMain(m *testing.M) { querytest.Main(m) }

// newService is the service on a fresh database with two agencies and one admin.
func newService(t *testing.T) (*accounts.Service, *querytest.Clock) {
	t.Helper()
	st := querytest.MustOpen(t)
	ctx := context.Background()
	must(t, st.SaveAgencies(ctx, []queries.Agency{{Code: "SCT", NameVI: "Sở Công Thương"}, {Code: "BQL", NameVI: "BQL"}}))
	must(t, st.SaveUser(ctx, queries.User{Username: "boss", Role: queries.RoleAdmin, PasswordHash: "x"}))
	c := &querytest.Clock{}
	return &accounts.Service{Store: st, Now: c.Now}, c
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

// kindOf is the rule kind an error carries, 0 for none.
func kindOf(err error) accounts.Kind {
	var e *accounts.Error
	if errors.As(err, &e) {
		return e.Kind
	}
	return 0
}

// worded is a broken rule as people read it, Vietnamese then English.
func worded(err error) string {
	var e *accounts.Error
	if !errors.As(err, &e) {
		return fmt.Sprint(err)
	}
	return locale.Render("vi", e) + " " + locale.Render("en", e)
}

var boss = accounts.Actor{Username: "boss", IP: "10.1.2.3", UserAgent: "test"}

func TestPasswordPolicy(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		password string
		ok       bool
	}{
		{"", false},
		{"chín-ký-t", false}, // 9 characters
		{"mười-ký-tự", true}, // 10 characters, more bytes
		{strings.Repeat("a", accounts.MaxPasswordBytes), true},
		{strings.Repeat("a", accounts.MaxPasswordBytes+1), false},
		{strings.Repeat("ễ", accounts.MaxPasswordBytes/3+1), false}, // bytes count, not characters
	} {
		if err := accounts.CheckPassword(tc.password); (err == nil) != tc.ok || err != nil && kindOf(err) != accounts.Invalid {
			t.Errorf("CheckPassword(%d bytes) = %v, want ok=%v", len(tc.password), err, tc.ok)
		}
	}
}

func TestAddChecksProfile(t *testing.T) {
	t.Parallel()
	s, _ := newService(t)
	ctx := context.Background()
	for _, tc := range []struct {
		name string
		a    accounts.NewAccount
		kind accounts.Kind
		says string
	}{
		{"bad username", accounts.NewAccount{Username: "Ä", Profile: accounts.Profile{Role: "viewer"}}, accounts.Invalid, "Tên đăng nhập"},
		{"bad role", accounts.NewAccount{Username: "x1", Profile: accounts.Profile{Role: "root"}}, accounts.Invalid, "Vai trò"},
		{"name too long", accounts.NewAccount{Username: "x2", Profile: accounts.Profile{Role: "viewer", Name: strings.Repeat("ễ", accounts.MaxNameRunes+1)}}, accounts.Invalid, "Họ tên"},
		{"analyst without agency", accounts.NewAccount{Username: "x3", Profile: accounts.Profile{Role: "analyst"}}, accounts.Invalid, "đơn vị"},
		{"unknown agency", accounts.NewAccount{Username: "x4", Profile: accounts.Profile{Role: "analyst", Agencies: []string{"NOPE"}}}, accounts.Invalid, "NOPE"},
		{"short password", accounts.NewAccount{Username: "x5", Profile: accounts.Profile{Role: "viewer"}, Password: "ngắn"}, accounts.Invalid, "Mật khẩu"},
		{"taken", accounts.NewAccount{Username: " BOSS ", Profile: accounts.Profile{Role: "viewer"}}, accounts.Conflict, "boss"},
	} {
		_, err := s.Add(ctx, boss, tc.a)
		if kindOf(err) != tc.kind || !strings.Contains(worded(err), tc.says) {
			t.Errorf("%s: %v, want kind %d saying %q", tc.name, err, tc.kind, tc.says)
		}
		if _, err := s.Store.UserByName(ctx, tc.a.Username); tc.kind == accounts.Invalid && !errors.Is(err, queries.ErrNotFound) {
			t.Errorf("%s: the refused account was written", tc.name)
		}
	}
	// A name of exactly MaxNameRunes, agencies repeated and padded: accepted, cleaned,
	// a generated password that verifies, and an audit entry naming actor and address.
	pw, err := s.Add(ctx, boss, accounts.NewAccount{Username: "An.Nguyen", Profile: accounts.Profile{Role: "analyst",
		Name: strings.Repeat("ễ", accounts.MaxNameRunes), Agencies: []string{" SCT", "BQL", "SCT", ""}}})
	must(t, err)
	u, err := s.Store.UserByName(ctx, "an.nguyen")
	must(t, err)
	if strings.Join(u.Agencies, ",") != "SCT,BQL" || !accounts.VerifyPassword(u.PasswordHash, pw) || u.UpdatedBy != "boss" {
		t.Fatalf("stored %+v (password %q)", u, pw)
	}
	ev, err := s.Store.AuditEvents(ctx, queries.AuditFilter{Action: queries.AuditUserAdd})
	must(t, err)
	if len(ev) != 1 || ev[0].Actor != "boss" || ev[0].IP != "10.1.2.3" || ev[0].ObjectID != "an.nguyen" {
		t.Fatalf("audit %+v", ev)
	}
}

// An admin cannot demote or disable themself; nobody can demote or disable the last
// enabled admin (the command line acts as no account, so this is what stops it).
func TestAdminKeepsAdmin(t *testing.T) {
	t.Parallel()
	s, _ := newService(t)
	ctx := context.Background()
	cli := accounts.Actor{Name: "cli:root"}
	if _, err := s.Update(ctx, boss, "boss", accounts.Profile{Role: "viewer"}); kindOf(err) != accounts.Forbidden {
		t.Fatalf("self-demote: %v", err)
	}
	if _, err := s.SetDisabled(ctx, boss, "boss", true); kindOf(err) != accounts.Forbidden {
		t.Fatalf("self-disable: %v", err)
	}
	if _, err := s.SetDisabled(ctx, cli, "boss", true); kindOf(err) != accounts.Forbidden || !strings.Contains(worded(err), "last") {
		t.Fatalf("disabling the last admin from the command line: %v", err)
	}
	if _, err := s.Update(ctx, cli, "boss", accounts.Profile{Role: "viewer"}); kindOf(err) != accounts.Forbidden {
		t.Fatalf("demoting the last admin from the command line: %v", err)
	}
	// With a second admin, either may disable the other.
	_, err := s.Add(ctx, boss, accounts.NewAccount{Username: "deputy", Profile: accounts.Profile{Role: "admin"}})
	must(t, err)
	if _, err := s.SetDisabled(ctx, cli, "boss", true); err != nil {
		t.Fatalf("disabling one of two admins: %v", err)
	}
	if _, err := s.Update(ctx, boss, "nobody", accounts.Profile{Role: "viewer"}); kindOf(err) != accounts.NotFound {
		t.Fatalf("unknown user: %v", err)
	}
}

// Disabling and a password reset end the user's sessions as of the service's clock.
func TestChangesEndSessions(t *testing.T) {
	t.Parallel()
	s, c := newService(t)
	ctx := context.Background()
	_, err := s.Add(ctx, boss, accounts.NewAccount{Username: "viewer", Profile: accounts.Profile{Role: "viewer"}})
	must(t, err)
	c.Advance(time.Hour)
	u, err := s.SetDisabled(ctx, boss, "viewer", true)
	must(t, err)
	if got := time.Unix(0, int64(u.SessionsAfter)); got.Before(time.Now().Add(59 * time.Minute)) {
		t.Fatalf("disable: sessions end at %s, want the service's clock (an hour ahead)", got)
	}
	c.Advance(time.Hour)
	u, pw, err := s.ResetPassword(ctx, boss, "viewer", "")
	must(t, err)
	if got := time.Unix(0, int64(u.SessionsAfter)); got.Before(time.Now().Add(119*time.Minute)) || !accounts.VerifyPassword(u.PasswordHash, pw) {
		t.Fatalf("reset: sessions end at %s; password %q", got, pw)
	}
	if _, err := s.ChangeOwnPassword(ctx, accounts.Actor{Username: "viewer"}, "mật-khẩu-mới-1", "mật-khẩu-mới-2"); kindOf(err) != accounts.Invalid {
		t.Fatalf("new passwords that differ: %v", err)
	}
	ev, err := s.Store.AuditEvents(ctx, queries.AuditFilter{Action: "user."})
	must(t, err)
	if len(ev) != 3 {
		t.Fatalf("audit: %+v", ev)
	}
}

func TestBootstrap(t *testing.T) {
	t.Parallel()
	st := querytest.MustOpen(t)
	s := accounts.New(st)
	ctx := context.Background()
	if _, err := s.Bootstrap(ctx, "ngắn", false, accounts.Actor{}); kindOf(err) != accounts.Invalid {
		t.Fatalf("short password: %v", err)
	}
	res, err := s.Bootstrap(ctx, "", false, accounts.Actor{})
	must(t, err)
	u, err := st.UserByName(ctx, accounts.FirstAdmin)
	must(t, err)
	if !res.Prepared || u.Role != queries.RoleAdmin || !accounts.VerifyPassword(u.PasswordHash, res.Password) {
		t.Fatalf("first start: %+v %+v", res, u)
	}
	if res, err = s.Bootstrap(ctx, "", false, accounts.Actor{}); err != nil || res.Prepared {
		t.Fatalf("an admin exists, yet: %+v %v", res, err)
	}
}

// The cache serves a session from memory while the accounts stamp is confirmed
// unchanged within RevocationBound, and forgets it once a poll after the revocation
// has run; expiry is checked against the clock on every hit.
func TestSessionCacheBound(t *testing.T) {
	t.Parallel()
	s, c := newService(t)
	ctx := context.Background()
	cache := &accounts.SessionCache{Store: s.Store, Now: c.Now}
	now := c.Now()
	tok, _, err := s.Store.CreateSessionAt(ctx, "boss", "10.0.0.1", "t", now, now.Add(time.Hour))
	must(t, err)
	if u, err := cache.User(ctx, tok); err != nil || u.Username != "boss" {
		t.Fatalf("first: %+v %v", u, err)
	}
	// Revoked in the store behind the cache's back (as another server would).
	must(t, s.Store.RevokeSession(ctx, tok))
	if _, err := cache.User(ctx, tok); err != nil {
		t.Fatalf("within the bound the cached session may still serve: %v", err)
	}
	c.Advance(accounts.RevocationBound + time.Millisecond)
	if _, err := cache.User(ctx, tok); !errors.Is(err, queries.ErrNotFound) {
		t.Fatalf("after the bound: %v, want ErrNotFound", err)
	}
	// Expiry needs no poll: the clock alone ends a cached session.
	tok2, _, err := s.Store.CreateSessionAt(ctx, "boss", "10.0.0.1", "t", c.Now(), c.Now().Add(10*time.Second))
	must(t, err)
	if _, err := cache.User(ctx, tok2); err != nil {
		t.Fatal(err)
	}
	c.Advance(11 * time.Second)
	if _, err := cache.User(ctx, tok2); !errors.Is(err, queries.ErrNotFound) {
		t.Fatalf("expired: %v", err)
	}
	if _, err := cache.User(ctx, "no-such-token"); !errors.Is(err, queries.ErrNotFound) {
		t.Fatalf("unknown token: %v", err)
	}
}
