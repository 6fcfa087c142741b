package ingest

import (
	"bufio"
	"context"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/quangngai/chitieu/queries"
)

// expectations reads DIR/EXPECTED.txt: "file code [location]" or "file ok new=N".
func expectations(t *testing.T, dir string) map[string][]string {
	t.Helper()
	f, err := os.Open(filepath.Join(dir, "EXPECTED.txt"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	out := map[string][]string{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		name, rest, _ := strings.Cut(line, " ")
		out[name] = append(out[name], strings.TrimSpace(rest))
	}
	return out
}

// TestBadFileCorpus: every file in testdata/ingest/bad is rejected with its expected
// error at its expected place, without panic or hang, and nothing is written.
func TestBadFileCorpus(t *testing.T) {
	t.Parallel()
	st, in := seeded(t)
	dir := filepath.Join(corpusDir, "bad")
	want := expectations(t, dir)
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, e := range entries {
		name := e.Name()
		if name == "EXPECTED.txt" {
			continue
		}
		n++
		exp, ok := want[name]
		if !ok {
			t.Errorf("%s has no line in EXPECTED.txt", name)
			continue
		}
		body, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		// The deadline only stops a hang (file_timeout, which the expectations then
		// reject); how long each file takes is BenchmarkBadFileCorpus's business.
		ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
		rep, err := in.Ingest(ctx, queries.UploadRequest{FileName: name, Content: body, User: "corpus"})
		cancel()
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		if rep.Outcome != queries.UploadRejected {
			t.Errorf("%s: outcome %s, want rejected", name, rep.Outcome)
			continue
		}
		got := map[string]string{}
		var list []string
		for _, e := range rep.Errors {
			if _, seen := got[e.Code]; !seen {
				got[e.Code] = e.Location
			}
			list = append(list, e.Code+"@"+e.Location)
			if e.MessageVI == "" || e.MessageEN == "" {
				t.Errorf("%s: %s has no message", name, e.Code)
			}
		}
		for _, x := range exp {
			code, loc, _ := strings.Cut(x, " ")
			gotLoc, ok := got[code]
			if !ok || (loc != "" && gotLoc != loc) {
				t.Errorf("%s: want %s at %q, got %v", name, code, loc, list)
			}
		}
	}
	if n < 25 {
		t.Errorf("corpus has %d bad files, want at least 25", n)
	}
	if cur, _ := st.CurrentFigures(context.Background(), queries.FigureFilter{IncludeSynthetic: true}); len(cur) != 0 {
		t.Errorf("bad files wrote %d figures", len(cur))
	}
}

// TestGoodFileCorpus: files written by several tools are accepted as they are.
func TestGoodFileCorpus(t *testing.T) {
	t.Parallel()
	_, in := seeded(t)
	dir := filepath.Join(corpusDir, "good")
	want := expectations(t, dir)
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		name := e.Name()
		if name == "EXPECTED.txt" {
			continue
		}
		exp, ok := want[name]
		if !ok {
			t.Errorf("%s has no line in EXPECTED.txt", name)
			continue
		}
		body, _ := os.ReadFile(filepath.Join(dir, name))
		rep, err := in.Ingest(context.Background(), queries.UploadRequest{FileName: name, Content: body, User: "corpus", DryRun: true})
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if rep.Outcome != queries.UploadDryRun {
			t.Errorf("%s: outcome %s: %+v", name, rep.Outcome, rep.Errors)
			continue
		}
		values := map[string]string{}
		for _, it := range rep.Items {
			values[it.Indicator+"/"+it.Scope] = it.NewValue
		}
		for _, x := range exp {
			k, v, _ := strings.Cut(x, "=")
			switch k {
			case "new":
				if strconv.Itoa(rep.Counts.New) != v {
					t.Errorf("%s: %d new, want %s", name, rep.Counts.New, v)
				}
			default:
				if values[k] != v {
					t.Errorf("%s: %s = %q, want %q", name, k, values[k], v)
				}
			}
		}
	}
}

// BenchmarkBadFileCorpus reads and rejects each file of the bad corpus (dry run: the
// archive is not what is measured), one sub-benchmark per file, so a file that makes
// the parser slow shows by name:
//
//	CLICKHOUSE_ADDR=127.0.0.1:19100 go test ./ingest -run '^$' -bench BenchmarkBadFileCorpus -benchtime 3x
func BenchmarkBadFileCorpus(b *testing.B) {
	_, in := seeded(b)
	dir := filepath.Join(corpusDir, "bad")
	entries, err := os.ReadDir(dir)
	if err != nil {
		b.Fatal(err)
	}
	for _, e := range entries {
		name := e.Name()
		if name == "EXPECTED.txt" {
			continue
		}
		body, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			b.Fatal(err)
		}
		b.Run(name, func(b *testing.B) {
			for b.Loop() {
				rep, err := in.Ingest(context.Background(), queries.UploadRequest{FileName: name, Content: body, User: "bench", DryRun: true})
				if err != nil || rep.Outcome != queries.UploadRejected {
					b.Fatalf("%s: %s, %v", name, rep.Outcome, err)
				}
			}
		})
	}
}
