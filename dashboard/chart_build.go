package dashboard

import (
	"encoding/json"
	"math"
	"strconv"
	"strings"

	"github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"
	"github.com/quangngai/chitieu/queries"
	"github.com/quangngai/chitieu/scorecard"
)

// Colours of the status scale and the series, shared with app.css.
const (
	colourMet    = "#1e7b34"
	colourAtRisk = "#b26a00"
	colourNotMet = "#b3261e"
	colourTarget = "rgba(30,123,52,0.12)"
	// colourTargetStroke is a one-year range target's bar: the band colour, stronger.
	colourTargetStroke = "rgba(30,123,52,0.35)"
)

var palette = []string{"#1f5fa8", "#b3261e", "#1e7b34", "#b26a00", "#6a3d9a", "#0f7c86", "#8c564b", "#555"}

// lineSeries is one named line of a chart: values by year (nil = gap).
type lineSeries struct {
	Name   string
	Values map[int]float64
	Dashed bool
}

// band is a target drawn on a line chart: a shaded band for a range, a line for an
// inequality, over the target's years.
type band struct {
	Label    string
	From, To int
	Min, Max *float64
}

// yearAxis lists every year from the first to the last one any series or band holds.
func yearAxis(ss []lineSeries, bands []band) []int {
	lo, hi := 0, 0
	see := func(y int) {
		if lo == 0 || y < lo {
			lo = y
		}
		if y > hi {
			hi = y
		}
	}
	for _, s := range ss {
		for y := range s.Values {
			see(y)
		}
	}
	for _, b := range bands {
		if b.From <= b.To {
			see(b.From)
			see(b.To)
		}
	}
	var out []int
	for y := lo; y > 0 && y <= hi; y++ {
		out = append(out, y)
	}
	return out
}

// lineChart draws series over the years with target bands. A gap stays a gap ("-").
func lineChart(id, title, unit string, ss []lineSeries, bands []band, small bool) (chartConfig, error) {
	years := yearAxis(ss, bands)
	labels := make([]string, len(years))
	for i, y := range years {
		labels[i] = strconv.Itoa(y)
	}
	line := charts.NewLine()
	// The unit is the subtitle (and the export's heading): the axis does not print it
	// a second time. Counts (projects, plants) step by whole units, never "7,5".
	yaxis := opts.YAxis{Scale: opts.Bool(true), MinInterval: wholeStep(ss)}
	// ECharts sizes the axis to the data only; widen it so target lines and bands show.
	// The ends are whole steps of a fixed interval: an end between two ticks printed
	// its own label beside the nearest tick's ("300.000" over "280.000", "17" over "15").
	if lo, hi, ok := extent(ss, bands); ok {
		splits := 5
		if small {
			splits = 2
		}
		min, max, step := niceAxis(percentFloor(unit, lo, hi), hi, splits, yaxis.MinInterval == 1)
		yaxis.Min, yaxis.Max, yaxis.MinInterval, yaxis.MaxInterval = min, max, step, step
	}
	global := []charts.GlobalOpts{
		charts.WithTooltipOpts(opts.Tooltip{Show: opts.Bool(true), Trigger: "axis"}),
		charts.WithYAxisOpts(yaxis),
		charts.WithAnimation(false),
	}
	if small {
		global = append(global, charts.WithGridOpts(opts.Grid{Left: "36", Right: "8", Top: "8", Bottom: "20"}),
			charts.WithLegendOpts(opts.Legend{Show: opts.Bool(false)}),
			charts.WithYAxisOpts(opts.YAxis{Scale: opts.Bool(true), SplitNumber: 2, Min: yaxis.Min, Max: yaxis.Max,
				MinInterval: yaxis.MinInterval, MaxInterval: yaxis.MaxInterval}))
	} else {
		global = append(global, charts.WithTitleOpts(opts.Title{Title: title, Subtitle: unit, Left: "center"}),
			charts.WithLegendOpts(opts.Legend{Show: opts.Bool(true), Bottom: "0", Type: "scroll"}),
			charts.WithGridOpts(opts.Grid{Left: "56", Right: "24", Top: "64", Bottom: "48"}))
	}
	line.SetGlobalOptions(global...)
	line.SetXAxis(labels)
	for i, s := range ss {
		data := make([]opts.LineData, len(years))
		for j, y := range years {
			if v, ok := s.Values[y]; ok {
				data[j] = opts.LineData{Value: v}
			} else {
				data[j] = opts.LineData{Value: "-"}
			}
		}
		colour := palette[i%len(palette)]
		sopts := []charts.SeriesOpts{
			// A dashed line is a forecast: no points of its own, so the figure it starts
			// from stays visible.
			charts.WithLineChartOpts(opts.LineChart{ConnectNulls: opts.Bool(false), ShowSymbol: opts.Bool(!s.Dashed)}),
			charts.WithItemStyleOpts(opts.ItemStyle{Color: colour}),
		}
		if s.Dashed {
			sopts = append(sopts, charts.WithLineStyleOpts(opts.LineStyle{Type: "dashed", Color: colour}))
		}
		line.AddSeries(s.Name, data, sopts...)
	}
	cfg, err := newChartConfig(id, title, line, nil)
	if err != nil {
		return cfg, err
	}
	if len(ss) > 0 && len(bands) > 0 {
		if cfg.Option, err = withSeriesMarks(cfg.Option, bandMarks(bands, years, small)); err != nil {
			return cfg, err
		}
	}
	cfg.Unit, cfg.Small = unit, small
	return cfg, nil
}

// niceAxis rounds a value range out to whole steps of a round interval (1, 2, 2,5 or
// 5 times a power of ten; counts step by whole units), about splits steps tall.
// Setting ECharts' minInterval and maxInterval to the step fixes its ticks there, so
// both ends are ticks and no label prints beside another.
func niceAxis(lo, hi float64, splits int, whole bool) (float64, float64, float64) {
	raw := (hi - lo) / float64(splits)
	if raw <= 0 {
		raw = math.Max(math.Abs(hi), 1) / float64(splits)
	}
	mag := math.Pow(10, math.Floor(math.Log10(raw)))
	step := 10 * mag
	for _, m := range []float64{1, 2, 2.5, 5} {
		if m*mag >= raw && !(whole && m == 2.5 && mag < 10) {
			step = m * mag
			break
		}
	}
	if whole {
		step = math.Max(1, math.Round(step))
	}
	min, max := math.Floor(lo/step)*step, math.Ceil(hi/step)*step
	if max == min {
		max = min + step
	}
	// Clean the float noise of floor/ceil on decimals (0.1*3 = 0.30000000000000004).
	clean := func(v float64) float64 { return math.Round(v/step) * step }
	return clean(min), clean(max), step
}

// wholeStep is 1 when every value drawn is a whole number (a count), so the value
// axis never shows a "7,5" tick; 0 (ECharts' own steps) otherwise.
func wholeStep(ss []lineSeries) float64 {
	seen := false
	for _, s := range ss {
		for _, v := range s.Values {
			if v != math.Trunc(v) {
				return 0
			}
			seen = true
		}
	}
	if seen {
		return 1
	}
	return 0
}

// withSeriesMarks sets the first series' markArea, markLine and markPoint: go-echarts
// has no per-item label and style for them, so they are written into the option.
func withSeriesMarks(option string, marks map[string]any) (string, error) {
	var o map[string]any
	if err := json.Unmarshal([]byte(option), &o); err != nil {
		return "", err
	}
	series, _ := o["series"].([]any)
	if len(series) == 0 {
		return option, nil
	}
	first, _ := series[0].(map[string]any)
	for k, v := range marks {
		first[k] = v
	}
	b, err := json.Marshal(o)
	return string(b), err
}

// percentFloor keeps a percent axis at least ten points tall: 69,7–70,1 % drawn
// edge to edge makes a 0,2-point gap look like a fall. The floor is a multiple of 5
// (never below 0), so the axis reads as a share, not as a zoom.
func percentFloor(unit string, lo, hi float64) float64 {
	if !strings.HasPrefix(unit, "%") || hi-lo >= 10 || lo < 0 {
		return lo
	}
	return math.Max(0, math.Floor((hi-10)/5)*5)
}

// extent is a rounded value range holding every value and target bound, or false
// when there is nothing to draw.
func extent(ss []lineSeries, bands []band) (float64, float64, bool) {
	lo, hi := math.Inf(1), math.Inf(-1)
	see := func(v float64) {
		lo, hi = math.Min(lo, v), math.Max(hi, v)
	}
	for _, s := range ss {
		for _, v := range s.Values {
			see(v)
		}
	}
	for _, b := range bands {
		if b.From > b.To {
			continue // not drawn: another territory's years
		}
		if b.Min != nil {
			see(*b.Min)
		}
		if b.Max != nil {
			see(*b.Max)
		}
	}
	if math.IsInf(lo, 1) {
		return 0, 0, false
	}
	span := hi - lo
	if span == 0 {
		span = math.Max(math.Abs(hi)*0.2, 1)
	}
	step := math.Pow(10, math.Floor(math.Log10(span)))
	min := math.Floor((lo-span*0.1)/step) * step
	if lo >= 0 && min < 0 {
		min = 0
	}
	return min, math.Ceil((hi+span*0.1)/step) * step, true
}

// bandMarks draws targets on the first series: a range is one shaded band (markArea)
// with one label; an inequality is one line (markLine) with one label; each over the
// target's own years only. A one-year target has no width on a year axis, so it is a
// short thick stroke at its year (a vertical bar from min to max for a range, a
// marker at the bound for an inequality). Labels are stacked one line apart so two
// targets never print over each other; a small card draws no labels (its text
// lists the targets).
func bandMarks(bands []band, years []int, small bool) map[string]any {
	var areas, lines, points []any
	for i, b := range bands {
		if b.From > b.To {
			continue // no year of the target's own territory on this chart
		}
		from, to := strconv.Itoa(b.From), strconv.Itoa(b.To)
		label := map[string]any{"show": !small, "formatter": b.Label, "color": colourMet, "fontSize": 11}
		// A label moves one line per earlier target whose years overlap this one's.
		slot := 0
		for _, prev := range bands[:i] {
			if prev.From <= b.To && b.From <= prev.To {
				slot++
			}
		}
		offset := []int{0, 14 * slot}
		switch {
		case b.Min != nil && b.Max != nil && b.From != b.To:
			label["position"], label["offset"] = "insideTopLeft", offset
			areas = append(areas, []any{
				map[string]any{"name": b.Label, "xAxis": from, "yAxis": *b.Max, "itemStyle": map[string]any{"color": colourTarget}, "label": label},
				map[string]any{"xAxis": to, "yAxis": *b.Min}})
		case b.Min != nil && b.Max != nil:
			label["position"], label["offset"] = "end", []int{0, -14 * slot}
			// At either end of the axis the label reads inwards, so it is not cut off.
			if len(years) > 0 && b.From == years[len(years)-1] {
				label["align"] = "right"
			} else if len(years) > 0 && b.From == years[0] {
				label["align"] = "left"
			}
			lines = append(lines, []any{
				map[string]any{"name": b.Label, "coord": []any{from, *b.Min}, "label": label,
					"lineStyle": map[string]any{"color": colourTargetStroke, "type": "solid", "width": 14}},
				map[string]any{"coord": []any{to, *b.Max}}})
		case b.Min != nil || b.Max != nil:
			v := b.Min
			if v == nil {
				v = b.Max
			}
			if b.From == b.To {
				label["position"], label["offset"] = "right", offset
				points = append(points, map[string]any{"name": b.Label, "coord": []any{from, *v}, "symbol": "rect",
					"symbolSize": []int{22, 3}, "itemStyle": map[string]any{"color": colourMet}, "label": label})
				continue
			}
			label["position"], label["offset"] = "insideStartTop", []int{0, -14 * slot}
			lines = append(lines, []any{
				map[string]any{"name": b.Label, "coord": []any{from, *v}, "label": label},
				map[string]any{"coord": []any{to, *v}}})
		}
	}
	out := map[string]any{}
	if len(areas) > 0 {
		out["markArea"] = map[string]any{"silent": true, "data": areas}
	}
	if len(lines) > 0 {
		// Solid: a dashed line is a forecast, and a target never looks like one.
		out["markLine"] = map[string]any{"silent": true, "symbol": []string{"none", "none"}, "data": lines,
			"lineStyle": map[string]any{"color": colourMet, "type": "solid", "width": 2}}
	}
	if len(points) > 0 {
		out["markPoint"] = map[string]any{"silent": true, "data": points}
	}
	return out
}

// targetBand is a stored target as a band on the chart (scorecard.BandOf: over the
// years of its own territory only), labelled.
func targetBand(t queries.Target, lg string) band {
	sb := scorecard.BandOf(t)
	b := band{Label: t.Plan + ": " + targetText(t, lg), From: sb.From, To: sb.To, Min: sb.Min, Max: sb.Max}
	return b
}

// barItem is one bar: a label and a value, coloured when colour is set.
type barItem struct {
	Label  string
	Value  float64
	Colour string
}

// barChart is a horizontal ranking, largest on top.
func barChart(id, title, unit string, items []barItem) (chartConfig, error) {
	// Counts (projects, targets) step by whole units: never a "7,5" tick.
	var step float64
	whole := len(items) > 0
	for _, it := range items {
		whole = whole && it.Value == math.Trunc(it.Value)
	}
	if whole {
		step = 1
	}
	bar := charts.NewBar()
	bar.SetGlobalOptions(
		charts.WithTitleOpts(opts.Title{Title: title, Subtitle: unit, Left: "center"}),
		charts.WithTooltipOpts(opts.Tooltip{Show: opts.Bool(true), Trigger: "axis"}),
		charts.WithLegendOpts(opts.Legend{Show: opts.Bool(false)}),
		charts.WithGridOpts(opts.Grid{Left: "8", Right: "48", Top: "64", Bottom: "24", ContainLabel: opts.Bool(true)}),
		charts.WithAnimation(false),
		// The unit is the subtitle; the axis does not print it a second time.
		charts.WithXAxisOpts(opts.XAxis{Type: "value", MinInterval: step}),
		charts.WithYAxisOpts(opts.YAxis{Type: "category"}),
	)
	labels := make([]string, len(items))
	data := make([]opts.BarData, len(items))
	// ECharts draws a category axis bottom-up; reverse so the largest is on top.
	for i, it := range items {
		j := len(items) - 1 - i
		labels[j] = it.Label
		data[j] = opts.BarData{Value: it.Value}
		if it.Colour != "" {
			data[j].ItemStyle = &opts.ItemStyle{Color: it.Colour}
		}
	}
	bar.SetXAxis(labels)
	bar.AddSeries(title, data, charts.WithLabelOpts(opts.Label{Show: opts.Bool(true), Position: "right"}),
		charts.WithItemStyleOpts(opts.ItemStyle{Color: palette[0]}))
	bar.XYReversal()
	cfg, err := newChartConfig(id, title, bar, nil)
	cfg.Unit = unit
	return cfg, err
}

// stackedBars: one bar per category, stacked by named parts (reporting states per year).
func stackedBars(id, title, unit string, categories []string, parts []string, colours []string, values [][]float64) (chartConfig, error) {
	bar := charts.NewBar()
	bar.SetGlobalOptions(
		charts.WithTitleOpts(opts.Title{Title: title, Subtitle: unit, Left: "center"}),
		charts.WithTooltipOpts(opts.Tooltip{Show: opts.Bool(true), Trigger: "axis"}),
		charts.WithLegendOpts(opts.Legend{Show: opts.Bool(true), Bottom: "0"}),
		charts.WithGridOpts(opts.Grid{Left: "48", Right: "24", Top: "64", Bottom: "48"}),
		charts.WithAnimation(false),
	)
	bar.SetXAxis(categories)
	for i, p := range parts {
		data := make([]opts.BarData, len(categories))
		for j := range categories {
			data[j] = opts.BarData{Value: values[i][j]}
		}
		bar.AddSeries(p, data, charts.WithBarChartOpts(opts.BarChart{Stack: "all"}),
			charts.WithItemStyleOpts(opts.ItemStyle{Color: colours[i%len(colours)]}))
	}
	cfg, err := newChartConfig(id, title, bar, nil)
	cfg.Unit = unit
	return cfg, err
}
