package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"time"

	"github.com/quangngai/chitieu/ingest"
	"github.com/quangngai/chitieu/queries"
)

func init() {
	register("nil-report", "báo cáo không được giao nhiệm vụ (nil-report --agency --year --letter-no --letter-date --signer)", func(ctx context.Context, env *Env, args []string) error {
		fs := flag.NewFlagSet("nil-report", flag.ContinueOnError)
		fs.SetOutput(env.Stderr)
		agency := fs.String("agency", "", "mã đơn vị (agency code)")
		year := fs.Int("year", 0, "năm báo cáo (reporting year)")
		letterNo := fs.String("letter-no", "", "số công văn, ví dụ 1234/BDT-CSDT (letter number)")
		letterDate := fs.String("letter-date", "", "ngày công văn DD/MM/YYYY hoặc YYYY-MM-DD (letter date)")
		signer := fs.String("signer", "", "người ký (signer)")
		note := fs.String("note", "", "ghi chú (note)")
		who := fs.String("user", defaultUser(), "người ghi (who records it)")
		asJSON := fs.Bool("json", false, "in báo cáo dạng JSON")
		if err := fs.Parse(args); err != nil {
			return exitCode(2)
		}
		if *year < 0 || *year > 65535 {
			return fmt.Errorf("--year %d không hợp lệ (invalid year)", *year)
		}
		var date *time.Time
		if *letterDate != "" {
			d, err := parseDate(*letterDate)
			if err != nil {
				return err
			}
			date = &d
		}
		st, err := openStore(ctx, env.Config)
		if err != nil {
			return err
		}
		defer st.Close()
		rep, err := ingest.New(st, ingestLimits(env.Config)).NilReport(ctx, queries.NilReportRequest{Agency: *agency,
			Year: uint16(*year), LetterNo: *letterNo, LetterDate: date, Signer: *signer, Note: *note, User: *who, Channel: "cli"})
		if err != nil {
			return err
		}
		if *asJSON {
			b, _ := json.MarshalIndent(rep, "", "  ")
			fmt.Fprintln(env.Stdout, string(b))
		} else {
			printReport(env.Stdout, "nil-report", rep)
		}
		if rep.Rejected() {
			return exitCode(1)
		}
		return nil
	})
}

// parseDate reads a letter's date as ingest reads every date (DD/MM/YYYY or ISO).
func parseDate(s string) (time.Time, error) {
	if t, ok := ingest.ParseDate(s); ok {
		return t, nil
	}
	return time.Time{}, fmt.Errorf("ngày %q không hợp lệ, ghi DD/MM/YYYY (invalid date, use DD/MM/YYYY)", s)
}
