package letter

import (
	"context"
	"encoding/csv"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"
)

// outline2023 is the seeded outline (migration 0401), read from the migration itself.
func outline2023(t testing.TB) []Item {
	b, err := os.ReadFile("../queries/migrations/0401_outline_2023.sql")
	if err != nil {
		t.Fatal(err)
	}
	re := regexp.MustCompile(`SELECT 'DC-2023', '([^']*)', \d+, '([^']*)', '([^']*)', '([^']*)'`)
	var out []Item
	for _, m := range re.FindAllStringSubmatch(string(b), -1) {
		out = append(out, Item{Number: m[1], Kind: m[2], Title: m[3], Guidance: m[4]})
	}
	if len(out) < 20 {
		t.Fatalf("outline: %d items read from the migration", len(out))
	}
	return out
}

func catalogue(t testing.TB) []Project {
	f, err := os.Open("../ingest/demo/data/projects.csv")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	var out []Project
	for _, r := range rows[1:] {
		out = append(out, Project{Code: r[0], Name: r[1]})
	}
	return out
}

// tally is one letter's line of the placement table.
type tally struct {
	name, form                                      string
	total, correct, misplaced, lost, leaked, silent int
	details, detailsOf                              int
	notes                                           []string
}

// keyMatch finds the decision holding a key line's text: the same words, or for a scan
// most of them (OCR misreads a letter here and there).
func keyMatch(decs []Decision, text string, rows bool) *Decision {
	want := strings.Fields(normName(text))
	if len(want) > 14 {
		want = want[:14]
	}
	var best *Decision
	bestScore := 0.0
	for i := range decs {
		d := &decs[i]
		if (d.Row > 0) != rows {
			continue
		}
		have := map[string]bool{}
		for _, w := range strings.Fields(normName(d.Text)) {
			have[w] = true
		}
		hit := 0
		for _, w := range want {
			if have[w] {
				hit++
			}
		}
		s := float64(hit) / float64(max(len(want), 1))
		if s > bestScore {
			best, bestScore = d, s
		}
	}
	if bestScore < 0.6 {
		return nil
	}
	return best
}

func score1(t *testing.T, path string, items []Item, projects []Project) tally {
	base := strings.TrimSuffix(path, filepath.Ext(path))
	key, err := os.ReadFile(base + ".key")
	if err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	l, err := Read(context.Background(), data, DefaultLimits)
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	res := Match(l, items, projects, Options{})
	tl := tally{name: filepath.Base(path), form: l.Format}
	isContent := func(d *Decision) bool { return d != nil && (d.State == Placed || d.State == Warned) }
	for _, line := range strings.Split(string(key), "\n") {
		f := strings.Split(line, "\t")
		switch f[0] {
		case "L":
			got := []string{res.Details.Number, res.Details.Date, res.Details.Signer, res.Details.Position}
			for i, w := range f[1:5] {
				tl.detailsOf++
				if normName(got[i]) == normName(w) {
					tl.details++
				} else {
					tl.notes = append(tl.notes, fmt.Sprintf("detail %d: %q, want %q", i, got[i], w))
				}
			}
		case "NIL":
			tl.total++
			if res.Nil {
				tl.correct++
			} else {
				tl.lost++
				tl.notes = append(tl.notes, "nil reply not recognised")
			}
		case "P", "H":
			tl.total++
			want, text := f[1], f[2]
			d := keyMatch(res.Decisions, text, false)
			switch {
			case want == "-" && isContent(d) && d.Item != NilItem:
				tl.leaked++
				if d.State == Placed {
					tl.silent++
				}
				tl.notes = append(tl.notes, fmt.Sprintf("leaked to %s (%s): %s", d.Item, d.State, shortText(text, 50)))
			case want == "-":
				tl.correct++
			case isContent(d) && d.Item == want:
				tl.correct++
			case isContent(d):
				tl.misplaced++
				if d.State == Placed {
					tl.silent++
				}
				tl.notes = append(tl.notes, fmt.Sprintf("misplaced %s→%s (%s: %s): %s", want, d.Item, d.State, d.Words("vi"), shortText(text, 50)))
			default:
				tl.lost++
				why := "no paragraph"
				if d != nil {
					why = d.State + ": " + d.Words("vi")
				}
				tl.notes = append(tl.notes, fmt.Sprintf("lost %s (%s): %s", want, why, shortText(text, 50)))
			}
		case "R", "S":
			tl.total++
			want, text := f[2], f[3]
			d := keyMatch(res.Decisions, text, true)
			got := ""
			if d != nil && f[0] == "R" {
				for _, p := range res.Projects {
					if p.BlockN == d.Block && p.Rw == d.Row {
						got = p.Code
					}
				}
				if got == "" && len(d.Picks) > 0 {
					got = "?"
				}
			}
			if d != nil && f[0] == "S" {
				for _, p := range res.Policies {
					if p.BlockN == d.Block && p.Rw == d.Row {
						got = p.Status
					}
				}
				if got == "" && len(d.Picks) > 0 {
					got = "unknown"
				}
			}
			switch {
			case d == nil:
				tl.lost++
				tl.notes = append(tl.notes, "lost row: "+shortText(text, 50))
			case got == want:
				tl.correct++
			case got == "" || got == "?" || got == "unknown":
				tl.lost++
				tl.notes = append(tl.notes, fmt.Sprintf("row not read (%s): %s", d.Words("vi"), shortText(text, 50)))
			default:
				tl.misplaced++
				if d.State == Placed {
					tl.silent++
				}
				tl.notes = append(tl.notes, fmt.Sprintf("row %s read as %s (%s): %s", want, got, d.State, shortText(text, 50)))
			}
		}
	}
	return tl
}

// TestLetterPlacement reads every letter of testdata/letters (or of LETTERS_DIR, for
// letters written by others), places it, and prints the placement table. It fails below
// 98 % correct or on any silent misplacement (content under the wrong item, or
// boilerplate in an item, without a warning).
func TestLetterPlacement(t *testing.T) {
	dir := lettersDir
	if d := os.Getenv("LETTERS_DIR"); d != "" {
		dir = d
	}
	keys, _ := filepath.Glob(filepath.Join(dir, "*.key"))
	sort.Strings(keys)
	if len(keys) == 0 {
		t.Fatalf("no letters in %s", dir)
	}
	items, projects := outline2023(t), catalogue(t)
	var all tally
	var b strings.Builder
	fmt.Fprintf(&b, "%-28s %-10s %5s %7s %9s %4s %6s %6s %7s\n", "letter", "form", "total", "correct", "misplaced", "lost", "leaked", "silent", "details")
	for _, k := range keys {
		base := strings.TrimSuffix(k, ".key")
		var file string
		for _, ext := range []string{".docx", ".doc", ".pdf", ".png", ".jpg"} {
			if _, err := os.Stat(base + ext); err == nil {
				file = base + ext
			}
		}
		if file == "" {
			t.Errorf("%s: no letter beside the key", k)
			continue
		}
		tl := score1(t, file, items, projects)
		fmt.Fprintf(&b, "%-28s %-10s %5d %7d %9d %4d %6d %6d %4d/%d\n", shortText(tl.name, 28), tl.form, tl.total, tl.correct, tl.misplaced, tl.lost, tl.leaked, tl.silent, tl.details, tl.detailsOf)
		for _, n := range tl.notes {
			fmt.Fprintf(&b, "    %s\n", n)
		}
		all.total += tl.total
		all.correct += tl.correct
		all.misplaced += tl.misplaced
		all.lost += tl.lost
		all.leaked += tl.leaked
		all.silent += tl.silent
		all.details += tl.details
		all.detailsOf += tl.detailsOf
	}
	pct := 100 * float64(all.correct) / float64(max(all.total, 1))
	fmt.Fprintf(&b, "%-28s %-10s %5d %7d %9d %4d %6d %6d %4d/%d  (%.1f %% correct)\n", "ALL", "", all.total, all.correct, all.misplaced, all.lost, all.leaked, all.silent, all.details, all.detailsOf, pct)
	t.Log("\n" + b.String())
	if pct < 98 {
		t.Errorf("%.1f %% of paragraphs placed right, want ≥ 98 %%", pct)
	}
	if all.silent > 0 {
		t.Errorf("%d silent misplacements (wrong item or leaked boilerplate without a warning)", all.silent)
	}
}
