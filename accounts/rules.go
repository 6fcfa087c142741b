package accounts

import (
	"context"
	"slices"
	"strings"

	"github.com/quangngai/chitieu/domain"
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
		return ruleErr(Invalid, "rule.acc.passwordshort", MinPasswordLength)
	}
	if len(password) > MaxPasswordBytes {
		return ruleErr(Invalid, "rule.acc.passwordlong", MaxPasswordBytes)
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
	var broken []*Error
	add := func(key string, args ...any) { broken = append(broken, domain.NewError(Invalid, key, args...)) }
	if !queries.ValidRole(p.Role) {
		add("rule.acc.role")
	}
	if len([]rune(p.Name)) > MaxNameRunes {
		add("rule.acc.namelong", MaxNameRunes)
	}
	if p.Role == queries.RoleAnalyst && len(p.Agencies) == 0 {
		add("rule.acc.analystagency")
	}
	if len(p.Agencies) > 0 {
		ags, err := s.Store.Agencies(ctx)
		if err != nil {
			return err
		}
		for _, a := range p.Agencies {
			if !slices.ContainsFunc(ags, func(x queries.Agency) bool { return x.Code == a }) {
				add("rule.acc.noagency", a)
			}
		}
	}
	if len(broken) > 0 {
		broken[0].More = broken[1:]
		return broken[0]
	}
	return nil
}

// checkUsername: 2–64 lower-case letters, digits, '.', '_', '-'.
func checkUsername(username string) error {
	if !queries.ValidUsername(username) {
		return ruleErr(Invalid, "rule.acc.username")
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
			return ruleErr(Forbidden, "rule.acc.selfdisable")
		}
		return ruleErr(Forbidden, "rule.acc.selfdemote")
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
	return ruleErr(Forbidden, "rule.acc.lastadmin", u.Username)
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
