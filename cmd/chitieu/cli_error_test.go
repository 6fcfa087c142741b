package main

import (
	"errors"
	"fmt"
	"testing"

	"github.com/quangngai/chitieu/domain"
)

// The CLI's one mapper: a broken rule, even wrapped, reads Vietnamese then English
// from the catalogue and exits with its kind's code; other errors read as they are.
func TestCLIErrorWordsRulesFromTheCatalogue(t *testing.T) {
	for _, tc := range []struct {
		err  error
		want string
		code int
	}{
		{fmt.Errorf("CHITIEU_ADMIN_PASSWORD: %w", domain.NewError(domain.Invalid, "rule.acc.passwordshort", 12)),
			"CHITIEU_ADMIN_PASSWORD: Mật khẩu phải dài ít nhất 12 ký tự. (The password must be at least 12 characters long.)", 2},
		{domain.NewError(domain.Forbidden, "rule.acc.lastadmin", "boss"),
			"boss là quản trị viên cuối cùng còn hoạt động. (boss is the last enabled admin.)", 1},
		{domain.NewError(domain.Invalid, "rule.rep.date", domain.Phrase("rule.rep.deadlinelabel"), "31/02"),
			`Hạn gửi "31/02" không hợp lệ; ghi DD/MM/YYYY. (The deadline is not a valid date.)`, 2},
		{errors.New("plain"), "plain", 1},
	} {
		if got, code := cliError(tc.err); got != tc.want || code != tc.code {
			t.Errorf("cliError(%v) = %q, %d; want %q, %d", tc.err, got, code, tc.want, tc.code)
		}
	}
}

// Every kind of broken rule has its own exit code: a refused media type is a usage
// error (2) like a bad input; a function that is off exits 1.
func TestEveryKindHasAnExitCode(t *testing.T) {
	for k := domain.Invalid; k <= domain.Unsupported; k++ {
		if kindExit[k] == 0 {
			t.Errorf("kind %d has no exit code", k)
		}
	}
	if _, code := cliError(domain.NewError(domain.Unsupported, "http.upload.form")); code != 2 {
		t.Errorf("unsupported exits %d, want 2", code)
	}
	if _, code := cliError(domain.NewError(domain.Unavailable, "http.ingest.off")); code != 1 {
		t.Errorf("unavailable exits %d, want 1", code)
	}
}
