package dashboard

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/gofiber/fiber/v2"
	"github.com/quangngai/chitieu/queries"
	"github.com/quangngai/chitieu/reporting"
)

// adminOutlinesList: GET /admin/outlines, the outlines, which round answers which, and
// forms to copy an outline and to name a round's outline.
func (s *server) adminOutlinesList(c *fiber.Ctx) error {
	ctx := c.UserContext()
	outlines, err := s.Store.Outlines(ctx)
	if err != nil {
		return err
	}
	rounds, err := s.Store.Rounds(ctx)
	if err != nil {
		return err
	}
	plans, err := s.Store.Plans(ctx)
	if err != nil {
		return err
	}
	var rows []roundRow
	for _, r := range rounds {
		code, err := s.Store.RoundOutlineCode(ctx, r.Year)
		if err != nil {
			return err
		}
		doc, err := s.reports.Document(ctx, r.Year)
		if err != nil {
			return err
		}
		rows = append(rows, roundRow{r, code, doc, dateVN(r.LetterDate), dateVN(r.Deadline)})
	}
	form, err := s.roundForm(c, rows)
	if err != nil {
		return err
	}
	return s.render(c, "report_admin_outlines", pageData{Title: translate(lang(c), "ol.title"),
		Data: fiber.Map{"Outlines": outlines, "Rounds": rows, "Plans": plans, "Template": queries.TemplateOutline, "Form": form, "Flash": flashKey(c)}})
}

// roundFormValues fill the round form for ?year=YYYY: the round's letter and document
// as they stand, lists one entry a line, so an edit starts from what is printed.
type roundFormValues struct {
	Year                                         string
	LetterNo, LetterDate, Deadline               string
	About, Plan, PlanCitation, Citations, Number string
	Signer, Position, Recipients                 string
}

func (s *server) roundForm(c *fiber.Ctx, rows []roundRow) (roundFormValues, error) {
	y := trimField(c.Query("year"))
	if y == "" {
		return roundFormValues{}, nil
	}
	for _, r := range rows {
		if itoa(int(r.Round.Year)) != y {
			continue
		}
		d := r.Doc
		return roundFormValues{Year: y, LetterNo: r.Round.LetterNo, LetterDate: formDate(r.Round.LetterDate), Deadline: formDate(r.Round.Deadline),
			About: d.RequestAbout, Plan: d.Plan, PlanCitation: d.PlanCitation, Citations: strings.Join(d.Citations, "\n"),
			Number: d.NumberPattern, Signer: d.SignerName, Position: strings.Join(d.SignerPosition, "\n"),
			Recipients: strings.Join(d.Recipients, "\n")}, nil
	}
	return roundFormValues{Year: y}, nil
}

func formDate(t *time.Time) string {
	if t == nil {
		return ""
	}
	return t.Format("02/01/2006")
}

// roundRow is a round on /admin/outlines: its outline and document.
type roundRow struct {
	Round              queries.Round
	Outline            string
	Doc                queries.RoundDocument
	LetterDate, Ending string
}

// adminOutlineCopy: POST /admin/outlines/copy (from, to, name) — the start of a new round's outline.
func (s *server) adminOutlineCopy(c *fiber.Ctx) error {
	var fe fieldErrors
	get := formGetter(c)
	from, to, name := fe.required(0, "from", get("from")), fe.code(0, "to", get("to")), get("name")
	if err := fe.err(); err != nil {
		return err
	}
	if err := s.written(s.reports.CopyOutline(c.UserContext(), from, to, name, s.actor(c))); err != nil {
		return err
	}
	return c.Redirect("/admin/outlines/"+to+"?ok=saved", fiber.StatusSeeOther)
}

// adminOutlineRound: POST /admin/outlines/round — a round's outline and document. With
// a deadline, or any document field, it opens (or updates) the round through
// reporting.OpenRound, as `chitieu round` does: a field left empty keeps the round's,
// and a round without an outline opens from the template. With only an outline it
// names the round's outline.
func (s *server) adminOutlineRound(c *fiber.Ctx) error {
	var fe fieldErrors
	get := formGetter(c)
	year, code := fe.year(0, "year", get("year")), get("outline")
	if err := fe.err(); err != nil {
		return err
	}
	doc := documentFields(c)
	var err error
	switch {
	case get("deadline") != "" || get("letter_no") != "" || get("letter_date") != "" || !doc.Empty():
		_, _, err = s.reports.OpenRound(c.UserContext(), reporting.RoundRequest{Year: year, LetterNo: get("letter_no"),
			LetterDate: get("letter_date"), Deadline: get("deadline"), Outline: code, Document: doc}, s.actor(c))
	case code != "":
		err = s.reports.SetRoundOutline(c.UserContext(), year, code, s.actor(c))
	default:
		fe.add(0, "http.outline.choose")
		return fe.err()
	}
	if err := s.written(err); err != nil {
		return err
	}
	return c.Redirect("/admin/outlines?ok=saved", fiber.StatusSeeOther)
}

// documentFields reads the round-document fields of the form; lists are textareas,
// one entry a line. The charts choice is a select: "" keeps the round's.
func documentFields(c *fiber.Ctx) reporting.DocumentFields {
	get := formGetter(c)
	text := func(k string) string { return strings.ReplaceAll(c.FormValue(k), "\r\n", "\n") }
	d := reporting.DocumentFields{RequestAbout: get("about"), Plan: get("plan"), PlanCitation: get("plan_citation"),
		Citations: text("citations"), NumberPattern: get("number"), SignerName: get("signer"),
		SignerPosition: text("signer_position"), Recipients: text("recipients"),
		// A round's form opened for editing shows its citations: emptied there, they are gone.
		ClearCitations: get("editing") == "1"}
	switch get("charts") {
	case "on":
		on := true
		d.Charts = &on
	case "off":
		off := false
		d.Charts = &off
	}
	return d
}

// adminOutlineShow: GET /admin/outlines/:outline, the items as editable lines.
func (s *server) adminOutlineShow(c *fiber.Ctx) error {
	o, err := s.Store.OutlineByCode(c.UserContext(), c.Params("outline"))
	if errors.Is(err, queries.ErrOutlineUnknown) {
		return queries.ErrNotFound
	} else if err != nil {
		return err
	}
	return s.render(c, "report_admin_outline", pageData{Title: translate(lang(c), "ol.outlinetitle") + " " + o.Code,
		Data: fiber.Map{"Outline": o, "Lines": outlineLines(o), "Flash": flashKey(c)}})
}

// outlineLines writes items one per line: number | kind | title | indicators (space
// separated), and | label when the item has one.
func outlineLines(o queries.Outline) string {
	var b strings.Builder
	for _, it := range o.Items {
		fmt.Fprintf(&b, "%s | %s | %s | %s", it.Number, it.Kind, it.Title, strings.Join(it.Indicators, " "))
		if it.Label != "" {
			b.WriteString(" | " + it.Label)
		}
		b.WriteString("\n")
	}
	return b.String()
}

// adminOutlineSave: POST /admin/outlines/:outline, the whole item list as lines. Items
// missing from the lines are deleted; answers already written keep their own titles.
func (s *server) adminOutlineSave(c *fiber.Ctx) error {
	ctx := c.UserContext()
	o, err := s.Store.OutlineByCode(ctx, c.Params("outline"))
	if errors.Is(err, queries.ErrOutlineUnknown) {
		return queries.ErrNotFound
	} else if err != nil {
		return err
	}
	var fe fieldErrors
	var items []queries.OutlineItem
	seen := map[string]bool{}
	for i, line := range strings.Split(strings.ReplaceAll(c.FormValue("items"), "\r\n", "\n"), "\n") {
		if strings.TrimSpace(line) == "" {
			continue
		}
		parts := strings.Split(line, "|")
		for len(parts) < 5 {
			parts = append(parts, "")
		}
		it := queries.OutlineItem{Number: trimField(parts[0]), Kind: trimField(parts[1]), Title: trimField(parts[2]),
			Indicators: strings.Fields(parts[3]), Label: trimField(strings.Join(parts[4:], "|")), Position: uint16(len(items) + 1)}
		line := i + 1
		if it.Number == "" || it.Title == "" {
			fe.add(line, "http.outline.item")
		}
		if !queries.ValidItemKind(it.Kind) {
			fe.add(line, "http.outline.kind", it.Kind)
		}
		if seen[it.Number] {
			fe.add(line, "http.outline.repeat", it.Number)
		}
		seen[it.Number] = true // the guidance an item had is kept by SaveOutline
		items = append(items, it)
	}
	if len(items) == 0 {
		fe.add(0, "http.outline.empty")
	}
	if err := fe.err(); err != nil {
		return err
	}
	if err := s.written(s.reports.SaveOutline(ctx, o.Code, trimField(c.FormValue("name")), items, s.actor(c))); err != nil {
		return err
	}
	return c.Redirect("/admin/outlines/"+o.Code+"?ok=saved", fiber.StatusSeeOther)
}
