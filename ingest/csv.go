package ingest

import (
	"bytes"
	"context"
	"encoding/csv"
	"errors"
	"io"
	"strings"
	gounicode "unicode"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/unicode/norm"

	"github.com/quangngai/chitieu/queries"
)

var utf8BOM = []byte{0xEF, 0xBB, 0xBF}

// csvText returns the content as UTF-8 without a byte-order mark: Excel's "CSV UTF-8"
// writes a BOM, its "Unicode text" writes UTF-16 with one. Anything else that is not
// UTF-8 is read as Windows-1258, what Vietnamese Windows writes for "CSV (Comma
// delimited)": every byte of it means one thing, so the text is exact, and the report
// says it was converted (warn, non-nil) so the preview is checked. Bytes that
// Windows-1258 leaves undefined, or text that reads as TCVN3 (ABC), are refused.
func csvText(content []byte) (text []byte, warn, prob *queries.IngestError) {
	switch {
	case bytes.HasPrefix(content, utf8BOM):
		content = content[len(utf8BOM):]
	case bytes.HasPrefix(content, []byte{0xFF, 0xFE}), bytes.HasPrefix(content, []byte{0xFE, 0xFF}):
		dec := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewDecoder()
		out, err := dec.Bytes(content)
		if err != nil {
			e := problem("file_not_utf8", Location{}, "", 1)
			return nil, nil, &e
		}
		content = out
	}
	if utf8.Valid(content) {
		return content, nil, nil
	}
	line := firstInvalidLine(content)
	dec, err := charmap.Windows1258.NewDecoder().Bytes(content)
	if err != nil || bytes.ContainsRune(dec, utf8.RuneError) {
		e := problem("file_not_utf8", Location{Line: line}, "", line)
		return nil, nil, &e
	}
	dec = norm.NFC.Bytes(dec)
	example := nonASCIISample(dec)
	if !vietnameseText(dec) {
		// Another 8-bit Vietnamese encoding read as Windows-1258 gives letters no
		// Vietnamese word has ("Sôû Coâng Thöông", "Së C«ng Th­¬ng").
		if looksTCVN3(content) {
			e := problem("file_tcvn3", Location{Line: line}, example, example)
			return nil, nil, &e
		}
		e := problem("file_not_utf8", Location{Line: line}, "", line)
		return nil, nil, &e
	}
	w := problem("csv_windows1258", Location{}, example, example)
	return dec, &w, nil
}

// firstInvalidLine is the line of the first byte that is not UTF-8.
func firstInvalidLine(content []byte) int {
	line := 1
	for len(content) > 0 {
		r, size := utf8.DecodeRune(content)
		if r == utf8.RuneError && size <= 1 {
			break
		}
		if r == '\n' {
			line++
		}
		content = content[size:]
	}
	return line
}

// vietnameseLetters are the letters of Vietnamese beyond ASCII, precomposed (NFC).
const vietnameseLetters = "àáạảãâầấậẩẫăằắặẳẵèéẹẻẽêềếệểễìíịỉĩòóọỏõôồốộổỗơờớợởỡùúụủũưừứựửữỳýỵỷỹđ" +
	"ÀÁẠẢÃÂẦẤẬẨẪĂẰẮẶẲẴÈÉẸẺẼÊỀẾỆỂỄÌÍỊỈĨÒÓỌỎÕÔỒỐỘỔỖƠỜỚỢỞỠÙÚỤỦŨƯỪỨỰỬỮỲÝỴỶỸĐ"

// vietnameseText: at most a tenth of the non-ASCII letters are outside Vietnamese
// (a foreign name may hold an ö; VNI or TCVN3 read as Windows-1258 is full of them).
func vietnameseText(text []byte) bool {
	letters, foreign := 0, 0
	for _, r := range string(text) {
		if r < utf8.RuneSelf || !gounicode.IsLetter(r) {
			continue
		}
		letters++
		if !strings.ContainsRune(vietnameseLetters, r) {
			foreign++
		}
	}
	return foreign*10 <= letters
}

// looksTCVN3: TCVN3 (ABC) puts its commonest letters (ă â ê ô ơ ư đ and the tones of a)
// at 0xA1–0xBF, where Windows-1258 has only symbols (« ¬ ® ¸ µ…) that Vietnamese
// text rarely holds. A third of the high bytes there is TCVN3, not Windows-1258.
func looksTCVN3(raw []byte) bool {
	high, tcvn := 0, 0
	for _, c := range raw {
		if c >= 0x80 {
			high++
			if c >= 0xA1 && c <= 0xBF {
				tcvn++
			}
		}
	}
	return high > 0 && tcvn*3 >= high
}

// nonASCIISample is the first field holding a non-ASCII letter, shortened: what the
// user compares with what they typed.
func nonASCIISample(text []byte) string {
	i := 0
	for i < len(text) && text[i] < utf8.RuneSelf {
		i++
	}
	if i == len(text) {
		return ""
	}
	start, end := i, i
	for start > 0 && !bytes.ContainsRune([]byte(",;\t\n\r\""), rune(text[start-1])) {
		start--
	}
	for end < len(text) && !bytes.ContainsRune([]byte(",;\t\n\r\""), rune(text[end])) {
		end++
	}
	s := strings.TrimSpace(string(text[start:end]))
	if utf8.RuneCountInString(s) > 40 {
		s = string([]rune(s)[:40]) + "…"
	}
	return s
}

// sniffComma picks the separator of the header line: Excel in Vietnamese and most
// European locales writes ';', others ','; "Unicode text" is tab-separated.
func sniffComma(content []byte) rune {
	line := content
	if i := bytes.IndexByte(content, '\n'); i >= 0 {
		line = content[:i]
	}
	best, bestN := ',', 0
	for _, c := range []rune{',', ';', '\t'} {
		if n := bytes.Count(line, []byte(string(c))); n > bestN {
			best, bestN = c, n
		}
	}
	return best
}

// newCSVReader reads UTF-8 CSV text with the separator of its header line, records
// of any length; Excel honours a first line "sep=;" and some users keep it.
func newCSVReader(text []byte) *csv.Reader {
	if bytes.HasPrefix(text, []byte("sep=")) {
		if i := bytes.IndexByte(text, '\n'); i >= 0 {
			text = text[i+1:]
		}
	}
	r := csv.NewReader(bytes.NewReader(text))
	r.Comma = sniffComma(text)
	r.FieldsPerRecord = -1
	return r
}

// csvSyntax is a CSV reader's error at its line.
func csvSyntax(err error) queries.IngestError {
	line := 0
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		line, err = pe.Line, pe.Err
	}
	return problem("csv_syntax", Location{Line: line}, "", err.Error())
}

// readCSV streams the rows of a CSV upload (layout in README: one figure per line with
// codes). emit returns false to stop early.
func readCSV(ctx context.Context, content []byte, info *sourceInfo, emit func(*rawRow) bool) []queries.IngestError {
	text, warn, perr := csvText(content)
	if perr != nil {
		return []queries.IngestError{*perr}
	}
	if warn != nil {
		info.warnings = append(info.warnings, *warn)
	}
	r := newCSVReader(text)
	r.ReuseRecord = true
	var cols [nFields]int
	for i := range cols {
		cols[i] = -1
	}
	var header []string
	info.loc = func(n int, f field) Location {
		if f < nFields && cols[f] >= 0 {
			return Location{Line: n, Column: header[cols[f]]}
		}
		return Location{Line: n}
	}
	var row rawRow
	for count := 0; ; count++ {
		rec, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			return []queries.IngestError{csvSyntax(err)}
		}
		line, _ := r.FieldPos(0)
		if count&1023 == 0 && ctx.Err() != nil {
			return []queries.IngestError{problem("file_timeout", Location{}, "")}
		}
		if header == nil {
			if len(rec) == 1 && strings.TrimSpace(rec[0]) == "" {
				continue
			}
			header = make([]string, len(rec))
			var probs []queries.IngestError
			for i, h := range rec {
				header[i] = clean(h)
				f, ok := matchHeader(h)
				if !ok {
					continue
				}
				if cols[f] >= 0 {
					probs = append(probs, problem("column_repeated", Location{Line: line, Column: header[i]}, h, header[i]))
				}
				cols[f] = i
			}
			if cols[fIndicator] < 0 && cols[fValue] < 0 {
				return []queries.IngestError{problem("header_missing", Location{Line: line}, strings.Join(rec, string(r.Comma)))}
			}
			for _, f := range []field{fIndicator, fScope, fValue} {
				if cols[f] < 0 {
					probs = append(probs, problem("column_missing", Location{Line: line}, "", fieldNames[f]))
				}
			}
			if len(probs) > 0 {
				return probs
			}
			info.hasYearColumn = cols[fYear] >= 0
			continue
		}
		if len(rec) != len(header) {
			if blankRecord(rec) {
				continue
			}
			return []queries.IngestError{problem("csv_field_count", Location{Line: line}, "", len(rec), len(header))}
		}
		row = rawRow{n: line}
		for f := field(0); f < nFields; f++ {
			if c := cols[f]; c >= 0 {
				row.f[f] = rec[c]
				if f < fUnit {
					row.f[f] = clean(rec[c])
				}
			}
		}
		if !emit(&row) {
			break
		}
	}
	if header == nil {
		return []queries.IngestError{problem("header_missing", Location{}, "")}
	}
	return nil
}

func blankRecord(rec []string) bool {
	for _, s := range rec {
		if strings.TrimSpace(s) != "" {
			return false
		}
	}
	return true
}
