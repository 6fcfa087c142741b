package queries

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/ClickHouse/clickhouse-go/v2/lib/driver"
)

// Roles. A viewer reads; an analyst also writes for the agencies bound to them; an
// admin manages users, the catalogue, plans and targets.
const (
	RoleViewer  = "viewer"
	RoleAnalyst = "analyst"
	RoleAdmin   = "admin"
)

// ValidRole reports whether r is one of the roles above.
func ValidRole(r string) bool { return r == RoleViewer || r == RoleAnalyst || r == RoleAdmin }

// User is an account. PasswordHash is a PHC string (see HashPassword); SessionsAfter
// (unix ns) voids every session issued before it.
type User struct {
	Username      string
	Name          string
	Role          string
	Agencies      []string
	PasswordHash  string
	Disabled      bool
	CreatedAt     time.Time
	UpdatedAt     time.Time
	UpdatedBy     string
	SessionsAfter uint64
	Version       uint64
	// CanCompile is the permission to compile a round (SCT's synthesis), given by an
	// admin on top of the role.
	CanCompile bool
}

// NormalizeUsername is how usernames are compared and stored: trimmed, lower case.
func NormalizeUsername(s string) string { return strings.ToLower(strings.TrimSpace(s)) }

// ValidUsername: 2–64 of a-z, 0-9, '.', '_', '-', starting with a letter or digit.
func ValidUsername(s string) bool {
	if len(s) < 2 || len(s) > 64 {
		return false
	}
	for i, r := range s {
		ok := r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || i > 0 && (r == '.' || r == '_' || r == '-')
		if !ok {
			return false
		}
	}
	return true
}

const (
	userColumns = `username, name, role, agencies, password_hash, disabled, created_at, updated_at,
	updated_by, sessions_after, version, can_compile`
	userSelect = `SELECT username, name, toString(role), agencies, password_hash, disabled, created_at,
	updated_at, updated_by, sessions_after, version, can_compile FROM users FINAL`
)

// SaveUser writes a new version of the user (insert or update). It sets Version and
// UpdatedAt, and CreatedAt when zero; the caller sets UpdatedBy.
func (s *Store) SaveUser(ctx context.Context, u User) error {
	u.Username = NormalizeUsername(u.Username)
	if !ValidUsername(u.Username) {
		return fmt.Errorf("save user: invalid username %q", u.Username)
	}
	if !ValidRole(u.Role) {
		return fmt.Errorf("save user %s: invalid role %q", u.Username, u.Role)
	}
	now := time.Now()
	if u.CreatedAt.IsZero() {
		u.CreatedAt = now
	}
	if u.Agencies == nil {
		u.Agencies = []string{}
	}
	u.UpdatedAt = now
	// The new version outranks the user's current one, whichever host wrote it.
	if err := s.observeMax(ctx, `SELECT max(version) FROM users WHERE username = ?`, u.Username); err != nil {
		return fmt.Errorf("save user %s: %w", u.Username, err)
	}
	u.Version = s.NewVersion()
	return s.insertRows(ctx, "INSERT INTO users ("+userColumns+")", 1, func(int) []any {
		return []any{u.Username, u.Name, u.Role, u.Agencies, u.PasswordHash, boolByte(u.Disabled),
			u.CreatedAt.UTC(), u.UpdatedAt.UTC(), u.UpdatedBy, u.SessionsAfter, u.Version, boolByte(u.CanCompile)}
	})
}

func scanUser(scan func(...any) error) (User, error) {
	var u User
	var disabled, compile uint8
	err := scan(&u.Username, &u.Name, &u.Role, &u.Agencies, &u.PasswordHash, &disabled, &u.CreatedAt,
		&u.UpdatedAt, &u.UpdatedBy, &u.SessionsAfter, &u.Version, &compile)
	u.Disabled, u.CanCompile = disabled == 1, compile == 1
	return u, err
}

// UserByName returns the current version of a user, disabled or not; ErrNotFound
// when there is no such user.
//
// It decides (sign-in, account changes), so on a cluster it is a quorum read: a
// password reset acknowledged while this server's replica was away is seen.
func (s *Store) UserByName(ctx context.Context, username string) (User, error) {
	got, err := quorumRead(ctx, s, func(ctx context.Context, c driver.Conn) (User, error) {
		u, err := scanUser(c.QueryRow(ctx, userSelect+` WHERE username = ?`, NormalizeUsername(username)).Scan)
		if isNoRows(err) {
			return User{}, nil
		}
		return u, err
	})
	if err != nil {
		return User{}, fmt.Errorf("user %s: %w", username, err)
	}
	u := newestUser(got)
	if u.Version == 0 {
		return User{}, ErrNotFound
	}
	s.clock.observe(max(u.Version, u.SessionsAfter))
	return u, nil
}

// newestUser is the answer with the highest version (Version 0: no such user).
func newestUser(us []User) User {
	var best User
	for _, u := range us {
		if u.Version > best.Version {
			best = u
		}
	}
	return best
}

// Users lists every account, disabled ones included, by username.
func (s *Store) Users(ctx context.Context) ([]User, error) {
	rows, err := s.conn.Query(ctx, userSelect+` ORDER BY username`)
	if err != nil {
		return nil, fmt.Errorf("list users: %w", err)
	}
	defer rows.Close()
	var out []User
	for rows.Next() {
		u, err := scanUser(rows.Scan)
		if err != nil {
			return nil, err
		}
		out = append(out, u)
	}
	return out, rows.Err()
}

// HasAdmin reports whether at least one enabled admin exists. In a cluster it asks
// every replica and says yes when any has one: a replica rebuilt on an empty disk, or one
// still catching up, must not make a start believe there is no admin (the bootstrap would
// then reset the real admin's password everywhere). When no replica it reached has one
// but some replica did not answer, the answer is unknown: ErrReplicasUnknown.
func (s *Store) HasAdmin(ctx context.Context) (bool, error) {
	if !s.cfg.Cluster {
		return s.hasAdminHere(ctx)
	}
	reps, down := s.reach(ctx)
	defer func() {
		for _, r := range reps {
			r.st.Close()
		}
	}()
	unknown := len(down) > 0
	for _, r := range reps {
		has, err := r.st.hasAdminHere(ctx)
		if err != nil {
			unknown = true
			continue
		}
		if has {
			return true, nil
		}
	}
	if unknown {
		return false, ErrReplicasUnknown
	}
	return false, nil
}

// ErrReplicasUnknown: a question about the whole cluster has no answer while a replica
// does not answer.
var ErrReplicasUnknown = errors.New("queries: some replica did not answer")

func (s *Store) hasAdminHere(ctx context.Context) (bool, error) {
	var n uint64
	if err := s.conn.QueryRow(ctx, `SELECT count() FROM users FINAL WHERE role = 'admin' AND disabled = 0`).Scan(&n); err != nil {
		return false, fmt.Errorf("has admin: %w", err)
	}
	return n > 0, nil
}
