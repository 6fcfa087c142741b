package dashboard

import (
	"context"
	"errors"
	"sync"
	"time"

	"github.com/quangngai/chitieu/plan"
	"github.com/quangngai/chitieu/queries"
	"github.com/quangngai/chitieu/scorecard"
)

// vietnam is the province's time zone (plan.Zone), for every time shown.
var vietnam = plan.Zone

// localNow is the time pages are evaluated at, in the province: the server's one
// clock (Deps.Now) read through plan's rules of what "today" is.
func (s *server) localNow() time.Time { return plan.Clock(s.Now).Now() }

// table is a page's data in the shape every export needs: the page renders it, CSV
// and XLSX write it, the briefing prints it. Charts name the table behind them.
type table struct {
	ID      string
	Title   string
	Unit    string
	Headers []string
	Rows    [][]cell
	Note    string
}

// cell is one table value: Text as shown; Num when it is a number (XLSX writes a
// number, not text); Href links it; Class styles it (status colours).
type cell struct {
	Text  string
	Num   *float64
	Href  string
	Class string
	Title string // longer text on hover (history, notes)
}

func txt(s string) cell { return cell{Text: s} }

// meta is what every page and export says about the data it shows, so the same
// figures can be reproduced: the data version and when it was written.
type meta struct {
	Version   uint64
	AsOf      string // dd/mm/yyyy hh:mm, Vietnam time
	Generated string
	Synthetic bool
	Filters   filters
	Described string
	Lang      string // the page language; export links carry it
}

// view is what every dashboard page holds besides its own fields.
type view struct {
	Meta   meta
	Tables []table
	Charts []chartConfig
	Page   string // page name, for export links
	Export string // the export URL query (filters), without "?"
}

// table returns the table with this id, or nil.
func (v *view) table(id string) *table {
	for i := range v.Tables {
		if v.Tables[i].ID == id {
			return &v.Tables[i]
		}
	}
	return nil
}

// loadMeta reads the data version and whether synthetic rows are loaded.
// Both reads scan the figures table, so they are made once per data change (the
// page cache's key "stamp"), not once per page.
func (s *server) loadMeta(ctx context.Context, f filters, lg string) (meta, error) {
	type stamp struct {
		version   uint64
		synthetic bool
	}
	st, err := cached(s, ctx, "stamp", func() (stamp, error) {
		v, err := s.Store.RealDataVersion(ctx)
		if err != nil {
			return stamp{}, err
		}
		syn, err := s.Store.HasSynthetic(ctx)
		return stamp{v, syn}, err
	})
	if err != nil {
		return meta{}, err
	}
	v, syn := st.version, st.synthetic
	names, err := s.filterNames(ctx, f, lg)
	if err != nil {
		return meta{}, err
	}
	m := meta{Version: v, Synthetic: syn, Filters: f, Described: f.describe(lg, names), Lang: lg,
		Generated: s.localNow().Format("02/01/2006 15:04")}
	if v > 0 {
		m.AsOf = time.Unix(0, int64(v)).In(vietnam).Format("02/01/2006 15:04")
	}
	return m, nil
}

// catalog is the small reference data most pages need, read together.
type catalog struct {
	Indicators []queries.Indicator
	Plans      []queries.Plan
	Targets    []queries.Target
	Scopes     []queries.Scope
	ind        map[string]queries.Indicator
	scope      map[string]queries.Scope
	plan       map[string]queries.Plan
}

func (s *server) loadCatalog(ctx context.Context) (*catalog, error) {
	c := &catalog{ind: map[string]queries.Indicator{}, scope: map[string]queries.Scope{}, plan: map[string]queries.Plan{}}
	// Four small reads, each a round trip: run them together so a cold page waits for one.
	var wg sync.WaitGroup
	errs := make([]error, 4)
	for i, read := range []func() error{
		func() (err error) { c.Indicators, err = s.Store.Indicators(ctx); return },
		func() (err error) { c.Plans, err = s.Store.Plans(ctx); return },
		func() (err error) { c.Targets, err = s.Store.Targets(ctx, ""); return },
		func() (err error) { c.Scopes, err = s.Store.Scopes(ctx); return },
	} {
		wg.Add(1)
		go func() { defer wg.Done(); errs[i] = read() }()
	}
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	for _, it := range c.Indicators {
		c.ind[it.Code] = it
	}
	for _, it := range c.Scopes {
		c.scope[it.Code] = it
	}
	for _, it := range c.Plans {
		c.plan[it.Code] = it
	}
	return c, nil
}

// indName is the indicator's name in the page language.
func indName(it queries.Indicator, lg string) string {
	if lg == "en" && it.NameEN != "" {
		return it.NameEN
	}
	return it.NameVI
}

func (c *catalog) scopeName(code, lg string) string {
	if sc, ok := c.scope[code]; ok {
		if lg == "en" && sc.NameEN != "" {
			return sc.NameEN
		}
		return sc.NameVI
	}
	return code
}

func planName(p queries.Plan, lg string) string {
	if lg == "en" && p.NameEN != "" {
		return p.NameEN
	}
	return p.NameVI
}

// targetsOf lists a plan's targets in indicator order.
func (c *catalog) targetsOf(plan string) []queries.Target {
	var out []queries.Target
	for _, it := range c.Indicators {
		for _, t := range c.Targets {
			if t.Plan == plan && t.Indicator == it.Code {
				out = append(out, t)
			}
		}
	}
	return out
}

// outlineSection reports whether an indicator belongs to section I of the report outline.
func outlineSection(it queries.Indicator) bool { return scorecard.InSection(it) }

// scorecard is the catalogue as the scorecard reads it.
func (c *catalog) scorecard() scorecard.Catalogue {
	return scorecard.Catalogue{Indicators: c.Indicators, Plans: c.Plans, Targets: c.Targets}
}
