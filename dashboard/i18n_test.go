package dashboard

import (
	"html"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/quangngai/chitieu/locale"
)

var (
	templateKey = regexp.MustCompile(`\.T "([^"]+)"`)
	goKey       = regexp.MustCompile(`translate\(\w+, "([^"]+)"\)`)
	headersCall = regexp.MustCompile(`headers\(\w+((?:, "[^"]+")+)\)`)
	quoted      = regexp.MustCompile(`"([^"]+)"`)
)

// TestTranslationKeysExist: every key a template or handler names literally has
// both languages; a missing one would show the bare key to the reader.
func TestTranslationKeysExist(t *testing.T) {
	var keys []string
	err := fs.WalkDir(templateFiles, "templates", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := fs.ReadFile(templateFiles, p)
		for _, m := range templateKey.FindAllStringSubmatch(string(b), -1) {
			keys = append(keys, p+": "+m[1])
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	files, _ := filepath.Glob("*.go")
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range goKey.FindAllStringSubmatch(string(b), -1) {
			keys = append(keys, f+": "+m[1])
		}
		for _, m := range headersCall.FindAllStringSubmatch(string(b), -1) {
			for _, q := range quoted.FindAllStringSubmatch(m[1], -1) {
				keys = append(keys, f+": "+q[1])
			}
		}
	}
	if len(keys) < 100 {
		t.Fatalf("found only %d keys: the scan is broken", len(keys))
	}
	for _, k := range keys {
		where, key, _ := strings.Cut(k, ": ")
		if !locale.Both(key) {
			t.Errorf("%s: translation %q is missing", where, key)
		}
	}
}

// TestNoMissingTranslationOnAnyPage: keys built from data (statuses, kinds, outline
// sections) all have translations on every page in both languages.
func TestNoMissingTranslationOnAnyPage(t *testing.T) {
	base, _ := startTestServer(t, nil)
	for _, lg := range []string{"vi", "en"} {
		for _, p := range append(append([]string{}, chartPages...), "/indicators/grdp_growth", "/indicators/investment_valid_projects",
			"/reporting", "/reporting?year=2023", "/reporting/BQL/2024", "/reporting/BDT/2023", "/signin", "/nothing-here",
			"/zones?type=IP", "/export/overview.csv", "/export/zones.xlsx") {
			fetch(t, base+withLang(p, lg))
		}
	}
	missingKeys.Range(func(k, _ any) bool {
		t.Errorf("translation %q is missing (the page showed the key)", k)
		return true
	})
}

// TestLanguageSwitchKeepsFilters: the language link keeps the page's plan and year
// as separate parameters (they were escaped into one value, so the view reset).
func TestLanguageSwitchKeepsFilters(t *testing.T) {
	base, _ := startTestServer(t, nil)
	body := fetch(t, base+"/?plan=DHXX-2020&year=2025").Body
	m := regexp.MustCompile(`class="lang" href="([^"]+)"`).FindStringSubmatch(body)
	if m == nil {
		t.Fatal("no language link")
	}
	if got := html.UnescapeString(m[1]); got != "/?plan=DHXX-2020&year=2025&lang=en" {
		t.Errorf("language link = %q, want the same filters in English", got)
	}
}
