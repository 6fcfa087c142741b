package main

import (
	"context"
	"strings"
	"testing"

	"github.com/quangngai/chitieu/accounts"
	"github.com/quangngai/chitieu/queries"
)

// The permission to compile a round is given at creation (--compile) or later
// (users compile NAME), taken back with --off, listed, and audited; a profile change
// in the admin UI keeps what it sets.
func TestUsersCompilePermission(t *testing.T) {
	env, out, st := usersEnv(t, nil)
	ctx := context.Background()
	run := func(args ...string) error {
		out.Reset()
		return runUsers(ctx, env, args)
	}
	has := func(name string) bool {
		t.Helper()
		u, err := st.UserByName(ctx, name)
		if err != nil {
			t.Fatal(err)
		}
		return u.CanCompile
	}
	if err := run("add", "bien.tap", "--role", "analyst", "--agency", "SCT", "--compile"); err != nil || !has("bien.tap") {
		t.Fatalf("add --compile: %v\n%s", err, out)
	}
	if err := run("add", "chuyen.vien", "--role", "analyst", "--agency", "SCT"); err != nil || has("chuyen.vien") {
		t.Fatalf("add without --compile: %v", err)
	}
	if err := run("compile", "chuyen.vien"); err != nil || !has("chuyen.vien") {
		t.Fatalf("compile: %v\n%s", err, out)
	}
	if err := run("list"); err != nil || !strings.Contains(out.String(), "active,compile") {
		t.Fatalf("list does not show the permission: %v\n%s", err, out)
	}
	if err := run("compile", "chuyen.vien", "--off"); err != nil || has("chuyen.vien") {
		t.Fatalf("compile --off: %v\n%s", err, out)
	}
	if err := run("compile", "nobody"); err == nil {
		t.Fatal("compile for an unknown user succeeded")
	}
	u, err := accounts.New(st).Update(ctx, accounts.Actor{Name: "test"}, "bien.tap",
		accounts.Profile{Name: "Biên Tập", Role: queries.RoleAnalyst, Agencies: []string{"SCT"}, Compile: true})
	if err != nil || !u.CanCompile || !has("bien.tap") {
		t.Fatalf("a profile update lost the permission: %+v %v", u, err)
	}
	events, err := st.AuditEvents(ctx, queries.AuditFilter{Text: "chuyen.vien"})
	if err != nil {
		t.Fatal(err)
	}
	var compiles int
	for _, e := range events {
		if e.Action == queries.AuditUserUpdate && strings.Contains(e.Detail, "compile") {
			compiles++
		}
	}
	if compiles != 2 {
		t.Errorf("audited permission changes of chuyen.vien: %d, want 2", compiles)
	}
}
