package main

import (
	"archive/zip"
	"bytes"
	"context"
	"io"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"testing"
	"time"

	"github.com/quangngai/chitieu/dashboard"
)

// docxText is the text of a .docx's main part, tags dropped.
func docxText(t *testing.T, doc []byte) string {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(doc), int64(len(doc)))
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range zr.File {
		if f.Name == "word/document.xml" {
			rc, _ := f.Open()
			b, _ := io.ReadAll(rc)
			rc.Close()
			return regexp.MustCompile(`<[^>]+>`).ReplaceAllString(string(b), "\n")
		}
	}
	t.Fatal("word/document.xml missing")
	return ""
}

// `chitieu report --year 2023` writes the document /report/2023/report.docx gives.
func TestReportCommandWritesTheDownload(t *testing.T) {
	t.Parallel()
	env, out := ingestEnv(t)
	env.Config.ChromiumPath, env.Config.Public = "/nonexistent/chromium", true // no chart images either way
	ctx := context.Background()
	file := filepath.Join(t.TempDir(), "bc.docx")
	if err := commands["report"].run(ctx, env, []string{"--year", "2023", "--format", "docx", "-o", file}); err != nil {
		t.Fatalf("report: %v\n%s", err, out)
	}
	cli, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	st, err := openStore(ctx, env.Config)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	app, err := dashboard.New(dashboardDeps(env.Config, st))
	if err != nil {
		t.Fatal(err)
	}
	var web []byte
	var status int
	for i := 0; i < 60; i++ { // 503 while the export job runs
		resp, err := app.Test(httptest.NewRequest("GET", "/report/2023/report.docx", nil), -1)
		if err != nil {
			t.Fatal(err)
		}
		web, _ = io.ReadAll(resp.Body)
		if status = resp.StatusCode; status != 503 {
			break
		}
		time.Sleep(time.Second)
	}
	if status != 200 {
		t.Fatalf("download: %d %.300s", status, web)
	}
	cliText, webText := docxText(t, cli), docxText(t, web)
	if cliText != webText || !bytes.Contains([]byte(cliText), []byte("3006/SCT-QLCN")) {
		t.Fatalf("the command's document differs from the download:\n%.2000s\n---\n%.2000s", cliText, webText)
	}
	if err := commands["report"].run(ctx, env, []string{"--year", "2023", "--format", "odt"}); err == nil {
		t.Fatal("an unknown format was accepted")
	}
}
