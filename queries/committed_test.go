package queries_test

import (
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// readsUncommitted names the functions that read figures or submissions of every
// attempt on purpose: to count or purge the rows of dead attempts.
var readsUncommitted = map[string]bool{"FigureRowsOfUpload": true, "PurgeDeadAttempts": true}

// TestEveryReaderFiltersCommitted reads this package's source: every function whose SQL
// reads figures or submissions must use the shared commit filter (committed.go), itself
// or through a helper that does (FigureFilter.where). A new reader that forgets it
// would show the figures of an upload that never committed (as /reporting once did).
func TestEveryReaderFiltersCommitted(t *testing.T) {
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	fset := token.NewFileSet()
	reads := regexp.MustCompile(`(?i)\b(FROM|JOIN)\s+(figures|submissions)\b`)
	type fn struct {
		name        string
		readsTables bool
		usesFilter  bool
		calls       []string
		pos         token.Position
	}
	var fns []*fn
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, name, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		for _, d := range f.Decls {
			fd, ok := d.(*ast.FuncDecl)
			if !ok || fd.Body == nil {
				continue
			}
			x := &fn{name: fd.Name.Name, pos: fset.Position(fd.Pos())}
			ast.Inspect(fd.Body, func(n ast.Node) bool {
				switch n := n.(type) {
				case *ast.BasicLit:
					if s, err := strconv.Unquote(n.Value); err == nil && reads.MatchString(s) {
						x.readsTables = true
					}
				case *ast.Ident:
					if n.Name == "committed" || n.Name == "committedSubmission" {
						x.usesFilter = true
					}
				case *ast.CallExpr:
					switch c := n.Fun.(type) {
					case *ast.Ident:
						x.calls = append(x.calls, c.Name)
					case *ast.SelectorExpr:
						x.calls = append(x.calls, c.Sel.Name)
					}
				}
				return true
			})
			fns = append(fns, x)
		}
	}
	filters := map[string]bool{}
	for _, x := range fns {
		if x.usesFilter && !x.readsTables {
			filters[x.name] = true // a helper that builds the filtered WHERE
		}
	}
	checked := 0
	for _, x := range fns {
		if !x.readsTables || readsUncommitted[x.name] {
			continue
		}
		checked++
		ok := x.usesFilter
		for _, c := range x.calls {
			ok = ok || filters[c]
		}
		if !ok {
			t.Errorf("%s (%s) reads figures or submissions without the commit filter (committed.go)", x.name, x.pos)
		}
	}
	if checked < 5 {
		t.Fatalf("found only %d readers of figures and submissions: is the audit still reading the source?", checked)
	}
}
