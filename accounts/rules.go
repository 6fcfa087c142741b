package accounts

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/quangngai/chitieu/queries"
)

// MaxNameRunes is the longest full name an account may carry.
const MaxNameRunes = 200

// Roles in the order forms list them.
var Roles = []string{queries.RoleViewer, queries.RoleAnalyst, queries.RoleAdmin}

// CheckPassword applies the password policy: at least MinPasswordLength
// characters, at most MaxPasswordBytes bytes (argon2 reads all of it).
func CheckPassword(password string) error {
	if len([]rune(password)) < MinPasswordLength {
		return ruleErr(Invalid, fmt.Sprintf("Mật khẩu phải dài ít nhất %d ký tự.", MinPasswordLength),
			fmt.Sprintf("The password must be at least %d characters long.", MinPasswordLength))
	}
	if len(password) > MaxPasswordBytes {
		return ruleErr(Invalid, fmt.Sprintf("Mật khẩu dài quá %d byte.", MaxPasswordBytes),
			fmt.Sprintf("The password is longer than %d bytes.", MaxPasswordBytes))
	}
	return nil
}

// hashNew checks a new password against the policy and hashes it.
func hashNew(password string) (string, error) {
	if err := CheckPassword(password); err != nil {
		return "", err
	}
	return HashPassword(password)
}

// Profile is what an admin sets on an account besides its password.
type Profile struct {
	Name     string
	Role     string
	Agencies []string
	// Compile: may compile a round (write SCT's synthesis per item), whatever the role.
	Compile bool
}

// normalize trims the name and drops blank and repeated agency codes.
func (p Profile) normalize() Profile {
	p.Name = strings.TrimSpace(p.Name)
	var ags []string
	for _, a := range p.Agencies {
		if a = strings.TrimSpace(a); a != "" && !slices.Contains(ags, a) {
			ags = append(ags, a)
		}
	}
	p.Agencies = ags
	return p
}

// checkProfile: a known role, a name of at most MaxNameRunes, an analyst bound to at
// least one agency, and every agency in the catalogue. All broken rules are
// reported together.
func (s *Service) checkProfile(ctx context.Context, p Profile) error {
	var vi, en []string
	add := func(v, e string) { vi, en = append(vi, v), append(en, e) }
	if !queries.ValidRole(p.Role) {
		add("Vai trò không hợp lệ: viewer, analyst hoặc admin.", "Invalid role: viewer, analyst or admin.")
	}
	if len([]rune(p.Name)) > MaxNameRunes {
		add(fmt.Sprintf("Họ tên dài quá %d ký tự.", MaxNameRunes), fmt.Sprintf("The name is longer than %d characters.", MaxNameRunes))
	}
	if p.Role == queries.RoleAnalyst && len(p.Agencies) == 0 {
		add("Chuyên viên phải gắn với ít nhất một đơn vị.", "An analyst must be bound to at least one agency.")
	}
	if len(p.Agencies) > 0 {
		ags, err := s.Store.Agencies(ctx)
		if err != nil {
			return err
		}
		for _, a := range p.Agencies {
			if !slices.ContainsFunc(ags, func(x queries.Agency) bool { return x.Code == a }) {
				add("Không có đơn vị "+a+" trong danh mục.", "No agency "+a+" in the catalogue.")
			}
		}
	}
	if len(vi) > 0 {
		return ruleErr(Invalid, strings.Join(vi, " "), strings.Join(en, " "))
	}
	return nil
}

// checkUsername: 2–64 lower-case letters, digits, '.', '_', '-'.
func checkUsername(username string) error {
	if !queries.ValidUsername(username) {
		return ruleErr(Invalid, "Tên đăng nhập gồm 2–64 chữ thường không dấu, số, . _ - (bắt đầu bằng chữ hoặc số).",
			"The username takes 2–64 lower-case letters, digits, . _ - (starting with a letter or digit).")
	}
	return nil
}

// checkKeepsAdmin refuses a change that would take u out of the enabled admins when
// the actor is u (an admin cannot demote or disable themself), or when u is the last
// enabled admin (from the command line too, so the system is never left without one).
func (s *Service) checkKeepsAdmin(ctx context.Context, by Actor, u queries.User, disable bool, role string) error {
	wasAdmin := u.Role == queries.RoleAdmin && !u.Disabled
	staysAdmin := role == queries.RoleAdmin && !disable
	if !wasAdmin || staysAdmin {
		return nil
	}
	if by.Username == u.Username {
		if disable {
			return ruleErr(Forbidden, "Bạn không thể tự khoá tài khoản của mình.", "You cannot disable your own account.")
		}
		return ruleErr(Forbidden, "Bạn không thể tự bỏ quyền quản trị của mình.", "You cannot remove your own admin role.")
	}
	users, err := s.Store.Users(ctx)
	if err != nil {
		return err
	}
	for _, o := range users {
		if o.Username != u.Username && o.Role == queries.RoleAdmin && !o.Disabled {
			return nil
		}
	}
	return ruleErr(Forbidden, u.Username+" là quản trị viên cuối cùng còn hoạt động.",
		u.Username+" is the last enabled admin.")
}

// Summary describes an account's profile for the audit trail.
func Summary(u queries.User) string {
	s := "role=" + u.Role + " agencies=" + strings.Join(u.Agencies, ",") + " name=" + u.Name
	if u.CanCompile {
		s += " compile"
	}
	if u.Disabled {
		s += " disabled"
	}
	return s
}
