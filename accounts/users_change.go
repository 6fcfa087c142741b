package accounts

import (
	"context"
	"errors"

	"github.com/quangngai/chitieu/queries"
)

// NewAccount is an account to create. An empty Password asks for a generated one.
type NewAccount struct {
	Username string
	Profile
	Password string
}

// Add creates an account and records it. It returns the password when it generated
// one (to be shown once), else "".
func (s *Service) Add(ctx context.Context, by Actor, a NewAccount) (generated string, err error) {
	username := queries.NormalizeUsername(a.Username)
	if err := checkUsername(username); err != nil {
		return "", err
	}
	p := a.Profile.normalize()
	if err := s.checkProfile(ctx, p); err != nil {
		return "", err
	}
	if _, err := s.Store.UserByName(ctx, username); err == nil {
		return "", ruleErr(Conflict, "rule.acc.taken", username)
	} else if !errors.Is(err, queries.ErrNotFound) {
		return "", err
	}
	password := a.Password
	if password == "" {
		password = RandomPassword()
		generated = password
	}
	hash, err := hashNew(password)
	if err != nil {
		return "", err
	}
	u := queries.User{Username: username, Name: p.Name, Role: p.Role, Agencies: p.Agencies, PasswordHash: hash,
		UpdatedBy: by.AuditName(), CanCompile: p.Compile}
	if err := s.saveUser(ctx, u); err != nil {
		return "", err
	}
	return generated, s.audit(ctx, by, queries.AuditUserAdd, username, Summary(u))
}

// Update changes an account's name, role and agencies. The change reaches the
// user's sessions within the session cache's bound (see SessionCache).
func (s *Service) Update(ctx context.Context, by Actor, username string, p Profile) (queries.User, error) {
	u, err := s.user(ctx, username)
	if err != nil {
		return u, err
	}
	p = p.normalize()
	if err := s.checkKeepsAdmin(ctx, by, u, u.Disabled, p.Role); err != nil {
		return u, err
	}
	if err := s.checkProfile(ctx, p); err != nil {
		return u, err
	}
	before := Summary(u)
	u.Name, u.Role, u.Agencies, u.UpdatedBy, u.CanCompile = p.Name, p.Role, p.Agencies, by.AuditName(), p.Compile
	if err := s.saveUser(ctx, u); err != nil {
		return u, err
	}
	return u, s.audit(ctx, by, queries.AuditUserUpdate, u.Username, before+" -> "+Summary(u))
}

// SetDisabled disables or enables an account. Disabling ends its sessions on every
// server; an admin cannot disable themself, nor anyone the last enabled admin.
func (s *Service) SetDisabled(ctx context.Context, by Actor, username string, disable bool) (queries.User, error) {
	u, err := s.user(ctx, username)
	if err != nil {
		return u, err
	}
	if err := s.checkKeepsAdmin(ctx, by, u, disable, u.Role); err != nil {
		return u, err
	}
	u.Disabled = disable
	u.UpdatedBy = by.AuditName()
	action := queries.AuditUserEnable
	if disable {
		if err := s.endSessions(ctx, &u); err != nil {
			return u, err
		}
		action = queries.AuditUserDisable
	}
	if err := s.saveUser(ctx, u); err != nil {
		return u, err
	}
	return u, s.audit(ctx, by, action, u.Username, "")
}

// ResetPassword gives an account a new password (generated when password is "") and
// ends its sessions. It returns the generated password, else "".
func (s *Service) ResetPassword(ctx context.Context, by Actor, username, password string) (queries.User, string, error) {
	u, err := s.user(ctx, username)
	if err != nil {
		return u, "", err
	}
	generated := ""
	if password == "" {
		password = RandomPassword()
		generated = password
	}
	if u.PasswordHash, err = hashNew(password); err != nil {
		return u, "", err
	}
	if err := s.endSessions(ctx, &u); err != nil {
		return u, "", err
	}
	u.UpdatedBy = by.AuditName()
	if err := s.saveUser(ctx, u); err != nil {
		return u, "", err
	}
	return u, generated, s.audit(ctx, by, queries.AuditUserPassword, u.Username, "")
}

// ChangeOwnPassword sets the actor's own password, typed twice, after the caller has
// checked the current one. Every session of the user ends; the caller starts a new
// one for the browser in hand.
func (s *Service) ChangeOwnPassword(ctx context.Context, by Actor, password, confirm string) (queries.User, error) {
	if err := CheckPassword(password); err != nil {
		return queries.User{}, err
	}
	if password != confirm {
		return queries.User{}, ruleErr(Invalid, "rule.acc.passwordsdiffer")
	}
	u, err := s.user(ctx, by.Username)
	if err != nil {
		return u, err
	}
	if u.PasswordHash, err = HashPassword(password); err != nil {
		return u, err
	}
	if err := s.endSessions(ctx, &u); err != nil {
		return u, err
	}
	u.UpdatedBy = u.Username
	if err := s.saveUser(ctx, u); err != nil {
		return u, err
	}
	return u, s.audit(ctx, by, queries.AuditPasswordOwn, u.Username, "")
}

// endSessions voids every session issued so far, on any host: sessions carry their
// issue stamp, one issued before SessionsAfter is refused (queries.Session.Valid), and
// the cutoff outranks every stamp issued so far whatever this host's clock says.
func (s *Service) endSessions(ctx context.Context, u *queries.User) error {
	cut, err := s.Store.SessionsCutoff(ctx, u.Username)
	if err != nil {
		return err
	}
	u.SessionsAfter = max(cut, uint64(s.now().UnixNano()))
	return nil
}
