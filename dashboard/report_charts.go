package dashboard

import (
	"context"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"os/exec"
	"strings"
	"time"

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
	var out []chartConfig
	for _, card := range ov.Cards {
		if !card.Section || card.Latest == nil {
			continue
		}
		cfg, err := lineChart("report-"+card.Code, card.Name, card.Unit, card.lines, card.bands, false)
		if err != nil {
			return nil, err
		}
		cfg.Source = card.source
		cfg.Note = card.note
		out = append(out, ov.addChart(cfg))
	}
	return out, nil
}

// reportCharts draws the charts page in headless Chromium and takes each chart as a
// PNG at twice its screen size (about 300 dpi across the text width). Without Chromium,
// or on any failure, the report goes out without images: the tables carry the figures.
func (s *server) reportCharts(c *fiber.Ctx, year uint16) []report.Chart {
	bin, err := exec.LookPath(s.chromium())
	if err != nil {
		return nil
	}
	url := fmt.Sprintf("http://%s/report/%d/charts", c.Context().LocalAddr().String(), year)
	cookie := string(c.Request().Header.Peek(fiber.HeaderCookie))
	select {
	case pdfSlots <- struct{}{}:
		defer func() { <-pdfSlots }()
	case <-time.After(30 * time.Second):
		return nil
	}
	charts, err := chartImages(c.UserContext(), bin, url, cookie)
	if err != nil {
		s.Logger.Warn("report charts not drawn", "year", year, "err", err)
		return nil
	}
	return charts
}

func chartImages(parent context.Context, bin, url, cookie string) ([]report.Chart, error) {
	bctx, closePage, err := openChartsPage(parent, bin, url, cookie, chromedp.WindowSize(1100, 900))
	if err != nil {
		return nil, err
	}
	defer closePage()
	js, err := chromedp.Run(bctx, chromedp.Evaluate[string](`JSON.stringify(Array.from(document.querySelectorAll('.report-charts .chart')).map(el => {
		const ch = echarts.getInstanceByDom(el);
		return {title: el.dataset.title || '', w: el.clientWidth * 2, h: el.clientHeight * 2,
			url: ch ? ch.getDataURL({type: 'png', pixelRatio: 2, backgroundColor: '#fff'}) : ''};
	}))`))
	if err != nil {
		return nil, err
	}
	var shots []struct {
		Title string `json:"title"`
		W     int    `json:"w"`
		H     int    `json:"h"`
		URL   string `json:"url"`
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
		out = append(out, report.Chart{Title: fmt.Sprintf("Biểu đồ %d. %s", i+1, sh.Title), PNG: png, Width: sh.W, Height: sh.H})
	}
	return out, nil
}
