package dashboard

import (
	"github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"
	"github.com/gofiber/fiber/v2"
	"github.com/quangngai/chitieu/queries"
)

// overviewShow: the landing page. For now one chart per province-wide indicator that
// has figures, drawn from ClickHouse.
func (s *server) overviewShow(c *fiber.Ctx) error {
	ctx := c.UserContext()
	inds, err := s.Store.Indicators(ctx)
	if err != nil {
		return err
	}
	figs, err := s.Store.CurrentFigures(ctx, queries.FigureFilter{Scopes: []string{"province_old", "province_new"}})
	if err != nil {
		return err
	}
	byInd := map[string][]queries.CurrentFigure{}
	for _, f := range figs {
		byInd[f.Indicator] = append(byInd[f.Indicator], f)
	}
	lg := lang(c)
	var cards []chartConfig
	for _, ind := range inds {
		series := byInd[ind.Code]
		if len(series) == 0 {
			continue
		}
		name := ind.NameVI
		if lg == "en" {
			name = ind.NameEN
		}
		line := charts.NewLine()
		line.SetGlobalOptions(
			charts.WithTitleOpts(opts.Title{Title: name, Subtitle: ind.Unit}),
			charts.WithTooltipOpts(opts.Tooltip{Show: opts.Bool(true), Trigger: "axis"}),
		)
		var years []string
		var points []opts.LineData
		for _, f := range series {
			years = append(years, itoa(int(f.Year)))
			v, _ := f.Value.Float64()
			points = append(points, opts.LineData{Value: v})
		}
		line.SetXAxis(years).AddSeries(name, points)
		cfg, err := newChartConfig("chart-"+ind.Code, name, line)
		if err != nil {
			return err
		}
		cards = append(cards, cfg)
	}
	return s.render(c, "overview", pageData{Title: translate(lg, "overview.title"), Data: fiber.Map{"Charts": cards}})
}
