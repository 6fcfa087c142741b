package dashboard

import (
	"context"

	"github.com/gofiber/fiber/v2"
	"github.com/quangngai/chitieu/plan"
	"github.com/quangngai/chitieu/queries"
)

type indicatorsModel struct {
	view
	List table
}

// indicatorsList: every indicator of the catalogue with its latest value (the series
// a card shows: the current territory, or the BQL zones where they report more
// recently), its year and source; each links to its page.
func (s *server) indicatorsList(c *fiber.Ctx) error {
	lg := lang(c)
	f := readFilters(c)
	return s.renderPage(c, "indicators", pageKey("indicators", lg, f), func() (pageData, error) {
		m, err := s.indicators(c.UserContext(), f, lg)
		if err != nil {
			return pageData{}, err
		}
		return pageData{Title: translate(lg, "indicators.title"), Data: m, Synthetic: m.Meta.Synthetic}, nil
	})
}

// indicators returns the page model, from the page cache while the data is unchanged.
func (s *server) indicators(ctx context.Context, f filters, lg string) (*indicatorsModel, error) {
	return cached(s, ctx, pageKey("indicators", lg, f), func() (*indicatorsModel, error) { return s.buildIndicators(ctx, f, lg) })
}

func (s *server) buildIndicators(ctx context.Context, f filters, lg string) (*indicatorsModel, error) {
	cat, err := s.loadCatalog(ctx)
	if err != nil {
		return nil, err
	}
	today := s.localNow().Year()
	figs, err := s.Store.CurrentFigures(ctx, queries.FigureFilter{Scopes: []string{scopeOld, scopeNew, scopeBQL}, YearTo: uint16(today)})
	if err != nil {
		return nil, err
	}
	m := &indicatorsModel{}
	if m.Meta, err = s.loadMeta(ctx, f, lg); err != nil {
		return nil, err
	}
	m.Page, m.Export = "indicators", f.query()
	grouped := plan.ByIndicatorScope(figs)
	m.List = table{ID: "indicators", Title: translate(lg, "indicators.title"),
		Headers: headers(lg, "col.indicator", "common.unit", "col.latestyear", "col.latest", "col.figstatus", "col.scope", "common.source")}
	for _, it := range cat.Indicators {
		row := []cell{{Text: indName(it, lg), Href: "/indicators/" + it.Code}, txt(unitIn(it.Unit, lg))}
		sr := plan.MainSeries(grouped[it.Code], today)
		if last := sr.UpTo(today); last != nil {
			row = append(row, txt(itoa(int(last.Year))), cell{Text: formatNum(last.Value, lg), Num: f64(last.Value)},
				txt(translate(lg, "fstatus."+last.Status)), txt(cat.scopeName(sr.Scope, lg)), txt(last.Source))
		} else {
			row = append(row, txt(""), txt(translate(lg, "common.nodata")), txt(""), txt(""), txt(""))
		}
		m.List.Rows = append(m.List.Rows, row)
	}
	m.Tables = []table{m.List}
	return m, nil
}

// reportLatest: /report opens the yearly report of the round in progress, else of
// the latest year (plan.DefaultRound), as the reporting register does.
func (s *server) reportLatest(c *fiber.Ctx) error {
	rounds, err := s.Store.Rounds(c.UserContext())
	if err != nil {
		return err
	}
	return redirect(c, "/report/"+itoa(plan.DefaultRound(rounds, s.localNow().Year()))+"?lang="+lang(c))
}

// answerOpen: an analyst's way to their agency's answer form for the open round.
func (s *server) answerOpen(c *fiber.Ctx) error {
	rounds, err := s.Store.Rounds(c.UserContext())
	if err != nil {
		return err
	}
	year := itoa(plan.DefaultRound(rounds, s.localNow().Year()))
	if u := currentUser(c); u != nil && u.Role == queries.RoleAnalyst && len(u.Agencies) > 0 {
		return redirect(c, "/report/"+year+"/answer/"+u.Agencies[0]+"?lang="+lang(c))
	}
	return redirect(c, "/report/"+year+"?lang="+lang(c))
}
