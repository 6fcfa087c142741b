package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"strings"

	"github.com/quangngai/chitieu/queries"
	"github.com/quangngai/chitieu/reporting"
)

// chitieu outline list | show CODE | copy FROM TO [--name]: report outlines (đề cương).
// Editing items is done in the admin UI; copying makes the new round's outline.
func init() {
	register("outline", "đề cương báo cáo: outline list | show MÃ | copy TỪ MÃ_MỚI [--name TÊN]", func(ctx context.Context, env *Env, args []string) error {
		if len(args) == 0 {
			fmt.Fprintln(env.Stderr, "chitieu outline: cần list, show hoặc copy (list, show or copy)")
			return exitCode(2)
		}
		st, err := openStore(ctx, env.Config)
		if err != nil {
			return err
		}
		defer st.Close()
		switch args[0] {
		case "list":
			all, err := st.Outlines(ctx)
			if err != nil {
				return err
			}
			for _, o := range all {
				fmt.Fprintf(env.Stdout, "%s\t%s\t%s\n", o.Code, o.Name, o.BasedOn)
			}
			return nil
		case "show":
			if len(args) != 2 {
				fmt.Fprintln(env.Stderr, "chitieu outline show MÃ")
				return exitCode(2)
			}
			o, err := st.OutlineByCode(ctx, args[1])
			if errors.Is(err, queries.ErrOutlineUnknown) {
				fmt.Fprintf(env.Stderr, "chitieu outline: không có đề cương %q (no such outline)\n", args[1])
				return exitCode(1)
			} else if err != nil {
				return err
			}
			for _, it := range o.Items {
				fmt.Fprintf(env.Stdout, "%s%s\t%s\t%s\n", strings.Repeat("  ", it.Depth()), it.Number, it.Kind, it.Title)
			}
			return nil
		case "copy":
			fs := flag.NewFlagSet("outline copy", flag.ContinueOnError)
			fs.SetOutput(env.Stderr)
			name := fs.String("name", "", "tên đề cương mới (name of the new outline)")
			if len(args) < 3 {
				fmt.Fprintln(env.Stderr, "chitieu outline copy TỪ MÃ_MỚI [--name TÊN]")
				return exitCode(2)
			}
			if err := fs.Parse(args[3:]); err != nil {
				return exitCode(2)
			}
			svc := &reporting.Service{Store: st}
			if err := svc.CopyOutline(ctx, args[1], args[2], *name, cliAs("outline")); err != nil {
				msg, code := cliError(err)
				fmt.Fprintf(env.Stderr, "chitieu outline copy: %s\n", msg)
				return exitCode(code)
			}
			fmt.Fprintf(env.Stdout, "outline: %s chép từ %s (copied)\n", args[2], args[1])
			return nil
		}
		fmt.Fprintf(env.Stderr, "chitieu outline: không hiểu %q (unknown subcommand)\n", args[0])
		return exitCode(2)
	})
}
