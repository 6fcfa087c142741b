package letter

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"time"
)

// sandbox runs a converter in a fresh temporary directory that is its HOME and its
// LibreOffice profile, with a time limit, and removes the directory after. The input is
// written there as name; the caller reads outputs from the directory in fn.
func sandbox(ctx context.Context, limit time.Duration, name string, data []byte, fn func(dir, in string, run func(string, ...string) ([]byte, error)) error) error {
	dir, err := os.MkdirTemp("", "chitieu-letter-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	in := filepath.Join(dir, name)
	if err := os.WriteFile(in, data, 0o600); err != nil {
		return err
	}
	run := func(prog string, args ...string) ([]byte, error) {
		cctx, cancel := context.WithTimeout(ctx, limit)
		defer cancel()
		cmd := exec.CommandContext(cctx, prog, args...)
		cmd.Dir = dir
		cmd.Env = []string{"HOME=" + dir, "PATH=" + os.Getenv("PATH"), "LANG=C.UTF-8", "OMP_THREAD_LIMIT=1"}
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		cmd.WaitDelay = 5 * time.Second
		out, err := cmd.Output()
		if cctx.Err() == context.DeadlineExceeded {
			return nil, fmt.Errorf("%s: over the time limit of %s", prog, limit)
		}
		if err != nil {
			return out, fmt.Errorf("%s: %w: %s", prog, err, shortText(stderr.String(), 300))
		}
		return out, nil
	}
	return fn(dir, in, run)
}

// readDoc converts a Word 97–2003 file to .docx with LibreOffice and reads that.
func readDoc(ctx context.Context, data []byte, lim Limits) (Letter, error) {
	var docx []byte
	err := sandbox(ctx, lim.Convert, "thu.doc", data, func(dir, in string, run func(string, ...string) ([]byte, error)) error {
		if _, err := run("soffice", "-env:UserInstallation=file://"+filepath.Join(dir, "profile"), "--headless", "--norestore",
			"--convert-to", "docx:MS Word 2007 XML", "--outdir", dir, in); err != nil {
			return err
		}
		b, err := os.ReadFile(filepath.Join(dir, "thu.docx"))
		docx = b
		return err
	})
	if err != nil {
		return Letter{}, &Error{Key: "let.err.doc", Args: []any{shortText(err.Error(), 120)}, Err: err}
	}
	blocks, err := readDocx(docx, lim)
	if err != nil {
		return Letter{}, err
	}
	return Letter{Format: "doc", Blocks: blocks, Notes: []Note{{Key: "let.note.doc"}}}, nil
}

func shortText(s string, n int) string {
	r := []rune(s)
	if len(r) > n {
		return string(r[:n]) + "…"
	}
	return s
}
