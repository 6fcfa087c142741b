package main

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"

	"github.com/quangngai/chitieu/dashboard"
	"github.com/quangngai/chitieu/ingest"
	"github.com/quangngai/chitieu/queries"
)

func init() {
	register("serve", "chạy máy chủ bảng điều khiển (serve the dashboard)", func(ctx context.Context, env *Env, args []string) error {
		ln, err := net.Listen("tcp", env.Config.Addr)
		if err != nil {
			return fmt.Errorf("listen on %s: %w", env.Config.Addr, err)
		}
		return serve(ctx, env, ln)
	})
}

// serve migrates, then serves on ln until ctx ends, then shuts down gracefully.
// Tests call it with a listener on port 0.
func serve(ctx context.Context, env *Env, ln net.Listener) error {
	cfg := env.Config
	st, err := openStore(ctx, cfg)
	if err != nil {
		ln.Close()
		return err
	}
	defer st.Close()
	// A replica down or behind does not stop the server (the error is for none complete);
	// the log says which one `chitieu migrate` must finish later.
	rep, err := st.MigrateReplicas(ctx)
	if err != nil {
		ln.Close()
		return err
	}
	for _, m := range rep.Applied {
		slog.Info("migration applied", "name", m)
	}
	for _, r := range rep.Replicas {
		if r.State != queries.ReplicaCurrent {
			slog.Warn("replica schema not current; run chitieu migrate once it answers", "replica", r.Addr, "state", r.State, "missing", r.Missing, "err", r.Err)
		}
	}
	if err := bootstrapAdmin(ctx, env, st); err != nil {
		ln.Close()
		return err
	}
	app, err := dashboard.New(dashboardDeps(cfg, st))
	if err != nil {
		ln.Close()
		return err
	}
	purgeCtx, stopPurge := context.WithCancel(ctx)
	purged := purgeEvery(purgeCtx, st, cfg.PurgeEvery)
	defer func() { stopPurge(); <-purged }()
	errc := make(chan error, 1)
	go func() { errc <- app.Listener(ln) }()
	slog.Info("chitieu serving", "url", "http://"+ln.Addr().String(), "clickhouse", cfg.ClickHouse.Addr, "database", st.Database())
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	slog.Info("shutting down", "timeout", cfg.ShutdownTimeout)
	if err := app.ShutdownWithTimeout(cfg.ShutdownTimeout); err != nil && !errors.Is(err, context.Canceled) {
		return err
	}
	return nil
}

// dashboardDeps connects the dashboard to the store and to ingest.
func dashboardDeps(cfg Config, st *queries.Store) dashboard.Deps {
	in := ingest.New(st, ingestLimits(cfg))
	return dashboard.Deps{
		Store:          st,
		Logger:         slog.Default(),
		Public:         cfg.Public,
		SecureCookies:  cfg.SecureCookies,
		SessionTTL:     cfg.SessionTTL,
		UploadLimitMB:  cfg.UploadLimitMB,
		ChromiumPath:   cfg.ChromiumPath,
		TrustedProxies: cfg.TrustedProxies,
		NoPageCache:    !cfg.PageCache,
		RequestTimeout: cfg.RequestTimeout,
		UploadTimeout:  cfg.UploadTimeout,
		Ingest:         in.Ingest,
		NilReport:      in.NilReport,
		LoadAdmin:      in.LoadAdmin,
		ReportDocx:     ingest.ParseDocxAnswer,
		ParseNumber:    ingest.ParseFormNumber,
		Template: func(ctx context.Context, agency string, year uint16) ([]byte, string, error) {
			b, err := in.Template(ctx, agency, year)
			if errors.Is(err, ingest.ErrUnknownAgency) {
				err = fmt.Errorf("%w: %w", queries.ErrNotFound, err)
			}
			return b, ingest.TemplateFileName(agency, year), err
		},
	}
}
