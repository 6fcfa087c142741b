package dashboard

import (
	"fmt"
	"strings"

	"github.com/gofiber/fiber/v2"
	"github.com/quangngai/chitieu/domain"
	"github.com/quangngai/chitieu/queries"
)

type adminCatalogueModel struct {
	Indicators []queries.Indicator
	Zones      []queries.Zone
	Agencies   []queries.Agency
	Flash      string
	Kinds      []string
}

// adminCatalogueShow: indicators, zones and agencies, each with a form that adds one
// or, given an existing code, replaces it; and a file upload for many at once.
func (s *server) adminCatalogueShow(c *fiber.Ctx) error {
	ctx := c.UserContext()
	m := adminCatalogueModel{Flash: flashKey(c), Kinds: []string{"indicators", "zones", "agencies"}}
	var err error
	if m.Indicators, err = s.Store.Indicators(ctx); err != nil {
		return err
	}
	if m.Zones, err = s.Store.Zones(ctx); err != nil {
		return err
	}
	if m.Agencies, err = s.Store.Agencies(ctx); err != nil {
		return err
	}
	return s.render(c, "admin_catalogue", pageData{Title: translate(lang(c), "admin.catalogue"), Data: m})
}

// formGetter reads trimmed form fields; a checkbox is "1" when ticked.
func formGetter(c *fiber.Ctx) func(string) string {
	return func(k string) string { return trimField(c.FormValue(k)) }
}

// adminCatalogueSave saves one indicator, zone or agency from the form (:kind).
func (s *server) adminCatalogueSave(c *fiber.Ctx) error {
	kind := c.Params("kind")
	switch kind {
	case queries.AdminIndicators, queries.AdminZones, queries.AdminAgencies:
	default:
		return fiber.ErrNotFound
	}
	kind = strings.Clone(kind)
	rep, err := s.loadAdminForm(c, kind, "")
	if err != nil {
		return err
	}
	s.audit(c, queries.AuditEvent{Action: queries.AuditCatalogue, ObjectKind: kind, ObjectID: rep.ID, Detail: "form"})
	return c.Redirect("/admin/catalogue?ok=saved#"+kind, fiber.StatusSeeOther)
}

// adminCatalogueUpload saves many indicators, zones or agencies from a CSV or XLSX
// file with the columns of data/indicators.csv, zones.csv or agencies.csv. The whole
// file is checked first: one bad row and nothing is written.
func (s *server) adminCatalogueUpload(c *fiber.Ctx) error {
	kind := strings.Clone(c.FormValue("kind"))
	switch kind {
	case queries.AdminIndicators, queries.AdminZones, queries.AdminAgencies:
	default:
		return domain.NewError(domain.Invalid, "http.catalogue.kind")
	}
	rep, file, err := s.loadAdminFile(c, kind, "", false)
	if err != nil {
		return err
	}
	s.audit(c, queries.AuditEvent{Action: queries.AuditCatalogue, ObjectKind: kind, ObjectID: file,
		Detail: fmt.Sprintf("file %s: %d rows", file, rep.Saved)})
	return c.Redirect("/admin/catalogue?ok=loaded#"+kind, fiber.StatusSeeOther)
}
