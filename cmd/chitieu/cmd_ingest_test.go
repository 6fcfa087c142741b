package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/quangngai/chitieu/ingest"
	"github.com/quangngai/chitieu/queries"
	"github.com/quangngai/chitieu/queries/querytest"
)

// ingestEnv is a fresh database with the demo catalogue and the seed assignments.
func ingestEnv(t *testing.T) (*Env, *bytes.Buffer) {
	t.Helper()
	db := querytest.UniqueName()
	chCfg := querytest.Config(db)
	env, out := testEnv(t, db, nil)
	cfg := env.Config
	ctx := context.Background()
	if err := runDemo(ctx, env, nil); err != nil {
		t.Fatalf("demo: %v\n%s", err, out.String())
	}
	st, err := openStore(ctx, cfg)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if err := ingest.SeedAssignments(ctx, st); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { dropDatabase(t, chCfg) })
	out.Reset()
	return env, out
}

func TestIngestCommand(t *testing.T) {
	t.Parallel()
	env, out := ingestEnv(t)
	ctx := context.Background()
	good := filepath.Join("..", "..", "testdata", "ingest", "good", "example.csv")
	bad := filepath.Join("..", "..", "testdata", "ingest", "bad", "duplicate-figure.csv")

	if err := runIngest(ctx, env, []string{good, "--dry-run", "--user", "tester"}); err != nil {
		t.Fatalf("dry run: %v\n%s", err, out)
	}
	if !strings.Contains(out.String(), "XEM TRƯỚC") {
		t.Fatalf("dry run output:\n%s", out)
	}
	out.Reset()
	if err := runIngest(ctx, env, []string{"--json", good}); err != nil {
		t.Fatalf("ingest: %v\n%s", err, out)
	}
	var reps []queries.IngestReport
	if err := json.Unmarshal(out.Bytes(), &reps); err != nil || len(reps) != 1 || reps[0].Outcome != queries.UploadAccepted {
		t.Fatalf("json report: %v\n%s", err, out)
	}

	// One rejected file among good ones: every file is reported, the exit status is 1.
	out.Reset()
	err := runIngest(ctx, env, []string{good, bad})
	var code exitCode
	if !errors.As(err, &code) || code != 1 {
		t.Fatalf("err = %v, want exit status 1\n%s", err, out)
	}
	text := out.String()
	if !strings.Contains(text, "TRÙNG (duplicate)") || !strings.Contains(text, `LỖI dòng 3, cột "indicator"`) || !strings.Contains(text, "(EN)") {
		t.Fatalf("output:\n%s", text)
	}
}

func TestTemplateAndNilReportCommands(t *testing.T) {
	t.Parallel()
	env, out := ingestEnv(t)
	ctx := context.Background()
	file := filepath.Join(t.TempDir(), "bql.xlsx")
	if err := commands["template"].run(ctx, env, []string{"--agency", "BQL", "--year", "2024", "-o", file}); err != nil {
		t.Fatalf("template: %v\n%s", err, out)
	}
	if b, err := os.ReadFile(file); err != nil || !bytes.HasPrefix(b, []byte("PK")) {
		t.Fatalf("template file: %v", err)
	}
	out.Reset()
	if err := runIngest(ctx, env, []string{file, "--agency", "BQL", "--year", "2024"}); err != nil {
		t.Fatalf("uploading the untouched template: %v\n%s", err, out)
	}
	out.Reset()
	err := commands["nil-report"].run(ctx, env, []string{"--agency", "BDT", "--year", "2023", "--letter-no", "1234/BDT-CSDT",
		"--letter-date", "15/12/2023", "--signer", "Nguyễn Thế Nhân"})
	if err != nil || !strings.Contains(out.String(), "không được giao nhiệm vụ") {
		t.Fatalf("nil-report: %v\n%s", err, out)
	}
	out.Reset()
	err = commands["nil-report"].run(ctx, env, []string{"--agency", "BDT", "--year", "2023"})
	var code exitCode
	if !errors.As(err, &code) || code != 1 || !strings.Contains(out.String(), "Thiếu số của công văn") {
		t.Fatalf("incomplete nil-report: %v\n%s", err, out)
	}
	if err := commands["round"].run(ctx, env, []string{"--year", "2023", "--letter-no", "3006/SCT-QLCN", "--letter-date", "08/12/2023", "--deadline", "20/12/2023"}); err != nil {
		t.Fatalf("round: %v", err)
	}
}
