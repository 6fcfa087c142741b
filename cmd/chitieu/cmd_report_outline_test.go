package main

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/quangngai/chitieu/ingest"
	"github.com/quangngai/chitieu/queries"
	"github.com/quangngai/chitieu/queries/querytest"
)

// outlineEnv is an empty migrated database (the 2023 outline comes with the migrations).
func outlineEnv(t *testing.T) (*Env, *bytes.Buffer) {
	t.Helper()
	db := querytest.UniqueName()
	chCfg := querytest.Config(db)
	st, err := queries.Open(context.Background(), chCfg)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := st.Migrate(context.Background()); err != nil {
		t.Fatal(err)
	}
	st.Close()
	t.Cleanup(func() { dropDatabase(t, chCfg) })
	return testEnv(t, db, nil)
}

// chitieu outline copy + chitieu round --outline: a round names its outline; a typo in
// the outline code changes nothing.
func TestRoundNamesOutline(t *testing.T) {
	env, out := outlineEnv(t)
	ctx := context.Background()
	if err := commands["outline"].run(ctx, env, []string{"copy", "DC-2023", "DC-2026", "--name", "Đề cương 2026"}); err != nil {
		t.Fatalf("copy: %v\n%s", err, out)
	}
	out.Reset()
	err := commands["round"].run(ctx, env, []string{"--year", "2026", "--deadline", "20/12/2026", "--outline", "DC-2O26"})
	var code exitCode
	if !errors.As(err, &code) || code != 1 || !strings.Contains(out.String(), "không có đề cương") {
		t.Fatalf("unknown outline: %v\n%s", err, out)
	}
	out.Reset()
	if err := commands["round"].run(ctx, env, []string{"--year", "2026", "--deadline", "20/12/2026", "--outline", "DC-2026"}); err != nil {
		t.Fatalf("round: %v\n%s", err, out)
	}
	if !strings.Contains(out.String(), "theo đề cương DC-2026") {
		t.Fatalf("round output: %s", out)
	}
	out.Reset()
	if err := commands["outline"].run(ctx, env, []string{"show", "DC-2026"}); err != nil || !strings.Contains(out.String(), "II.4.1\tnarrative") {
		t.Fatalf("show: %v\n%s", err, out)
	}
}

// chitieu report-template writes the round's outline as a .docx that reads back whole.
func TestReportTemplateCommand(t *testing.T) {
	env, out := outlineEnv(t)
	ctx := context.Background()
	st, err := openStore(ctx, env.Config)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if err := st.SaveAgencies(ctx, []queries.Agency{{Code: "SXD", NameVI: "Sở Xây dựng"}}); err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(t.TempDir(), "mau.docx")
	if err := commands["report-template"].run(ctx, env, []string{"--agency", "SXD", "--year", "2026", "--out", file}); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	b, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	o, _ := st.RoundOutline(ctx, 2026)
	got, err := ingest.ParseDocxAnswer(b, o, nil, nil)
	if err != nil || got.HasErrors() || len(got.Placements) != len(o.Items) {
		t.Fatalf("template read back: %v %+v", err, got.Problems)
	}
	out.Reset()
	err = commands["report-template"].run(ctx, env, []string{"--agency", "NOPE", "--year", "2026", "--out", file})
	var code exitCode
	if !errors.As(err, &code) || code != 1 {
		t.Fatalf("unknown agency: %v %s", err, out)
	}
}
