package domain

import (
	"fmt"
	"strings"
)

// Kind says what went wrong, so each interface can pick its status or exit code.
type Kind int

const (
	Invalid     Kind = iota + 1 // the input breaks a rule
	Conflict                    // the name or key is taken
	NotFound                    // no such thing
	Forbidden                   // the actor may not do this
	Denied                      // the actor may not reach this at all (an agency not theirs, a stale form)
	TooMany                     // too many attempts; try again later
	Unavailable                 // the server cannot do this now (a function off, a tool missing)
	Unsupported                 // the request's form is not one this accepts (a media type)
)

// Error is a broken rule: a kind and a message key of the catalogue (package locale)
// with its fmt-style arguments. The domain names the message; the interfaces word it
// (dashboard in the reader's language, the CLI Vietnamese then English).
type Error struct {
	Kind Kind
	Key  string
	Args []any
	// More are further broken rules reported with this one, worded after it.
	More []*Error
}

// Error is the key and arguments, for logs; people read the catalogue's wording.
func (e *Error) Error() string {
	s := e.Key
	if len(e.Args) > 0 {
		s += fmt.Sprint(e.Args)
	}
	var more []string
	for _, m := range e.More {
		more = append(more, m.Error())
	}
	if len(more) > 0 {
		s += "; " + strings.Join(more, "; ")
	}
	return s
}

// Message is the key and arguments to word (locale.Message).
func (e *Error) Message() (string, []any) { return e.Key, e.Args }

// Also are the further broken rules, worded after this one (locale.Render).
func (e *Error) Also() []any {
	var out []any
	for _, m := range e.More {
		out = append(out, m)
	}
	return out
}

// NewError is an Error of kind k saying the catalogue's message key.
func NewError(k Kind, key string, args ...any) *Error { return &Error{Kind: k, Key: key, Args: args} }

// Phrase is an argument that is itself a catalogue key, worded in the reader's
// language (a field's label inside a message).
type Phrase string

// Message is the phrase's key (locale.Message).
func (p Phrase) Message() (string, []any) { return string(p), nil }
