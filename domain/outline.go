package domain

import (
	"errors"
	"strings"
)

// DefaultOutline is the outline seeded from the 2023 request letter (migration 0401); a
// round without an outline of its own answers this one.
const DefaultOutline = "DC-2023"

// TemplateOutline is the outline a new round opens from when it names none: the 2023
// outline with {{năm}} and {{năm sau}} for the years (migration 0702).
const TemplateOutline = "DC-MAU"

// Outline item kinds: what answer an item wants.
const (
	ItemHeading   = "heading"   // a part title (I, II), no answer of its own
	ItemFigures   = "figures"   // part I: the indicators' figures
	ItemNarrative = "narrative" // text
	ItemProjects  = "projects"  // II.7: a row per key project
	ItemPolicies  = "policies"  // II.8: a row per policy document
)

// ErrOutlineUnknown means the outline code names no outline.
var ErrOutlineUnknown = errors.New("outline unknown")

// Outline is a report outline (đề cương) with its items in order.
type Outline struct {
	Code    string
	Name    string
	BasedOn string
	Items   []OutlineItem
}

// OutlineItem is one numbered heading of an outline.
type OutlineItem struct {
	Number     string
	Position   uint16
	Kind       string
	Title      string
	Guidance   string
	Indicators []string
	// Label is the item's numbering as the outline prints it ("1.", "-"); empty derives
	// it from Number (migration 0701: part I's bullets are "-").
	Label string
}

// Depth is 0 for a part (II), 1 for an item (II.4), 2 for a sub-item (II.4.1).
func (it OutlineItem) Depth() int { return strings.Count(it.Number, ".") }

// Answerable says whether agencies write under the item (every kind but headings and figures).
func (it OutlineItem) Answerable() bool { return it.Kind != ItemHeading && it.Kind != ItemFigures }

// ValidItemKind says whether k is one of the item kinds.
func ValidItemKind(k string) bool {
	switch k {
	case ItemHeading, ItemFigures, ItemNarrative, ItemProjects, ItemPolicies:
		return true
	}
	return false
}
