package dashboard

import (
	"strings"
	"unicode/utf8"

	"github.com/gofiber/fiber/v2"
	"github.com/quangngai/chitieu/domain"
)

// validInput refuses a request whose path, query or url-encoded form is not valid
// UTF-8, before any filter reaches a template or a query: every page, export and
// form reads its filters from there. (Multipart bodies are files: the ingest checks
// their encoding itself.)
func validInput(c *fiber.Ctx) error {
	ok := utf8.Valid(c.Request().URI().Path())
	visit := func(k, v []byte) { ok = ok && utf8.Valid(k) && utf8.Valid(v) }
	c.Request().URI().QueryArgs().VisitAll(visit)
	if strings.HasPrefix(string(c.Request().Header.ContentType()), fiber.MIMEApplicationForm) {
		c.Request().PostArgs().VisitAll(visit)
	}
	if !ok {
		return errBadEncoding
	}
	return c.Next()
}

var errBadEncoding = domain.NewError(domain.Invalid, "http.encoding")
