package letter

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"
)

// OCRNote marks every paragraph read from a scan.
const (
	OCRNoteVI = "nhận dạng từ bản quét — kiểm tra lại"
	OCRNoteEN = "recognised from a scan — check it"
)

func noText() error {
	return &Error{VI: "Bản quét không nhận dạng được chữ nào. Hãy quét lại ở 300 dpi, trang thẳng, đủ sáng; hoặc gửi tệp .docx hay PDF gốc do Word xuất ra.",
		EN: "No text could be recognised in the scan. Scan it again at 300 dpi, straight and well lit, or send the .docx or the PDF exported by Word."}
}

// ocrPDF renders each page at 300 dpi with pdftoppm and reads it with Tesseract (-l vie).
func ocrPDF(ctx context.Context, data []byte, lim Limits) (Letter, error) {
	var pages []string
	start := time.Now()
	err := sandbox(ctx, lim.OCRPage*time.Duration(max(lim.MaxPages, 1)), "scan.pdf", data, func(dir, in string, run func(string, ...string) ([]byte, error)) error {
		if _, err := run("pdftoppm", "-r", "300", "-gray", "-l", itoa(lim.MaxPages), in, filepath.Join(dir, "page")); err != nil {
			return err
		}
		imgs, _ := filepath.Glob(filepath.Join(dir, "page*.pgm"))
		sort.Strings(imgs)
		for _, img := range imgs {
			out, err := tesseract(ctx, lim, run, img)
			if err != nil {
				return err
			}
			pages = append(pages, out)
			os.Remove(img)
		}
		return nil
	})
	if err != nil {
		return Letter{}, ocrFailed(err)
	}
	return ocrLetter(pages, time.Since(start))
}

// readImage reads a scanned page sent as an image (PNG, JPEG, TIFF).
func readImage(ctx context.Context, data []byte, lim Limits) (Letter, error) {
	var pages []string
	start := time.Now()
	err := sandbox(ctx, lim.OCRPage, "scan.img", data, func(dir, in string, run func(string, ...string) ([]byte, error)) error {
		out, err := tesseract(ctx, lim, run, in)
		pages = append(pages, out)
		return err
	})
	if err != nil {
		return Letter{}, ocrFailed(err)
	}
	return ocrLetter(pages, time.Since(start))
}

func tesseract(ctx context.Context, lim Limits, run func(string, ...string) ([]byte, error), img string) (string, error) {
	out, err := run("tesseract", img, "stdout", "-l", "vie")
	return string(out), err
}

func ocrFailed(err error) error {
	return &Error{VI: "Không nhận dạng được bản quét (" + shortText(err.Error(), 120) + "). Kiểm tra đã cài tesseract-ocr và tesseract-ocr-vie; hoặc gửi tệp .docx hay PDF gốc.",
		EN: "The scan could not be recognised. Check that tesseract-ocr and tesseract-ocr-vie are installed, or send the .docx or the original PDF.", Err: err}
}

func ocrLetter(pages []string, took time.Duration) (Letter, error) {
	var blocks []Block
	width := textWidth(strings.Join(pages, "\n"))
	for i, p := range pages {
		blocks = append(blocks, layoutBlocks(strings.Split(p, "\n"), i+1, width, true)...)
	}
	if len(blocks) == 0 {
		return Letter{}, noText()
	}
	for i := range blocks {
		blocks[i].N = i + 1
	}
	n := max(len(pages), 1)
	return Letter{Format: "scan", Blocks: blocks, Notes: []Note{{Warn: true,
		VI: fmt.Sprintf("Bản quét: %d trang đã nhận dạng chữ (%.1f giây/trang). Mọi đoạn đều %s.", len(pages), took.Seconds()/float64(n), OCRNoteVI),
		EN: fmt.Sprintf("Scan: %d pages recognised (%.1f s a page). Every paragraph is %s.", len(pages), took.Seconds()/float64(n), OCRNoteEN)}}}, nil
}
