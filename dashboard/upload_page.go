package dashboard

import (
	"fmt"
	"time"

	"github.com/gofiber/fiber/v2"
	"github.com/quangngai/chitieu/queries"
)

// uploadPage is what upload.html shows: the template download, the file upload and
// the nil-report form, for the user's agencies, and their recent uploads.
type uploadPage struct {
	Enabled     bool
	Agencies    []queries.Agency
	Agency      string // preselected
	Year        uint16 // default year of the template and the nil report
	LimitMB     int
	LimitBytes  int64
	Recent      []uploadRow
	Nil         nilForm
	NilErrors   []problemRow
	NilRecorded string
}

// nilForm is the nil-report form as sent, shown again when it is refused.
type nilForm struct {
	Agency, Year, LetterNo, LetterDate, Signer, Note string
}

// uploadShow: GET /upload.
func (s *server) uploadShow(c *fiber.Ctx) error {
	p, err := s.uploadPageData(c)
	if err != nil {
		return err
	}
	// After a nil report (POST /nil-report redirects here), say what is recorded, as
	// read back from the store, not as the address claims.
	if ag, yr := c.Query("nil_agency"), c.Query("nil_year"); ag != "" && currentUser(c).ActsFor(ag) {
		if y, err := uploadYear(yr, true); err == nil {
			subs, err := s.Store.CurrentSubmissions(c.UserContext(), y, y)
			if err != nil {
				return err
			}
			for _, st := range subs {
				if st.Agency == ag && st.Status == queries.SubmissionNil {
					p.NilRecorded = fmt.Sprintf(translate(lang(c), "nil.recorded"), st.Agency, int(st.Year), st.LetterNo, st.Signer)
					p.Agency = ag
				}
			}
		}
	}
	return s.renderUploadPage(c, p)
}

func (s *server) renderUploadPage(c *fiber.Ctx, p *uploadPage) error {
	return s.render(c, "upload", pageData{Title: translate(lang(c), "upload.title"), Data: p})
}

// uploadPageData gathers the page for the current user.
func (s *server) uploadPageData(c *fiber.Ctx) (*uploadPage, error) {
	agencies, err := s.uploadAgencies(c)
	if err != nil {
		return nil, err
	}
	p := &uploadPage{Enabled: s.Ingest != nil, Agencies: agencies, Year: uint16(s.localNow().Year() - 1),
		LimitMB: s.UploadLimitMB, LimitBytes: int64(s.UploadLimitMB) << 20}
	if len(agencies) == 1 {
		p.Agency = agencies[0].Code
	}
	if a := c.Query("agency"); a != "" && currentUser(c).ActsFor(a) {
		p.Agency = a
	}
	p.Recent, err = s.userUploads(c, "", 0, 15)
	if err != nil {
		return nil, err
	}
	return p, nil
}

// uploadSubmit: POST /upload, a multipart form with agency, year and file. The file is
// always checked as a dry run first: it is archived with its report and the browser
// is sent to that report, where a preview can be confirmed (POST /uploads/:id/confirm).
func (s *server) uploadSubmit(c *fiber.Ctx) error {
	agency, err := uploadAgency(c, c.FormValue("agency"))
	if err != nil {
		return err
	}
	if s.Ingest == nil {
		return errIngestOff
	}
	year, err := uploadYear(c.FormValue("year"), false)
	if err != nil {
		return err
	}
	name, content, err := uploadFormFile(c, "file")
	if err != nil {
		return err
	}
	rep, err := s.Ingest(c.UserContext(), queries.UploadRequest{FileName: name, Content: content, Agency: agency, Year: year,
		User: currentUser(c).Username, DryRun: true, IP: c.IP(), UserAgent: c.Get(fiber.HeaderUserAgent), Channel: "web"})
	if err != nil {
		return err
	}
	return c.Redirect("/uploads/"+rep.UploadID, fiber.StatusSeeOther)
}

// uploadRow is one line of an upload list.
type uploadRow struct {
	queries.Upload
	At string
}

// userUploads lists the uploads the user may see, newest first: an admin's all (or one
// agency's), an analyst's those of their agencies only.
func (s *server) userUploads(c *fiber.Ctx, agency string, year uint16, limit int) ([]uploadRow, error) {
	u := currentUser(c)
	f := queries.UploadFilter{Year: year, Limit: limit}
	switch {
	case agency != "":
		f.Agencies = []string{agency}
	case u.IsAdmin():
	case len(u.Agencies) == 0:
		return nil, nil // an analyst bound to no agency sees nothing, never everything
	default:
		f.Agencies = u.Agencies
	}
	list, err := s.Store.ListUploads(c.UserContext(), f)
	if err != nil {
		return nil, err
	}
	out := make([]uploadRow, len(list))
	for i, up := range list {
		out[i] = uploadRow{Upload: up, At: uploadTime(up.UploadedAt)}
	}
	return out, nil
}

func uploadTime(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.In(vietnam).Format("02/01/2006 15:04")
}
