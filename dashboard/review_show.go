package dashboard

import (
	"context"
	"strings"

	"github.com/gofiber/fiber/v2"
	"github.com/quangngai/chitieu/plan"
	"github.com/quangngai/chitieu/queries"
)

// reviewRow is one target of the closed period, judged at the period's end.
type reviewRow struct {
	Indicator, Href string
	PlanName        string
	Document        string
	Target          string // in words: "Bình quân giai đoạn 2021–2025: 7–8 %/năm"
	Interim         string // a target running past the period: judged at its end, not final
	Eval            targetEval
}

type reviewModel struct {
	view
	From, To   int
	Period     string
	Found      bool
	Lead       string // the counts in one sentence, for a meeting
	Counts     []statusCount
	Rows       []reviewRow
	Indicators int
	Plans      int
	Empty      []queries.Plan // plans of the period with no targets loaded (Decision 998)
	Chart      chartConfig
	PDF        string
}

// reviewShow: the final review of a closed period ("Tổng kết giai đoạn 2021–2025"):
// every target any plan set within it, each judged once on its own territory, with
// the counts on top.
func (s *server) reviewShow(c *fiber.Ctx) error {
	lg := lang(c)
	f := readFilters(c)
	return s.renderPage(c, "review", pageKey("review", lg, f), func() (pageData, error) {
		m, err := s.review(c.UserContext(), f, lg)
		if err != nil {
			return pageData{}, err
		}
		return pageData{Title: translate(lg, "review.title") + " " + m.Period, Data: m, Synthetic: m.Meta.Synthetic}, nil
	})
}

// review returns the page model, from the page cache while the data is unchanged.
func (s *server) review(ctx context.Context, f filters, lg string) (*reviewModel, error) {
	return cached(s, ctx, pageKey("review", lg, f), func() (*reviewModel, error) { return s.buildReview(ctx, f, lg) })
}

func (s *server) buildReview(ctx context.Context, f filters, lg string) (*reviewModel, error) {
	cat, err := s.loadCatalog(ctx)
	if err != nil {
		return nil, err
	}
	today := s.localNow().Year()
	from, to, ok := plan.ReviewPeriod(cat.Plans, cat.Targets, f.Year, today)
	m := &reviewModel{From: from, To: to, Found: ok, Period: itoa(from) + "–" + itoa(to)}
	f.Plan, f.Year = "", to
	if m.Meta, err = s.loadMeta(ctx, f, lg); err != nil {
		return nil, err
	}
	m.Page, m.Export = "review", f.query()
	m.PDF = "/review.pdf?" + f.query() + "&lang=" + lg
	if !ok {
		m.Period = "—"
		return m, nil
	}
	targets := plan.ReviewTargets(cat.Targets, from, to)
	m.Empty = plan.PlansWithoutTargets(cat.Plans, cat.Targets, from, to)
	var codes []string
	scopes := []string{scopeOld, scopeNew, scopeBQL}
	seen := map[string]bool{}
	for _, t := range targets {
		if !seen[t.Indicator] {
			seen[t.Indicator] = true
			codes = append(codes, t.Indicator)
		}
		if t.Scope != scopeNational {
			scopes = append(scopes, t.Scope)
		}
	}
	var figs []queries.CurrentFigure
	if len(codes) > 0 {
		if figs, err = s.Store.CurrentFigures(ctx, queries.FigureFilter{Indicators: codes, Scopes: scopes, YearTo: uint16(to)}); err != nil {
			return nil, err
		}
	}
	grouped := plan.ByIndicatorScope(figs)
	order := map[string]int{}
	for i, p := range plan.Order(cat.Plans, cat.Targets) {
		order[p.Code] = i
	}
	counts := map[plan.Status]int{}
	plans := map[string]bool{}
	tbl := table{ID: "review", Title: translate(lg, "review.title") + " " + m.Period,
		Headers: headers(lg, "col.indicator", "common.plan", "review.document", "common.target", "review.result",
			"col.attainment", "review.caveats", "common.status", "common.source")}
	// Catalogue order, then the plans in selector order: one block per indicator.
	for _, it := range cat.Indicators {
		var ts []queries.Target
		for _, t := range targets {
			if t.Indicator == it.Code {
				ts = append(ts, t)
			}
		}
		sortTargets(ts, order)
		for _, t := range ts {
			p := cat.plan[t.Plan]
			ev, _ := evalTarget(t, it, grouped[t.Indicator], to, cat, lg)
			row := reviewRow{Indicator: indName(it, lg), Href: "/indicators/" + it.Code + "?plan=" + t.Plan, PlanName: shortPlanName(p, lg),
				Document: inLang(p.Document, p.DocumentEN, lg), Target: ev.Kind + " " + ev.Period + ": " + ev.Text, Eval: ev}
			if int(t.PeriodEnd) > to {
				row.Interim = translate(lg, "review.interim") + " " + itoa(int(t.PeriodEnd))
			}
			counts[ev.Result.Category()]++
			plans[t.Plan] = true
			m.Rows = append(m.Rows, row)
			result := ev.Compared
			if result == "" {
				result = translate(lg, "common.nodata")
			}
			caveats := strings.Trim(strings.Join([]string{ev.Missing, ev.Reference, row.Interim}, "; "), "; ")
			tbl.Rows = append(tbl.Rows, []cell{{Text: row.Indicator, Href: row.Href}, txt(row.PlanName), txt(row.Document), txt(row.Target),
				txt(result), {Text: ev.Attain, Num: ev.Result.Attainment}, txt(caveats), {Text: ev.Verdict, Class: ev.Class},
				txt(t.Source)})
		}
		if len(ts) > 0 {
			m.Indicators++
		}
	}
	m.Plans = len(plans)
	countsTbl := table{ID: "review-counts", Title: translate(lg, "review.counts") + " " + m.Period,
		Headers: headers(lg, "common.status", "review.targets")}
	var items []barItem
	var parts []string
	for _, st := range plan.Categories {
		n := counts[st]
		if n == 0 && (st == plan.Insufficient || st == plan.NoForecast) {
			continue
		}
		label := translate(lg, "count."+string(st))
		m.Counts = append(m.Counts, statusCount{Status: string(st), Label: label, N: n})
		parts = append(parts, itoa(n)+" "+label)
		nf := float64(n)
		countsTbl.Rows = append(countsTbl.Rows, []cell{txt(translate(lg, statusKey(st))), {Text: itoa(n), Num: &nf}})
		items = append(items, barItem{Label: translate(lg, statusKey(st)), Value: nf, Colour: statusColour(st)})
	}
	m.Lead = strings.NewReplacer("{targets}", itoa(len(m.Rows)), "{indicators}", itoa(m.Indicators), "{plans}", itoa(m.Plans),
		"{period}", m.Period).Replace(translate(lg, "review.lead")) + " " + strings.Join(parts, ", ") + "."
	// Largest first in a ranking; here the scale's own order reads better, top down.
	for i, j := 0, len(items)-1; i < j; i, j = i+1, j-1 {
		items[i], items[j] = items[j], items[i]
	}
	cfg, err := barChart("review-counts", translate(lg, "review.counts")+" "+m.Period, translate(lg, "review.targets"), items)
	if err != nil {
		return nil, err
	}
	cfg.Table = "review-counts"
	m.Chart = m.addChart(cfg)
	m.Tables = []table{tbl, countsTbl}
	return m, nil
}

// sortTargets orders one indicator's targets by their plan's place in the selector.
func sortTargets(ts []queries.Target, order map[string]int) {
	for i := 1; i < len(ts); i++ {
		for j := i; j > 0 && order[ts[j].Plan] < order[ts[j-1].Plan]; j-- {
			ts[j], ts[j-1] = ts[j-1], ts[j]
		}
	}
}

// statusColour is a verdict's colour on charts, as on the badges.
func statusColour(st plan.Status) string {
	switch st {
	case plan.Met:
		return colourMet
	case plan.MetProvisional:
		return "#5a9e6a"
	case plan.AtRisk:
		return colourAtRisk
	case plan.NotMet:
		return colourNotMet
	}
	return "#777"
}

// reviewPDF renders the review in headless Chromium, as the briefing is.
func (s *server) reviewPDF(c *fiber.Ctx) error {
	lg := lang(c)
	f := readFilters(c)
	m, err := s.review(c.UserContext(), f, lg)
	if err != nil {
		return err
	}
	q := f
	q.Plan, q.Year = "", m.To
	return s.pagePDF(c, "/review?"+q.query()+"&lang="+lg, exportFileName("review", m.Meta, "")+".pdf")
}
