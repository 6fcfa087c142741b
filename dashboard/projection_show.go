package dashboard

import (
	"context"
	"strings"

	"github.com/gofiber/fiber/v2"
	"github.com/quangngai/chitieu/plan"
	"github.com/quangngai/chitieu/queries"
	"github.com/quangngai/chitieu/scorecard"
)

// projectionRow is one period target with its forecast (or final verdict).
type projectionRow struct {
	Plan      queries.Plan
	Indicator queries.Indicator
	Name      string
	Eval      targetEval
	Proj      plan.Projection
	Method    string
	Projected string
	Required  string
	Closed    bool
	Chart     chartConfig
}

type projectionGroup struct {
	Plan   queries.Plan
	Name   string
	Closed bool
	Rows   []projectionRow
}

type projectionModel struct {
	view
	Year    int
	Plans   []queries.Plan
	Options []planOption
	Groups  []projectionGroup
	Empty   []queries.Plan // plans without period targets (Decision 998 until its targets are loaded)
}

// projectionShow: for each plan's period targets, where the indicator will be at the
// plan's end at the current pace and what the remaining years need; for a closed
// plan, the final verdict.
func (s *server) projectionShow(c *fiber.Ctx) error {
	lg := lang(c)
	f := readFilters(c)
	return s.renderPage(c, "projection", pageKey("projection", lg, f), func() (pageData, error) {
		m, err := s.projection(c.UserContext(), f, lg)
		if err != nil {
			return pageData{}, err
		}
		return pageData{Title: translate(lg, "projection.title"), Data: m, Synthetic: m.Meta.Synthetic}, nil
	})
}

// projection returns the page model, from the page cache while the data is unchanged.
func (s *server) projection(ctx context.Context, f filters, lg string) (*projectionModel, error) {
	return cached(s, ctx, pageKey("projection", lg, f), func() (*projectionModel, error) { return s.buildProjection(ctx, f, lg) })
}

func (s *server) buildProjection(ctx context.Context, f filters, lg string) (*projectionModel, error) {
	cat, err := s.loadCatalog(ctx)
	if err != nil {
		return nil, err
	}
	today := s.localNow().Year()
	year := today
	if f.Year > 0 {
		year = f.Year
	}
	f.Year = year
	m := &projectionModel{Year: year, Plans: plan.Order(cat.Plans, cat.Targets), Options: planOptions(cat, f.Plan, lg)}
	if m.Meta, err = s.loadMeta(ctx, f, lg); err != nil {
		return nil, err
	}
	m.Page, m.Export = "projection", f.query()
	codes, scopes := cat.scorecard().ProjectionReads()
	var figs []queries.CurrentFigure
	if len(codes) > 0 {
		figs, err = s.Store.CurrentFigures(ctx, queries.FigureFilter{Indicators: codes, Scopes: scopes, YearTo: uint16(year)})
		if err != nil {
			return nil, err
		}
	}
	tbl := table{ID: "projection", Title: translate(lg, "projection.title") + " (" + translate(lg, "overview.evalyear") + " " + itoa(year) + ")",
		Headers: headers(lg, "common.plan", "col.indicator", "common.target", "col.period", "col.kind", "col.observed",
			"col.sofar", "col.method", "col.projected", "col.required", "common.status")}
	// A plan whose period has ended by today is closed: its verdicts are the final
	// ones (scorecard.FinalYear).
	for _, pf := range scorecard.Forecasts(cat.scorecard(), figs, f.Plan, f.Year, today) {
		p, evalYear := pf.Plan, pf.Year
		g := projectionGroup{Plan: p, Name: shortPlanName(p, lg), Closed: pf.Closed}
		for _, fc := range pf.Rows {
			t, it, sr := fc.Target, fc.Indicator, fc.Verdict.Series
			ev := describeEval(t, fc.Verdict, cat, lg)
			row := projectionRow{Plan: p, Indicator: it, Name: indName(it, lg), Closed: g.Closed, Eval: ev, Proj: fc.Projection}
			row.Method = translate(lg, "method."+row.Proj.Method)
			row.Projected = numPtr(row.Proj.Projected, 2, lg)
			row.Required = numPtr(row.Proj.Required, 2, lg)
			if row.Proj.Required != nil && t.Kind == queries.TargetLevelAtEnd {
				row.Required += " " + translate(lg, "projection.peryear")
			}
			id := "proj-" + p.Code + "-" + t.Indicator + "-" + t.Scope
			drawn := fc.Drawn
			ls := linesOf(drawn, cat, lg)
			if path := projectedPath(t, sr, row.Proj, evalYear); len(path.Values) > 0 {
				path.Name = translate(lg, "projection.path")
				ls = append(ls, path)
			}
			cfg, err := lineChart(id, row.Name+" — "+p.Code, unitIn(it.Unit, lg), ls, []band{targetBand(t, lg)}, false)
			if err != nil {
				return nil, err
			}
			cfg.Source = sourcesOf(drawn) + "; " + translate(lg, "common.target") + ": " + t.Source
			cfg.Note = mergerNote(drawn, lg)
			row.Chart = m.addChart(cfg)
			m.Tables = append(m.Tables, seriesTable(id, cfg.Title, unitIn(it.Unit, lg), drawn, cat, lg))
			g.Rows = append(g.Rows, row)
			tbl.Rows = append(tbl.Rows, []cell{txt(p.Code), {Text: row.Name, Href: "/indicators/" + it.Code}, txt(row.Eval.Text),
				txt(row.Eval.Period), txt(row.Eval.Kind), txt(itoa(row.Proj.Observed)), txt(row.Eval.Compared), txt(row.Method),
				{Text: row.Projected, Num: row.Proj.Projected}, {Text: row.Required, Num: row.Proj.Required},
				{Text: row.Eval.Verdict, Class: row.Eval.Class, Title: strings.Trim(row.Eval.Missing+"; "+row.Eval.Reference, "; ")}})
		}
		if len(g.Rows) == 0 {
			m.Empty = append(m.Empty, p)
			continue
		}
		m.Groups = append(m.Groups, g)
	}
	m.Tables = append([]table{tbl}, m.Tables...)
	return m, nil
}

// projectedPath draws the forecast as a dashed line from the last figure to the end
// year: the running average, the trend line or the cumulative pace. It starts from
// the judged scope's own last figure: a forecast never bridges the merger.
func projectedPath(t queries.Target, sr plan.Series, p plan.Projection, year int) lineSeries {
	out := lineSeries{Values: map[int]float64{}, Dashed: true}
	if p.Projected == nil || year >= int(t.PeriodEnd) {
		return out
	}
	last := sr.UpTo(year)
	if last == nil {
		return out
	}
	lv, _ := last.Value.Float64()
	from, to := int(last.Year), int(t.PeriodEnd)
	switch t.Kind {
	case queries.TargetLevelAtEnd:
		for y := from; y <= to; y++ {
			out.Values[y] = lv + (*p.Projected-lv)*float64(y-from)/float64(to-from)
		}
	case queries.TargetPeriodAverage:
		out.Values[from] = lv
		for y := from + 1; y <= to; y++ {
			out.Values[y] = *p.Projected
		}
	}
	return out
}
