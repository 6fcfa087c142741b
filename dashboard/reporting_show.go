package dashboard

import (
	"context"
	"sort"
	"strconv"
	"strings"

	"github.com/gofiber/fiber/v2"
	"github.com/quangngai/chitieu/plan"
	"github.com/quangngai/chitieu/queries"
	"github.com/quangngai/chitieu/report"
)

type reportingModel struct {
	view
	Round    int
	RoundDoc *queries.Round
	Agencies []queries.Agency
	Matrix   table
	Owing    table
	Chart    chartConfig
}

// reportingStates in the order the legend and the chart use (plan.ReportStates).
var reportingStates = plan.ReportStates

var reportingColours = []string{colourMet, "#1f5fa8", colourAtRisk, "#6a3d9a", "#0f7c86", colourNotMet}

// reportingShow: agencies × years — submitted, nil report, missing, late, revised —
// and who still owes a report in the chosen round.
func (s *server) reportingShow(c *fiber.Ctx) error {
	lg := lang(c)
	f := readFilters(c)
	return s.renderPage(c, "reporting", pageKey("reporting", lg, f), func() (pageData, error) {
		m, err := s.reporting(c.UserContext(), f, lg)
		if err != nil {
			return pageData{}, err
		}
		return pageData{Title: translate(lg, "reporting.title"), Data: m, Synthetic: m.Meta.Synthetic}, nil
	})
}

// reporting returns the page model, from the page cache while the data is unchanged.
func (s *server) reporting(ctx context.Context, f filters, lg string) (*reportingModel, error) {
	return cached(s, ctx, pageKey("reporting", lg, f), func() (*reportingModel, error) { return s.buildReporting(ctx, f, lg) })
}

func (s *server) buildReporting(ctx context.Context, f filters, lg string) (*reportingModel, error) {
	plans, err := s.Store.Plans(ctx)
	if err != nil {
		return nil, err
	}
	now := s.localNow()
	today := now.Year()
	rounds, err := s.Store.Rounds(ctx)
	if err != nil {
		return nil, err
	}
	round := f.Year
	if round == 0 {
		round = plan.DefaultRound(rounds, today)
	}
	from, to := plan.ReportingYears(plans, round, today)
	rows, err := s.Store.ReportingRows(ctx, uint16(from), uint16(to))
	if err != nil {
		return nil, err
	}
	agencies := rows.Agencies
	m := &reportingModel{Round: round, Agencies: agencies}
	for i := range rows.Rounds {
		if int(rows.Rounds[i].Year) == m.Round {
			m.RoundDoc = &rows.Rounds[i]
		}
	}
	sts := plan.Reporting(rows, from, to, now)
	if m.Meta, err = s.loadMeta(ctx, f, lg); err != nil {
		return nil, err
	}
	m.Page, m.Export = "reporting", f.query()
	type key struct {
		agency string
		year   int
	}
	cellOf := map[key]plan.ReportStatus{}
	var codes []string
	seen := map[string]bool{}
	names := map[string]string{}
	for _, a := range agencies {
		names[a.Code] = a.NameVI
	}
	for _, st := range sts {
		if f.Agency != "" && st.Agency != f.Agency {
			continue
		}
		cellOf[key{st.Agency, int(st.Year)}] = st
		if !seen[st.Agency] {
			seen[st.Agency] = true
			codes = append(codes, st.Agency)
		}
	}
	sort.Strings(codes)
	hs := headers(lg, "col.agency")
	var years []string
	for y := from; y <= to; y++ {
		hs = append(hs, strconv.Itoa(y))
		years = append(years, strconv.Itoa(y))
	}
	m.Matrix = table{ID: "reporting", Title: translate(lg, "reporting.matrix"), Headers: hs,
		Note: translate(lg, "reporting.legend")}
	counts := make([][]float64, len(reportingStates))
	for i := range counts {
		counts[i] = make([]float64, len(years))
	}
	for _, code := range codes {
		name := names[code]
		if name == "" {
			name = code
		}
		row := []cell{{Text: name, Href: "/reporting?agency=" + code, Title: code}}
		for y := from; y <= to; y++ {
			st, ok := cellOf[key{code, y}]
			if !ok {
				row = append(row, cell{Text: "·", Class: "inactive", Title: translate(lg, "reporting.inactive")})
				continue
			}
			text := translate(lg, "sub."+st.State)
			if st.Versions > 1 {
				text += " · " + translate(lg, "sub.revised") + " (" + strconv.Itoa(int(st.Versions)) + ")"
			}
			if st.Overdue {
				text += " · " + translate(lg, "sub.overdue")
			}
			c := cell{Text: text, Class: "sub-" + st.State, Href: "/reporting/" + code + "/" + strconv.Itoa(y)}
			if st.State == plan.ReportPublished {
				c.Title = translate(lg, "sub.published.long") + " (" + strconv.Itoa(st.Figures) + ")"
			}
			if st.LetterNo != "" {
				c.Title = st.LetterNo
			}
			row = append(row, c)
			for i, s := range reportingStates {
				if s == st.State {
					counts[i][y-from]++
				}
			}
		}
		m.Matrix.Rows = append(m.Matrix.Rows, row)
	}
	// Who still owes a report this round.
	m.Owing = table{ID: "owing", Title: translate(lg, "reporting.owing") + " " + strconv.Itoa(m.Round),
		Headers: headers(lg, "col.code", "col.agency", "col.level", "col.deadline", "common.status")}
	for _, code := range codes {
		st, ok := cellOf[key{code, m.Round}]
		if !ok || st.State != plan.ReportMissing || code == report.Consolidator {
			continue // SCT compiles the round: it owes no answer to itself (as in the annex)
		}
		level := ""
		for _, a := range agencies {
			if a.Code == code {
				level = translate(lg, "level."+a.Level)
			}
		}
		// Without a request letter there is no deadline to miss, and the rows say so
		// in the words of the line above them.
		deadline := translate(lg, "reporting.noletter")
		if m.RoundDoc != nil {
			deadline = translate(lg, "reporting.nodeadline")
		}
		if st.Deadline != nil {
			deadline = st.Deadline.Format("02/01/2006")
		}
		status := translate(lg, "sub.missing")
		if st.Overdue {
			status += " · " + translate(lg, "sub.overdue")
		}
		name := names[code]
		if len(st.AnswersFor) > 0 {
			var preds []string
			for _, p := range st.AnswersFor {
				preds = append(preds, names[p])
			}
			name += " (" + translate(lg, "reporting.successor") + " " + strings.Join(preds, ", ") + ")"
		}
		m.Owing.Rows = append(m.Owing.Rows, []cell{txt(code), {Text: name, Href: "/reporting/" + code + "/" + strconv.Itoa(m.Round)},
			txt(level), txt(deadline), {Text: status, Class: "sub-missing"}})
	}
	parts := make([]string, len(reportingStates))
	for i, st := range reportingStates {
		parts[i] = translate(lg, "sub."+st)
	}
	cfg, err := stackedBars("reporting-chart", translate(lg, "reporting.chart"), translate(lg, "reporting.agencies"), years, parts, reportingColours, counts)
	if err != nil {
		return nil, err
	}
	cfg.Table, cfg.Source = "reporting", translate(lg, "reporting.source")
	m.Chart = m.addChart(cfg)
	m.Tables = []table{m.Matrix, m.Owing}
	return m, nil
}
