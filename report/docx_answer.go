package report

import (
	"errors"

	"github.com/quangngai/chitieu/domain"
	"github.com/quangngai/chitieu/locale"
)

// ErrNotDocx means an uploaded file is not a Word .docx.
var ErrNotDocx = errors.New("not a .docx file")

// DocxAnswer is a .docx answer split along the round's outline, for the preview: what
// would be saved, where each paragraph went, and what could not be placed.
type DocxAnswer struct {
	Answer     domain.ReportAnswer // Items, Projects, Policies and Letter filled; state and who are the caller's
	Placements []DocxPlacement
	Problems   []DocxProblem
	// The letter as read: its form (docx, doc, pdf, pdf-signed, scan), what the reading
	// did, a signed PDF's signature line, every paragraph's placement, a nil reply.
	Format      string
	Notes       []DocxProblem
	SignatureVI string
	SignatureEN string
	Paragraphs  []DocxParagraph
	Nil         bool
	Moves       map[string]string // the analyst's moves applied
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

// Answer limits: the same for the web form and an uploaded letter.
const (
	AnswerTextMax     = 40000 // characters per item
	AnswerPoliciesMax = 200   // rows of a table
)

// Paragraph states in the preview (letter.Placed …): every paragraph of an uploaded
// letter is in exactly one.
const (
	ParaPlaced   = "placed"
	ParaWarned   = "warned"
	ParaLeftOut  = "left-out"
	ParaUnplaced = "unplaced"
)

// DocxParagraph is one paragraph, table or table row of an uploaded letter and where it
// went, with the reason.
type DocxParagraph struct {
	Key     string // "12" or "14.3" (table row): what a move names
	Para    int
	Row     int
	Text    string
	State   string
	Item    string
	Heading bool
	VI, EN  string
	Error   bool
	Picks   []DocxPick // projects or statuses the analyst may choose
	Moved   bool       // the analyst chose this placement
}

// DocxPick is one choice offered in the preview.
type DocxPick struct{ Value, Label string }

// ReadError is a letter that cannot be read, with what to do: a catalogue key and
// its arguments (locale.Message), worded by whoever shows it.
type ReadError struct {
	Key  string
	Args []any
	Err  error
}

// Message is the error's key and arguments (locale.Message).
func (e *ReadError) Message() (string, []any) { return e.Key, e.Args }

// Error is the English wording, then the detail, for logs.
func (e *ReadError) Error() string {
	en := locale.Render("en", e)
	if e.Err != nil {
		return en + ": " + e.Err.Error()
	}
	return en
}

func (e *ReadError) Unwrap() error { return e.Err }
