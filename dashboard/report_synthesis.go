package dashboard

import (
	"fmt"
	"net/url"
	"strings"

	"github.com/gofiber/fiber/v2"
	"github.com/quangngai/chitieu/reporting"
)

// reportSynthesisSave: POST /report/:year/synthesis (item, text, action=draft|final).
// SCT's compiler saves its text for one outline item; "final" puts it in the report.
// The rules (the item is the round's, the length, versions, audit) are reporting's.
func (s *server) reportSynthesisSave(c *fiber.Ctx) error {
	year, err := reportYear(c)
	if err != nil {
		return err
	}
	req := reporting.SynthesisRequest{Year: year, Item: strings.Clone(strings.TrimSpace(c.FormValue("item"))),
		Text: strings.Clone(c.FormValue("text")), Final: c.FormValue("action") == "final"}
	x, err := s.reports.SaveSynthesis(c.UserContext(), req, s.actor(c))
	if err := s.written(err); err != nil {
		return err
	}
	return redirect(c, fmt.Sprintf("/report/%d?ok=syn-%s&lang=%s#s-%s", year, x.State, lang(c), url.PathEscape(x.Item)))
}

// reportSynthesisMode: POST /report/:year/synthesis-mode (annex=1|0), where the round's
// report prints the agencies' paragraphs of the items SCT has written.
func (s *server) reportSynthesisMode(c *fiber.Ctx) error {
	year, err := reportYear(c)
	if err != nil {
		return err
	}
	if err := s.written(s.reports.SetSynthesisMode(c.UserContext(), year, c.FormValue("annex") == "1", s.actor(c))); err != nil {
		return err
	}
	return redirect(c, fmt.Sprintf("/report/%d?ok=syn-mode&lang=%s#synthesis-mode", year, lang(c)))
}
