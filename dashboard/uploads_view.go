package dashboard

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"regexp"
	"strconv"

	"github.com/gofiber/fiber/v2"
	"github.com/quangngai/chitieu/domain"
	"github.com/quangngai/chitieu/queries"
	"github.com/shopspring/decimal"
)

// uploadsList: GET /uploads?agency=&year=, the uploads the user may see.
func (s *server) uploadsList(c *fiber.Ctx) error {
	agency := c.Query("agency")
	if agency != "" {
		a, err := uploadAgency(c, agency)
		if err != nil {
			return err
		}
		agency = a
	}
	year, err := uploadYear(c.Query("year"), false)
	if err != nil {
		return err
	}
	rows, err := s.userUploads(c, agency, year, 500)
	if err != nil {
		return err
	}
	agencies, err := s.uploadAgencies(c)
	if err != nil {
		return err
	}
	yearText := ""
	if year > 0 {
		yearText = strconv.Itoa(int(year))
	}
	return s.render(c, "uploads", pageData{Title: translate(lang(c), "uploads.title"),
		Data: fiber.Map{"Rows": rows, "Agencies": agencies, "Agency": agency, "Year": yearText}})
}

var uploadIDPattern = regexp.MustCompile(`^[A-Za-z0-9_.-]{1,64}$`)

// loadUpload reads the upload of the path and checks the user may see it, before
// anything else is read or written.
func (s *server) loadUpload(c *fiber.Ctx) (queries.Upload, error) {
	id := c.Params("id")
	if !uploadIDPattern.MatchString(id) {
		return queries.Upload{}, queries.ErrNotFound
	}
	up, err := s.Store.UploadByID(c.UserContext(), id)
	if err != nil {
		return queries.Upload{}, err
	}
	if err := requireUploadAccess(c, up); err != nil {
		return queries.Upload{}, err
	}
	return up, nil
}

// uploadReportJSON: GET /uploads/:id/report.json, the archived report as it was made.
func (s *server) uploadReportJSON(c *fiber.Ctx) error {
	up, err := s.loadUpload(c)
	if err != nil {
		return err
	}
	c.Set(fiber.HeaderContentType, fiber.MIMEApplicationJSONCharsetUTF8)
	return c.SendString(up.Report)
}

// uploadFile: GET /uploads/:id/file, the archived bytes under the original name. A
// duplicate kept no bytes of its own: they are the earlier upload's (same sha256).
func (s *server) uploadFile(c *fiber.Ctx) error {
	up, err := s.loadUpload(c)
	if err != nil {
		return err
	}
	ctx := c.UserContext()
	content, err := s.Store.UploadContent(ctx, up.ID)
	if errors.Is(err, queries.ErrNotFound) && up.Outcome == queries.UploadDuplicate {
		var rep queries.IngestReport
		if json.Unmarshal([]byte(up.Report), &rep) == nil && rep.DuplicateOf != "" && uploadIDPattern.MatchString(rep.DuplicateOf) {
			content, err = s.Store.UploadContent(ctx, rep.DuplicateOf)
		}
	}
	if errors.Is(err, queries.ErrNotFound) {
		return domain.NewError(domain.NotFound, "http.upload.notkept")
	}
	if err != nil {
		return err
	}
	if sum := sha256.Sum256(content); hex.EncodeToString(sum[:]) != up.SHA256 {
		s.Logger.Error("archived upload differs from its recorded sha256", "upload", up.ID)
	}
	ct := fiber.MIMEOctetStream
	if up.SourceKind == queries.KindXLSX {
		ct = mimeXLSX
	}
	if err := setDownload(c, ct, up.FileName); err != nil {
		return err
	}
	c.Set(fiber.HeaderCacheControl, "private, no-store")
	return c.Send(content)
}

const mimeXLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

// uploadConfirm: POST /uploads/:id/confirm writes a previewed file for real, from its
// archived bytes: nothing is sent again, so what is written is what was previewed
// (checked again against the figures of now).
func (s *server) uploadConfirm(c *fiber.Ctx) error {
	up, err := s.loadUpload(c)
	if err != nil {
		return err
	}
	if s.Ingest == nil {
		return errIngestOff
	}
	if up.Outcome != queries.UploadDryRun {
		return domain.NewError(domain.Conflict, "http.upload.notdry")
	}
	ctx := c.UserContext()
	content, err := s.Store.UploadContent(ctx, up.ID)
	if err != nil {
		return err
	}
	var prev queries.IngestReport
	_ = json.Unmarshal([]byte(up.Report), &prev)
	var year uint16
	if len(prev.Years) == 1 {
		// The preview was made for one year (chosen, or the file's only one): the same.
		year = prev.Years[0]
	}
	rep, err := s.Ingest(ctx, queries.UploadRequest{FileName: up.FileName, Content: content, Agency: up.Agency, Year: year,
		User: currentUser(c).Username, IP: c.IP(), UserAgent: c.Get(fiber.HeaderUserAgent),
		AuditNote: "xác nhận bản xem trước (confirms preview) " + up.ID, Channel: "web"})
	if err != nil {
		return err
	}
	return c.Redirect("/uploads/"+rep.UploadID, fiber.StatusSeeOther)
}

// reportPage is what upload_report.html shows.
type reportPage struct {
	Upload      queries.Upload
	Report      queries.IngestReport
	At          string
	AgencyName  string
	Years       string
	Size        string
	Summary     string
	SummaryAlt  string
	Changes     []itemRow
	Same        []itemRow
	Errors      []problemRow
	ErrorsMore  string
	Warnings    []problemRow
	Omitted     string
	SameTitle   string
	HasFile     bool
	Sample      bool // the demo loader's published dataset: no uploaded file, no link
	Rows        int  // rows read: the report's count, or the record's for the demo loader
	CanConfirm  bool
	NoChange    bool
	Confirmed   *uploadRow // the accepted upload of these bytes, after this preview
	AcceptedPre *uploadRow // the same bytes accepted before this preview
}

// itemRow is one figure of a preview.
type itemRow struct {
	Change, ChangeLabel         string
	Indicator, IndicatorName    string
	Scope, ScopeName            string
	Year                        uint16
	Old, New, Unit              string
	OldStatus, Status, Location string
	StatusChanged, ValueChanged bool
	OtherChanged                bool // only the source or the note differs
}

// problemRow is one error or warning in the page language, the other language beneath.
type problemRow struct {
	Code, Location, Value string
	Message, Hint         string
	MessageAlt, HintAlt   string
}

// uploadReport: GET /uploads/:id, an upload's report: outcome, counts, errors with
// their places, the preview, and the confirm button for a preview.
func (s *server) uploadReport(c *fiber.Ctx) error {
	up, err := s.loadUpload(c)
	if err != nil {
		return err
	}
	ctx := c.UserContext()
	lg := lang(c)
	p := &reportPage{Upload: up, At: uploadTime(up.UploadedAt), HasFile: true, Size: uploadSize(up.Size, lg)}
	if err := json.Unmarshal([]byte(up.Report), &p.Report); err != nil {
		s.Logger.Error("upload report unreadable", "upload", up.ID, "err", err)
	}
	rep := &p.Report
	// The demo loader's rows come from files built into the program: there is no
	// uploaded file to download, and it writes no report of its own.
	p.Sample = up.SourceKind == queries.KindDemo
	p.HasFile = !p.Sample
	p.Rows = rep.Rows
	if p.Rows == 0 {
		p.Rows = int(up.RowCount)
	}
	p.Summary, p.SummaryAlt = rep.SummaryVI, rep.SummaryEN
	if lg == "en" {
		p.Summary, p.SummaryAlt = rep.SummaryEN, rep.SummaryVI
	}
	for i, y := range rep.Years {
		if i > 0 {
			p.Years += ", "
		}
		p.Years += strconv.Itoa(int(y))
	}
	names, err := s.uploadNames(c)
	if err != nil {
		return err
	}
	p.AgencyName = names.agency[up.Agency]
	for _, e := range rep.Errors {
		p.Errors = append(p.Errors, problemFor(e, lg))
		if e.Code == "file_too_large" {
			p.HasFile = false
		}
	}
	if more := rep.ErrorsTotal - len(rep.Errors); more > 0 {
		p.ErrorsMore = fmt.Sprintf(translate(lg, "report.errors.more"), more)
	}
	for _, e := range rep.Warnings {
		p.Warnings = append(p.Warnings, problemFor(e, lg))
	}
	for _, it := range rep.Items {
		r := names.item(it, lg)
		if it.Change == queries.ChangeSame {
			p.Same = append(p.Same, r)
		} else {
			p.Changes = append(p.Changes, r)
		}
	}
	p.SameTitle = fmt.Sprintf(translate(lg, "report.same"), rep.Counts.Same)
	if rep.ItemsOmitted > 0 {
		p.Omitted = fmt.Sprintf(translate(lg, "report.omitted"), rep.ItemsOmitted)
	}
	if up.Outcome == queries.UploadDryRun {
		p.CanConfirm = s.Ingest != nil
		p.NoChange = rep.Counts.New+rep.Counts.Changed+rep.Counts.Withdrawn == 0
		acc, err := s.Store.AcceptedUploadBySHA(ctx, up.SHA256, up.Agency)
		switch {
		case err == nil && !acc.UploadedAt.Before(up.UploadedAt):
			p.Confirmed, p.CanConfirm = &uploadRow{Upload: acc, At: uploadTime(acc.UploadedAt)}, false
		case err == nil:
			p.AcceptedPre = &uploadRow{Upload: acc, At: uploadTime(acc.UploadedAt)}
		case !errors.Is(err, queries.ErrNotFound):
			return err
		}
	}
	title := translate(lg, "report.title") + ": " + up.FileName
	return s.render(c, "upload_report", pageData{Title: title, Data: p})
}

// problemFor puts an ingest error into the page language, with the place in words of
// that language.
func problemFor(e queries.IngestError, lg string) problemRow {
	r := problemRow{Code: e.Code, Value: e.Value, Location: e.Location,
		Message: e.MessageVI, Hint: e.HintVI, MessageAlt: e.MessageEN, HintAlt: e.HintEN}
	if lg == "en" {
		r.Message, r.Hint, r.MessageAlt, r.HintAlt = e.MessageEN, e.HintEN, e.MessageVI, e.HintVI
		if e.Sheet == "" && e.Line > 0 {
			if e.Column != "" {
				r.Location = fmt.Sprintf("line %d, column %q", e.Line, e.Column)
			} else {
				r.Location = fmt.Sprintf("line %d", e.Line)
			}
		}
	}
	if r.Location == "" {
		r.Location = translate(lg, "report.loc.file")
	}
	return r
}

// uploadSize writes a file's size the reader's way: 25,6 KB in Vietnamese, 25.6 KB in English.
func uploadSize(n uint64, lg string) string {
	unit, div := "B", uint64(1)
	switch {
	case n >= 1<<20:
		unit, div = "MB", 1<<20
	case n >= 1<<10:
		unit, div = "KB", 1<<10
	}
	return formatNum(decimal.NewFromUint64(n).DivRound(decimal.NewFromUint64(div), 1), lg) + " " + unit
}
