package locale

import "testing"

// Text picks the language, fills fmt-style arguments, and returns an unknown key
// as is; Has tells the two apart.
func TestText(t *testing.T) {
	if got := Text("vi", "nav.overview"); got != "Tổng quan" {
		t.Errorf("vi = %q", got)
	}
	if got := Text("en", "nav.overview"); got != "Overview" {
		t.Errorf("en = %q", got)
	}
	if got := Text("en", "no.such.key"); got != "no.such.key" || Has("no.such.key") || !Has("nav.overview") {
		t.Errorf("unknown key: %q", got)
	}
}

// Every entry of the catalogue has both languages.
func TestCatalogueHasBothLanguages(t *testing.T) {
	if len(messages) < 500 {
		t.Fatalf("catalogue has only %d keys", len(messages))
	}
	for k, m := range messages {
		if m[0] == "" || m[1] == "" {
			t.Errorf("%q lacks a language: %q", k, m)
		}
	}
}

// Lines word each message in the reader's language, one per line; Said carries text
// worded before, in the language asked.
func TestLinesAndSaid(t *testing.T) {
	l := Lines{Said{"một", "one"}.msg(), Said{"hai", "two"}.msg()}
	if got := Text("vi", "http.lines", l); got != "một\nhai" {
		t.Errorf("vi = %q", got)
	}
	if got := Text("en", "http.lines", l); got != "one\ntwo" {
		t.Errorf("en = %q", got)
	}
}

// saidMessage is a Message around a Said, as a caller would key one.
type saidMessage struct{ s Said }

func (m saidMessage) Message() (string, []any) { return "http.said", []any{m.s} }
func (s Said) msg() Message                    { return saidMessage{s} }
