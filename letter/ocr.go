package letter

import (
	"context"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"
)

func noText() error {
	return &Error{Key: "let.err.notext"}
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
	return &Error{Key: "let.err.ocr", Args: []any{shortText(err.Error(), 120)}, Err: err}
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
		Key: "let.note.scan", Args: []any{len(pages), took.Seconds() / float64(n)}}}}, nil
}
