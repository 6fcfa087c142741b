package dashboard

import (
	"context"
	"maps"
	"slices"
	"sort"
	"strings"

	"github.com/gofiber/fiber/v2"
	"github.com/quangngai/chitieu/plan"
	"github.com/quangngai/chitieu/queries"
	"github.com/quangngai/chitieu/scorecard"
)

type indicatorModel struct {
	view
	Indicator queries.Indicator
	Name      string
	Year      int
	Notes     []string
	Main      chartConfig
	ByZone    *chartConfig
	ByAgency  *chartConfig
	Figures   table
	Targets   table
	History   *table
}

// indicatorShow: one indicator across every plan: the full series per scope, target
// bands, breakdowns by zone and agency, every figure with its source and revisions.
func (s *server) indicatorShow(c *fiber.Ctx) error {
	lg := lang(c)
	f := readFilters(c)
	return s.renderPage(c, "indicator", pageKey("indicator", lg, f), func() (pageData, error) {
		m, err := s.indicator(c.UserContext(), f, lg)
		if err != nil {
			return pageData{}, err
		}
		return pageData{Title: m.Name, Data: m, Synthetic: m.Meta.Synthetic}, nil
	})
}

// indicator returns the page model, from the page cache while the data is unchanged.
func (s *server) indicator(ctx context.Context, f filters, lg string) (*indicatorModel, error) {
	return cached(s, ctx, pageKey("indicator", lg, f), func() (*indicatorModel, error) { return s.buildIndicator(ctx, f, lg) })
}

func (s *server) buildIndicator(ctx context.Context, f filters, lg string) (*indicatorModel, error) {
	cat, err := s.loadCatalog(ctx)
	if err != nil {
		return nil, err
	}
	it, ok := cat.ind[f.Code]
	if !ok {
		return nil, queries.ErrNotFound
	}
	zones, err := s.Store.Zones(ctx)
	if err != nil {
		return nil, err
	}
	agencies, err := s.Store.Agencies(ctx)
	if err != nil {
		return nil, err
	}
	zoneName := map[string]string{}
	for _, z := range zones {
		zoneName[z.Code] = z.NameVI
	}
	agencyName := map[string]string{}
	for _, a := range agencies {
		agencyName[a.Code] = a.NameVI
	}
	figs, err := s.Store.CurrentFigures(ctx, queries.FigureFilter{Indicators: []string{it.Code}})
	if err != nil {
		return nil, err
	}
	m := &indicatorModel{Indicator: it, Name: indName(it, lg), Year: f.Year}
	if m.Meta, err = s.loadMeta(ctx, f, lg); err != nil {
		return nil, err
	}
	m.Page, m.Export = "indicator", f.query()
	scopeLabel := func(code string) string {
		if n, ok := zoneName[code]; ok {
			return n
		}
		return cat.scopeName(code, lg)
	}
	grouped := plan.ByIndicatorScope(figs)[it.Code]
	// Lines: the old and the merged province (two lines, two legend entries: the
	// series breaks at the merger), the BQL zones, then each zone.
	var lines []lineSeries
	all := plan.Territories(grouped)
	var others []string
	for sc := range grouped {
		if !plan.IsTerritory(sc) {
			others = append(others, sc)
		}
	}
	sort.Strings(others)
	for _, sc := range others {
		all = append(all, plan.OneScope(sc, grouped[sc]))
	}
	all = plan.SplitAtBasis(all) // a price-basis change breaks a line, as the merger does
	for _, sr := range all {
		lines = append(lines, valuesOf(lineName(scopeLabel(sr.Scope), sr, lg), sr))
	}
	m.Notes = append(m.Notes, seriesNotes(all, lg)...) // the merger note is also on the chart, for its exports
	for _, sc := range cat.Scopes {
		if len(grouped[sc.Code]) > 0 && sc.Note != "" && (sc.Code == scopeOld || sc.Code == scopeNew) {
			m.Notes = append(m.Notes, scopeLabel(sc.Code)+": "+inLang(sc.Note, sc.NoteEN, lg))
		}
	}
	var bands []band
	m.Targets = table{ID: "targets", Title: translate(lg, "indicator.targets"),
		Headers: headers(lg, "common.plan", "col.scope", "col.period", "col.kind", "common.target", "col.compared", "common.status", "common.source")}
	today := s.localNow().Year()
	for _, t := range cat.Targets {
		if t.Indicator != it.Code {
			continue
		}
		// Each target at the page's year, else its plan's evaluation year (a closed
		// plan's at its end year, for its final verdict).
		p, known := cat.plan[t.Plan]
		evalYear := scorecard.TargetYear(t, p, known, f.Year, today)
		bands = append(bands, targetBand(t, lg))
		ev, _ := evalTarget(t, it, grouped, evalYear, cat, lg)
		m.Targets.Rows = append(m.Targets.Rows, []cell{{Text: t.Plan, Href: "/?plan=" + t.Plan}, txt(cat.scopeName(t.Scope, lg)),
			txt(ev.Period), txt(ev.Kind), txt(ev.Text), txt(ev.Compared),
			{Text: ev.Verdict, Class: ev.Class, Title: strings.Trim(ev.Missing+"; "+ev.Reference, "; ")}, txt(t.Source)})
	}
	src := sourcesOf(all)
	main, err := lineChart("ind-series", m.Name, unitIn(it.Unit, lg), lines, bands, false)
	if err != nil {
		return nil, err
	}
	main.Table, main.Source, main.Note = "figures", src, mergerNote(all, lg)
	m.Main = m.addChart(main)
	// Breakdown by zone: the latest year any zone reports.
	byZone := latestPer(figs, func(fg queries.CurrentFigure) (string, bool) {
		_, isZone := zoneName[fg.Scope]
		return fg.Scope, isZone
	})
	if len(byZone) > 0 {
		cfg, tbl, err := breakdownChart("ind-zones", translate(lg, "indicator.byzone"), unitIn(it.Unit, lg), byZone, zoneName, lg)
		if err != nil {
			return nil, err
		}
		cfg.AsOf, cfg.Source = m.Meta.AsOf, src
		z := m.addChart(cfg)
		m.ByZone = &z
		m.Tables = append(m.Tables, tbl)
	}
	// Breakdown by agency: like with like only, the same territory and year reported
	// by two agencies or more (the latest such year). A 2021 province-wide count
	// ranked against a 2025 zones count is no comparison: then a note says who
	// reports what, and no chart is drawn.
	if sc, yr, ok := sharedScopeYear(figs); ok {
		byAgency := latestPer(figs, func(fg queries.CurrentFigure) (string, bool) {
			return fg.Agency, fg.Scope == sc && int(fg.Year) == yr
		})
		title := translate(lg, "indicator.byagency") + " — " + scopeLabel(sc) + ", " + translate(lg, "common.year") + " " + itoa(yr)
		cfg, tbl, err := breakdownChart("ind-agencies", title, unitIn(it.Unit, lg), byAgency, agencyName, lg)
		if err != nil {
			return nil, err
		}
		cfg.Source = src
		a := m.addChart(cfg)
		m.ByAgency = &a
		m.Tables = append(m.Tables, tbl)
	} else if latest := latestPer(figs, func(fg queries.CurrentFigure) (string, bool) { return fg.Agency, true }); len(latest) > 1 {
		var who []string
		for _, ag := range slices.Sorted(maps.Keys(latest)) {
			fg := latest[ag]
			who = append(who, ag+": "+scopeLabel(fg.Scope)+", "+itoa(int(fg.Year)))
		}
		m.Notes = append(m.Notes, translate(lg, "indicator.agencies.apart")+" "+strings.Join(who, "; ")+".")
	}
	// Every figure, newest year first, with its revisions.
	m.Figures = table{ID: "figures", Title: translate(lg, "indicator.figures"), Unit: unitIn(it.Unit, lg),
		Headers: headers(lg, "common.year", "col.scope", "col.agency", "common.value", "common.unit", "col.figstatus",
			"common.source", "common.note", "col.versions", "col.uploaded")}
	sort.SliceStable(figs, func(i, j int) bool {
		if figs[i].Year != figs[j].Year {
			return figs[i].Year > figs[j].Year
		}
		return figs[i].Scope < figs[j].Scope
	})
	hist := table{ID: "history", Title: translate(lg, "indicator.history"),
		Headers: headers(lg, "common.year", "col.scope", "col.agency", "col.version", "common.value", "col.figstatus",
			"common.source", "common.note", "col.uploaded", "col.uploadedby", "col.withdrawn")}
	var history map[queries.FigureKey][]queries.Figure
	for _, fg := range figs {
		if fg.Versions > 1 {
			if history, err = s.Store.IndicatorHistory(ctx, it.Code); err != nil {
				return nil, err
			}
			break
		}
	}
	for _, fg := range figs {
		m.Figures.Rows = append(m.Figures.Rows, []cell{txt(itoa(int(fg.Year))), txt(scopeLabel(fg.Scope)), {Text: fg.Agency, Title: agencyName[fg.Agency]},
			{Text: formatNum(fg.Value, lg), Num: f64(fg.Value)}, txt(unitIn(fg.Unit, lg)), txt(translate(lg, "fstatus."+fg.Status)),
			txt(fg.Source), txt(inLang(fg.Note, fg.NoteEN, lg)), txt(itoa(int(fg.Versions))), txt(fg.UploadedAt.In(vietnam).Format("02/01/2006"))})
		if fg.Versions > 1 {
			for i, v := range history[fg.FigureKey] {
				wd := ""
				if v.Withdrawn {
					wd = translate(lg, "common.yes")
				}
				hist.Rows = append(hist.Rows, []cell{txt(itoa(int(v.Year))), txt(scopeLabel(v.Scope)), txt(v.Agency), txt(itoa(i + 1)),
					{Text: formatNum(v.Value, lg), Num: f64(v.Value)}, txt(translate(lg, "fstatus."+v.Status)), txt(v.Source), txt(inLang(v.Note, v.NoteEN, lg)),
					txt(v.UploadedAt.In(vietnam).Format("02/01/2006 15:04")), txt(v.UploadedBy), txt(wd)})
			}
		}
	}
	m.Tables = append([]table{m.Figures, m.Targets}, m.Tables...)
	if len(hist.Rows) > 0 {
		m.History = &hist
		m.Tables = append(m.Tables, hist)
	}
	return m, nil
}

// latestPer keeps, for each key, the figure of the latest year; figures key does not
// accept are left out.
func latestPer(figs []queries.CurrentFigure, key func(queries.CurrentFigure) (string, bool)) map[string]queries.CurrentFigure {
	latest := map[string]queries.CurrentFigure{}
	for _, fg := range figs {
		k, ok := key(fg)
		if !ok {
			continue
		}
		if cur, ok := latest[k]; !ok || fg.Year > cur.Year {
			latest[k] = fg
		}
	}
	return latest
}

// breakdownChart is the bar chart and table of breakdown.
func breakdownChart(id, title, unit string, latest map[string]queries.CurrentFigure, names map[string]string, lg string) (chartConfig, table, error) {
	items, tbl := breakdown(id, title, unit, latest, names, lg)
	cfg, err := barChart(id, tbl.Title, unit, items)
	return cfg, tbl, err
}

// breakdown ranks the latest figure of each zone or agency.
func breakdown(id, title, unit string, latest map[string]queries.CurrentFigure, names map[string]string, lg string) ([]barItem, table) {
	type row struct {
		code string
		f    queries.CurrentFigure
		v    float64
	}
	var rows []row
	for code, fg := range latest {
		v, _ := fg.Value.Float64()
		rows = append(rows, row{code, fg, v})
	}
	sort.Slice(rows, func(i, j int) bool { return rows[i].v > rows[j].v })
	tbl := table{ID: id, Title: title, Unit: unit, Headers: headers(lg, "col.rank", "col.name", "common.year", "common.value", "common.unit", "common.source")}
	var items []barItem
	for i, r := range rows {
		name := names[r.code]
		if name == "" {
			name = r.code
		}
		label := name + " (" + itoa(int(r.f.Year)) + ")"
		items = append(items, barItem{Label: label, Value: r.v})
		tbl.Rows = append(tbl.Rows, []cell{txt(itoa(i + 1)), txt(name), txt(itoa(int(r.f.Year))), {Text: formatNum(r.f.Value, lg), Num: f64(r.f.Value)},
			txt(unitIn(r.f.Unit, lg)), txt(r.f.Source)})
	}
	return items, tbl
}

// sharedScopeYear is the latest year, and its territory, that two agencies or more
// report: the only figures an agency ranking can set side by side.
func sharedScopeYear(figs []queries.CurrentFigure) (string, int, bool) {
	type key struct {
		scope string
		year  int
	}
	agencies := map[key]map[string]bool{}
	for _, fg := range figs {
		k := key{fg.Scope, int(fg.Year)}
		if agencies[k] == nil {
			agencies[k] = map[string]bool{}
		}
		agencies[k][fg.Agency] = true
	}
	var best key
	for k, ags := range agencies {
		if len(ags) > 1 && (k.year > best.year || k.year == best.year && k.scope < best.scope) {
			best = k
		}
	}
	return best.scope, best.year, best.year > 0
}
