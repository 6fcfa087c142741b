package dashboard

import (
	"context"
	"strconv"
	"sync"
	"time"

	"github.com/gofiber/fiber/v2"
	"github.com/quangngai/chitieu/queries"
)

// pageCache keeps built page models until the data changes. Whether it changed is
// asked of ClickHouse (Store.ChangeStamp, part metadata only) at most once per
// stampEvery, so a page under load costs no query at all, and a write shows on the
// pages within stampEvery. Models are read-only once built, so requests share them.
type pageCache struct {
	mu         sync.Mutex
	stamp      string
	checked    time.Time
	entries    map[string]*cacheEntry
	refreshing bool // a stamp query is under way
}

type cacheEntry struct {
	once  sync.Once
	value any
	err   error
}

const (
	stampEvery      = time.Second
	maxCacheEntries = 512 // filters come from URLs: bound what a crawler can fill
)

// caches: one per store (the app has one; tests have one each). Kept outside the
// server struct so the page cache needs no change to app.go.
var caches sync.Map // *queries.Store -> *pageCache

func cacheFor(st *queries.Store) *pageCache {
	if c, ok := caches.Load(st); ok {
		return c.(*pageCache)
	}
	c, _ := caches.LoadOrStore(st, &pageCache{entries: map[string]*cacheEntry{}})
	return c.(*pageCache)
}

// cached returns the model built for key, building it when the data changed since.
func cached[T any](s *server, ctx context.Context, key string, build func() (T, error)) (T, error) {
	if s.NoPageCache {
		return build()
	}
	key = s.localNow().Format("2006-01-02") + "|" + key
	pc := cacheFor(s.Store)
	if err := pc.check(ctx, s.Store); err != nil {
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
	e.once.Do(func() { e.value, e.err = build() })
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

// check drops every entry when the stamp moved. It asks ClickHouse at most once
// per stampEvery, in the background: requests never wait for the question (only the
// very first one, when nothing is known yet), so a slow ClickHouse cannot stall
// pages that are already built.
func (pc *pageCache) check(ctx context.Context, st *queries.Store) error {
	pc.mu.Lock()
	due := time.Since(pc.checked) >= stampEvery && !pc.refreshing
	first := pc.stamp == ""
	if due {
		pc.refreshing = true
	}
	pc.mu.Unlock()
	if !due {
		return nil
	}
	if first {
		return pc.refresh(ctx, st)
	}
	go pc.refresh(context.Background(), st)
	return nil
}

func (pc *pageCache) refresh(ctx context.Context, st *queries.Store) error {
	ctx, cancel := context.WithTimeout(ctx, 5*time.Second)
	defer cancel()
	stamp, err := st.ChangeStamp(ctx)
	pc.mu.Lock()
	defer pc.mu.Unlock()
	pc.refreshing = false
	pc.checked = time.Now()
	if err != nil {
		return err
	}
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
