package accounts

import (
	"context"
	"log/slog"
	"sync"
	"time"

	"github.com/quangngai/chitieu/queries"
)

// RevocationBound is the longest a server goes on honouring a session that was
// ended elsewhere (sign-out, disable, password reset, role change on another
// server): a cached session is used only while the accounts stamp was confirmed
// unchanged by a poll that started at most this long ago.
const RevocationBound = time.Second

const (
	pollEvery       = RevocationBound / 2 // background polls keep requests from waiting
	maxSessions     = 20000               // bounds memory against a flood of cookies
	pruneEvery      = time.Hour
	attemptsKeepFor = 24 * time.Hour // sign-in limits look back 15 minutes
)

// SessionCache answers which user a session token acts for, from memory while
// nothing about accounts changed. Each server has one. It polls
// queries.Store.AccountsStamp (part metadata of users and sessions) at most every
// pollEvery in the background; when the stamp moves it forgets every session, so a
// sign-out, disable or password reset on any server takes effect here within
// RevocationBound. A miss costs one query (Store.SessionWithUser). Expiry is checked
// on every hit against Now.
//
// The poller also drops old months of sessions and sign-in attempts once an hour.
type SessionCache struct {
	Store *queries.Store
	Now   func() time.Time // nil: time.Now
	TTL   time.Duration    // session lifetime, for pruning

	mu         sync.Mutex
	entries    map[string]cachedSession // by token hash
	stamp      string
	confirmed  time.Time // start of the last poll that found the stamp
	gen        uint64    // bumped at each flush; a miss started before it is not kept
	refreshing bool
	pruned     time.Time

	pollMu sync.Mutex // one synchronous poll at a time
}

type cachedSession struct {
	session queries.Session
	user    queries.User
}

func (c *SessionCache) now() time.Time {
	if c.Now == nil {
		return time.Now()
	}
	return c.Now()
}

// User returns the user the session token acts for, or queries.ErrNotFound when the
// session is unknown, revoked, expired, voided by a password reset or disable, or
// its user is disabled.
func (c *SessionCache) User(ctx context.Context, token string) (queries.User, error) {
	h := queries.HashToken(token)
	now := c.now()
	fresh, gen, e, hit := c.look(h, now)
	if !fresh {
		if err := c.pollNow(ctx); err != nil {
			return queries.User{}, err
		}
		now = c.now()
		_, gen, e, hit = c.look(h, now)
	}
	if !hit {
		se, u, err := c.Store.SessionWithUser(ctx, token)
		if err != nil {
			return queries.User{}, err
		}
		e = cachedSession{session: se, user: u}
		c.keep(h, gen, e)
	}
	if !e.session.Valid(e.user, now) {
		return queries.User{}, queries.ErrNotFound
	}
	return e.user, nil
}

// look reads the entry for hash h and says whether the cache may be trusted now,
// starting a background poll when one is due.
func (c *SessionCache) look(h string, now time.Time) (fresh bool, gen uint64, e cachedSession, hit bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	age := now.Sub(c.confirmed)
	fresh = c.stamp != "" && age <= RevocationBound
	if fresh && age >= pollEvery && !c.refreshing {
		c.refreshing = true
		go func() {
			ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
			defer cancel()
			if err := c.poll(ctx); err != nil {
				slog.Warn("session cache poll", "err", err)
			}
		}()
	}
	e, hit = c.entries[h]
	return fresh, c.gen, e, hit && fresh
}

func (c *SessionCache) keep(h string, gen uint64, e cachedSession) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if gen != c.gen {
		return // the stamp moved while we read: what we read may be stale already
	}
	if c.entries == nil || len(c.entries) >= maxSessions {
		c.entries = make(map[string]cachedSession)
	}
	c.entries[h] = e
}

// pollNow polls unless another request just did, for a cache too old to trust.
func (c *SessionCache) pollNow(ctx context.Context) error {
	c.pollMu.Lock()
	defer c.pollMu.Unlock()
	c.mu.Lock()
	age := c.now().Sub(c.confirmed)
	ok := c.stamp != "" && age <= RevocationBound
	c.mu.Unlock()
	if ok {
		return nil
	}
	return c.poll(ctx)
}

// poll reads the stamp and forgets every session when it moved. The confirmation
// time is the poll's start, so nothing written before it can hide behind it.
func (c *SessionCache) poll(ctx context.Context) error {
	start := c.now()
	stamp, err := c.Store.AccountsStamp(ctx)
	c.mu.Lock()
	c.refreshing = false
	if err == nil {
		if stamp != c.stamp {
			c.stamp = stamp
			c.entries = nil
			c.gen++
		}
		if start.After(c.confirmed) {
			c.confirmed = start
		}
	}
	pruneDue := err == nil && start.Sub(c.pruned) >= pruneEvery
	if pruneDue {
		c.pruned = start
	}
	c.mu.Unlock()
	if pruneDue {
		go c.prune(start)
	}
	return err
}

// Forget drops every cached session at once, for changes made on this server
// (other servers learn of them from the stamp).
func (c *SessionCache) Forget() {
	c.mu.Lock()
	c.entries = nil
	c.gen++
	c.mu.Unlock()
}

// prune drops months of sessions that have all expired and of sign-in attempts
// older than the rate limit looks. A day's margin covers the server's time zone,
// which decides the partition of a row.
func (c *SessionCache) prune(now time.Time) {
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	ttl := c.TTL
	if ttl <= 0 {
		ttl = 12 * time.Hour
	}
	if _, err := c.Store.DropMonthsBefore(ctx, "sessions", now.Add(-ttl-24*time.Hour)); err != nil {
		slog.Warn("prune sessions", "err", err)
	}
	if _, err := c.Store.DropMonthsBefore(ctx, "signin_attempts", now.Add(-attemptsKeepFor-24*time.Hour)); err != nil {
		slog.Warn("prune sign-in attempts", "err", err)
	}
}
