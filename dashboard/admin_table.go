package dashboard

import (
	"strings"

	"github.com/gofiber/fiber/v2"
	"github.com/quangngai/chitieu/domain"
	"github.com/quangngai/chitieu/locale"
	"github.com/quangngai/chitieu/queries"
)

// The admin's catalogue, target and assignment writes, from a file or a form row, are
// checked and saved by ingest (Deps.LoadAdmin): the same number parser, limits and
// located messages as figure uploads, all or nothing.

var errAdminLoadOff = domain.NewError(domain.Unavailable, "http.adminload.off")

// adminFormColumns are the form fields an admin table row may have.
var adminFormColumns = []string{"code", "outline_section", "name_vi", "name_en", "unit", "kind", "aggregation",
	"higher_is_better", "sort_order", "type", "parent", "location", "area_ha", "status", "valid_from", "valid_to",
	"source", "level", "successor", "agency", "indicator", "scope", "note", "plan", "period_start", "period_end",
	"comparator", "value_min", "value_max"}

// loadAdminForm saves one row typed in a form.
func (s *server) loadAdminForm(c *fiber.Ctx, kind, plan string) (queries.AdminLoadReport, error) {
	form := map[string]string{}
	for _, k := range adminFormColumns {
		if v := trimField(c.FormValue(k)); v != "" {
			form[k] = strings.Clone(v) // Fiber reuses the request's bytes
		}
	}
	return s.loadAdmin(c, queries.AdminLoad{Kind: kind, Plan: plan, Form: form})
}

// loadAdminFile saves the table of the form's file; it returns the file's name too.
func (s *server) loadAdminFile(c *fiber.Ctx, kind, plan string, replace bool) (queries.AdminLoadReport, string, error) {
	name, content, err := uploadFormFile(c, "file")
	if err != nil {
		return queries.AdminLoadReport{}, "", err
	}
	rep, err := s.loadAdmin(c, queries.AdminLoad{Kind: kind, Plan: plan, Replace: replace, FileName: name, Content: content})
	return rep, name, err
}

func (s *server) loadAdmin(c *fiber.Ctx, req queries.AdminLoad) (queries.AdminLoadReport, error) {
	if s.LoadAdmin == nil {
		return queries.AdminLoadReport{}, errAdminLoadOff
	}
	rep, err := s.LoadAdmin(c.UserContext(), req)
	if err != nil {
		return rep, err
	}
	return rep, tableProblems(rep.Problems)
}

// tableProblems is every problem of a rejected table, one per line, each at its cell
// or line, Vietnamese and English.
func tableProblems(probs []queries.IngestError) error {
	if len(probs) == 0 {
		return nil
	}
	// The problems were worded by ingest and are kept in its report: carried as said.
	var lines locale.Lines
	for _, p := range probs {
		wVI, wEN := "", ""
		if p.Location != "" {
			wVI = p.Location + ": "
			wEN = strings.NewReplacer("dòng ", "line ", "cột ", "column ").Replace(p.Location) + ": "
		}
		lines = append(lines, domain.NewError(domain.Invalid, "http.said", locale.Said{
			VI: strings.TrimSpace(wVI + p.MessageVI + " " + p.HintVI), EN: strings.TrimSpace(wEN + p.MessageEN + " " + p.HintEN)}))
	}
	return domain.NewError(domain.Invalid, "http.lines", lines)
}

// trimField trims a form value and drops control characters.
func trimField(v string) string {
	return strings.TrimSpace(strings.Map(func(r rune) rune {
		if r < 0x20 && r != '\t' || r == 0x7f {
			return -1
		}
		return r
	}, v))
}
