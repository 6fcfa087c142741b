package dashboard

import (
	"context"

	"github.com/gofiber/fiber/v2"
)

// briefingChoice is one chart the reader may put into the briefing.
type briefingChoice struct {
	ID, Name string
	Chosen   bool
}

type briefingModel struct {
	*overviewModel
	Choices []briefingChoice
	Chosen  []chartConfig
	Notes   []string
	PDF     string // link to the server-rendered PDF of this briefing
}

// briefingShow: a printable A4 page of the chosen charts and the overview table. The
// print stylesheet lays it out; /briefing.pdf renders the same page in headless Chromium.
func (s *server) briefingShow(c *fiber.Ctx) error {
	lg := lang(c)
	m, err := s.briefing(c.UserContext(), readFilters(c), lg)
	if err != nil {
		return err
	}
	return s.render(c, "briefing", pageData{Title: translate(lg, "briefing.title"), Data: m, Synthetic: m.Meta.Synthetic})
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
	ov.Charts = nil // the cards' sparklines are not part of the briefing
	for _, card := range ov.Cards {
		id := "brief-" + card.Code
		pick := chosen[id] || def && card.Latest != nil && len(card.Evals) > 0
		b.Choices = append(b.Choices, briefingChoice{ID: id, Name: card.Name, Chosen: pick})
		if !pick {
			continue
		}
		cfg, err := lineChart(id, card.Name, card.Unit, []lineSeries{card.line}, card.bands, false)
		if err != nil {
			return nil, err
		}
		cfg.Source, cfg.Renderer = card.source, "svg"
		cfg.Table = "chart-" + card.Code
		cfg = ov.addChart(cfg)
		b.Chosen = append(b.Chosen, cfg)
		b.Notes = append(b.Notes, card.Notes...)
	}
	q := f
	q.Plan, q.Year = ov.Plan.Code, ov.Year
	if !def {
		q.Charts = f.Charts
	}
	b.PDF = "/briefing.pdf?" + q.query()
	ov.Page = "overview"
	return b, nil
}
