package dashboard

import (
	"context"
	"sort"

	"github.com/gofiber/fiber/v2"
	"github.com/quangngai/chitieu/queries"
)

type projectsModel struct {
	view
	Statuses []string
	List     table
	Chart    *chartConfig
	Total    string
}

// projectColour marks a project's status on the capital chart.
func projectColour(status string) string {
	switch status {
	case "operating":
		return colourMet
	case "delayed":
		return colourNotMet
	case "under_construction":
		return palette[0]
	}
	return colourAtRisk
}

// projectsList: the key projects of the appendices of Decision 998 with capital,
// milestones and status.
func (s *server) projectsList(c *fiber.Ctx) error {
	lg := lang(c)
	f := readFilters(c)
	return s.renderPage(c, "projects", pageKey("projects", lg, f), func() (pageData, error) {
		m, err := s.projects(c.UserContext(), f, lg)
		if err != nil {
			return pageData{}, err
		}
		return pageData{Title: translate(lg, "projects.title"), Data: m, Synthetic: m.Meta.Synthetic}, nil
	})
}

// projects returns the page model, from the page cache while the data is unchanged.
func (s *server) projects(ctx context.Context, f filters, lg string) (*projectsModel, error) {
	return cached(s, ctx, pageKey("projects", lg, f), func() (*projectsModel, error) { return s.buildProjects(ctx, f, lg) })
}

func (s *server) buildProjects(ctx context.Context, f filters, lg string) (*projectsModel, error) {
	ps, err := s.Store.Projects(ctx)
	if err != nil {
		return nil, err
	}
	zones, err := s.Store.Zones(ctx)
	if err != nil {
		return nil, err
	}
	zoneName := map[string]string{}
	for _, z := range zones {
		zoneName[z.Code] = z.NameVI
	}
	m := &projectsModel{}
	if m.Meta, err = s.loadMeta(ctx, f, lg); err != nil {
		return nil, err
	}
	m.Page, m.Export = "projects", f.query()
	seen := map[string]bool{}
	var list []queries.Project
	for _, p := range ps {
		if !seen[p.Status] {
			seen[p.Status] = true
			m.Statuses = append(m.Statuses, p.Status)
		}
		if f.ZoneStatus != "" && p.Status != f.ZoneStatus {
			continue
		}
		list = append(list, p)
	}
	sort.Strings(m.Statuses)
	capital := func(p queries.Project) float64 {
		if p.CapitalVNDbn == nil {
			return -1
		}
		v, _ := p.CapitalVNDbn.Float64()
		return v
	}
	sort.SliceStable(list, func(i, j int) bool { return capital(list[i]) > capital(list[j]) })
	m.List = table{ID: "projects", Title: translate(lg, "projects.list"), Unit: "",
		Headers: headers(lg, "col.code", "col.name", "col.zone", "col.investor", "col.capital", "col.capacity", "col.milestones", "common.status", "common.source")}
	var items []barItem
	total := 0.0
	for _, p := range list {
		cap := "—"
		var capNum *float64
		if p.CapitalVNDbn != nil {
			cap, capNum = formatNum(*p.CapitalVNDbn, lg), f64(*p.CapitalVNDbn)
			items = append(items, barItem{Label: p.NameVI, Value: *capNum, Colour: projectColour(p.Status)})
			total += *capNum
		}
		zn := zoneName[p.Zone]
		if zn == "" {
			zn = p.Zone
		}
		m.List.Rows = append(m.List.Rows, []cell{txt(p.Code), txt(p.NameVI), txt(zn), txt(p.Investor), {Text: cap, Num: capNum},
			txt(inLang(p.Capacity, p.CapacityEN, lg)), txt(inLang(p.Milestones, p.MilestonesEN, lg)), {Text: translate(lg, "pstatus."+p.Status), Class: "p-" + p.Status}, txt(p.Source)})
	}
	m.Total = num(total, 1, lg)
	if len(items) > 0 {
		cfg, err := barChart("projects-capital", translate(lg, "projects.chart"), unitIn("tỷ đồng", lg), items)
		if err != nil {
			return nil, err
		}
		cfg.Table, cfg.Source = "projects", translate(lg, "projects.source")
		c := m.addChart(cfg)
		m.Chart = &c
	}
	m.Tables = []table{m.List}
	return m, nil
}
