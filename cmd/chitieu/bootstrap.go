package main

import (
	"context"
	"errors"
	"fmt"
	"log/slog"

	"github.com/quangngai/chitieu/accounts"
	"github.com/quangngai/chitieu/queries"
)

// bootstrapAdmin makes sure someone can sign in on first start (the rules are
// accounts.Service.Bootstrap) and tells the person at the terminal how.
func bootstrapAdmin(ctx context.Context, env *Env, st *queries.Store) error {
	cfg := env.Config
	res, err := accounts.New(st).Bootstrap(ctx, cfg.AdminPassword, cfg.DemoAdmin, accounts.Actor{UserAgent: "chitieu serve"})
	var rule *accounts.Error
	if errors.As(err, &rule) {
		return fmt.Errorf("CHITIEU_ADMIN_PASSWORD: %w", err)
	}
	if err != nil {
		return err
	}
	firstAdmin, w := accounts.FirstAdmin, env.Stdout
	if res.Kept {
		fmt.Fprintf(w, "chitieu: tài khoản quản trị demo %q đã được đổi; giữ nguyên mật khẩu (demo admin changed by a person; password kept)\n", firstAdmin)
	}
	if res.Unknown {
		slog.Warn("first-admin check skipped: a ClickHouse replica did not answer; nothing was created")
	}
	if !res.Prepared {
		return nil
	}
	slog.Warn("admin account prepared", "username", firstAdmin, "demo", cfg.DemoAdmin, "password_from_env", res.Password == "")
	fmt.Fprintln(w, "──────────────────────────────────────────────────────────────")
	if cfg.DemoAdmin {
		fmt.Fprintln(w, "TÀI KHOẢN QUẢN TRỊ DEMO (chỉ dùng trên máy này) — local demo admin (CHITIEU_DEMO_ADMIN=true)")
	} else {
		fmt.Fprintln(w, "Chưa có quản trị viên nên đã tạo tài khoản đầu tiên — no admin existed, created the first one")
	}
	fmt.Fprintf(w, "  tên đăng nhập (username): %s\n", firstAdmin)
	if res.Password != "" {
		fmt.Fprintf(w, "  mật khẩu (password):      %s\n", res.Password)
		if !cfg.DemoAdmin {
			fmt.Fprintln(w, "  Mật khẩu chỉ hiện lần này; hãy đổi tại /account. (Shown once; change it at /account.)")
		}
	} else {
		fmt.Fprintln(w, "  mật khẩu: lấy từ CHITIEU_ADMIN_PASSWORD (password from CHITIEU_ADMIN_PASSWORD)")
	}
	fmt.Fprintln(w, "──────────────────────────────────────────────────────────────")
	return nil
}
