package main

import (
	"context"
	"errors"
	"fmt"
	"log/slog"

	"github.com/quangngai/chitieu/queries"
)

// Who the bootstrap writes as; a demo admin still carrying it has never been touched
// by a person, so a later `make run` may give it a fresh password to print.
const (
	bootstrapBy     = "bootstrap"
	bootstrapDemoBy = "bootstrap:demo"
	firstAdmin      = "admin"
)

// bootstrapAdmin makes sure someone can sign in on first start. With no enabled admin
// it creates `admin` with CHITIEU_ADMIN_PASSWORD, or with a generated password that is
// printed once. With CHITIEU_DEMO_ADMIN=true (make run) it also prints the demo
// admin's password on every start, renewing it while nobody has changed the account.
func bootstrapAdmin(ctx context.Context, env *Env, st *queries.Store) error {
	cfg := env.Config
	if cfg.AdminPassword != "" && len([]rune(cfg.AdminPassword)) < queries.MinPasswordLength {
		return fmt.Errorf("CHITIEU_ADMIN_PASSWORD phải dài ít nhất %d ký tự (must be at least %d characters)",
			queries.MinPasswordLength, queries.MinPasswordLength)
	}
	has, err := st.HasAdmin(ctx)
	if err != nil {
		return err
	}
	if has && !cfg.DemoAdmin {
		return nil
	}
	by := bootstrapBy
	if cfg.DemoAdmin {
		by = bootstrapDemoBy
	}
	existing, err := st.UserByName(ctx, firstAdmin)
	switch {
	case errors.Is(err, queries.ErrNotFound):
		existing = queries.User{}
	case err != nil:
		return err
	case has && existing.UpdatedBy != bootstrapDemoBy:
		// Demo mode, but the admin has been changed by a person: leave it alone.
		fmt.Fprintf(env.Stdout, "chitieu: tài khoản quản trị demo %q đã được đổi; giữ nguyên mật khẩu (demo admin changed by a person; password kept)\n", firstAdmin)
		return nil
	}
	password, generated := cfg.AdminPassword, false
	if password == "" {
		password, generated = queries.RandomPassword(), true
	}
	hash, err := queries.HashPassword(password)
	if err != nil {
		return err
	}
	u := existing
	u.Username, u.Role, u.Disabled, u.PasswordHash, u.UpdatedBy = firstAdmin, queries.RoleAdmin, false, hash, by
	if u.Name == "" {
		u.Name = "Quản trị viên"
	}
	if err := st.SaveUser(ctx, u); err != nil {
		return err
	}
	if err := st.RecordAudit(ctx, queries.AuditEvent{Actor: by, Action: queries.AuditUserAdd, ObjectKind: "user",
		ObjectID: firstAdmin, Detail: "first start: no admin existed", UserAgent: "chitieu serve"}); err != nil {
		return err
	}
	slog.Warn("admin account prepared", "username", firstAdmin, "demo", cfg.DemoAdmin, "password_from_env", !generated)
	w := env.Stdout
	fmt.Fprintln(w, "──────────────────────────────────────────────────────────────")
	if cfg.DemoAdmin {
		fmt.Fprintln(w, "TÀI KHOẢN QUẢN TRỊ DEMO (chỉ dùng trên máy này) — local demo admin (CHITIEU_DEMO_ADMIN=true)")
	} else {
		fmt.Fprintln(w, "Chưa có quản trị viên nên đã tạo tài khoản đầu tiên — no admin existed, created the first one")
	}
	fmt.Fprintf(w, "  tên đăng nhập (username): %s\n", firstAdmin)
	if generated {
		fmt.Fprintf(w, "  mật khẩu (password):      %s\n", password)
		if !cfg.DemoAdmin {
			fmt.Fprintln(w, "  Mật khẩu chỉ hiện lần này; hãy đổi tại /account. (Shown once; change it at /account.)")
		}
	} else {
		fmt.Fprintln(w, "  mật khẩu: lấy từ CHITIEU_ADMIN_PASSWORD (password from CHITIEU_ADMIN_PASSWORD)")
	}
	fmt.Fprintln(w, "──────────────────────────────────────────────────────────────")
	return nil
}
