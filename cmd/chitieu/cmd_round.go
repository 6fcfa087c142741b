package main

import (
	"context"
	"flag"
	"fmt"
	"time"

	"github.com/quangngai/chitieu/plan"
	"github.com/quangngai/chitieu/queries"
	"github.com/quangngai/chitieu/reporting"
)

func init() {
	register("round", "đặt kỳ báo cáo và hạn gửi (round --year YYYY --letter-no --letter-date --deadline [--outline MÃ])", func(ctx context.Context, env *Env, args []string) error {
		fs := flag.NewFlagSet("round", flag.ContinueOnError)
		fs.SetOutput(env.Stderr)
		year := fs.Int("year", 0, "năm báo cáo (reporting year)")
		letterNo := fs.String("letter-no", "", "số công văn yêu cầu báo cáo, ví dụ 3006/SCT-QLCN")
		letterDate := fs.String("letter-date", "", "ngày công văn DD/MM/YYYY")
		deadline := fs.String("deadline", "", "hạn gửi báo cáo DD/MM/YYYY (deadline)")
		outline := fs.String("outline", "", "mã đề cương kỳ này trả lời (outline code; default "+queries.DefaultOutline+")")
		if err := fs.Parse(args); err != nil {
			return exitCode(2)
		}
		if !plan.ValidYear(*year) || *deadline == "" {
			fmt.Fprintln(env.Stderr, "chitieu round: cần --year và --deadline (both --year and --deadline are required)")
			return exitCode(2)
		}
		st, err := openStore(ctx, env.Config)
		if err != nil {
			return err
		}
		defer st.Close()
		if *outline != "" {
			// The outline is checked first, so a typo leaves the round unchanged.
			if _, err := st.OutlineByCode(ctx, *outline); err != nil {
				fmt.Fprintf(env.Stderr, "chitieu round: không có đề cương %q (no such outline; see `chitieu outline list`)\n", *outline)
				return exitCode(1)
			}
		}
		// The same use case as the admin page's form: one date parser, and a letter
		// number or date left out keeps the round's.
		svc := &reporting.Service{Store: st}
		r, code, err := svc.OpenRound(ctx, reporting.RoundRequest{Year: uint16(*year), LetterNo: *letterNo, LetterDate: *letterDate,
			Deadline: *deadline, Outline: *outline}, cliAs("round"))
		if err != nil {
			return err
		}
		d := *r.Deadline
		fmt.Fprintf(env.Stdout, "round: năm %d theo đề cương %s (outline)\n", r.Year, code)
		fmt.Fprintf(env.Stdout, "round: năm %d, hạn %s (deadline saved)\n", r.Year, d.Format(time.DateOnly))
		return nil
	})
}
