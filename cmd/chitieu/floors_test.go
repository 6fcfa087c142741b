package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// The rules and use cases must build without a database or telemetry: they are the
// floor below queries and dashboard (README, "Layout"). go list names every package
// they pull in, so a stray import of queries fails here, not in review.
func TestRuleFloorsImportNoDatabase(t *testing.T) {
	var pkgs []string
	for _, p := range []string{"domain", "locale", "plan", "scorecard", "reporting", "report"} {
		if _, err := os.Stat("../../" + p); err != nil {
			t.Fatalf("rule floor %s missing: %v", p, err)
		}
		pkgs = append(pkgs, "./"+p)
	}
	cmd := exec.Command("go", append([]string{"list", "-deps", "-f", "{{.ImportPath}}"}, pkgs...)...)
	cmd.Dir = "../.."
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("go list: %v\n%s", err, out)
	}
	var bad []string
	for _, p := range strings.Fields(string(out)) {
		if strings.Contains(p, "ClickHouse") || strings.Contains(p, "clickhouse") ||
			strings.Contains(p, "opentelemetry") || strings.HasSuffix(p, "chitieu/queries") ||
			strings.Contains(p, "gofiber") {
			bad = append(bad, p)
		}
	}
	if len(bad) > 0 {
		t.Fatalf("%v pull in %d database, telemetry or web packages: %v", pkgs, len(bad), bad)
	}
}

// The domain imports nothing of the project and nothing beyond the standard library
// and the decimal type.
func TestDomainImportsOnlyStandardLibrary(t *testing.T) {
	cmd := exec.Command("go", "list", "-deps", "-f", "{{if not .Standard}}{{.ImportPath}}{{end}}", "./domain")
	cmd.Dir = "../.."
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("go list: %v\n%s", err, out)
	}
	for _, p := range strings.Fields(string(out)) {
		if p != "github.com/quangngai/chitieu/domain" && p != "github.com/shopspring/decimal" {
			t.Errorf("domain imports %s", p)
		}
	}
}

// The catalogue is read by every floor, so it imports only the standard library.
func TestLocaleImportsOnlyStandardLibrary(t *testing.T) {
	cmd := exec.Command("go", "list", "-deps", "-f", "{{if not .Standard}}{{.ImportPath}}{{end}}", "./locale")
	cmd.Dir = "../.."
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("go list: %v\n%s", err, out)
	}
	for _, p := range strings.Fields(string(out)) {
		if p != "github.com/quangngai/chitieu/locale" {
			t.Errorf("locale imports %s", p)
		}
	}
}

// Report handlers decode, call a reporting use case and render: none writes through
// the store itself (the use cases write, and audit).
func TestReportHandlersWriteThroughUseCases(t *testing.T) {
	files, err := filepath.Glob("../../dashboard/report_*.go")
	if err != nil || len(files) == 0 {
		t.Fatalf("no report handlers: %v", err)
	}
	write := regexp.MustCompile(`s\.Store\.(Save|Insert|Delete|Set|Copy|Record|Withdraw|Replace)\w*\(`)
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if m := write.Find(b); m != nil {
			t.Errorf("%s writes through the store: %s", filepath.Base(f), m)
		}
	}
}
