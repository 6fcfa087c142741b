package dashboard

import (
	"bytes"
	"encoding/json"
	"strings"

	"github.com/gofiber/fiber/v2"
	"github.com/quangngai/chitieu/domain"
	"github.com/quangngai/chitieu/queries"
)

// uploadAPI: POST /api/uploads. Either multipart (field "file", with agency, year and
// dry_run as form fields or query parameters), or the file itself as the body (JSON
// as documented in ingest/README.md, or CSV) with ?agency=&year=&dry_run=. A JSON
// body may name its agency inside. The answer is the ingest report as JSON: 200 when
// accepted, duplicate or a dry run, 422 when rejected (nothing written).
func (s *server) uploadAPI(c *fiber.Ctx) error {
	ct := strings.ToLower(c.Get(fiber.HeaderContentType))
	multipart := strings.HasPrefix(ct, fiber.MIMEMultipartForm)
	if strings.HasPrefix(ct, fiber.MIMEApplicationForm) {
		return domain.NewError(domain.Unsupported, "http.upload.form")
	}
	field := func(name string) string {
		if multipart {
			if v := c.FormValue(name); v != "" {
				return v
			}
		}
		return c.Query(name)
	}
	var (
		name    string
		content []byte
		err     error
	)
	if multipart {
		if name, content, err = uploadFormFile(c, "file"); err != nil {
			return err
		}
	} else {
		content = bytes.Clone(c.Body())
		name = cleanFileName(c.Query("file_name"))
		if c.Query("file_name") == "" {
			name = "api-upload.csv"
			if strings.Contains(ct, "json") || bytes.HasPrefix(bytes.TrimSpace(content), []byte("{")) || bytes.HasPrefix(bytes.TrimSpace(content), []byte("[")) {
				name = "api-upload.json"
			}
		}
	}
	given := field("agency")
	if given == "" {
		given = jsonAgency(content)
	}
	agency, err := uploadAgency(c, given)
	if err != nil {
		return err
	}
	if s.Ingest == nil {
		return errIngestOff
	}
	year, err := uploadYear(field("year"), false)
	if err != nil {
		return err
	}
	dry, err := uploadFlag(field("dry_run"))
	if err != nil {
		return err
	}
	rep, err := s.Ingest(c.UserContext(), queries.UploadRequest{FileName: name, Content: content, Agency: agency, Year: year,
		User: currentUser(c).Username, DryRun: dry, IP: c.IP(), UserAgent: c.Get(fiber.HeaderUserAgent), AuditNote: "API", Channel: "api"})
	if err != nil {
		return err
	}
	status := fiber.StatusOK
	if rep.Rejected() {
		status = fiber.StatusUnprocessableEntity
	}
	c.Set(fiber.HeaderLocation, "/uploads/"+rep.UploadID)
	return c.Status(status).JSON(rep)
}

// jsonAgency is the "agency" a JSON upload names, or "" (not JSON, no such field):
// the ingester checks the whole body, against the agency decided here.
func jsonAgency(b []byte) string {
	b = bytes.TrimSpace(bytes.TrimPrefix(bytes.TrimSpace(b), []byte("\xef\xbb\xbf")))
	if len(b) == 0 || b[0] != '{' {
		return ""
	}
	var head struct {
		Agency json.RawMessage `json:"agency"`
	}
	if json.Unmarshal(b, &head) != nil {
		return ""
	}
	var a string
	if json.Unmarshal(head.Agency, &a) != nil {
		return ""
	}
	return a
}
