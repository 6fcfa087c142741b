package dashboard

import (
	"context"
	"strings"

	"github.com/gofiber/fiber/v2"
	"github.com/quangngai/chitieu/dashboard/attain"
	"github.com/quangngai/chitieu/queries"
)

// overviewCard is one indicator of the report outline (or with a target in the plan).
type overviewCard struct {
	Code, Name, Unit, Href string
	Section                bool
	Latest                 *queries.CurrentFigure
	LatestText             string
	FigStatus              string
	ScopeName              string
	Evals                  []targetEval
	Chart                  chartConfig
	Notes                  []string
	line                   lineSeries // for the briefing's full-size chart
	bands                  []band
	source                 string
}

// targetEval is one target judged at the evaluation year.
type targetEval struct {
	Target   queries.Target
	Text     string // "69–70 %"
	Period   string
	Kind     string
	Result   attain.Result
	Verdict  string
	Class    string
	Attain   string // "162,8 %"
	Compared string // what was compared: "bình quân 2021, 2022, 2024, 2025: 7,06"
	Missing  string
}

type overviewModel struct {
	view
	Plan      queries.Plan
	PlanName  string
	Year      int
	Plans     []queries.Plan
	Years     []int
	NoTargets bool
	Cards     []overviewCard
}

// overviewShow: for a plan and year, one card per indicator of section I of the
// report outline and per indicator the plan sets a target for.
func (s *server) overviewShow(c *fiber.Ctx) error {
	lg := lang(c)
	f := readFilters(c)
	return s.renderPage(c, "overview", pageKey("overview", lg, f), func() (pageData, error) {
		m, err := s.overview(c.UserContext(), f, lg)
		if err != nil {
			return pageData{}, err
		}
		return pageData{Title: translate(lg, "overview.title"), Data: m, Synthetic: m.Meta.Synthetic}, nil
	})
}

// overview returns the page model, from the page cache while the data is unchanged.
func (s *server) overview(ctx context.Context, f filters, lg string) (*overviewModel, error) {
	return cached(s, ctx, pageKey("overview", lg, f), func() (*overviewModel, error) { return s.buildOverview(ctx, f, lg) })
}

func (s *server) buildOverview(ctx context.Context, f filters, lg string) (*overviewModel, error) {
	cat, err := s.loadCatalog(ctx)
	if err != nil {
		return nil, err
	}
	today := clock().In(vietnam).Year()
	plan, _ := pickPlan(cat, f.Plan, today)
	year := pickYear(plan, f.Year, today)
	f.Plan, f.Year = plan.Code, year
	m := &overviewModel{Plan: plan, PlanName: planName(plan, lg), Year: year, Plans: cat.Plans}
	for y := 2020; y <= today; y++ {
		m.Years = append(m.Years, y)
	}
	targets := cat.targetsOf(plan.Code)
	m.NoTargets = len(targets) == 0
	// Cards: section I in outline order, then the plan's other indicators.
	var inds []queries.Indicator
	withTarget := map[string]bool{}
	for _, t := range targets {
		withTarget[t.Indicator] = true
	}
	scopes := append([]string{scopeBQL}, provinceScopes...)
	for _, it := range cat.Indicators {
		if outlineSection(it) || withTarget[it.Code] {
			inds = append(inds, it)
		}
	}
	for _, t := range targets {
		if t.Scope != scopeNational && t.Scope != scopeOld && t.Scope != scopeNew && t.Scope != scopeBQL {
			scopes = append(scopes, t.Scope)
		}
	}
	codes := make([]string, len(inds))
	for i, it := range inds {
		codes[i] = it.Code
	}
	figs, err := s.Store.CurrentFigures(ctx, queries.FigureFilter{Indicators: codes, Scopes: scopes, YearTo: uint16(year)})
	if err != nil {
		return nil, err
	}
	if m.Meta, err = s.loadMeta(ctx, f, lg); err != nil {
		return nil, err
	}
	m.Page, m.Export = "overview", f.query()
	grouped := byIndicatorScope(figs)
	summary := table{ID: "overview", Title: translate(lg, "overview.table") + " — " + m.PlanName + ", " + itoa(year),
		Headers: headers(lg, "col.indicator", "common.unit", "col.latestyear", "col.latest", "common.target", "col.period",
			"col.kind", "col.compared", "col.attainment", "common.status", "common.source")}
	for _, it := range inds {
		card := overviewCard{Code: it.Code, Name: indName(it, lg), Unit: unitIn(it.Unit, lg), Href: "/indicators/" + it.Code + "?" + f.query(),
			Section: outlineSection(it)}
		var ts []queries.Target
		for _, t := range targets {
			if t.Indicator == it.Code {
				ts = append(ts, t)
			}
		}
		sr := mainSeries(grouped[it.Code])
		if len(ts) > 0 {
			sr = seriesFor(grouped[it.Code], ts[0].Scope)
		}
		card.ScopeName = cat.scopeName(sr.Scope, lg)
		card.Latest = sr.upTo(year)
		if card.Latest != nil {
			card.LatestText = formatNum(card.Latest.Value, lg)
			card.FigStatus = translate(lg, "fstatus."+card.Latest.Status)
		}
		card.Notes = seriesNotes(sr, lg)
		var bands []band
		for _, t := range ts {
			ev := evalTarget(t, it, seriesFor(grouped[it.Code], t.Scope), year, lg)
			card.Evals = append(card.Evals, ev)
			bands = append(bands, targetBand(t, lg))
		}
		card.Chart, err = lineChart("chart-"+it.Code, card.Name, unitIn(it.Unit, lg), []lineSeries{valuesOf(card.Name, sr)}, bands, true)
		if err != nil {
			return nil, err
		}
		card.Chart.Source = sourcesOf(sr)
		card.line, card.bands, card.source = valuesOf(card.Name, sr), bands, card.Chart.Source
		card.Chart = m.addChart(card.Chart)
		m.Tables = append(m.Tables, seriesTable(card.Chart.ID, card.Name, unitIn(it.Unit, lg), sr, cat, lg))
		m.Cards = append(m.Cards, card)
		summary.Rows = append(summary.Rows, overviewRows(card, lg)...)
	}
	m.Tables = append([]table{summary}, m.Tables...)
	return m, nil
}

// evalTarget judges one target and writes the verdict in words.
func evalTarget(t queries.Target, it queries.Indicator, sr series, year int, lg string) targetEval {
	at := toAttain(t, it)
	r := attain.Evaluate(at, sr.points(), year)
	ev := targetEval{Target: t, Text: targetText(t, lg), Period: periodText(t), Kind: translate(lg, "kind."+t.Kind), Result: r,
		Verdict: verdictText(r, lg), Class: string(r.Status)}
	if r.Attainment != nil {
		ev.Attain = num(*r.Attainment, 1, lg) + " %"
	}
	if r.Value != nil {
		ev.Compared = translate(lg, "basis."+t.Kind) + " " + yearsText(r.Years) + ": " + num(*r.Value, 2, lg)
	}
	if len(r.Missing) > 0 {
		ev.Missing = translate(lg, "common.missingyears") + " " + yearsText(r.Missing)
	}
	return ev
}

// overviewRows: one summary row per target of the card (one row when it has none).
func overviewRows(card overviewCard, lg string) [][]cell {
	latestYear, latest, source := "", translate(lg, "common.nodata"), ""
	var latestNum *float64
	if card.Latest != nil {
		latestYear, latest, source = itoa(int(card.Latest.Year)), card.LatestText, card.Latest.Source
		latestNum = f64(card.Latest.Value)
	}
	base := []cell{{Text: card.Name, Href: card.Href}, txt(card.Unit), txt(latestYear), {Text: latest, Num: latestNum}}
	if len(card.Evals) == 0 {
		return [][]cell{append(base, txt(translate(lg, "overview.notarget")), txt(""), txt(""), txt(""), txt(""),
			cell{Text: translate(lg, "status.no_target"), Class: "no_target"}, txt(source))}
	}
	var rows [][]cell
	for _, ev := range card.Evals {
		row := append(append([]cell(nil), base...), txt(ev.Text), txt(ev.Period), txt(ev.Kind), txt(ev.Compared),
			cell{Text: ev.Attain, Num: ev.Result.Attainment}, cell{Text: ev.Verdict, Class: ev.Class, Title: ev.Missing},
			txt(strings.TrimSpace(source+" · "+translate(lg, "common.target")+": "+ev.Target.Source)))
		rows = append(rows, row)
	}
	return rows
}

// valuesOf is a series as chart values by year.
func valuesOf(name string, sr series) lineSeries {
	ls := lineSeries{Name: name, Values: map[int]float64{}}
	for _, p := range sr.Points {
		v, _ := p.Value.Float64()
		ls.Values[int(p.Year)] = v
	}
	return ls
}

// sourcesOf lists the distinct sources of a series, for the exported image's footer.
func sourcesOf(sr series) string {
	seen := map[string]bool{}
	var out []string
	for _, p := range sr.Points {
		if p.Source != "" && !seen[p.Source] {
			seen[p.Source] = true
			out = append(out, p.Source)
		}
	}
	return strings.Join(out, "; ")
}

// seriesTable is the data behind a series chart.
func seriesTable(id, title, unit string, sr series, cat *catalog, lg string) table {
	t := table{ID: id, Title: title, Unit: unit,
		Headers: headers(lg, "common.year", "common.value", "common.unit", "col.figstatus", "col.scope", "col.agency", "common.source", "common.note")}
	for _, p := range sr.Points {
		t.Rows = append(t.Rows, []cell{txt(itoa(int(p.Year))), {Text: formatNum(p.Value, lg), Num: f64(p.Value)}, txt(unitIn(p.Unit, lg)),
			txt(translate(lg, "fstatus."+p.Status)), txt(cat.scopeName(p.Scope, lg)), txt(p.Agency), txt(p.Source), txt(inLang(p.Note, p.NoteEN, lg))})
	}
	return t
}

func headers(lg string, keys ...string) []string {
	out := make([]string, len(keys))
	for i, k := range keys {
		out[i] = translate(lg, k)
	}
	return out
}
