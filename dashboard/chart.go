package dashboard

import "encoding/json"

// chartConfig is what a page holds for one chart: the ECharts option as JSON in a
// data attribute, read by static/js/charts.js. go-echarts writes options into an
// inline <script> unescaped; we never use that path. encoding/json escapes <, > and &
// and html/template escapes the attribute, so a zone named </script><script>… stays
// text (pages_test.go and browser_test.go prove it). Title, unit, source and data-as-of ride along as
// data attributes: charts.js draws them onto exported PNG and SVG images.
type chartConfig struct {
	ID       string
	Title    string
	Unit     string
	Source   string
	Note     string // the 2025 merger note when the chart shows both territories: printed on exports
	Table    string // id of the table with the data behind the chart (CSV/XLSX export)
	Option   string
	Small    bool // a card's trend line: no export buttons, short
	AsOf     string
	Stamp    string // data version and filters, printed on exported images
	Renderer string // "svg" for print (the briefing); canvas otherwise
	CSV      string // data export links
	XLSX     string
	File     string // PNG/SVG file name without extension: what the image holds
}

// chartValidator is every go-echarts chart: Validate fills the series before JSON.
type chartValidator interface {
	Validate()
	JSON() map[string]interface{}
}

// newChartConfig serialises a go-echarts chart. extra entries are merged into the
// option (ECharts features go-echarts has no type for, such as visualMap pieces).
func newChartConfig(id, title string, c chartValidator, extra map[string]any) (chartConfig, error) {
	c.Validate()
	opt := c.JSON()
	for k, v := range extra {
		opt[k] = v
	}
	b, err := json.Marshal(opt)
	if err != nil {
		return chartConfig{}, err
	}
	return chartConfig{ID: id, Title: title, Option: string(b), Table: id}, nil
}

// addChart finishes a chart with the page's data-as-of time and export links, and
// keeps it on the page. Meta, Page and Export must be set first.
func (v *view) addChart(c chartConfig) chartConfig {
	c.AsOf = v.Meta.AsOf
	c.Stamp = shortVersion(v.Meta.Version) + " · " + v.Meta.Described
	q := v.Meta.Filters.withTable(c.Table) + "&lang=" + v.Meta.Lang
	c.CSV = "/export/" + v.Page + ".csv?" + q
	c.XLSX = "/export/" + v.Page + ".xlsx?" + q
	c.File = exportFileName(v.Page, v.Meta, c.ID)
	v.Charts = append(v.Charts, c)
	return c
}
