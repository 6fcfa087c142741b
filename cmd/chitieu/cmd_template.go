package main

import (
	"context"
	"flag"
	"fmt"
	"os"

	"github.com/quangngai/chitieu/ingest"
	"github.com/quangngai/chitieu/plan"
)

func init() {
	register("template", "tạo biểu mẫu .xlsx cho đơn vị và năm (template --agency CODE --year YYYY [-o FILE])", func(ctx context.Context, env *Env, args []string) error {
		fs := flag.NewFlagSet("template", flag.ContinueOnError)
		fs.SetOutput(env.Stderr)
		agency := fs.String("agency", "", "mã đơn vị (agency code), ví dụ BQL")
		year := fs.Int("year", 0, "năm báo cáo (reporting year)")
		out := fs.String("o", "", "tệp ghi ra (output file); mặc định bieu-mau-CODE-YYYY.xlsx")
		if err := fs.Parse(args); err != nil {
			return exitCode(2)
		}
		if *agency == "" || !plan.ValidYear(*year) {
			fmt.Fprintln(env.Stderr, "chitieu template: cần --agency và --year (both --agency and --year are required)")
			return exitCode(2)
		}
		st, err := openStore(ctx, env.Config)
		if err != nil {
			return err
		}
		defer st.Close()
		b, err := ingest.New(st, ingestLimits(env.Config)).Template(ctx, *agency, uint16(*year))
		if err != nil {
			return err
		}
		name := *out
		if name == "" {
			name = ingest.TemplateFileName(*agency, uint16(*year))
		}
		if err := os.WriteFile(name, b, 0o644); err != nil {
			return err
		}
		fmt.Fprintf(env.Stdout, "template: đã ghi %s (wrote %s, %d bytes)\n", name, name, len(b))
		return nil
	})
}
