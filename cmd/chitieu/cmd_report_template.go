package main

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"os"
	"slices"

	"github.com/quangngai/chitieu/plan"
	"github.com/quangngai/chitieu/queries"
	"github.com/quangngai/chitieu/report"
)

// chitieu report-template --agency X --year N [--out FILE]: the round's outline as a Word
// file for the agency to fill in (numbered headings, empty II.7 and II.8 tables).
func init() {
	register("report-template", "mẫu Word báo cáo viết theo đề cương (report-template --agency MÃ --year YYYY [--out TỆP])", func(ctx context.Context, env *Env, args []string) error {
		fs := flag.NewFlagSet("report-template", flag.ContinueOnError)
		fs.SetOutput(env.Stderr)
		agency := fs.String("agency", "", "mã đơn vị (agency code)")
		year := fs.Int("year", 0, "năm báo cáo (reporting year)")
		out := fs.String("out", "", "tệp ghi ra (default de-cuong-YEAR-AGENCY.docx)")
		if err := fs.Parse(args); err != nil {
			return exitCode(2)
		}
		if *agency == "" || !plan.ValidYear(*year) {
			fmt.Fprintln(env.Stderr, "chitieu report-template: cần --agency và --year (both --agency and --year are required)")
			return exitCode(2)
		}
		st, err := openStore(ctx, env.Config)
		if err != nil {
			return err
		}
		defer st.Close()
		agencies, err := st.Agencies(ctx)
		if err != nil {
			return err
		}
		i := slices.IndexFunc(agencies, func(a queries.Agency) bool { return a.Code == *agency })
		if i < 0 {
			fmt.Fprintf(env.Stderr, "chitieu report-template: không có đơn vị %q (no such agency)\n", *agency)
			return exitCode(1)
		}
		o, err := st.RoundOutline(ctx, uint16(*year))
		if err != nil {
			return err
		}
		projects, err := st.Projects(ctx)
		if err != nil {
			return err
		}
		var buf bytes.Buffer
		if err := report.WriteTemplate(o, agencies[i].NameVI, uint16(*year), projects, &buf); err != nil {
			return err
		}
		name := *out
		if name == "" {
			name = fmt.Sprintf("de-cuong-%d-%s.docx", *year, *agency)
		}
		if err := os.WriteFile(name, buf.Bytes(), 0o644); err != nil {
			return err
		}
		fmt.Fprintf(env.Stdout, "report-template: %s (đề cương %s, %d mục)\n", name, o.Code, len(o.Items))
		return nil
	})
}
