// Package letter reads an agency's reply letter in whatever form it travels (.docx,
// .doc, a PDF with a text layer, a signed PDF, a scan) into blocks with their style and
// position, and places those blocks under the items of a round's outline, giving a
// reason for every decision. It knows no database: callers hand it the outline and the
// project catalogue as plain values. It shells out to LibreOffice (.doc), poppler
// (pdftotext, pdfsig, pdftoppm) and Tesseract (scans).
package letter

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/quangngai/chitieu/locale"
)

// Block is one body-level piece of a letter: a paragraph or a table.
type Block struct {
	N      int    // 1-based position in the letter, tables included: "đoạn N" to users
	Text   string // paragraph text (tables: empty)
	Style  string // paragraph style id (Word "Heading1", Writer "Heading 1")
	Bold   bool   // every run of the paragraph is bold
	Italic bool
	Listed bool       // an item of a Word list
	Table  bool       // a table; Rows holds its cells' text
	Rows   [][]string // cells' text, paragraphs joined by "\n"
	Layout bool       // a borderless table, as letterheads and signature blocks are
	Page   int        // PDF page (0 when unknown)
	OCR    bool       // text recognised from a scan
}

// Letter is what was read from a file.
type Letter struct {
	Format    string // docx, doc, pdf, scan
	Blocks    []Block
	Notes     []Note     // what the reading did (converted .doc, OCR), shown in the preview
	Signature *Signature // a signed PDF's signature
}

// Note is a message about the reading: a catalogue key (package locale) and its
// arguments, worded by whoever shows it.
type Note struct {
	Key  string
	Args []any
	Warn bool
}

// Message is the note's key and arguments (locale.Message).
func (n Note) Message() (string, []any) { return n.Key, n.Args }

// Error is a file that cannot be read, with what to do: a catalogue key and its
// arguments (locale.Message).
type Error struct {
	Key  string
	Args []any
	Err  error // the detail, for logs
}

// Message is the error's key and arguments (locale.Message).
func (e *Error) Message() (string, []any) { return e.Key, e.Args }

// Error is the English wording, then the detail, for logs.
func (e *Error) Error() string {
	en := locale.Render("en", e)
	if e.Err != nil {
		return en + ": " + e.Err.Error()
	}
	return en
}

func (e *Error) Unwrap() error { return e.Err }

// ErrFormat means the file is none of the forms read here.
var ErrFormat = errors.New("not a letter format (.docx, .doc, .pdf, image)")

// Limits bound the work a file may cause.
type Limits struct {
	MaxUnpacked int64         // .docx: bytes of word/document.xml and the whole unpacked file (zip bombs)
	MaxPages    int           // PDF pages read (and OCR'd)
	Convert     time.Duration // one LibreOffice conversion
	OCRPage     time.Duration // one page of OCR
}

// DefaultLimits are what the web upload uses.
var DefaultLimits = Limits{MaxUnpacked: 64 << 20, MaxPages: 40, Convert: 90 * time.Second, OCRPage: 90 * time.Second}

// Read reads a letter from its bytes; the form is told by the content, not the name.
func Read(ctx context.Context, data []byte, lim Limits) (Letter, error) {
	if lim.MaxUnpacked <= 0 {
		lim = DefaultLimits
	}
	switch {
	case bytes.HasPrefix(data, []byte("PK\x03\x04")):
		blocks, err := readDocx(data, lim)
		return Letter{Format: "docx", Blocks: blocks}, err
	case bytes.HasPrefix(data, []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}):
		return readDoc(ctx, data, lim)
	case bytes.HasPrefix(data, []byte("%PDF-")):
		return readPDF(ctx, data, lim)
	case bytes.HasPrefix(data, []byte("\x89PNG")), bytes.HasPrefix(data, []byte{0xFF, 0xD8, 0xFF}),
		bytes.HasPrefix(data, []byte("II*\x00")), bytes.HasPrefix(data, []byte("MM\x00*")):
		return readImage(ctx, data, lim)
	}
	return Letter{}, &Error{Key: "let.err.format", Err: ErrFormat}
}

func mb(n int64) string { return fmt.Sprintf("%d MB", n>>20) }
