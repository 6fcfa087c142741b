package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"os/user"
	"path/filepath"
	"strings"
	"time"

	"github.com/quangngai/chitieu/ingest"
	"github.com/quangngai/chitieu/queries"
)

func init() {
	register("ingest", "nạp tệp số liệu .xlsx/.csv/.json (ingest FILE… [--agency] [--year] [--dry-run] [--json])", runIngest)
}

// ingestLimits applies the configured upload limits.
func ingestLimits(cfg Config) ingest.Limits {
	return ingest.Limits{MaxBytes: int64(cfg.UploadLimitMB) << 20, MaxRows: cfg.UploadRowLimit,
		MaxCells: cfg.UploadCellLimit, MaxSharedStrings: cfg.UploadStrLimit, MaxConcurrent: cfg.UploadSlots}
}

// parseInterleaved lets flags come before, between or after the file names.
func parseInterleaved(fs *flag.FlagSet, args []string) ([]string, error) {
	var files []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		if fs.NArg() == 0 {
			return files, nil
		}
		files = append(files, fs.Arg(0))
		args = fs.Args()[1:]
	}
}

func defaultUser() string {
	if u, err := user.Current(); err == nil && u.Username != "" {
		return "cli:" + u.Username
	}
	return "cli"
}

func runIngest(ctx context.Context, env *Env, args []string) error {
	fs := flag.NewFlagSet("ingest", flag.ContinueOnError)
	fs.SetOutput(env.Stderr)
	agency := fs.String("agency", "", "mã đơn vị báo cáo (agency code); mặc định lấy trong tệp")
	year := fs.Int("year", 0, "năm báo cáo (reporting year); mặc định lấy trong tệp")
	dryRun := fs.Bool("dry-run", false, "chỉ xem trước, không ghi (preview only)")
	asJSON := fs.Bool("json", false, "in báo cáo dạng JSON (print the reports as JSON)")
	who := fs.String("user", defaultUser(), "người tải lên (uploader)")
	files, err := parseInterleaved(fs, args)
	if err != nil {
		return exitCode(2)
	}
	if len(files) == 0 {
		fmt.Fprintln(env.Stderr, "chitieu ingest: cần ít nhất một tệp (at least one FILE is required)")
		return exitCode(2)
	}
	if *year < 0 || *year > 65535 {
		return fmt.Errorf("--year %d không hợp lệ (invalid year)", *year)
	}
	st, err := openStore(ctx, env.Config)
	if err != nil {
		return err
	}
	defer st.Close()
	in := ingest.New(st, ingestLimits(env.Config))
	var reports []queries.IngestReport
	rejected, accepted := false, false
	for _, name := range files {
		content, err := readLimited(name, int64(env.Config.UploadLimitMB)<<20)
		if err != nil {
			return fmt.Errorf("đọc %s (read): %w", name, err)
		}
		rep, err := in.Ingest(ctx, queries.UploadRequest{FileName: filepath.Base(name), Content: content, Agency: *agency,
			Year: uint16(*year), User: *who, DryRun: *dryRun, Channel: "cli"})
		if err != nil {
			return fmt.Errorf("%s: %w", name, err)
		}
		rejected = rejected || rep.Rejected()
		accepted = accepted || rep.Outcome == queries.UploadAccepted
		if *asJSON {
			reports = append(reports, rep)
			continue
		}
		printReport(env.Stdout, name, rep)
	}
	if accepted {
		// A CLI-only deployment has no server to purge on a timer: the CLI's own
		// accepted upload does it, and waits for it before exiting.
		pctx, cancel := context.WithTimeout(ctx, 30*time.Second)
		if ids, err := purgeDeadAttempts(pctx, st); err != nil {
			fmt.Fprintf(env.Stderr, "chitieu ingest: chưa dọn được các lần tải lên dở dang (could not purge dead attempts): %v\n", err)
		} else if len(ids) > 0 {
			fmt.Fprintf(env.Stderr, "chitieu ingest: đã xoá số liệu của %d lần tải lên dở dang (purged %d dead attempts)\n", len(ids), len(ids))
		}
		cancel()
	}
	if *asJSON {
		enc := json.NewEncoder(env.Stdout)
		enc.SetIndent("", "  ")
		if err := enc.Encode(reports); err != nil {
			return err
		}
	}
	if rejected {
		return exitCode(1)
	}
	return nil
}

// readLimited reads at most limit+1 bytes: enough to know a file is too large without
// holding all of it.
func readLimited(name string, limit int64) ([]byte, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return io.ReadAll(io.LimitReader(f, limit+1))
}

var outcomeLabel = map[string]string{
	queries.UploadAccepted:  "ĐÃ GHI (accepted)",
	queries.UploadRejected:  "BỊ TỪ CHỐI (rejected)",
	queries.UploadDuplicate: "TRÙNG (duplicate)",
	queries.UploadDryRun:    "XEM TRƯỚC (dry run)",
}

var changeLabel = map[string]string{
	queries.ChangeNew: "mới", queries.ChangeChanged: "thay đổi", queries.ChangeSame: "giữ nguyên", queries.ChangeWithdrawn: "rút lại",
}

// printReport writes a report for people: outcome, changes, then every error with its
// place, message in Vietnamese and English, and what to do.
func printReport(w io.Writer, name string, rep queries.IngestReport) {
	fmt.Fprintf(w, "%s: %s — mã tải lên (upload id) %s\n", name, outcomeLabel[rep.Outcome], rep.UploadID)
	fmt.Fprintf(w, "  %s\n  %s\n", rep.SummaryVI, rep.SummaryEN)
	if rep.Agency != "" || len(rep.Years) > 0 {
		fmt.Fprintf(w, "  đơn vị %s, năm %v, %d dòng số liệu, %s\n", rep.Agency, rep.Years, rep.Rows, rep.Kind)
	}
	shown := 0
	for _, it := range rep.Items {
		if it.Change == queries.ChangeSame {
			continue
		}
		if shown == 50 {
			fmt.Fprintf(w, "  … (xem --json để có đủ danh sách / see --json for the full list)\n")
			break
		}
		shown++
		val := it.NewValue
		switch it.Change {
		case queries.ChangeChanged:
			val = it.OldValue + " → " + it.NewValue
		case queries.ChangeWithdrawn:
			val = it.OldValue + " → (không có số liệu)"
		}
		fmt.Fprintf(w, "  %-10s %s / %s / %d: %s %s  [%s]\n", changeLabel[it.Change], it.Indicator, it.Scope, it.Year, val, it.Unit, it.Location)
	}
	for _, e := range rep.Errors {
		loc := e.Location
		if loc == "" {
			loc = "tệp (file)"
		}
		fmt.Fprintf(w, "  LỖI %s: %s\n", loc, e.MessageVI)
		fmt.Fprintf(w, "      (EN) %s\n", e.MessageEN)
		if e.HintVI != "" {
			fmt.Fprintf(w, "      → %s\n", e.HintVI)
		}
	}
	if rep.ErrorsTotal > len(rep.Errors) {
		fmt.Fprintf(w, "  … và %d lỗi khác (and %d more errors)\n", rep.ErrorsTotal-len(rep.Errors), rep.ErrorsTotal-len(rep.Errors))
	}
	for _, e := range rep.Warnings {
		fmt.Fprintf(w, "  lưu ý %s: %s / %s\n", strings.TrimSpace(e.Location+" "), e.MessageVI, e.MessageEN)
	}
}
