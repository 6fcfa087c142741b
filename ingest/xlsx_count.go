package ingest

import (
	"archive/zip"
	"bytes"
	"io"
	"strings"

	"github.com/quangngai/chitieu/queries"
)

// xlsxTooLarge counts a workbook's shared strings and worksheet cells in the zip,
// streaming with constant memory and stopping at the first limit passed, before
// excelize allocates for any of them: a 17.5 MB file of 8 million tiny distinct
// strings cost excelize 800 MB and over a minute. It reads at most UnzipSizeLimit
// bytes; past that it leaves the file to excelize's zip-bomb check.
func xlsxTooLarge(content []byte, lim Limits) *queries.IngestError {
	zr, err := zip.NewReader(bytes.NewReader(content), int64(len(content)))
	if err != nil {
		return nil // excelize says what is wrong with it
	}
	budget := lim.UnzipSizeLimit
	strs, cells := 0, 0
	for _, f := range zr.File {
		name := strings.ToLower(strings.ReplaceAll(f.Name, "\\", "/"))
		var elem string
		switch {
		case strings.HasSuffix(name, "sharedstrings.xml"):
			elem = "si"
		case strings.Contains(name, "worksheets/") && strings.HasSuffix(name, ".xml"):
			elem = "c"
		default:
			continue
		}
		rc, err := f.Open()
		if err != nil {
			return nil
		}
		counted := &countingReader{r: rc}
		var n int
		if elem == "si" {
			n = countElements(io.LimitReader(counted, budget+1), elem, lim.MaxSharedStrings-strs)
			strs += n
		} else {
			n = countElements(io.LimitReader(counted, budget+1), elem, lim.MaxCells-cells)
			cells += n
		}
		rc.Close()
		budget -= counted.n
		switch {
		case strs > lim.MaxSharedStrings:
			e := problem("file_too_many_strings", Location{}, "", lim.MaxSharedStrings)
			return &e
		case cells > lim.MaxCells:
			e := problem("file_too_many_cells", Location{}, "", lim.MaxCells)
			return &e
		case budget < 0:
			return nil
		}
	}
	return nil
}

type countingReader struct {
	r io.Reader
	n int64
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += int64(n)
	return n, err
}

// countElements counts the start tags named elem (with any namespace prefix) in XML,
// up to max+1. It scans 256 KB at a time; a tag cut at the end of a chunk is carried
// over to the next.
func countElements(r io.Reader, elem string, max int) int {
	const chunk, carry = 256 << 10, 64
	buf := make([]byte, carry+chunk)
	n, kept := 0, 0
	for n <= max {
		m, err := io.ReadFull(r, buf[kept:])
		data := buf[:kept+m]
		last := err != nil // io.EOF or io.ErrUnexpectedEOF: the rest is all there is
		end := len(data)
		if !last {
			end -= carry // tags starting here are read with the next chunk
		}
		i := 0
		for {
			j := bytes.IndexByte(data[i:end], '<')
			if j < 0 {
				break
			}
			i += j + 1
			if isStartTag(data[i:min(i+carry, len(data))], elem) {
				n++
			}
		}
		if last {
			return n
		}
		kept = copy(buf, data[end:])
	}
	return n
}

// isStartTag: b (what follows a '<') opens an element elem, possibly prefixed ("x:c").
func isStartTag(b []byte, elem string) bool {
	if i := bytes.IndexByte(b, ':'); i > 0 && i < len(b)-1 && bytes.IndexAny(b[:i], " <>/\"'=\t\r\n") < 0 {
		b = b[i+1:]
	}
	if len(b) <= len(elem) || string(b[:len(elem)]) != elem {
		return false
	}
	switch b[len(elem)] {
	case ' ', '>', '/', '\t', '\r', '\n':
		return true
	}
	return false
}
