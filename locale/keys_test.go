package locale

import (
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// keyUses are the ways code names a catalogue key literally: a broken rule
// (domain.NewError, accounts' ruleErr, any "rule.…" literal such as a domain.Phrase),
// a call of this package, the dashboard's translate and headers, a template's .T,
// an admin form's problem (fieldErrors.add), a keyed struct (letter.Error, letter.Note:
// Key: "…"), a domain.Phrase, a nil report form's problem (nilProblem) and ingest's
// problem codes (problemCode).
var keyUses = []*regexp.Regexp{
	regexp.MustCompile(`domain\.NewError\([\w.]+, "([^"]+)"`),
	regexp.MustCompile(`ruleErr\(\w+, "([^"]+)"`),
	regexp.MustCompile(`"(rule\.[\w.]+)"`),
	regexp.MustCompile(`locale\.Text\((?:\w+|"\w+"), "([^"]+)"[,)]`),
	regexp.MustCompile(`locale\.Has\("([^"]+)"\)`),
	regexp.MustCompile(`locale\.Pair\("([^"]+)"[,)]`),
	regexp.MustCompile(`translate\(\w+, "([^"]+)"\)`),
	regexp.MustCompile(`\.T "([^"]+)"`),
	regexp.MustCompile(`\b(?:fe|e)\.add\(\w+, "([^"]+)"`),
	regexp.MustCompile(`\bKey: "([^"]+)"`),
	regexp.MustCompile(`domain\.Phrase\("([^"]+)"\)`),
	regexp.MustCompile(`nilProblem\("\w+", "([^"]+)"`),
}

// problemCode is ingest's problem("code", …): the key is "ingest."+code.
var problemCode = regexp.MustCompile(`\bproblem\("(\w+)"`)

var (
	headersCall = regexp.MustCompile(`headers\(\w+((?:, "[^"]+")+)\)`)
	quoted      = regexp.MustCompile(`"([^"]+)"`)
)

// usedKeys walks the module for Go sources and templates (tests left out: they name
// missing keys on purpose) and returns "file: key" for every key named literally.
func usedKeys(t *testing.T, root string) []string {
	var keys []string
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if n := d.Name(); n == "var" || n == "testdata" || strings.HasPrefix(n, ".") && p != root {
				return filepath.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(p, ".html") && (!strings.HasSuffix(p, ".go") || strings.HasSuffix(p, "_test.go")) {
			return nil
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		for _, re := range keyUses {
			for _, m := range re.FindAllStringSubmatch(string(b), -1) {
				keys = append(keys, p+": "+m[1])
			}
		}
		for _, m := range problemCode.FindAllStringSubmatch(string(b), -1) {
			keys = append(keys, p+": ingest."+m[1])
		}
		for _, m := range headersCall.FindAllStringSubmatch(string(b), -1) {
			for _, q := range quoted.FindAllStringSubmatch(m[1], -1) {
				keys = append(keys, p+": "+q[1])
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return keys
}

// TestEveryUsedKeyIsInTheCatalogue: a key named anywhere in the code (a rule error,
// a page, a template) has both languages; a missing one would show the bare key.
func TestEveryUsedKeyIsInTheCatalogue(t *testing.T) {
	keys := usedKeys(t, "..")
	rules := 0
	for _, k := range keys {
		where, key, _ := strings.Cut(k, ": ")
		if strings.HasPrefix(key, "rule.") {
			rules++
		}
		if !Both(key) {
			t.Errorf("%s: key %q is not in the catalogue in both languages", where, key)
		}
	}
	if len(keys) < 500 || rules < 20 {
		t.Fatalf("found only %d keys (%d rule keys): the scan is broken", len(keys), rules)
	}
}

// TestMissingKeyIsFound: the scan sees a key the catalogue lacks (the test above
// cannot pass by finding nothing).
func TestMissingKeyIsFound(t *testing.T) {
	dir := t.TempDir()
	src := "package x\n\nvar e = domain.NewError(domain.Invalid, \"rule.nope.missing\")\nvar s = translate(lg, \"nav.overview\")\nvar p = problem(\"nope_missing\", loc, v)\nfunc f() { fe.add(0, \"http.nope.missing\") }\nvar n = Note{Key: \"let.nope.missing\"}\nvar t = locale.Text(\"en\", \"let.nope.text\")\n"
	if err := os.WriteFile(filepath.Join(dir, "x.go"), []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	var missing []string
	for _, k := range usedKeys(t, dir) {
		if _, key, _ := strings.Cut(k, ": "); !Both(key) {
			missing = append(missing, key)
		}
	}
	slices.Sort(missing)
	if got := strings.Join(slices.Compact(missing), ","); got != "http.nope.missing,ingest.nope_missing,let.nope.missing,let.nope.text,rule.nope.missing" {
		t.Errorf("missing keys found = %v, want http.nope.missing, ingest.nope_missing, let.nope.missing, let.nope.text and rule.nope.missing", got)
	}
}
