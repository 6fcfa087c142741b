package main

import (
	"context"
	"flag"
	"fmt"
	"os"

	"github.com/quangngai/chitieu/dashboard"
	"github.com/quangngai/chitieu/plan"
	"github.com/quangngai/chitieu/report"
)

// chitieu report --year Y [--format docx|pdf] [-o FILE]: the consolidated report, the
// same document as the download (/report/Y/report.docx or .pdf), built by the same code.
func init() {
	register("report", "báo cáo tổng hợp năm (report --year YYYY [--format docx|pdf] [-o TỆP])", func(ctx context.Context, env *Env, args []string) error {
		fs := flag.NewFlagSet("report", flag.ContinueOnError)
		fs.SetOutput(env.Stderr)
		year := fs.Int("year", 0, "năm báo cáo (reporting year)")
		format := fs.String("format", report.FormatDocx, "docx hoặc pdf")
		out := fs.String("o", "", "tệp ghi ra (default bao-cao-cong-nghiep-YEAR.FORMAT)")
		if err := fs.Parse(args); err != nil {
			return exitCode(2)
		}
		if !plan.ValidYear(*year) || !report.ValidFormat(*format) {
			fmt.Fprintln(env.Stderr, "chitieu report: cần --year, --format là docx hoặc pdf (--year is required; --format is docx or pdf)")
			return exitCode(2)
		}
		st, err := openStore(ctx, env.Config)
		if err != nil {
			return err
		}
		defer st.Close()
		file, err := dashboard.ReportFile(ctx, dashboardDeps(env.Config, st), uint16(*year), *format)
		if err != nil {
			return err
		}
		name := *out
		if name == "" {
			name = report.FileName(uint16(*year), *format)
		}
		if err := os.WriteFile(name, file, 0o644); err != nil {
			return err
		}
		fmt.Fprintf(env.Stdout, "report: %s (%d byte)\n", name, len(file))
		return nil
	})
}
