package accounts

import (
	"context"

	"github.com/quangngai/chitieu/queries"
)

// SetCompile gives or takes the permission to compile a round (SCT's synthesis per
// outline item), keeping the rest of the profile. The change reaches the user's
// sessions like any profile change (see SessionCache). Audited as a profile update.
func (s *Service) SetCompile(ctx context.Context, by Actor, username string, on bool) (queries.User, error) {
	u, err := s.user(ctx, username)
	if err != nil {
		return u, err
	}
	before := Summary(u)
	u.CanCompile, u.UpdatedBy = on, by.AuditName()
	if err := s.saveUser(ctx, u); err != nil {
		return u, err
	}
	return u, s.audit(ctx, by, queries.AuditUserUpdate, u.Username, before+" -> "+Summary(u))
}
