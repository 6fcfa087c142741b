package dashboard

import (
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/gofiber/fiber/v2"
	"github.com/quangngai/chitieu/plan"
	"github.com/quangngai/chitieu/queries"
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
	type roundRow struct {
		Year    uint16
		Outline string
	}
	var rows []roundRow
	for _, r := range rounds {
		code, err := s.Store.RoundOutlineCode(ctx, r.Year)
		if err != nil {
			return err
		}
		rows = append(rows, roundRow{r.Year, code})
	}
	return s.render(c, "report_admin_outlines", pageData{Title: translate(lang(c), "ol.title"),
		Data: fiber.Map{"Outlines": outlines, "Rounds": rows, "Flash": flashKey(c)}})
}

// adminOutlineCopy: POST /admin/outlines/copy (from, to, name) — the start of a new round's outline.
func (s *server) adminOutlineCopy(c *fiber.Ctx) error {
	var fe fieldErrors
	get := formGetter(c)
	from, to, name := fe.required("", "from", get("from")), fe.code("", "to", get("to")), get("name")
	if err := fe.err(); err != nil {
		return err
	}
	if err := s.Store.CopyOutline(c.UserContext(), from, to, name); err != nil {
		if errors.Is(err, queries.ErrOutlineUnknown) {
			return &userError{Status: fiber.StatusBadRequest, VI: "Không có đề cương " + from + ".", EN: "No outline " + from + "."}
		}
		return &userError{Status: fiber.StatusBadRequest, VI: "Không chép được đề cương: " + err.Error(), EN: err.Error()}
	}
	s.audit(c, queries.AuditEvent{Action: "outline.copy", ObjectKind: "outline", ObjectID: to, Detail: "từ " + from + ": " + name})
	return c.Redirect("/admin/outlines/"+to+"?ok=saved", fiber.StatusSeeOther)
}

// adminOutlineRound: POST /admin/outlines/round (year, outline) — the outline a round answers.
func (s *server) adminOutlineRound(c *fiber.Ctx) error {
	var fe fieldErrors
	get := formGetter(c)
	year, code := fe.year("", "year", get("year")), fe.required("", "outline", get("outline"))
	if err := fe.err(); err != nil {
		return err
	}
	// Opening a round: with a deadline, the round itself is written too (its request
	// letter's number is optional).
	if d := get("deadline"); d != "" {
		deadline, ok := plan.ParseFormDate(d)
		if !ok {
			return badRequest("Hạn gửi "+strconv.Quote(upShorten(d))+" không hợp lệ; ghi DD/MM/YYYY.", "The deadline is not a valid date.")
		}
		if _, err := s.Store.OutlineByCode(c.UserContext(), code); err != nil {
			return &userError{Status: fiber.StatusBadRequest, VI: "Không có đề cương " + code + ".", EN: "No outline " + code + "."}
		}
		r := queries.Round{Year: year, LetterNo: get("letter_no"), Deadline: &deadline}
		if err := s.Store.SaveRounds(c.UserContext(), []queries.Round{r}); err != nil {
			return err
		}
	}
	if err := s.Store.SetRoundOutline(c.UserContext(), year, code); err != nil {
		if errors.Is(err, queries.ErrOutlineUnknown) {
			return &userError{Status: fiber.StatusBadRequest, VI: "Không có đề cương " + code + ".", EN: "No outline " + code + "."}
		}
		return err
	}
	s.audit(c, queries.AuditEvent{Action: "round.outline", ObjectKind: "round", ObjectID: strconv.Itoa(int(year)), Detail: code})
	return c.Redirect("/admin/outlines?ok=saved", fiber.StatusSeeOther)
}

// adminOutlineShow: GET /admin/outlines/:outline, the items as editable lines.
func (s *server) adminOutlineShow(c *fiber.Ctx) error {
	o, err := s.Store.OutlineByCode(c.UserContext(), c.Params("outline"))
	if errors.Is(err, queries.ErrOutlineUnknown) {
		return queries.ErrNotFound
	} else if err != nil {
		return err
	}
	return s.render(c, "report_admin_outline", pageData{Title: "Đề cương " + o.Code,
		Data: fiber.Map{"Outline": o, "Lines": outlineLines(o), "Flash": flashKey(c)}})
}

// outlineLines writes items one per line: number | kind | title | indicators (space separated).
func outlineLines(o queries.Outline) string {
	var b strings.Builder
	for _, it := range o.Items {
		fmt.Fprintf(&b, "%s | %s | %s | %s\n", it.Number, it.Kind, it.Title, strings.Join(it.Indicators, " "))
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
		for len(parts) < 4 {
			parts = append(parts, "")
		}
		it := queries.OutlineItem{Number: trimField(parts[0]), Kind: trimField(parts[1]), Title: trimField(parts[2]),
			Indicators: strings.Fields(parts[3]), Position: uint16(len(items) + 1)}
		where := fmt.Sprintf("dòng %d: ", i+1)
		if it.Number == "" || it.Title == "" {
			fe.add(where, "cần số mục và tiêu đề.", "needs a number and a title.")
		}
		if !queries.ValidItemKind(it.Kind) {
			fe.add(where, "loại "+strconv.Quote(it.Kind)+" không hợp lệ (heading, figures, narrative, projects, policies).",
				"kind "+strconv.Quote(it.Kind)+" is not valid.")
		}
		if seen[it.Number] {
			fe.add(where, "mục "+it.Number+" trùng.", "item "+it.Number+" repeated.")
		}
		seen[it.Number] = true
		// Keep the guidance an item had; the line format does not carry it.
		for _, old := range o.Items {
			if old.Number == it.Number {
				it.Guidance = old.Guidance
			}
		}
		items = append(items, it)
	}
	if len(items) == 0 {
		fe.add("", "đề cương không có mục nào.", "the outline has no items.")
	}
	if err := fe.err(); err != nil {
		return err
	}
	if name := trimField(c.FormValue("name")); name != "" {
		o.Name = name
	}
	old := o.Items
	o.Items = items
	if err := s.Store.SaveOutline(ctx, o); err != nil {
		return err
	}
	for _, it := range old {
		if !seen[it.Number] {
			if err := s.Store.DeleteOutlineItem(ctx, o.Code, it.Number); err != nil {
				return err
			}
		}
	}
	s.audit(c, queries.AuditEvent{Action: "outline.save", ObjectKind: "outline", ObjectID: o.Code, Detail: fmt.Sprintf("%d mục", len(items))})
	return c.Redirect("/admin/outlines/"+o.Code+"?ok=saved", fiber.StatusSeeOther)
}
