// Package locale is the one catalogue of user-facing text: every message key with
// its Vietnamese and English wording. The dashboard, the CLI and the rule errors
// of the use cases all read it, so a sentence is written once and a missing
// translation fails one test. Standard library only.
package locale

import "fmt"

// Text is key's message in lang ("en" for English, anything else Vietnamese),
// with args filled in fmt-style. An unknown key is returned as is: the reader sees
// the key rather than nothing, and the tests fail on it.
func Text(lang, key string, args ...any) string {
	m, ok := messages[key]
	if !ok {
		return key
	}
	s := m[0]
	if lang == "en" {
		s = m[1]
	}
	if len(args) > 0 {
		words := make([]any, len(args))
		for i, a := range args {
			words[i] = a
			switch a := a.(type) {
			case Worder:
				words[i] = a.Word(lang)
			case Message:
				words[i] = Render(lang, a)
			}
		}
		s = fmt.Sprintf(s, words...)
	}
	return s
}

// Has says whether key is in the catalogue.
func Has(key string) bool {
	_, ok := messages[key]
	return ok
}

// Pair is key's message in both languages, Vietnamese first.
func Pair(key string, args ...any) (vi, en string) {
	return Text("vi", key, args...), Text("en", key, args...)
}

// Both says whether key has non-empty text in both languages.
func Both(key string) bool {
	m, ok := messages[key]
	return ok && m[0] != "" && m[1] != ""
}

// Message is a catalogue key with its arguments: domain.Error and domain.Phrase are
// ones. An argument that is a Message is worded in the same language.
type Message interface {
	Message() (key string, args []any)
}

// Render words m in lang: its key's text with its arguments, then the further
// messages it carries (Also), each after a space.
func Render(lang string, m Message) string {
	key, args := m.Message()
	s := Text(lang, key, args...)
	if a, ok := m.(interface{ Also() []any }); ok {
		for _, x := range a.Also() {
			if xm, ok := x.(Message); ok {
				s += " " + Render(lang, xm)
			}
		}
	}
	return s
}

// Worder is an argument that words itself in a language (Lines, Said).
type Worder interface {
	Word(lang string) string
}

// Lines are messages worded one per line: every problem of a form or a file, so
// the reader fixes them all at once.
type Lines []Message

// Word is each line worded in lang, joined by newlines.
func (l Lines) Word(lang string) string {
	s := ""
	for i, m := range l {
		if i > 0 {
			s += "\n"
		}
		s += Render(lang, m)
	}
	return s
}

// Said is text that was already worded in both languages before it reached the
// caller (an ingest report's stored problems): not a catalogue key, only carried.
type Said struct{ VI, EN string }

// Word is the text in lang.
func (s Said) Word(lang string) string {
	if lang == "en" {
		return s.EN
	}
	return s.VI
}
