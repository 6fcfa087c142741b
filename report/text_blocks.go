// Package report compiles agencies' answers to a round's outline into the consolidated
// provincial report, and writes it as .docx (Nghị định 30/2020 form) and PDF. It never
// talks to ClickHouse: callers hand it a Model built from queries.
package report

import "strings"

// Block is one paragraph of an answer's plain text: a paragraph or a bullet.
type Block struct {
	Bullet bool
	Text   string
}

// Blocks splits plain text into paragraphs and bullets: each non-empty line is one
// block; a line starting with "-", "–", "•", "+" or "*" and a space is a bullet. Text is
// never interpreted as markup: "<b>" stays four characters.
func Blocks(text string) []Block {
	var out []Block
	for _, line := range strings.Split(strings.ReplaceAll(text, "\r\n", "\n"), "\n") {
		line = strings.TrimSpace(line)
		if line == "" {
			continue
		}
		if b, ok := bulletText(line); ok {
			out = append(out, Block{Bullet: true, Text: b})
			continue
		}
		out = append(out, Block{Text: line})
	}
	return out
}

func bulletText(line string) (string, bool) {
	for _, mark := range []string{"- ", "– ", "• ", "+ ", "* "} {
		if strings.HasPrefix(line, mark) {
			return strings.TrimSpace(line[len(mark):]), true
		}
	}
	return "", false
}

// CleanText is what is stored from a text field: control characters other than
// newline and tab dropped (they break .docx XML), line ends unified, outer space trimmed.
func CleanText(s string) string {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	s = strings.Map(func(r rune) rune {
		if r == '\n' || r == '\t' {
			return r
		}
		if r < 0x20 || r == 0x7f || r == 0xFFFE || r == 0xFFFF {
			return -1
		}
		return r
	}, s)
	return strings.TrimSpace(s)
}
