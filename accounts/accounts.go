// Package accounts holds the account rules shared by the command line and the admin
// UI: password policy, names, roles and agencies, who may change whom, ending
// sessions, the first admin, and the audit entries of each change. It stores through
// queries and knows nothing of HTTP.
package accounts

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/quangngai/chitieu/domain"
	"github.com/quangngai/chitieu/queries"
)

// Service applies the account rules. Now is the clock (nil: time.Now); tests set it
// to move "today" instead of sleeping.
type Service struct {
	Store *queries.Store
	Now   func() time.Time
	// Sessions, when set, is this server's session cache: a change made here reaches
	// it at once (other servers learn of it within RevocationBound).
	Sessions *SessionCache
}

// New is a Service on st with the wall clock.
func New(st *queries.Store) *Service { return &Service{Store: st} }

func (s *Service) now() time.Time {
	if s.Now == nil {
		return time.Now()
	}
	return s.Now()
}

// Actor is who makes a change (domain.Actor).
type Actor = domain.Actor

// Kind and Error are the domain's: a broken rule, worded for people.
type (
	Kind  = domain.Kind
	Error = domain.Error
)

const (
	Invalid   = domain.Invalid
	Conflict  = domain.Conflict
	NotFound  = domain.NotFound
	Forbidden = domain.Forbidden
)

// ruleErr is a broken rule: its kind and the catalogue key that words it.
func ruleErr(k Kind, key string, args ...any) error { return domain.NewError(k, key, args...) }

// user reads an account, as a NotFound Error when there is none.
func (s *Service) user(ctx context.Context, username string) (queries.User, error) {
	u, err := s.Store.UserByName(ctx, username)
	if errors.Is(err, queries.ErrNotFound) {
		n := queries.NormalizeUsername(username)
		return u, ruleErr(NotFound, "rule.acc.nouser", n)
	}
	return u, err
}

// saveUser writes the account and makes this server's cached sessions re-read it.
func (s *Service) saveUser(ctx context.Context, u queries.User) error {
	err := s.Store.SaveUser(ctx, u)
	if s.Sessions != nil {
		s.Sessions.Forget()
	}
	return err
}

// SignOut ends one session on every server.
func (s *Service) SignOut(ctx context.Context, token string) error {
	err := s.Store.RevokeSession(ctx, token)
	if s.Sessions != nil {
		s.Sessions.Forget()
	}
	return err
}

// ErrNotAudited wraps the error of a change that was written but could not be
// recorded in the audit trail: the web UI logs it loudly, the command line fails.
var ErrNotAudited = errors.New("change written, audit entry not recorded")

// audit records what an actor did to an account.
func (s *Service) audit(ctx context.Context, by Actor, action, username, detail string) error {
	err := s.Store.RecordAudit(ctx, queries.AuditEvent{At: s.now(), Actor: by.AuditName(), Action: action,
		ObjectKind: "user", ObjectID: username, Detail: detail, IP: by.IP, UserAgent: by.UserAgent})
	if err != nil {
		return fmt.Errorf("%w: %s %s: %v", ErrNotAudited, action, username, err)
	}
	return nil
}
