package dashboard

import (
	"fmt"
	"net/url"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/gofiber/fiber/v2"
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
			probs = append(probs, nilProblem("year_invalid", fmt.Sprintf("Năm %q không hợp lệ.", upShorten(f.Year)),
				fmt.Sprintf("Year %q is not valid.", upShorten(f.Year))))
		} else {
			req.Year = uint16(y)
		}
	}
	if f.LetterDate != "" {
		if d, ok := plan.ParseFormDate(f.LetterDate); ok {
			req.LetterDate = &d
		} else {
			probs = append(probs, nilProblem("date_invalid", fmt.Sprintf("Ngày công văn %q không hợp lệ; ghi DD/MM/YYYY.", upShorten(f.LetterDate)),
				fmt.Sprintf("Letter date %q is not valid; write DD/MM/YYYY.", upShorten(f.LetterDate))))
		}
	}
	for _, l := range []struct {
		v      string
		max    int
		vi, en string
	}{{f.LetterNo, 100, "Số công văn", "The letter number"}, {f.Signer, 200, "Tên người ký", "The signer"}, {f.Note, 2000, "Ghi chú", "The note"}} {
		if utf8.RuneCountInString(l.v) > l.max {
			probs = append(probs, nilProblem("too_long", fmt.Sprintf("%s dài quá %d ký tự.", l.vi, l.max),
				fmt.Sprintf("%s is longer than %d characters.", l.en, l.max)))
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

func nilProblem(code, vi, en string) queries.IngestError {
	return queries.IngestError{Code: code, MessageVI: vi, MessageEN: en}
}
