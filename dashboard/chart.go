package dashboard

import (
	"encoding/json"
)

// chartConfig is what a page holds for one chart: the ECharts option as JSON in a
// data attribute, read by static/js/charts.js. go-echarts writes options into an
// inline <script> unescaped; we never use that path. encoding/json escapes <, > and &
// and html/template escapes the attribute, so a zone named </script><script>… stays text.
type chartConfig struct {
	ID     string
	Title  string
	Option string
	Height string
}

// chartValidator is every go-echarts chart: Validate fills the series before JSON.
type chartValidator interface {
	Validate()
	JSON() map[string]interface{}
}

func newChartConfig(id, title string, c chartValidator) (chartConfig, error) {
	c.Validate()
	b, err := json.Marshal(c.JSON())
	if err != nil {
		return chartConfig{}, err
	}
	return chartConfig{ID: id, Title: title, Option: string(b), Height: "360px"}, nil
}

