package dashboard

import (
	"context"
	"strings"

	"github.com/gofiber/fiber/v2"
	"github.com/quangngai/chitieu/plan"
	"github.com/quangngai/chitieu/queries"
	"github.com/quangngai/chitieu/scorecard"
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
	lines                  []lineSeries // for the briefing's full-size chart: one per territory
	bands                  []band
	source                 string
	note                   string        // the merger note when the lines show both territories
	drawn                  []plan.Series // the series the chart draws
}

// targetEval is one target judged at the evaluation year.
type targetEval struct {
	Target    queries.Target
	Text      string // "69–70 %"
	Period    string
	Kind      string
	Result    plan.Result
	Verdict   string
	Class     string
	Attain    string // "162,8 %"
	Compared  string // what was compared: "bình quân 2021, 2022, 2024: 6,07"
	Missing   string // "Thiếu số liệu năm 2023"
	Caveat    string // the short form the verdict carries: "thiếu 2023; 2025 khác địa giới"
	Reference string // the other territory's figures for years outside the target's own: "tham khảo"
}

// statusCount is one scorecard count.
type statusCount struct {
	Status, Label string
	N             int
}

type overviewModel struct {
	view
	Plan       queries.Plan
	PlanName   string
	ShortName  string // the name without its period, which the heading writes once
	Phase      string // "Đã kết thúc" / "Đang thực hiện" / "Chưa bắt đầu"
	PhaseClass string
	Year       int
	Options    []planOption
	Plans      []queries.Plan // in plan.Order, for other pages' selectors (the briefing)
	Years      []int
	NoTargets  bool
	Current    *planOption // the plan in force, when the page shows another: one click away
	Counts     []statusCount
	Cards      []overviewCard // targeted first, then context: the briefing's order too
	Groups     []cardGroup
}

// cardGroup is the targeted or the context cards, under their heading.
type cardGroup struct {
	Title, Class string
	Cards        []overviewCard
}

// overviewShow: for a plan and year, a scorecard (counts per status) and one card per
// indicator the plan sets a target for, then the context indicators of section I of
// the report outline.
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
	today := s.localNow().Year()
	// The figures of every targeted indicator and of section I, up to today: the
	// default plan depends on whether the current plan has a year of data.
	codes, scopes := cat.scorecard().OverviewReads()
	var all []queries.CurrentFigure
	if len(codes) > 0 {
		if all, err = s.Store.CurrentFigures(ctx, queries.FigureFilter{Indicators: codes, Scopes: scopes, YearTo: uint16(today)}); err != nil {
			return nil, err
		}
	}
	sc := scorecard.Build(cat.scorecard(), all, f.Plan, f.Year, today)
	p, year := sc.Plan, sc.Year
	f.Plan, f.Year = p.Code, year
	m := &overviewModel{Plan: p, PlanName: planName(p, lg), ShortName: shortPlanName(p, lg), Year: year, Options: planOptions(cat, p.Code, lg), Plans: plan.Order(cat.Plans, cat.Targets),
		Phase: translate(lg, "phase."+string(sc.Phase)), PhaseClass: string(sc.Phase)}
	for y := plan.FirstYear(cat.Plans, today); y <= today; y++ {
		m.Years = append(m.Years, y)
	}
	if cur := sc.Current; cur != nil {
		m.Current = &planOption{Code: cur.Code, Label: shortPlanName(*cur, lg) + " (" + planPeriod(*cur) + ")"}
	}
	m.NoTargets = sc.NoTargets
	if m.Meta, err = s.loadMeta(ctx, f, lg); err != nil {
		return nil, err
	}
	m.Page, m.Export = "overview", f.query()
	summary := table{ID: "overview", Title: translate(lg, "overview.table") + " — " + m.PlanName + ", " + itoa(year),
		Headers: headers(lg, "col.indicator", "common.unit", "col.latestyear", "col.latest", "common.target", "col.period",
			"col.kind", "col.compared", "col.attainment", "common.status", "common.source")}
	var ctxTables []table
	// Cards: the plan's targeted indicators first (catalogue order), then the context
	// indicators of section I (scorecard.Build's order).
	for _, sCard := range sc.Cards {
		targeted := sCard.Targeted
		card, err := s.overviewCard(m, cat, sCard, f, lg)
		if err != nil {
			return nil, err
		}
		if g := len(m.Groups) - 1; g < 0 || m.Groups[g].Class != groupClass(targeted) {
			m.Groups = append(m.Groups, cardGroup{Title: translate(lg, "overview."+groupClass(targeted)), Class: groupClass(targeted)})
		}
		m.Groups[len(m.Groups)-1].Cards = append(m.Groups[len(m.Groups)-1].Cards, card)
		m.Cards = append(m.Cards, card)
		summary.Rows = append(summary.Rows, overviewRows(card, m.NoTargets, lg)...)
		ctxTables = append(ctxTables, seriesTable(card.Chart.ID, card.Name, unitIn(sCard.Indicator.Unit, lg), card.drawn, cat, lg))
	}
	counts := sc.Counts
	if !m.NoTargets {
		for _, st := range plan.Categories {
			if counts[st] == 0 && (st == plan.Insufficient || st == plan.NoForecast) {
				continue // the two rarer outcomes are counted only when they occur
			}
			m.Counts = append(m.Counts, statusCount{Status: string(st), Label: translate(lg, "count."+string(st)), N: counts[st]})
		}
	}
	m.Tables = append([]table{summary}, ctxTables...)
	return m, nil
}

func groupClass(targeted bool) string {
	if targeted {
		return "targeted"
	}
	return "context"
}

// overviewCard writes one scorecard card in words: its verdicts, its latest figure
// and its chart.
func (s *server) overviewCard(m *overviewModel, cat *catalog, sc scorecard.Card, f filters, lg string) (overviewCard, error) {
	it := sc.Indicator
	card := overviewCard{Code: it.Code, Name: indName(it, lg), Unit: unitIn(it.Unit, lg), Href: "/indicators/" + it.Code + "?" + f.query(),
		Section: sc.Section}
	var bands []band
	for _, e := range sc.Evals {
		card.Evals = append(card.Evals, describeEval(e.Target, e.Verdict, cat, lg))
		bands = append(bands, targetBand(e.Target, lg))
	}
	card.ScopeName = cat.scopeName(sc.Series.Scope, lg)
	card.Latest = sc.Latest
	if card.Latest != nil {
		card.LatestText = formatNum(card.Latest.Value, lg)
		card.FigStatus = translate(lg, "fstatus."+card.Latest.Status)
	}
	drawn := sc.Drawn
	card.Notes = seriesNotes(drawn, lg)
	card.lines, card.drawn = linesOf(drawn, cat, lg), drawn
	card.note = mergerNote(drawn, lg)
	cfg, err := lineChart("chart-"+it.Code, card.Name, unitIn(it.Unit, lg), card.lines, bands, true)
	if err != nil {
		return card, err
	}
	cfg.Source, cfg.Note = sourcesOf(drawn), card.note
	card.bands, card.source = bands, cfg.Source
	card.Chart = m.addChart(cfg)
	return card, nil
}

// evalTarget judges one target on its own scope (scorecard) and writes the verdict
// in words.
func evalTarget(t queries.Target, it queries.Indicator, scopes map[string][]queries.CurrentFigure, year int, cat *catalog, lg string) (targetEval, plan.Verdict) {
	v := cat.scorecard().Judge(t, it, scopes, year)
	return describeEval(t, v, cat, lg), v
}

// describeEval writes a scorecard verdict in words.
func describeEval(t queries.Target, v plan.Verdict, cat *catalog, lg string) targetEval {
	r := v.Result
	ev := targetEval{Target: t, Text: targetText(t, lg), Period: periodText(t), Kind: translate(lg, "kind."+t.Kind), Result: r,
		Verdict: verdictText(r, lg), Class: string(r.Status)}
	if r.Attainment != nil {
		ev.Attain = num(*r.Attainment, 1, lg) + " %"
		if n := len(r.Years); n > 0 && t.Kind != queries.TargetAnnual && t.Kind != queries.TargetLevelAtEnd {
			ev.Attain += " (" + itoa(n) + " " + translate(lg, "eval.yearsofdata") + ")" // "209,4 % (1 năm số liệu)"
		}
	}
	if r.Value != nil {
		ev.Compared = translate(lg, "basis."+t.Kind) + " " + yearsText(r.Years) + ": " + num(*r.Value, 2, lg)
		if r.Status == plan.Insufficient || r.Status == plan.NoForecast {
			ev.Compared = translate(lg, "eval.partial") + " " + ev.Compared
		}
	}
	var missing []string
	if len(r.Missing) > 0 {
		missing = append(missing, translate(lg, "common.missingyears")+" "+yearsText(r.Missing))
	}
	if len(v.OtherYears) > 0 {
		missing = append(missing, translate(lg, "eval.otherterritory")+" "+yearsText(v.OtherYears))
	}
	ev.Missing = strings.Join(missing, "; ")
	ev.Caveat = verdictCaveat(r, v, lg)
	if ev.Caveat != "" {
		// The verdict carries what it rests on wherever it is quoted: card, tables,
		// exports, briefing, report ("Không đạt (thiếu 2023; 2025 khác địa giới)").
		ev.Verdict += " (" + ev.Caveat + ")"
	}
	if len(v.Reference) > 0 {
		var refs []string
		for _, fg := range v.Reference {
			refs = append(refs, itoa(int(fg.Year))+" "+cat.scopeName(fg.Scope, lg)+": "+formatNum(fg.Value, lg)+" "+unitIn(fg.Unit, lg))
		}
		ev.Reference = translate(lg, "eval.reference") + ": " + strings.Join(refs, "; ")
	}
	return ev
}

// overviewRows: one summary row per target of the card (one row when it has none).
// noTargets: the plan has no targets loaded at all, which the row says, rather than
// "no target" for every indicator.
func overviewRows(card overviewCard, noTargets bool, lg string) [][]cell {
	latestYear, latest, source := "", translate(lg, "common.nodata"), ""
	var latestNum *float64
	if card.Latest != nil {
		latestYear, latest, source = itoa(int(card.Latest.Year)), card.LatestText, card.Latest.Source
		latestNum = f64(card.Latest.Value)
	}
	base := []cell{{Text: card.Name, Href: card.Href}, txt(card.Unit), txt(latestYear), {Text: latest, Num: latestNum}}
	if len(card.Evals) == 0 {
		target, status := translate(lg, "overview.notarget"), translate(lg, "status.no_target")
		if noTargets {
			target, status = "—", translate(lg, "status.plan_no_targets")
		}
		return [][]cell{append(base, txt(target), txt(""), txt(""), txt(""), txt(""),
			cell{Text: status, Class: "no_target"}, txt(source))}
	}
	var rows [][]cell
	for _, ev := range card.Evals {
		title := strings.Trim(ev.Missing+"; "+ev.Reference, "; ")
		row := append(append([]cell(nil), base...), txt(ev.Text), txt(ev.Period), txt(ev.Kind), txt(ev.Compared),
			cell{Text: ev.Attain, Num: ev.Result.Attainment}, cell{Text: ev.Verdict, Class: ev.Class, Title: title},
			txt(strings.TrimSpace(source+" · "+translate(lg, "common.target")+": "+ev.Target.Source)))
		rows = append(rows, row)
	}
	return rows
}

// linesOf draws each series as its own named line (its scope's name): the old and the
// merged province are two lines with two legend entries, never one.
func linesOf(ss []plan.Series, cat *catalog, lg string) []lineSeries {
	var out []lineSeries
	for _, sr := range ss {
		out = append(out, valuesOf(lineName(cat.scopeName(sr.Scope, lg), sr, lg), sr))
	}
	return out
}

// valuesOf is a series as chart values by year.
func valuesOf(name string, sr plan.Series) lineSeries {
	ls := lineSeries{Name: name, Values: map[int]float64{}}
	for _, p := range sr.Figures {
		v, _ := p.Value.Float64()
		ls.Values[int(p.Year)] = v
	}
	return ls
}

// sourcesOf lists the distinct sources of the series, for the exported image's footer.
func sourcesOf(ss []plan.Series) string {
	seen := map[string]bool{}
	var out []string
	for _, sr := range ss {
		for _, p := range sr.Figures {
			if p.Source != "" && !seen[p.Source] {
				seen[p.Source] = true
				out = append(out, p.Source)
			}
		}
	}
	return strings.Join(out, "; ")
}

// seriesTable is the data behind a chart: every figure of the series it draws.
func seriesTable(id, title, unit string, ss []plan.Series, cat *catalog, lg string) table {
	t := table{ID: id, Title: title, Unit: unit,
		Headers: headers(lg, "common.year", "common.value", "common.unit", "col.figstatus", "col.scope", "col.agency", "common.source", "common.note")}
	for _, sr := range ss {
		for _, p := range sr.Figures {
			t.Rows = append(t.Rows, []cell{txt(itoa(int(p.Year))), {Text: formatNum(p.Value, lg), Num: f64(p.Value)}, txt(unitIn(p.Unit, lg)),
				txt(translate(lg, "fstatus."+p.Status)), txt(cat.scopeName(p.Scope, lg)), txt(p.Agency), txt(p.Source), txt(inLang(p.Note, p.NoteEN, lg))})
		}
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
