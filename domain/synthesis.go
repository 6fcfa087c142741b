package domain

import (
	"strings"
	"time"
)

// Synthesis states: a draft is kept for the compiler; a final text is what the report
// prints. Every save is a new version; the history keeps every one.
const (
	SynthesisDraft = "draft"
	SynthesisFinal = "final"
)

// Synthesis is SCT's own text for one outline item of a round, one version of it:
// written by a compiler from the agencies' answers. Text is plain paragraphs and "- "
// bullets, never HTML; a quoted paragraph keeps its attribution inline (QuoteSource).
type Synthesis struct {
	Year    uint16
	Item    string // outline number, e.g. II.1
	State   string // SynthesisDraft or SynthesisFinal
	Text    string
	Deleted bool // a final version that withdraws the item's text from the report
	SavedBy string
	SavedAt time.Time
	Version uint64
}

// Syntheses is a round's SCT texts: per item, the newest version (what the editor
// shows) and the newest final one (what the report prints; absent when none or
// withdrawn).
type Syntheses struct {
	Newest  map[string]Synthesis
	Printed map[string]Synthesis
}

// PrintedText is the item's text as the report prints it, "" for none.
func (s Syntheses) PrintedText(item string) string {
	return strings.TrimSpace(s.Printed[item].Text)
}

// SynthesisMode says where a round's report puts the agencies' paragraphs of an item
// that has SCT's text: nowhere (SCT's text alone), or in an annex.
type SynthesisMode struct {
	Year  uint16
	Annex bool // "kèm ý kiến các đơn vị ở phụ lục"
	SetBy string
	SetAt time.Time
}

// QuoteSource is how a quoted agency paragraph keeps its attribution in SCT's text:
// a trailing "(Nguồn: Sở Xây dựng)". Plain text, so it survives Word, the PDF and any
// later edit, and the signer sees it (a Word comment is not printed in the PDF).
func QuoteSource(paragraph, agencyName string) string {
	return strings.TrimSpace(paragraph) + " (Nguồn: " + agencyName + ")"
}
