package main

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"github.com/quangngai/chitieu/queries"
)

// What the command line writes is in the audit trail (/admin/audit reads it), like
// the same writes through the web: an upload, a nil report, a round, an outline copy,
// each with the person at the terminal and the command.
func TestCLIWritesAreAudited(t *testing.T) {
	t.Parallel()
	env, out := ingestEnv(t)
	ctx := context.Background()
	good := filepath.Join("..", "..", "testdata", "ingest", "good", "example.csv")
	steps := []struct {
		cmd  string
		args []string
	}{
		{"ingest", []string{good, "--user", "cli:kiemtra"}},
		{"nil-report", []string{"--agency", "BDT", "--year", "2023", "--letter-no", "1234/BDT-CSDT",
			"--letter-date", "15/12/2023", "--signer", "Nguyễn Thế Nhân", "--user", "cli:kiemtra"}},
		{"outline", []string{"copy", "DC-2023", "DC-2026"}},
		{"round", []string{"--year", "2026", "--letter-no", "3006/SCT-QLCN", "--letter-date", "08/12/2026",
			"--deadline", "31/12/2026", "--outline", "DC-2026"}},
	}
	for _, s := range steps {
		if err := commands[s.cmd].run(ctx, env, s.args); err != nil {
			t.Fatalf("%s: %v\n%s", s.cmd, err, out)
		}
	}
	st, err := openStore(ctx, env.Config)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	evs, err := st.AuditEvents(ctx, queries.AuditFilter{Limit: 100})
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{queries.AuditUploadAccept: "example.csv", queries.AuditNilReport: "1234/BDT-CSDT",
		"outline.copy": "DC-2023", "round.open": "08/12/2026"}
	for _, e := range evs {
		if w, ok := want[e.Action]; ok && strings.Contains(e.Detail+e.ObjectID, w) && strings.HasPrefix(e.Actor, "cli") {
			delete(want, e.Action)
		}
	}
	if len(want) > 0 {
		t.Fatalf("not audited: %v\nevents: %+v", want, evs)
	}
}
