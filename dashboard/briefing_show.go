package dashboard

import (
	"context"
	"strings"

	"github.com/gofiber/fiber/v2"
)

// briefingChoice is one chart the reader may put into the briefing.
type briefingChoice struct {
	ID, Name string
	Chosen   bool
}

type briefingModel struct {
	*overviewModel
	Summary table  // the overview table narrowed to five columns, to fit A4 portrait
	Lead    string // page 1's one-paragraph summary: the scorecard's counts in words
	Choices []briefingChoice
	Chosen  []chartConfig
	Notes   []string
	PDF     string // link to the server-rendered PDF of this briefing
}

// briefingShow: a printable A4 page of the chosen charts and the overview table. The
// print stylesheet lays it out; /briefing.pdf renders the same page in headless Chromium.
func (s *server) briefingShow(c *fiber.Ctx) error {
	lg := lang(c)
	f := readFilters(c)
	return s.renderPage(c, "briefing", pageKey("briefing", lg, f), func() (pageData, error) {
		m, err := s.briefing(c.UserContext(), f, lg)
		if err != nil {
			return pageData{}, err
		}
		return pageData{Title: translate(lg, "briefing.title"), Data: m, Synthetic: m.Meta.Synthetic}, nil
	})
}

// briefing returns the page model, from the page cache while the data is unchanged.
func (s *server) briefing(ctx context.Context, f filters, lg string) (*briefingModel, error) {
	return cached(s, ctx, pageKey("briefing", lg, f), func() (*briefingModel, error) { return s.buildBriefing(ctx, f, lg) })
}

func (s *server) buildBriefing(ctx context.Context, f filters, lg string) (*briefingModel, error) {
	ov, err := s.buildOverview(ctx, f, lg) // not the cached model: the briefing changes it
	if err != nil {
		return nil, err
	}
	b := &briefingModel{overviewModel: ov}
	chosen := map[string]bool{}
	for _, id := range f.Charts {
		chosen[id] = true
	}
	// By default: every indicator that has a figure and a target in this plan.
	def := len(chosen) == 0
	noted := map[string]bool{} // a note (the merger) shared by several charts is printed once
	ov.Charts = nil            // the cards' sparklines are not part of the briefing
	for _, card := range ov.Cards {
		id := "brief-" + card.Code
		pick := chosen[id] || def && card.Latest != nil && len(card.Evals) > 0
		b.Choices = append(b.Choices, briefingChoice{ID: id, Name: card.Name, Chosen: pick})
		if !pick {
			continue
		}
		cfg, err := lineChart(id, card.Name, card.Unit, card.lines, card.bands, false)
		if err != nil {
			return nil, err
		}
		cfg.Source, cfg.Renderer, cfg.Note = card.source, "svg", card.note
		cfg.Table = "chart-" + card.Code
		cfg = ov.addChart(cfg)
		b.Chosen = append(b.Chosen, cfg)
		for _, n := range card.Notes {
			if !noted[n] {
				noted[n] = true
				b.Notes = append(b.Notes, n)
			}
		}
	}
	q := f
	q.Plan, q.Year = ov.Plan.Code, ov.Year
	if !def {
		q.Charts = f.Charts
	}
	b.PDF = "/briefing.pdf?" + q.query()
	b.Summary = briefingTable(ov, lg)
	b.Lead = briefingLead(ov, lg)
	ov.Page = "overview"
	return b, nil
}

func briefingTable(ov *overviewModel, lg string) table {
	t := table{ID: "briefing", Title: translate(lg, "overview.table") + " — " + ov.PlanName + ", " + itoa(ov.Year),
		Headers: headers(lg, "col.indicator", "col.latest", "common.target", "briefing.verdict", "common.source")}
	for _, card := range ov.Cards {
		latest, source := translate(lg, "common.nodata"), ""
		if card.Latest != nil {
			latest = card.LatestText + " " + card.Unit + " (" + itoa(int(card.Latest.Year)) + ", " + card.FigStatus + ")"
			source = card.Latest.Source
		}
		if len(card.Evals) == 0 {
			t.Rows = append(t.Rows, []cell{txt(card.Name), txt(latest), txt("—"),
				{Text: translate(lg, "status.no_target"), Class: "no_target"}, txt(source)})
			continue
		}
		for _, ev := range card.Evals {
			verdict := ev.Verdict
			if ev.Compared != "" {
				verdict += " — " + ev.Compared
			}
			if ev.Attain != "" {
				verdict += " (" + ev.Attain + ")"
			}
			t.Rows = append(t.Rows, []cell{txt(card.Name), txt(latest),
				txt(ev.Text + " — " + ev.Kind + " " + ev.Period + ", " + ev.Target.Plan),
				{Text: verdict, Class: ev.Class, Title: ev.Missing}, txt(source)})
		}
	}
	return t
}

// briefingLead is the summary paragraph of page 1. Its counts are the overview's
// scorecard (ov.Counts, computed in package plan), never counted again here.
func briefingLead(ov *overviewModel, lg string) string {
	targeted, context := 0, 0
	for _, g := range ov.Groups {
		if g.Class == "targeted" {
			targeted += len(g.Cards)
		} else {
			context += len(g.Cards)
		}
	}
	head := translate(lg, "briefing.lead.plan") + " " + ov.PlanName + " (" + ov.Phase + "), " +
		translate(lg, "overview.evalyear") + " " + itoa(ov.Year) + ": "
	if ov.NoTargets || len(ov.Counts) == 0 {
		return head + translate(lg, "briefing.lead.notargets") + " " + itoa(context) + " " + translate(lg, "briefing.lead.context") + "."
	}
	total := 0
	var parts []string
	for _, c := range ov.Counts {
		total += c.N
		parts = append(parts, itoa(c.N)+" "+c.Label)
	}
	return head + itoa(total) + " " + translate(lg, "briefing.lead.targets") + " " + itoa(targeted) + " " +
		translate(lg, "briefing.lead.indicators") + ": " + strings.Join(parts, ", ") + "; " +
		itoa(context) + " " + translate(lg, "briefing.lead.context") + "."
}
