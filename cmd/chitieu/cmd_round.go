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
	register("round", "đặt kỳ báo cáo, hạn gửi và văn bản của kỳ (round --year YYYY --letter-no --letter-date --deadline [--outline MÃ] [--about --plan --signer …])", func(ctx context.Context, env *Env, args []string) error {
		fs := flag.NewFlagSet("round", flag.ContinueOnError)
		fs.SetOutput(env.Stderr)
		year := fs.Int("year", 0, "năm báo cáo (reporting year)")
		letterNo := fs.String("letter-no", "", "số công văn yêu cầu báo cáo, ví dụ 3006/SCT-QLCN")
		letterDate := fs.String("letter-date", "", "ngày công văn DD/MM/YYYY")
		deadline := fs.String("deadline", "", "hạn gửi báo cáo DD/MM/YYYY (deadline)")
		outline := fs.String("outline", "", "mã đề cương kỳ này trả lời; mặc định: đề cương riêng của kỳ, nếu chưa có thì chép từ mẫu "+
			queries.TemplateOutline+" (outline code)")
		// The round's document (reporting.DocumentFields), the same fields as /admin/outlines.
		// Lists take "|" between entries. Left out: the round's current value.
		var doc reporting.DocumentFields
		fs.StringVar(&doc.RequestAbout, "about", "", "trích yếu (về việc) của công văn yêu cầu")
		fs.StringVar(&doc.Plan, "plan", "", "mã kế hoạch đang có hiệu lực (plan code; mặc định: kế hoạch có hiệu lực năm báo cáo)")
		fs.StringVar(&doc.PlanCitation, "plan-citation", "", "trích dẫn đầy đủ văn bản kế hoạch, kể cả \"về việc\"")
		fs.StringVar(&doc.Citations, "citations", "", "các văn bản khác được trích dẫn, cách nhau bởi |")
		fs.StringVar(&doc.NumberPattern, "number", "", "số báo cáo của SCT, để trống số: /BC-SCT")
		fs.StringVar(&doc.SignerName, "signer", "", "họ tên người ký")
		fs.StringVar(&doc.SignerPosition, "signer-position", "", "chức vụ người ký, các dòng cách nhau bởi |: KT. GIÁM ĐỐC|PHÓ GIÁM ĐỐC")
		fs.StringVar(&doc.Recipients, "recipients", "", "nơi nhận, cách nhau bởi |")
		charts := fs.String("charts", "", "biểu đồ mục I ở phụ lục: on|off (mặc định off)")
		synthesis := fs.String("synthesis", "", "ý kiến các đơn vị: sct (chỉ bản tổng hợp của SCT) | annex (kèm ở phụ lục)")
		if err := fs.Parse(args); err != nil {
			return exitCode(2)
		}
		// --citations "" given on purpose: the round cites no other document.
		fs.Visit(func(f *flag.Flag) {
			doc.ClearCitations = doc.ClearCitations || f.Name == "citations" && doc.Citations == ""
		})
		if *synthesis != "" && *synthesis != "sct" && *synthesis != "annex" {
			fmt.Fprintln(env.Stderr, "chitieu round: --synthesis sct hoặc annex (sct or annex)")
			return exitCode(2)
		}
		if !plan.ValidYear(*year) || *deadline == "" {
			fmt.Fprintln(env.Stderr, "chitieu round: cần --year và --deadline (both --year and --deadline are required)")
			return exitCode(2)
		}
		switch *charts {
		case "":
		case "on", "off":
			on := *charts == "on"
			doc.Charts = &on
		default:
			fmt.Fprintln(env.Stderr, "chitieu round: --charts on hoặc off (on or off)")
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
			Deadline: *deadline, Outline: *outline, Document: doc}, cliAs("round"))
		if err != nil {
			return err
		}
		if *synthesis != "" {
			if err := svc.SetSynthesisMode(ctx, r.Year, *synthesis == "annex", cliAs("round")); err != nil {
				return err
			}
			fmt.Fprintf(env.Stdout, "round: năm %d, ý kiến các đơn vị: %s (synthesis mode saved)\n", r.Year, *synthesis)
		}
		d := *r.Deadline
		fmt.Fprintf(env.Stdout, "round: năm %d theo đề cương %s (outline)\n", r.Year, code)
		fmt.Fprintf(env.Stdout, "round: năm %d, hạn %s (deadline saved)\n", r.Year, d.Format(time.DateOnly))
		if doc, err := svc.Document(ctx, r.Year); err == nil {
			fmt.Fprintf(env.Stdout, "round: kế hoạch %s, người ký %s, biểu đồ %s (document saved)\n", doc.Plan, doc.SignerName, onOff(doc.Charts))
		}
		return nil
	})
}

func onOff(b bool) string {
	if b {
		return "on"
	}
	return "off"
}
