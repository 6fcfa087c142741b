package main

import (
	"context"
	"fmt"
	"time"

	"github.com/quangngai/chitieu/queries"
)

func init() {
	register("migrate", "tạo/cập nhật lược đồ ClickHouse (apply schema migrations)", func(ctx context.Context, env *Env, args []string) error {
		st, err := openStore(ctx, env.Config)
		if err != nil {
			return err
		}
		defer st.Close()
		applied, err := st.Migrate(ctx)
		if err != nil {
			return err
		}
		if len(applied) == 0 {
			fmt.Fprintf(env.Stdout, "migrate: database %s is up to date\n", st.Database())
		}
		for _, name := range applied {
			fmt.Fprintf(env.Stdout, "migrate: applied %s\n", name)
		}
		return nil
	})
}

// openStore connects to ClickHouse, retrying briefly so that a server started a moment
// ago (make run) has time to answer.
func openStore(ctx context.Context, cfg Config) (*queries.Store, error) {
	var lastErr error
	for i := 0; i < 20; i++ {
		st, err := queries.Open(ctx, cfg.ClickHouse)
		if err == nil {
			return st, nil
		}
		lastErr = err
		select {
		case <-ctx.Done():
			return nil, ctx.Err()
		case <-time.After(500 * time.Millisecond):
		}
	}
	return nil, fmt.Errorf("không kết nối được ClickHouse (cannot reach ClickHouse): %w", lastErr)
}

// openMigratedStore is openStore with the schema brought up to date: demo and users
// may be the first commands run on a new server.
func openMigratedStore(ctx context.Context, cfg Config) (*queries.Store, error) {
	st, err := openStore(ctx, cfg)
	if err != nil {
		return nil, err
	}
	if _, err := st.Migrate(ctx); err != nil {
		st.Close()
		return nil, err
	}
	return st, nil
}
