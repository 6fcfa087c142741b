package dashboard

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"sync"
	"time"

	"github.com/gofiber/fiber/v2"
	"github.com/quangngai/chitieu/queries"
)

// pageCache keeps built page models until the data changes. Models are read-only once
// built, so requests share them. Whether the data changed is known two ways:
//   - a write through this server's store (every upload, revision, withdrawal, nil
//     report and admin edit) bumps Store.LocalChanges, compared on every request for
//     free: the writer's next page is built from the new data at once;
//   - a write through another server or the CLI is noted in data_changes, and the
//     commit marker counts too (Store.ChangeStamp, the same on every replica). It is
//     asked at most once per `every`, and a request that finds the answer older than
//     that waits for a fresh one: a page is never older than `every` plus one query.
//
// Entries live in a map that is replaced, never cleared, when a change is seen: a
// build that began before the change finishes into the old map and is never served
// again, so no page is kept from a read that started before a write under a stamp
// taken after it.
type pageCache struct {
	every    time.Duration
	mu       sync.Mutex
	stamp    string
	local    uint64    // Store.LocalChanges when the entries were started
	checked  time.Time // when the stamp query that gave `stamp` started
	entries  map[string]*cacheEntry
	checking chan struct{} // closed when the stamp query under way ends; nil when none
}

type cacheEntry struct {
	once  sync.Once
	value any
	err   error
}

const (
	defaultStampEvery = time.Second
	maxCacheEntries   = 512 // filters come from URLs: bound what a crawler can fill
)

func newPageCache(every time.Duration) *pageCache {
	if every <= 0 {
		every = defaultStampEvery
	}
	return &pageCache{every: every, entries: map[string]*cacheEntry{}}
}

// cached returns the model built for key, building it when the data changed since.
// errBuildFailed answers the requests that waited on a build that panicked.
var errBuildFailed = errors.New("page build failed")

func cached[T any](s *server, ctx context.Context, key string, build func() (T, error)) (T, error) {
	pc := s.pages
	if s.NoPageCache || pc == nil {
		return build()
	}
	key = s.localNow().Format("2006-01-02") + "|" + key
	if err := pc.fresh(ctx, s.Store); err != nil {
		return build() // ClickHouse trouble: let the build report it
	}
	pc.mu.Lock()
	e, ok := pc.entries[key]
	if !ok {
		if len(pc.entries) >= maxCacheEntries {
			pc.entries = map[string]*cacheEntry{}
		}
		e = &cacheEntry{}
		pc.entries[key] = e
	}
	pc.mu.Unlock()
	e.once.Do(func() {
		// A build that panics must not leave an empty entry behind: the next request
		// would read a nil value ("interface conversion") for the rest of the day.
		ok := false
		defer func() {
			if !ok {
				e.err = errBuildFailed
				pc.mu.Lock()
				if pc.entries[key] == e {
					delete(pc.entries, key)
				}
				pc.mu.Unlock()
			}
		}()
		e.value, e.err = build()
		ok = true
	})
	if e.err != nil {
		pc.mu.Lock()
		if pc.entries[key] == e {
			delete(pc.entries, key) // never keep a failure
		}
		pc.mu.Unlock()
		var zero T
		return zero, e.err
	}
	return e.value.(T), nil
}

// fresh makes the entries current: dropped after a write through this store, and
// after a stamp change seen by a query at most `every` old. One query at a time; the
// others wait for its answer.
func (pc *pageCache) fresh(ctx context.Context, st *queries.Store) error {
	for {
		pc.mu.Lock()
		if l := st.LocalChanges(); l != pc.local {
			pc.local = l
			pc.entries = map[string]*cacheEntry{}
			pc.checked = time.Time{} // and learn the stamp that includes this write
		}
		if pc.stamp != "" && time.Since(pc.checked) < pc.every {
			pc.mu.Unlock()
			return nil
		}
		if wait := pc.checking; wait != nil {
			pc.mu.Unlock()
			select {
			case <-wait:
				continue
			case <-ctx.Done():
				return ctx.Err()
			}
		}
		done := make(chan struct{})
		pc.checking = done
		pc.mu.Unlock()
		return pc.refresh(ctx, st, done)
	}
}

func (pc *pageCache) refresh(ctx context.Context, st *queries.Store, done chan struct{}) error {
	start := time.Now()
	qctx, cancel := context.WithTimeout(ctx, 5*time.Second)
	defer cancel()
	stamp, err := st.ChangeStamp(qctx)
	pc.mu.Lock()
	defer pc.mu.Unlock()
	pc.checking = nil
	close(done)
	if err != nil {
		return err
	}
	pc.checked = start
	if stamp != pc.stamp {
		pc.stamp = stamp
		pc.entries = map[string]*cacheEntry{}
	}
	return nil
}

// pageKey names a page model: page, language and every filter; cached adds today's
// date (the default plan, year and what is overdue depend on it).
func pageKey(page, lg string, f filters) string {
	return page + "|" + lg + "|" + f.query()
}

// renderPage renders a page through the cache: the HTML too is kept while the data is
// unchanged, per URL and per signed-in session (the header shows the user and carries
// the CSRF token), so a repeated view costs neither ClickHouse nor the template.
func (s *server) renderPage(c *fiber.Ctx, page, key string, data func() (pageData, error)) error {
	// Server-Timing tells the load generator (and browsers' dev tools) the handler's own time.
	start := time.Now()
	defer func() {
		c.Set("Server-Timing", "page;dur="+strconv.FormatFloat(float64(time.Since(start).Microseconds())/1000, 'f', 3, 64))
	}()
	if s.NoPageCache {
		d, err := data()
		if err != nil {
			return err
		}
		return s.render(c, page, d)
	}
	who := ""
	if u := currentUser(c); u != nil {
		who = u.Username
	}
	hkey := "html|" + key + "|" + c.OriginalURL() + "|" + who + "|" + csrfToken(c)
	rendered := false
	body, err := cached(s, c.UserContext(), hkey, func() ([]byte, error) {
		d, err := data()
		if err != nil {
			return nil, err
		}
		if err := s.render(c, page, d); err != nil {
			return nil, err
		}
		rendered = true
		return append([]byte(nil), c.Response().Body()...), nil
	})
	if err != nil || rendered {
		return err
	}
	c.Set(fiber.HeaderContentType, fiber.MIMETextHTMLCharsetUTF8)
	return c.Send(body)
}

// dataStamp names the data a page or file is built from now: the shared change stamp,
// this server's own writes, and the day (the report prints today's date). It changes
// exactly when the page cache would drop its pages.
func (s *server) dataStamp(ctx context.Context) (string, error) {
	day := s.localNow().Format("2006-01-02")
	pc := s.pages
	if s.NoPageCache || pc == nil {
		st, err := s.Store.ChangeStamp(ctx)
		return fmt.Sprintf("%s|%s|%d", day, st, s.Store.LocalChanges()), err
	}
	if err := pc.fresh(ctx, s.Store); err != nil {
		return "", err
	}
	pc.mu.Lock()
	defer pc.mu.Unlock()
	return fmt.Sprintf("%s|%s|%d", day, pc.stamp, pc.local), nil
}
