package dashboard

import (
	"net/url"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/gofiber/fiber/v2"
	"github.com/quangngai/chitieu/domain"
	"github.com/quangngai/chitieu/locale"
	"github.com/quangngai/chitieu/plan"
	"github.com/quangngai/chitieu/queries"
)

// nilReportSubmit: POST /nil-report records that an agency had no assigned task for a
// year ("không được giao nhiệm vụ"), with its letter's number, date and signer. A
// refused form comes back with its values and every problem; a recorded one
// redirects to the upload page, which reads the record back.
func (s *server) nilReportSubmit(c *fiber.Ctx) error {
	agency, err := uploadAgency(c, c.FormValue("agency"))
	if err != nil {
		return err
	}
	if s.NilReport == nil {
		return errIngestOff
	}
	f := nilForm{Agency: agency, Year: nilField(c, "year"), LetterNo: nilField(c, "letter_no"),
		LetterDate: nilField(c, "letter_date"), Signer: nilField(c, "signer"), Note: nilField(c, "note")}
	req := queries.NilReportRequest{Agency: agency, LetterNo: f.LetterNo, Signer: f.Signer, Note: f.Note,
		User: currentUser(c).Username, IP: c.IP(), UserAgent: c.Get(fiber.HeaderUserAgent), Channel: "web"}
	var probs []queries.IngestError
	if f.Year != "" {
		if y, err := strconv.Atoi(f.Year); err != nil || !plan.ValidYear(y) {
			probs = append(probs, nilProblem("year_invalid", "http.nil.year", upShorten(f.Year)))
		} else {
			req.Year = uint16(y)
		}
	}
	if f.LetterDate != "" {
		if d, ok := plan.ParseFormDate(f.LetterDate); ok {
			req.LetterDate = &d
		} else {
			probs = append(probs, nilProblem("date_invalid", "http.nil.date", upShorten(f.LetterDate)))
		}
	}
	for _, l := range []struct {
		v     string
		max   int
		label domain.Phrase
	}{{f.LetterNo, 100, domain.Phrase("http.nil.letterno")}, {f.Signer, 200, domain.Phrase("http.nil.signer")}, {f.Note, 2000, domain.Phrase("http.nil.note")}} {
		if utf8.RuneCountInString(l.v) > l.max {
			probs = append(probs, nilProblem("too_long", "http.nil.toolong", l.label, l.max))
		}
	}
	if len(probs) == 0 {
		rep, err := s.NilReport(c.UserContext(), req)
		if err != nil {
			return err
		}
		if !rep.Rejected() { // audited by ingest
			q := url.Values{"nil_agency": {agency}, "nil_year": {strconv.Itoa(int(req.Year))}}
			return c.Redirect("/upload?"+q.Encode()+"#nil", fiber.StatusSeeOther)
		}
		probs = rep.Errors
	}
	p, err := s.uploadPageData(c)
	if err != nil {
		return err
	}
	p.Agency, p.Nil = agency, f
	lg := lang(c)
	for _, e := range probs {
		r := problemFor(e, lg)
		if e.Location == "" {
			r.Location = ""
		}
		p.NilErrors = append(p.NilErrors, r)
	}
	c.Status(fiber.StatusUnprocessableEntity)
	return s.renderUploadPage(c, p)
}

func nilField(c *fiber.Ctx, name string) string {
	return strings.Clone(strings.TrimSpace(c.FormValue(name)))
}

// nilProblem is a problem of the nil report form, worded from the catalogue in both
// languages as ingest's problems are.
func nilProblem(code, key string, args ...any) queries.IngestError {
	vi, en := locale.Pair(key, args...)
	return queries.IngestError{Code: code, MessageVI: vi, MessageEN: en}
}
