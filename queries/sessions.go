package queries

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"fmt"
	"time"

	"github.com/ClickHouse/clickhouse-go/v2/lib/driver"
)

// Session is one sign-in. The cookie holds a random token; the table holds only its
// sha256 (TokenHash).
type Session struct {
	TokenHash string
	Username  string
	Issued    uint64 // unix ns
	CreatedAt time.Time
	ExpiresAt time.Time
	IP        string
	UserAgent string
	Revoked   bool
	Version   uint64
}

// HashToken is how a session token is keyed in the sessions table.
func HashToken(token string) string {
	sum := sha256.Sum256([]byte(token))
	return hex.EncodeToString(sum[:])
}

const sessionColumns = `token_hash, username, issued, created_at, expires_at, ip, user_agent, revoked, version`

func (s *Store) writeSession(ctx context.Context, se Session) error {
	return s.insertRows(ctx, "INSERT INTO sessions ("+sessionColumns+")", 1, func(int) []any {
		return []any{se.TokenHash, se.Username, se.Issued, se.CreatedAt.UTC(), se.ExpiresAt.UTC(), se.IP,
			se.UserAgent, boolByte(se.Revoked), se.Version}
	})
}

// CreateSession starts a session for username that ends at expires, and returns the
// token for the cookie. The token is 32 random bytes; only its hash is stored.
func (s *Store) CreateSession(ctx context.Context, username, ip, userAgent string, expires time.Time) (string, Session, error) {
	return s.CreateSessionAt(ctx, username, ip, userAgent, time.Now(), expires)
}

// CreateSessionAt is CreateSession issued at now, for callers with their own clock
// (a session issued before the user's SessionsAfter is void).
func (s *Store) CreateSessionAt(ctx context.Context, username, ip, userAgent string, now, expires time.Time) (string, Session, error) {
	b := make([]byte, 32)
	if _, err := rand.Read(b); err != nil {
		return "", Session{}, err
	}
	token := base64.RawURLEncoding.EncodeToString(b)
	if len(userAgent) > 300 {
		userAgent = userAgent[:300]
	}
	// Issued outranks the user's last SessionsAfter, whatever this host's clock says:
	// a sign-in after a password reset made on another host is valid at once.
	name := NormalizeUsername(username)
	if err := s.observeMax(ctx, `SELECT max(sessions_after) FROM users WHERE username = ?`, name); err != nil {
		return "", Session{}, fmt.Errorf("create session: %w", err)
	}
	se := Session{TokenHash: HashToken(token), Username: name, Issued: max(uint64(now.UnixNano()), s.NewVersion()),
		CreatedAt: now, ExpiresAt: expires, IP: ip, UserAgent: userAgent, Version: s.NewVersion()}
	s.clock.observe(se.Issued)
	if err := s.writeSession(ctx, se); err != nil {
		return "", Session{}, fmt.Errorf("create session: %w", err)
	}
	return token, se, nil
}

// SessionByToken returns the newest version of the session whose cookie token this
// is, whatever its state: the caller checks Revoked, ExpiresAt and the user.
// ErrNotFound when there is none.
//
// On a cluster it is a quorum read: a session missing on a lagging replica is not
// "gone" until a quorum of replicas says so.
func (s *Store) SessionByToken(ctx context.Context, token string) (Session, error) {
	got, err := quorumRead(ctx, s, func(ctx context.Context, c driver.Conn) (Session, error) {
		var se Session
		var revoked uint8
		err := c.QueryRow(ctx, `SELECT `+sessionColumns+` FROM sessions FINAL WHERE token_hash = ?`, HashToken(token)).
			Scan(&se.TokenHash, &se.Username, &se.Issued, &se.CreatedAt, &se.ExpiresAt, &se.IP, &se.UserAgent, &revoked, &se.Version)
		if isNoRows(err) {
			return Session{}, nil
		}
		se.Revoked = revoked == 1
		return se, err
	})
	if err != nil {
		return Session{}, fmt.Errorf("session: %w", err)
	}
	var best Session
	for _, se := range got {
		if se.Version > best.Version {
			best = se
		}
	}
	if best.Version == 0 {
		return Session{}, ErrNotFound
	}
	s.clock.observe(best.Version) // the sign-out that follows outranks it
	return best, nil
}

// RevokeSession ends a session (sign-out) by writing a revoked version of it; every
// server sees it at the next request. Unknown tokens are not an error.
func (s *Store) RevokeSession(ctx context.Context, token string) error {
	se, err := s.SessionByToken(ctx, token)
	if err == ErrNotFound {
		return nil
	}
	if err != nil {
		return err
	}
	se.Revoked = true
	se.Version = s.NewVersion()
	return s.writeSession(ctx, se)
}

// SessionsCutoff is the SessionsAfter that voids every session of username issued so
// far, on any host: it outranks their issue stamps whatever this host's clock says.
func (s *Store) SessionsCutoff(ctx context.Context, username string) (uint64, error) {
	if err := s.observeMax(ctx, `SELECT max(issued) FROM sessions WHERE username = ?`, NormalizeUsername(username)); err != nil {
		return 0, fmt.Errorf("sessions cutoff: %w", err)
	}
	return s.NewVersion(), nil
}

// Valid reports whether the session may act for user u at time now: not revoked, not
// expired, issued after the user's last password reset or disable, same user.
func (se Session) Valid(u User, now time.Time) bool {
	return !se.Revoked && now.Before(se.ExpiresAt) && se.Issued >= u.SessionsAfter &&
		se.Username == u.Username && !u.Disabled
}

// SessionWithUser is SessionByToken and UserByName in one query: the newest version
// of the token's session and of its user, whatever their state (the caller checks
// Session.Valid). ErrNotFound when either is missing. A dashboard server asks it only
// when its session cache misses.
//
// On a cluster it is two quorum reads, the session and then its user, each the
// newest any replica of the quorum has: never "signed out" by a lagging replica,
// never a password reset undone by one. (One joined query per replica would miss a
// user changed on a replica that has not yet fetched the session.)
func (s *Store) SessionWithUser(ctx context.Context, token string) (Session, User, error) {
	if s.quorum == nil {
		se, u, err := sessionWithUser(ctx, s.conn, token)
		if err == nil {
			s.clock.observe(max(se.Version, se.Issued, u.Version, u.SessionsAfter))
		}
		return se, u, err
	}
	se, err := s.SessionByToken(ctx, token)
	if err != nil {
		return Session{}, User{}, err
	}
	u, err := s.UserByName(ctx, se.Username)
	if err != nil {
		return Session{}, User{}, err
	}
	return se, u, nil
}

func sessionWithUser(ctx context.Context, c driver.Conn, token string) (Session, User, error) {
	var se Session
	var u User
	var revoked, disabled, compile uint8
	h := HashToken(token)
	err := c.QueryRow(ctx, `SELECT token_hash, username, issued, created_at, expires_at, ip, user_agent, revoked, version,
			u_name, u_role, u_agencies, u_password_hash, u_disabled, u_created_at, u_updated_at, u_updated_by,
			u_sessions_after, u_version, u_can_compile
		FROM (SELECT `+sessionColumns+` FROM sessions FINAL WHERE token_hash = ?)
		ANY INNER JOIN (
			SELECT username, name AS u_name, toString(role) AS u_role, agencies AS u_agencies,
				password_hash AS u_password_hash, disabled AS u_disabled, created_at AS u_created_at,
				updated_at AS u_updated_at, updated_by AS u_updated_by, sessions_after AS u_sessions_after,
				version AS u_version, can_compile AS u_can_compile
			FROM users FINAL WHERE username IN (SELECT username FROM sessions WHERE token_hash = ?)
		) USING username`, h, h).
		Scan(&se.TokenHash, &se.Username, &se.Issued, &se.CreatedAt, &se.ExpiresAt, &se.IP, &se.UserAgent, &revoked, &se.Version,
			&u.Name, &u.Role, &u.Agencies, &u.PasswordHash, &disabled, &u.CreatedAt, &u.UpdatedAt, &u.UpdatedBy,
			&u.SessionsAfter, &u.Version, &compile)
	if isNoRows(err) {
		return Session{}, User{}, ErrNotFound
	}
	if err != nil {
		return Session{}, User{}, fmt.Errorf("session and user: %w", err)
	}
	se.Revoked, u.Disabled, u.CanCompile, u.Username = revoked == 1, disabled == 1, compile == 1, se.Username
	return se, u, nil
}

// AccountsStamp changes whenever a user or a session is written (or their parts
// merge): part metadata of the two tables only, no rows read. Session caches poll it
// to learn of sign-outs, disables and password resets made on other servers.
func (s *Store) AccountsStamp(ctx context.Context) (string, error) {
	// On a replica, a sign-out or reset written elsewhere is queued for fetching as
	// soon as the replica reads the replication log: counting the queue moves the
	// stamp then (and the miss that follows is a quorum read), not only once the
	// part is here.
	var parts, rows, bytes, modified, fetching uint64
	err := s.conn.QueryRow(ctx, `SELECT count(), sum(rows), sum(bytes), toUInt64(max(modification_time)),
		(SELECT toUInt64(sum(inserts_in_queue)) FROM system.replicas WHERE database = ? AND table IN ('users', 'sessions'))
		FROM system.parts WHERE database = ? AND table IN ('users', 'sessions') AND active`, s.database, s.database).
		Scan(&parts, &rows, &bytes, &modified, &fetching)
	if err != nil {
		return "", fmt.Errorf("accounts stamp: %w", err)
	}
	return fmt.Sprintf("%d/%d/%d/%d/%d", parts, rows, bytes, modified, fetching), nil
}
