package dashboard

import (
	"github.com/gofiber/fiber/v2"
	"github.com/quangngai/chitieu/domain"
)

// templateDownload: GET /template?agency=&year= sends the agency's .xlsx template for
// the year (assigned indicators, current values filled in).
func (s *server) templateDownload(c *fiber.Ctx) error {
	agency, err := uploadAgency(c, c.Query("agency"))
	if err != nil {
		return err
	}
	if s.Template == nil {
		return errIngestOff
	}
	year, err := uploadYear(c.Query("year"), true)
	if err != nil {
		return err
	}
	agencies, err := s.Store.Agencies(c.UserContext())
	if err != nil {
		return err
	}
	known := false
	for _, a := range agencies {
		known = known || a.Code == agency
	}
	if !known {
		return domain.NewError(domain.NotFound, "http.agency.unknown", agency)
	}
	b, name, err := s.Template(c.UserContext(), agency, year)
	if err != nil {
		return err
	}
	if err := setDownload(c, mimeXLSX, cleanFileName(name)); err != nil {
		return err
	}
	c.Set(fiber.HeaderCacheControl, "private, no-store")
	return c.Send(b)
}
