package dashboard

import (
	"bytes"
	"context"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"html/template"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"

	"github.com/chromedp/chromedp"
	"github.com/gofiber/fiber/v2"
	"github.com/quangngai/chitieu/report"
)

// reportChartsShow: GET /report/:year/charts, section I's charts at full size, drawn by
// the dashboard's own chart options and charts.js (the briefing's full-size line charts:
// values, target bands, Vietnamese number format). The report's .docx takes its images
// from this page.
func (s *server) reportChartsShow(c *fiber.Ctx) error {
	year, err := reportYear(c)
	if err != nil {
		return err
	}
	charts, err := s.reportChartConfigs(c.UserContext(), year)
	if err != nil {
		return err
	}
	return s.render(c, "report_charts", pageData{Title: translate(lang(c), "rep.chartspage") + " " + itoa(int(year)), Data: charts})
}

func (s *server) reportChartConfigs(ctx context.Context, year uint16) ([]chartConfig, error) {
	ov, err := s.reportOverview(ctx, year)
	if err != nil {
		return nil, err
	}
	ov.Charts = nil
	cat, err := s.loadCatalog(ctx)
	if err != nil {
		return nil, err
	}
	var out []chartConfig
	for _, card := range ov.Cards {
		if !card.Section || card.Latest == nil {
			continue
		}
		cfg, err := lineChart("report-"+card.Code, card.Name, card.Unit, card.lines, bandsInWords(card.bands, cat), false)
		if err != nil {
			return nil, err
		}
		cfg.Source = card.source
		cfg.Note = card.note
		out = append(out, ov.addChart(cfg))
	}
	return out, nil
}

// reportCharts draws section I's charts in headless Chromium from their chart options
// and takes each as a PNG at twice its screen size (about 300 dpi across the text
// width). Chromium opens a file written here with the options, ECharts and charts.js
// inline: it never calls back into the server, so no user's cookie travels and a build
// can run after the request that started it. Without Chromium, or on any failure, the
// report goes out without images: the tables carry the figures.
func (s *server) reportCharts(ctx context.Context, year uint16) []report.Chart {
	bin, err := exec.LookPath(s.chromium())
	if err != nil {
		return nil
	}
	configs, err := s.reportChartConfigs(ctx, year)
	if err != nil || len(configs) == 0 {
		return nil
	}
	dir, err := os.MkdirTemp("", "chitieu-charts-")
	if err != nil {
		return nil
	}
	defer os.RemoveAll(dir)
	page := filepath.Join(dir, "charts.html")
	doc, err := s.chartsDocument(year, configs)
	if err == nil {
		err = os.WriteFile(page, doc, 0o600)
	}
	if err != nil {
		s.Logger.Warn("report charts not drawn", "year", year, "err", err)
		return nil
	}
	if err := takeRenderSlot(ctx); err != nil {
		return nil
	}
	defer releaseRenderSlot()
	charts, err := chartImages(ctx, bin, (&url.URL{Scheme: "file", Path: page}).String(), "")
	if err != nil {
		s.Logger.Warn("report charts not drawn", "year", year, "err", err)
		return nil
	}
	return charts
}

// chartsDocument is the charts page as one self-contained file: the page's own
// template, the app's CSS, ECharts and charts.js inline.
func (s *server) chartsDocument(year uint16, configs []chartConfig) ([]byte, error) {
	t, ok := s.views.pages["report_charts"]
	if !ok {
		return nil, fmt.Errorf("no template report_charts")
	}
	d := pageData{Title: fmt.Sprintf("Biểu đồ báo cáo năm %d", year), Lang: "vi", Data: configs}
	var body bytes.Buffer
	if err := t.ExecuteTemplate(&body, "content", d); err != nil {
		return nil, err
	}
	var b bytes.Buffer
	b.WriteString(`<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><style>`)
	for _, name := range []string{"static/css/app.css"} {
		css, err := staticFiles.ReadFile(name)
		if err != nil {
			return nil, err
		}
		b.Write(css)
	}
	// The document's face (Nghị định 30: Times New Roman), read by charts.js.
	fmt.Fprintf(&b, `</style></head><body data-font="'Times New Roman', 'Liberation Serif', serif" data-l-source="%s" data-l-asof="%s" data-l-unit="%s" data-l-version="%s" data-l-app="%s" data-l-nodata="%s">`,
		template.HTMLEscapeString(d.T("common.source")), template.HTMLEscapeString(d.T("common.dataasof")), template.HTMLEscapeString(d.T("common.unit")),
		template.HTMLEscapeString(d.T("common.dataversion")), template.HTMLEscapeString(d.T("app.name")), template.HTMLEscapeString(d.T("common.nodata")))
	b.Write(body.Bytes())
	for _, name := range []string{"static/vendor/echarts.min.js", "static/js/charts.js"} {
		js, err := staticFiles.ReadFile(name)
		if err != nil {
			return nil, err
		}
		b.WriteString("<script>")
		b.Write(bytes.ReplaceAll(js, []byte("</script"), []byte(`<\/script`)))
		b.WriteString("</script>")
	}
	b.WriteString("</body></html>")
	return b.Bytes(), nil
}

func chartImages(parent context.Context, bin, url, cookie string) ([]report.Chart, error) {
	bctx, closePage, err := openChartsPage(parent, bin, url, cookie, chromedp.WindowSize(1100, 900))
	if err != nil {
		return nil, err
	}
	defer closePage()
	js, err := chromedp.Run(bctx, chromedp.Evaluate[string](`JSON.stringify(Array.from(document.querySelectorAll('.report-charts .chart')).map(el => {
		const ch = echarts.getInstanceByDom(el);
		return {title: el.dataset.title || '', source: el.dataset.source || '', w: el.clientWidth * 2, h: el.clientHeight * 2,
			url: ch ? ch.getDataURL({type: 'png', pixelRatio: 2, backgroundColor: '#fff'}) : ''};
	}))`))
	if err != nil {
		return nil, err
	}
	var shots []struct {
		Title  string `json:"title"`
		Source string `json:"source"`
		W      int    `json:"w"`
		H      int    `json:"h"`
		URL    string `json:"url"`
	}
	if err := json.Unmarshal([]byte(js), &shots); err != nil {
		return nil, err
	}
	var out []report.Chart
	for i, sh := range shots {
		_, b64, ok := strings.Cut(sh.URL, "base64,")
		if !ok {
			continue
		}
		png, err := base64.StdEncoding.DecodeString(b64)
		if err != nil {
			continue
		}
		out = append(out, report.Chart{Title: fmt.Sprintf("Biểu đồ %d. %s", i+1, sh.Title), Source: sh.Source, PNG: png, Width: sh.W, Height: sh.H})
	}
	return out, nil
}

// bandsInWords names each target band's plan by its name, not its code ("Nghị quyết
// Đại hội … : 69–70 %", not "DHXX-2020: 69–70 %"): the report is read by people.
func bandsInWords(bands []band, cat *catalog) []band {
	out := make([]band, len(bands))
	for i, b := range bands {
		if code, rest, ok := strings.Cut(b.Label, ": "); ok {
			if p, ok := cat.plan[code]; ok && p.NameVI != "" {
				b.Label = p.NameVI + ": " + rest
			}
		}
		out[i] = b
	}
	return out
}
