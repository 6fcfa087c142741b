package dashboard

import (
	"strings"

	"github.com/quangngai/chitieu/plan"
)

// Scopes the pages name; the rules about them (which territory a target is read
// against, where the 2025 merger breaks a series) live in package plan.
const (
	scopeOld      = plan.ScopeOld
	scopeNew      = plan.ScopeNew
	scopeNational = plan.ScopeNational
	scopeBQL      = plan.ScopeBQL
)

// seriesNotes are the warnings a reader needs before comparing the years of the
// series drawn together: the 2025 merger when both territories are drawn, and each
// change of price basis (the figures' own flag, not words found in a note).
func seriesNotes(ss []plan.Series, lg string) []string {
	var out []string
	if plan.CrossesMerger(ss) {
		out = append(out, translate(lg, "note.merger"))
	}
	return append(out, basisNotes(ss, lg)...)
}

// basisNotes: one sentence per price-basis break, with the figure's own note.
func basisNotes(ss []plan.Series, lg string) []string {
	var out []string
	for _, s := range ss {
		if s.BasisFrom == 0 || len(s.Figures) == 0 {
			continue
		}
		n := translate(lg, "note.pricebasis") + " " + itoa(s.BasisFrom) + " " + translate(lg, "note.pricebasis.after")
		if f := s.Figures[0]; inLang(f.Note, f.NoteEN, lg) != "" {
			n += " (" + inLang(f.Note, f.NoteEN, lg) + ")"
		}
		out = append(out, n)
	}
	return out
}

// mergerNote is the note an exported image carries: the merger when it shows both
// territories, and any change of price basis on it.
func mergerNote(ss []plan.Series, lg string) string {
	var out []string
	if plan.CrossesMerger(ss) {
		out = append(out, translate(lg, "note.merger"))
	}
	return strings.Join(append(out, basisNotes(ss, lg)...), " ")
}

// lineName is a drawn series' legend entry: its scope, and the price basis it starts
// when a break cut it off.
func lineName(scope string, sr plan.Series, lg string) string {
	if sr.BasisFrom > 0 {
		return scope + " — " + translate(lg, "legend.newbasis") + " " + itoa(sr.BasisFrom)
	}
	return scope
}
