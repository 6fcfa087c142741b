package queries

import (
	"context"
	"fmt"
	"github.com/ClickHouse/clickhouse-go/v2/lib/driver"
	"strings"
	"time"
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
	updated_by, sessions_after, version`
	userSelect = `SELECT username, name, toString(role), agencies, password_hash, disabled, created_at,
	updated_at, updated_by, sessions_after, version FROM users FINAL`
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
	u.Version = NewVersion()
	return s.insertRows(ctx, "INSERT INTO users ("+userColumns+")", 1, func(int) []any {
		return []any{u.Username, u.Name, u.Role, u.Agencies, u.PasswordHash, boolByte(u.Disabled),
			u.CreatedAt.UTC(), u.UpdatedAt.UTC(), u.UpdatedBy, u.SessionsAfter, u.Version}
	})
}

func scanUser(scan func(...any) error) (User, error) {
	var u User
	var disabled uint8
	err := scan(&u.Username, &u.Name, &u.Role, &u.Agencies, &u.PasswordHash, &disabled, &u.CreatedAt,
		&u.UpdatedAt, &u.UpdatedBy, &u.SessionsAfter, &u.Version)
	u.Disabled = disabled == 1
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

// HasAdmin reports whether at least one enabled admin exists.
func (s *Store) HasAdmin(ctx context.Context) (bool, error) {
	var n uint64
	if err := s.conn.QueryRow(ctx, `SELECT count() FROM users FINAL WHERE role = 'admin' AND disabled = 0`).Scan(&n); err != nil {
		return false, fmt.Errorf("has admin: %w", err)
	}
	return n > 0, nil
}
