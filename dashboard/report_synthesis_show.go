package dashboard

import (
	"slices"

	"github.com/gofiber/fiber/v2"
	"github.com/quangngai/chitieu/domain"
	"github.com/quangngai/chitieu/report"
)

// compilerView fills the report page's compiler parts for a user who may compile the
// round: each item's newest SCT text (a draft included) and the round's choice.
func (s *server) compilerView(c *fiber.Ctx, p *yearReportPage, year uint16) error {
	switch c.Query("ok") {
	case "syn-draft", "syn-final", "syn-mode":
		p.Flash = translate(lang(c), "syn.flash."+c.Query("ok")[4:])
	}
	if !currentUser(c).CanCompile() {
		return nil
	}
	p.Compiler = true
	var err error
	if p.Syntheses, err = s.Store.RoundSyntheses(c.UserContext(), year); err != nil {
		return err
	}
	hist, err := s.Store.RoundSynthesisHistory(c.UserContext(), year)
	if err != nil {
		return err
	}
	p.History = map[string][]domain.Synthesis{}
	for _, x := range hist {
		p.History[x.Item] = append(p.History[x.Item], x)
	}
	p.Mode, err = s.Store.SynthesisMode(c.UserContext(), year)
	return err
}

// Editable says the compiler writes SCT's text under the item (every item but a part title).
func (p *yearReportPage) Editable(it domain.OutlineItem) bool {
	return p.Compiler && it.Kind != domain.ItemHeading
}

// EditorText is the item's newest SCT text, a draft included, for the editor.
func (p *yearReportPage) EditorText(item string) string { return p.Syntheses.Newest[item].Text }

// EditorState is the newest version's state and who saved it, "" when none.
func (p *yearReportPage) EditorVersion(item string) domain.Synthesis { return p.Syntheses.Newest[item] }

// ItemHistory is every version of the item's text, newest first, as answers list theirs.
func (p *yearReportPage) ItemHistory(item string) []domain.Synthesis {
	h := slices.Clone(p.History[item])
	slices.Reverse(h)
	return h
}

// Quote is an agency paragraph as the quote button adds it to SCT's text.
func (p *yearReportPage) Quote(b report.Block, agencyName string) string {
	text := b.Text
	if b.Bullet {
		text = "- " + text
	}
	return domain.QuoteSource(text, agencyName)
}
