package report

import (
	"bytes"
	"context"
	"fmt"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"syscall"
	"time"
)

// The PDF is the .docx converted by LibreOffice, not a second rendering: SCT edits and
// signs the .docx, so the PDF must show exactly that document (same pagination, header
// block, tables). Chromium printing an HTML copy would be a second layout to keep in step.

// ConvertPDF turns a .docx into PDF with LibreOffice headless (soffice). Each call has its
// own profile directory, so conversions can run side by side.
func ConvertPDF(ctx context.Context, soffice string, docx []byte) ([]byte, error) {
	pdf, _, err := convertPDF(ctx, soffice, docx)
	return pdf, err
}

// convertPDF also returns LibreOffice's peak resident memory in KiB (for the benchmark).
func convertPDF(ctx context.Context, soffice string, docx []byte) ([]byte, int64, error) {
	if soffice == "" {
		soffice = "soffice"
	}
	dir, err := os.MkdirTemp("", "chitieu-soffice-")
	if err != nil {
		return nil, 0, err
	}
	defer os.RemoveAll(dir)
	in := filepath.Join(dir, "baocao.docx")
	if err := os.WriteFile(in, docx, 0o600); err != nil {
		return nil, 0, err
	}
	ctx, cancel := context.WithTimeout(ctx, 120*time.Second)
	defer cancel()
	profile := (&url.URL{Scheme: "file", Path: filepath.Join(dir, "profile")}).String()
	cmd := exec.CommandContext(ctx, soffice, "-env:UserInstallation="+profile, "--headless", "--norestore",
		"--convert-to", "pdf:writer_pdf_Export", "--outdir", dir, in)
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	cmd.Env = append(os.Environ(), "HOME="+dir)
	if err := cmd.Run(); err != nil {
		return nil, 0, fmt.Errorf("soffice: %w: %s", err, out.String())
	}
	var maxRSS int64
	if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
		maxRSS = ru.Maxrss
	}
	pdf, err := os.ReadFile(filepath.Join(dir, "baocao.pdf"))
	if err != nil {
		return nil, 0, fmt.Errorf("soffice wrote no PDF: %s", out.String())
	}
	return pdf, maxRSS, nil
}

// The report's file formats: the .docx SCT edits and signs, and that same document as PDF.
const (
	FormatDocx = "docx"
	FormatPDF  = "pdf"
)

// ValidFormat says whether f is a report file format.
func ValidFormat(f string) bool { return f == FormatDocx || f == FormatPDF }

// ContentType is the MIME type of a report file format.
func ContentType(format string) string {
	if format == FormatPDF {
		return "application/pdf"
	}
	return "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
}

// FileName is the download name of a year's report file.
func FileName(year uint16, format string) string {
	return fmt.Sprintf("bao-cao-cong-nghiep-%d.%s", year, format)
}
