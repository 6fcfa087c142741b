package dashboard

import (
	"context"
	"sort"
	"strings"

	"github.com/gofiber/fiber/v2"
	"github.com/quangngai/chitieu/plan"
	"github.com/quangngai/chitieu/queries"
)

// zoneMetrics are the indicators the zones page compares, in column order.
var zoneMetrics = []string{
	"investment_valid_projects", "investment_registered_capital_total", "investment_new_projects",
	"investment_new_capital", "zone_industrial_output", "zone_exports_usd", "central_wwtp_count", "ip_wastewater_compliance",
}

type zonesModel struct {
	view
	Year     int
	Metric   queries.Indicator
	Metrics  []queries.Indicator
	Types    []string
	Statuses []string
	List     table
	BQL      table
	Ranking  *chartConfig
	Area     *chartConfig
	Trend    *chartConfig
	Count    int
}

// zonesList: Dung Quất EZ, each industrial park and cluster side by side: investment,
// valid projects, output, wastewater treatment; ranked, filtered by type, status and place.
func (s *server) zonesList(c *fiber.Ctx) error {
	lg := lang(c)
	f := readFilters(c)
	return s.renderPage(c, "zones", pageKey("zones", lg, f), func() (pageData, error) {
		m, err := s.zones(c.UserContext(), f, lg)
		if err != nil {
			return pageData{}, err
		}
		return pageData{Title: translate(lg, "zones.title"), Data: m, Synthetic: m.Meta.Synthetic}, nil
	})
}

// zones returns the page model, from the page cache while the data is unchanged.
func (s *server) zones(ctx context.Context, f filters, lg string) (*zonesModel, error) {
	return cached(s, ctx, pageKey("zones", lg, f), func() (*zonesModel, error) { return s.buildZones(ctx, f, lg) })
}

func (s *server) buildZones(ctx context.Context, f filters, lg string) (*zonesModel, error) {
	cat, err := s.loadCatalog(ctx)
	if err != nil {
		return nil, err
	}
	all, err := s.Store.Zones(ctx)
	if err != nil {
		return nil, err
	}
	m := &zonesModel{Year: f.Year}
	for _, code := range zoneMetrics {
		if it, ok := cat.ind[code]; ok {
			m.Metrics = append(m.Metrics, it)
		}
	}
	// A new installation has no catalogue yet: no metric to rank by, an empty page.
	if len(m.Metrics) > 0 {
		m.Metric = m.Metrics[0]
	}
	if it, ok := cat.ind[f.Metric]; ok {
		m.Metric = it
	}
	if m.Meta, err = s.loadMeta(ctx, f, lg); err != nil {
		return nil, err
	}
	m.Page, m.Export = "zones", f.query()
	seenT, seenS := map[string]bool{}, map[string]bool{}
	var zs []queries.Zone
	codes := []string{scopeBQL}
	for _, z := range all {
		if !seenT[z.Type] {
			seenT[z.Type] = true
			m.Types = append(m.Types, z.Type)
		}
		if !seenS[z.Status] {
			seenS[z.Status] = true
			m.Statuses = append(m.Statuses, z.Status)
		}
		if f.ZoneType != "" && z.Type != f.ZoneType || f.ZoneStatus != "" && z.Status != f.ZoneStatus ||
			f.Location != "" && !strings.Contains(strings.ToLower(z.Location+" "+z.NameVI), strings.ToLower(f.Location)) {
			continue
		}
		zs = append(zs, z)
		codes = append(codes, z.Code)
	}
	sort.Strings(m.Statuses)
	m.Count = len(zs)
	ff := queries.FigureFilter{Indicators: zoneMetrics, Scopes: codes}
	if f.Year > 0 {
		ff.YearTo = uint16(f.Year)
	}
	figs, err := s.Store.CurrentFigures(ctx, ff)
	if err != nil {
		return nil, err
	}
	grouped := plan.ByIndicatorScope(figs)
	latest := func(ind, scope string) *queries.CurrentFigure {
		sr := plan.OneScope(scope, grouped[ind][scope])
		if len(sr.Figures) == 0 {
			return nil
		}
		return &sr.Figures[len(sr.Figures)-1]
	}
	metricVal := func(z queries.Zone) (float64, bool) {
		if fg := latest(m.Metric.Code, z.Code); fg != nil {
			v, _ := fg.Value.Float64()
			return v, true
		}
		return 0, false
	}
	sort.SliceStable(zs, func(i, j int) bool {
		vi, oki := metricVal(zs[i])
		vj, okj := metricVal(zs[j])
		if oki != okj {
			return oki
		}
		if vi != vj {
			return vi > vj
		}
		return areaOf(zs[i]) > areaOf(zs[j])
	})
	parentName := map[string]string{}
	for _, z := range all {
		parentName[z.Code] = z.NameVI
	}
	hs := headers(lg, "col.rank", "col.code", "col.name", "col.zonetype", "col.parent", "col.location", "col.area", "common.status")
	for _, it := range m.Metrics {
		hs = append(hs, indName(it, lg)+" ("+unitIn(it.Unit, lg)+")")
	}
	m.List = table{ID: "zones", Title: translate(lg, "zones.list") + " — " + translate(lg, "zones.rankedby") + " " + indName(m.Metric, lg), Headers: hs}
	var ranking, areas []barItem
	for i, z := range zs {
		area := "—"
		var areaNum *float64
		if z.AreaHa != nil {
			area, areaNum = formatNum(*z.AreaHa, lg), f64(*z.AreaHa)
			areas = append(areas, barItem{Label: z.NameVI, Value: *areaNum})
		}
		rank := "—" // a zone without a figure for the metric is listed, not ranked
		if _, ok := metricVal(z); ok {
			rank = itoa(i + 1)
		}
		row := []cell{txt(rank), txt(z.Code), {Text: z.NameVI, Title: z.Source}, txt(translate(lg, "zonetype."+z.Type)),
			txt(parentName[z.Parent]), txt(z.Location), {Text: area, Num: areaNum}, txt(translate(lg, "zonestatus."+z.Status))}
		for _, it := range m.Metrics {
			if fg := latest(it.Code, z.Code); fg != nil {
				row = append(row, cell{Text: formatNum(fg.Value, lg) + " (" + itoa(int(fg.Year)) + ")", Num: f64(fg.Value), Title: fg.Source})
			} else {
				row = append(row, txt("—"))
			}
		}
		m.List.Rows = append(m.List.Rows, row)
		if v, ok := metricVal(z); ok {
			ranking = append(ranking, barItem{Label: z.NameVI, Value: v})
		}
	}
	if len(ranking) > 0 {
		cfg, err := barChart("zones-ranking", translate(lg, "zones.rankedby")+" "+indName(m.Metric, lg), unitIn(m.Metric.Unit, lg), ranking)
		if err != nil {
			return nil, err
		}
		cfg.Table, cfg.Source = "zones", translate(lg, "zones.source")
		r := m.addChart(cfg)
		m.Ranking = &r
	}
	if len(areas) > 0 {
		sort.SliceStable(areas, func(i, j int) bool { return areas[i].Value > areas[j].Value })
		if len(areas) > 15 {
			areas = areas[:15]
		}
		cfg, err := barChart("zones-area", translate(lg, "zones.area"), "ha", areas)
		if err != nil {
			return nil, err
		}
		cfg.Table, cfg.Source = "zones", translate(lg, "zones.source")
		a := m.addChart(cfg)
		m.Area = &a
	}
	// All zones of the BQL together, year by year.
	years := map[int]bool{}
	for _, it := range m.Metrics {
		for _, fg := range grouped[it.Code][scopeBQL] {
			years[int(fg.Year)] = true
		}
	}
	var ys []int
	for y := range years {
		ys = append(ys, y)
	}
	sort.Ints(ys)
	bh := headers(lg, "common.year")
	for _, it := range m.Metrics {
		bh = append(bh, indName(it, lg)+" ("+unitIn(it.Unit, lg)+")")
	}
	m.BQL = table{ID: "zones-bql", Title: cat.scopeName(scopeBQL, lg), Headers: bh}
	for _, y := range ys {
		row := []cell{txt(itoa(y))}
		for _, it := range m.Metrics {
			sr := plan.OneScope(scopeBQL, grouped[it.Code][scopeBQL])
			c := txt("—")
			for _, p := range sr.Figures {
				if int(p.Year) == y {
					c = cell{Text: formatNum(p.Value, lg), Num: f64(p.Value), Title: p.Source}
				}
			}
			row = append(row, c)
		}
		m.BQL.Rows = append(m.BQL.Rows, row)
	}
	if sr := plan.OneScope(scopeBQL, grouped[m.Metric.Code][scopeBQL]); len(sr.Figures) > 0 {
		cfg, err := lineChart("zones-bql-trend", indName(m.Metric, lg)+" — "+cat.scopeName(scopeBQL, lg), unitIn(m.Metric.Unit, lg),
			[]lineSeries{valuesOf(indName(m.Metric, lg), sr)}, nil, false)
		if err != nil {
			return nil, err
		}
		cfg.Table, cfg.Source = "zones-bql", sourcesOf([]plan.Series{sr})
		t := m.addChart(cfg)
		m.Trend = &t
	}
	m.Tables = []table{m.List, m.BQL}
	return m, nil
}

func areaOf(z queries.Zone) float64 {
	if z.AreaHa == nil {
		return 0
	}
	v, _ := z.AreaHa.Float64()
	return v
}
