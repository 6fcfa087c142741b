package main

import (
	"context"
	"fmt"
	"log/slog"
	"time"

	"github.com/quangngai/chitieu/queries"
)

func init() {
	register("purge", "xoá số liệu của các lần tải lên dở dang (delete the rows of dead upload attempts)", runPurge)
}

// runPurge is the purge for deployments without a server running: cron or by hand.
func runPurge(ctx context.Context, env *Env, args []string) error {
	if len(args) > 0 {
		fmt.Fprintln(env.Stderr, "chitieu purge: không nhận tham số (takes no arguments)")
		return exitCode(2)
	}
	st, err := openStore(ctx, env.Config)
	if err != nil {
		return err
	}
	defer st.Close()
	ids, err := purgeDeadAttempts(ctx, st)
	if err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "purge: đã xoá số liệu của %d lần tải lên dở dang (rows of %d dead upload attempts deleted)\n", len(ids), len(ids))
	for _, id := range ids {
		fmt.Fprintf(env.Stdout, "  %s\n", id)
	}
	return nil
}

// purgeDeadAttempts deletes the rows of attempts whose writer's claim has been gone for
// twice the lapse (queries.PurgeDeadAttempts): the one rule for serve's timer, the
// purge command and the end of a CLI ingest.
func purgeDeadAttempts(ctx context.Context, st *queries.Store) ([]string, error) {
	return st.PurgeDeadAttempts(ctx, 2*st.ClaimLapse())
}

// purgeEvery purges (and re-measures the version clock) at start and then every d
// until ctx ends; the channel closes when it has stopped, so serve waits for a purge
// under way before closing the store.
func purgeEvery(ctx context.Context, st *queries.Store, d time.Duration) <-chan struct{} {
	done := make(chan struct{})
	go func() {
		defer close(done)
		t := time.NewTicker(d)
		defer t.Stop()
		for {
			pctx, cancel := context.WithTimeout(ctx, time.Minute)
			if ids, err := purgeDeadAttempts(pctx, st); err != nil && ctx.Err() == nil {
				slog.Warn("purge dead upload attempts", "err", err)
			} else if len(ids) > 0 {
				slog.Info("purged the rows of dead upload attempts", "uploads", ids)
			}
			// Versions follow ClickHouse's clock; this host's may drift meanwhile.
			if err := st.SyncClock(pctx); err != nil && ctx.Err() == nil {
				slog.Warn("sync the version clock with ClickHouse", "err", err)
			}
			cancel()
			select {
			case <-ctx.Done():
				return
			case <-t.C:
			}
		}
	}()
	return done
}
