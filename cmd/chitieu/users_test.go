package main

import (
	"bytes"
	"context"
	"regexp"
	"strings"
	"testing"

	"github.com/quangngai/chitieu/accounts"
	"github.com/quangngai/chitieu/queries"
	"github.com/quangngai/chitieu/queries/querytest"
)

// Passwords hash cheaply here (querytest.Main).
func TestMain(m *testing.M) { querytest.Main(m) }

// usersEnv runs `chitieu users ...` against a fresh database holding the catalogue.
func usersEnv(t *testing.T, extra map[string]string) (*Env, *bytes.Buffer, *queries.Store) {
	t.Helper()
	st := querytest.MustOpen(t)
	must := func(err error) {
		if err != nil {
			t.Fatal(err)
		}
	}
	must(st.SaveAgencies(context.Background(), []queries.Agency{{Code: "SCT", NameVI: "Sở Công Thương"}, {Code: "BQL", NameVI: "BQL"}}))
	env, out := testEnv(t, st.Database(), extra)
	return env, out, st
}

var oneTime = regexp.MustCompile(`shown once\): (\S+)`)

// The cases share stdin, so they run one after the other.
func TestUsersCommand(t *testing.T) {
	env, out, st := usersEnv(t, nil)
	ctx := context.Background()
	run := func(args ...string) error {
		out.Reset()
		return runUsers(ctx, env, args)
	}
	if err := run("add", "An.Nguyen", "--role", "analyst", "--agency", "SCT", "--agency", "BQL,SCT", "--name", "Nguyễn Văn An"); err != nil {
		t.Fatalf("add: %v\n%s", err, out)
	}
	m := oneTime.FindStringSubmatch(out.String())
	if m == nil {
		t.Fatalf("no generated password printed:\n%s", out)
	}
	u, err := st.UserByName(ctx, "an.nguyen")
	if err != nil || u.Role != "analyst" || strings.Join(u.Agencies, ",") != "SCT,BQL" || !accounts.VerifyPassword(u.PasswordHash, m[1]) {
		t.Fatalf("stored %+v %v", u, err)
	}
	if err := run("add", "an.nguyen", "--role", "viewer"); err == nil {
		t.Fatal("duplicate username accepted")
	}
	if err := run("add", "x1", "--role", "analyst"); err == nil || !strings.Contains(cliText(err), "agency") {
		t.Fatalf("analyst without agency: %v", err)
	}
	if err := run("add", "x2", "--role", "analyst", "--agency", "NOPE"); err == nil || !strings.Contains(cliText(err), "NOPE") {
		t.Fatalf("unknown agency: %v", err)
	}
	if err := run("add", "x3", "--role", "god"); err == nil {
		t.Fatal("bad role accepted")
	}
	stdin = strings.NewReader("mật-khẩu-từ-stdin\n")
	defer func() { stdin = nil }()
	if err := run("passwd", "an.nguyen", "--password-stdin"); err != nil {
		t.Fatalf("passwd: %v", err)
	}
	if u, _ = st.UserByName(ctx, "an.nguyen"); !accounts.VerifyPassword(u.PasswordHash, "mật-khẩu-từ-stdin") || u.SessionsAfter == 0 {
		t.Fatalf("password from stdin not set, or sessions not ended: %+v", u)
	}
	if strings.Contains(out.String(), "mật-khẩu-từ-stdin") {
		t.Fatal("a password read from stdin was echoed")
	}
	stdin = strings.NewReader("short\n")
	if err := run("passwd", "an.nguyen", "--password-stdin"); err == nil {
		t.Fatal("short password accepted")
	}
	if err := run("disable", "an.nguyen"); err != nil {
		t.Fatal(err)
	}
	if err := run("list"); err != nil || !regexp.MustCompile(`an\.nguyen\s+analyst\s+SCT,BQL\s+disabled`).MatchString(out.String()) {
		t.Fatalf("list: %v\n%s", err, out)
	}
	if err := run("enable", "an.nguyen"); err != nil {
		t.Fatal(err)
	}
	if err := run("disable", "nobody"); err == nil {
		t.Fatal("disabling an unknown user succeeded")
	}
	// The same rule as the admin UI: the last enabled admin cannot be disabled (the
	// command line is no account, so "not yourself" becomes "not the last one").
	stdin = strings.NewReader("mật-khẩu-quản-trị\n")
	if err := run("add", "boss", "--role", "admin", "--password-stdin"); err != nil {
		t.Fatal(err)
	}
	if err := run("disable", "boss"); err == nil || !strings.Contains(cliText(err), "last enabled admin") {
		t.Fatalf("disabling the last admin: %v", err)
	}
	if u, _ := st.UserByName(ctx, "boss"); u.Disabled {
		t.Fatal("the last admin was disabled")
	}
	// The 1024-byte password cap holds here too.
	stdin = strings.NewReader(strings.Repeat("a", 1025) + "\n")
	if err := run("passwd", "boss", "--password-stdin"); err == nil {
		t.Fatal("a 1025-byte password accepted")
	}
	ev, _ := st.AuditEvents(ctx, queries.AuditFilter{Action: "user."})
	if len(ev) != 5 || !strings.HasPrefix(ev[0].Actor, "cli") {
		t.Fatalf("audit %+v", ev)
	}
}

func TestBootstrapAdmin(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	t.Run("generated once", func(t *testing.T) {
		t.Parallel()
		env, out, st := usersEnv(t, nil)
		if err := bootstrapAdmin(ctx, env, st); err != nil {
			t.Fatal(err)
		}
		m := regexp.MustCompile(`\(password\):\s+(\S+)`).FindStringSubmatch(out.String())
		u, err := st.UserByName(ctx, "admin")
		if m == nil || err != nil || u.Role != "admin" || !accounts.VerifyPassword(u.PasswordHash, m[1]) {
			t.Fatalf("first start: %v\n%s", err, out)
		}
		out.Reset()
		if err := bootstrapAdmin(ctx, env, st); err != nil || out.Len() != 0 {
			t.Fatalf("second start printed %q (%v); an admin exists", out, err)
		}
	})
	t.Run("from the environment", func(t *testing.T) {
		t.Parallel()
		env, out, st := usersEnv(t, map[string]string{"CHITIEU_ADMIN_PASSWORD": "mật-khẩu-môi-trường"})
		if err := bootstrapAdmin(ctx, env, st); err != nil {
			t.Fatal(err)
		}
		u, _ := st.UserByName(ctx, "admin")
		if !accounts.VerifyPassword(u.PasswordHash, "mật-khẩu-môi-trường") || strings.Contains(out.String(), "mật-khẩu-môi-trường") {
			t.Fatalf("env password: %s", out)
		}
		env.Config.AdminPassword = "short"
		if err := bootstrapAdmin(ctx, env, st); err == nil {
			t.Fatal("a short CHITIEU_ADMIN_PASSWORD accepted")
		}
	})
	t.Run("demo renews until a person changes it", func(t *testing.T) {
		t.Parallel()
		env, out, st := usersEnv(t, map[string]string{"CHITIEU_DEMO_ADMIN": "true"})
		pw := func() string {
			out.Reset()
			if err := bootstrapAdmin(ctx, env, st); err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(out.String(), "DEMO") {
				t.Fatalf("demo admin not announced:\n%s", out)
			}
			m := regexp.MustCompile(`\(password\):\s+(\S+)`).FindStringSubmatch(out.String())
			if m == nil {
				return ""
			}
			return m[1]
		}
		first := pw()
		second := pw()
		u, _ := st.UserByName(ctx, "admin")
		if first == "" || second == "" || !accounts.VerifyPassword(u.PasswordHash, second) {
			t.Fatalf("demo restart must print a working password: %q %q", first, second)
		}
		u.UpdatedBy = "admin" // the person changed their password
		if err := st.SaveUser(ctx, u); err != nil {
			t.Fatal(err)
		}
		out.Reset()
		if err := bootstrapAdmin(ctx, env, st); err != nil || strings.Contains(out.String(), "(password)") {
			t.Fatalf("demo admin changed by a person got a new password: %s", out)
		}
	})
}

// cliText is err as the command line prints it.
func cliText(err error) string {
	msg, _ := cliError(err)
	return msg
}
