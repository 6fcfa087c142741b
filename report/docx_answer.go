package report

import (
	"errors"

	"github.com/quangngai/chitieu/domain"
)

// ErrNotDocx means an uploaded file is not a Word .docx.
var ErrNotDocx = errors.New("not a .docx file")

// DocxAnswer is a .docx answer split along the round's outline, for the preview: what
// would be saved, where each paragraph went, and what could not be placed.
type DocxAnswer struct {
	Answer     domain.ReportAnswer // Items, Projects, Policies and Letter filled; state and who are the caller's
	Placements []DocxPlacement
	Problems   []DocxProblem
}

// DocxPlacement says which paragraphs went to which outline item.
type DocxPlacement struct {
	Item       string
	Title      string
	Heading    int // the heading's paragraph number
	Paragraphs int // text paragraphs placed under it
	Rows       int // table rows placed under it
	Excerpt    string
}

// DocxProblem is a heading or table that could not be placed (Error: nothing can be
// saved until it is fixed) or a paragraph that was left out (warning).
type DocxProblem struct {
	Para  int
	Error bool
	VI    string
	EN    string
}

// HasErrors says whether the file must be fixed before it can be saved.
func (d DocxAnswer) HasErrors() bool {
	for _, p := range d.Problems {
		if p.Error {
			return true
		}
	}
	return false
}
