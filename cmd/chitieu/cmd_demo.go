package main

import (
	"context"
	"flag"
	"fmt"

	"github.com/quangngai/chitieu/ingest/demo"
)

func init() {
	register("demo", "nạp dữ liệu thật đã công bố; `demo synthetic` sinh dữ liệu giả lập (load demo data)", runDemo)
}

func runDemo(ctx context.Context, env *Env, args []string) error {
	st, err := openMigratedStore(ctx, env.Config)
	if err != nil {
		return err
	}
	defer st.Close()
	if len(args) > 0 && args[0] == "synthetic" {
		fs := flag.NewFlagSet("demo synthetic", flag.ContinueOnError)
		fs.SetOutput(env.Stderr)
		rows := fs.Int("rows", 10_000_000, "about this many figure rows")
		seed := fs.Uint64("seed", 1, "random seed: the same seed gives the same data")
		provinces := fs.Int("provinces", 34, "synthetic provinces")
		if err := fs.Parse(args[1:]); err != nil {
			return exitCode(2)
		}
		// The real catalogue first, so synthetic rows use real indicator codes.
		if _, err := demo.Load(ctx, st); err != nil {
			return err
		}
		res, err := demo.LoadSynthetic(ctx, st, demo.SyntheticOptions{Rows: *rows, Seed: *seed, Provinces: *provinces})
		if err != nil {
			return err
		}
		fmt.Fprintf(env.Stdout, "demo synthetic: %d rows (%d provinces × %d zones) generated and loaded in %s (%.0f rows/s), marked synthetic\n",
			res.Rows, *provinces, res.ZonesPerProv, res.GenerateAndLoad.Round(1e7), float64(res.Rows)/res.GenerateAndLoad.Seconds())
		n, err := demo.LoadSyntheticAnswers(ctx, st, *provinces, 10)
		if err != nil {
			return err
		}
		fmt.Fprintf(env.Stdout, "demo synthetic: %d written answers (every agency × %d provinces × 10 years), marked synthetic\n", n, *provinces)
		return nil
	}
	if len(args) > 0 {
		return fmt.Errorf("unknown argument %q (use `demo` or `demo synthetic`)", args[0])
	}
	res, err := demo.Load(ctx, st)
	if err != nil {
		return err
	}
	if res.Skipped {
		fmt.Fprintf(env.Stdout, "demo: the published dataset is already loaded (upload %s); nothing written\n", res.UploadID)
		return nil
	}
	fmt.Fprintf(env.Stdout, "demo: loaded %d figures and %d targets from published sources (upload %s)\n", res.Figures, res.Targets, res.UploadID)
	return nil
}
