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
// series drawn together: the 2025 merger when both territories are drawn, and a change
// of price basis (from the figures' own notes).
func seriesNotes(ss []plan.Series, lg string) []string {
	var out []string
	if plan.CrossesMerger(ss) {
		out = append(out, translate(lg, "note.merger"))
	}
	for _, s := range ss {
		for _, f := range s.Figures {
			n := strings.ToLower(f.Note + " " + f.NoteEN) // the English note says it when the Vietnamese words differ
			if strings.Contains(n, "price basis") || strings.Contains(n, "gốc giá") || strings.Contains(n, "cơ sở giá") {
				out = append(out, translate(lg, "note.pricebasis")+" "+itoa(int(f.Year))+": "+inLang(f.Note, f.NoteEN, lg))
			}
		}
	}
	return out
}

// mergerNote is the note an exported image carries when it shows both territories.
func mergerNote(ss []plan.Series, lg string) string {
	if plan.CrossesMerger(ss) {
		return translate(lg, "note.merger")
	}
	return ""
}
