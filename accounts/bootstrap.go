package accounts

import (
	"context"
	"errors"

	"github.com/quangngai/chitieu/queries"
)

// Who the bootstrap writes as; a demo admin still carrying it has never been touched
// by a person, so a later start may give it a fresh password to print.
const (
	BootstrapBy     = "bootstrap"
	BootstrapDemoBy = "bootstrap:demo"
	FirstAdmin      = "admin"
)

// BootstrapResult says what Bootstrap did. Prepared is false when an admin existed
// (or, in demo mode, the demo admin was changed by a person: Kept). Password is the
// password to print when it was generated.
type BootstrapResult struct {
	Prepared bool
	Kept     bool
	Unknown  bool // a replica did not answer, so nothing was done
	Password string
}

// Bootstrap makes sure someone can sign in on first start. With no enabled admin it
// creates FirstAdmin with password, or a generated one. In demo mode it also renews
// the demo admin's password at every start, while nobody has changed the account.
func (s *Service) Bootstrap(ctx context.Context, password string, demo bool, by Actor) (BootstrapResult, error) {
	if password != "" {
		if err := CheckPassword(password); err != nil {
			return BootstrapResult{}, err
		}
	}
	has, err := s.Store.HasAdmin(ctx)
	if errors.Is(err, queries.ErrReplicasUnknown) {
		// Creating an admin now could overwrite the real one on the replica that is down.
		return BootstrapResult{Unknown: true}, nil
	}
	if err != nil || has && !demo {
		return BootstrapResult{}, err
	}
	writer := BootstrapBy
	if demo {
		writer = BootstrapDemoBy
	}
	u, err := s.Store.UserByName(ctx, FirstAdmin)
	switch {
	case errors.Is(err, queries.ErrNotFound):
		u = queries.User{}
	case err != nil:
		return BootstrapResult{}, err
	case has && u.UpdatedBy != BootstrapDemoBy:
		return BootstrapResult{Kept: true}, nil
	}
	var res BootstrapResult
	if password == "" {
		password = RandomPassword()
		res.Password = password
	}
	if u.PasswordHash, err = HashPassword(password); err != nil {
		return BootstrapResult{}, err
	}
	u.Username, u.Role, u.Disabled, u.UpdatedBy = FirstAdmin, queries.RoleAdmin, false, writer
	if u.Name == "" {
		u.Name = "Quản trị viên"
	}
	if err := s.saveUser(ctx, u); err != nil {
		return BootstrapResult{}, err
	}
	by.Name = writer
	res.Prepared = true
	return res, s.audit(ctx, by, queries.AuditUserAdd, FirstAdmin, "first start: no admin existed")
}
