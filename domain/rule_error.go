package domain

// Kind says what went wrong, so each interface can pick its status or exit code.
type Kind int

const (
	Invalid   Kind = iota + 1 // the input breaks a rule
	Conflict                  // the name or key is taken
	NotFound                  // no such thing
	Forbidden                 // the actor may not do this
)

// Error is a broken rule, worded for people: Vietnamese first, English beside.
type Error struct {
	Kind   Kind
	VI, EN string
}

func (e *Error) Error() string { return e.VI + " (" + e.EN + ")" }

// NewError is an Error of kind k in both languages.
func NewError(k Kind, vi, en string) *Error { return &Error{Kind: k, VI: vi, EN: en} }
