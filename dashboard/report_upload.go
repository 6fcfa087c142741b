package dashboard

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"strings"

	"github.com/gofiber/fiber/v2"
	"github.com/quangngai/chitieu/domain"
	"github.com/quangngai/chitieu/locale"
	"github.com/quangngai/chitieu/queries"
	"github.com/quangngai/chitieu/report"
	"github.com/quangngai/chitieu/reporting"
)

// sourceReportDocx marks uploads of written answers in the uploads table.
const sourceReportDocx = reporting.SourceWordAnswer

// reportTemplateDocx: GET /report/:year/answer/:agency/template.docx, the round's outline
// as a Word file to fill in.
func (s *server) reportTemplateDocx(c *fiber.Ctx) error {
	p, err := s.answerPageData(c)
	if err != nil {
		return err
	}
	var buf bytes.Buffer
	if err := report.WriteTemplate(p.Outline, p.Agency.NameVI, p.Year, p.Projects, &buf); err != nil {
		return err
	}
	c.Set(fiber.HeaderContentType, "application/vnd.openxmlformats-officedocument.wordprocessingml.document")
	c.Set(fiber.HeaderContentDisposition, attachment(fmt.Sprintf("de-cuong-%d-%s.docx", p.Year, p.Agency.Code)))
	return c.Send(buf.Bytes())
}

// uploadPreview is what report_upload.html shows.
type uploadPreview struct {
	*answerPage
	UploadID string
	FileName string
	Parsed   report.DocxAnswer
}

// SignatureOK: a signed PDF whose signature verifies and whose certificate is trusted.
func (u *uploadPreview) SignatureOK() bool {
	return strings.HasSuffix(u.Parsed.SignatureVI, "— chữ ký hợp lệ")
}

// reportUploadDocx: POST /report/:year/answer/:agency/upload. The file is archived (as a
// dry run: nothing is written to the answer) and split along the outline for the preview.
func (s *server) reportUploadDocx(c *fiber.Ctx) error {
	p, err := s.answerPageData(c)
	if err != nil {
		return err
	}
	if s.ReportDocx == nil {
		return errIngestOff
	}
	name, content, err := formFileOr(c, "file", domain.NewError(domain.Invalid, "http.letter.none"))
	if err != nil {
		return err
	}
	parsed, perr := s.ReportDocx(content, p.Outline, p.Projects, nil)
	rep, _ := json.Marshal(parsed)
	id, err := s.reports.ArchiveWord(c.UserContext(), reporting.WordUpload{FileName: name, Content: content, Agency: p.Agency.Code,
		Year: p.Year, Report: string(rep), Items: len(parsed.Answer.Items), Problems: len(parsed.Problems), Failed: perr != nil}, s.actor(c))
	if err := s.written(err); err != nil {
		return err
	}
	if perr != nil {
		var re *report.ReadError
		if errors.As(perr, &re) {
			return domain.NewError(domain.Invalid, re.Key, re.Args...)
		}
		// The reader's error is English; the Vietnamese page shows it shortened.
		return domain.NewError(domain.Invalid, "http.letter.unreadable", locale.Said{VI: upShorten(perr.Error()), EN: perr.Error()})
	}
	c.Status(fiber.StatusOK)
	if parsed.HasErrors() {
		c.Status(fiber.StatusUnprocessableEntity)
	}
	return s.render(c, "report_upload", pageData{Title: translate(lang(c), "rep.preview") + " — " + name,
		Data: &uploadPreview{answerPage: p, UploadID: id, FileName: name, Parsed: parsed}})
}

// reportUploadConfirm: POST /report/:year/answer/:agency/upload/:id/confirm saves the
// archived file's answer as a new version (action=submit also submits).
func (s *server) reportUploadConfirm(c *fiber.Ctx) error {
	ctx := c.UserContext()
	p, err := s.answerPageData(c)
	if err != nil {
		return err
	}
	if s.ReportDocx == nil {
		return errIngestOff
	}
	up, err := s.Store.UploadByID(ctx, c.Params("id"))
	if err != nil {
		return err
	}
	if up.Agency != p.Agency.Code || up.Year != p.Year || up.SourceKind != sourceReportDocx {
		return queries.ErrNotFound
	}
	content, err := s.Store.UploadContent(ctx, up.ID)
	if err != nil {
		return err
	}
	moves := letterMoves(c)
	parsed, err := s.ReportDocx(content, p.Outline, p.Projects, moves)
	if err == nil && c.FormValue("action") == "preview" {
		// The analyst's moves shown before anything is saved.
		return s.render(c, "report_upload", pageData{Title: translate(lang(c), "rep.preview") + " — " + up.FileName,
			Data: &uploadPreview{answerPage: p, UploadID: up.ID, FileName: up.FileName, Parsed: parsed}})
	}
	if err != nil || parsed.HasErrors() {
		return domain.NewError(domain.Invalid, "http.letter.errors")
	}
	a := parsed.Answer
	a.Year, a.Agency, a.UploadID = p.Year, p.Agency.Code, up.ID
	a.Letter.Signature, a.Letter.Moves = signatureLine(parsed), movesLine(moves)
	submit := c.FormValue("action") == "submit"
	if submit && strings.TrimSpace(a.Letter.Signer) == "" {
		return domain.NewError(domain.Invalid, "http.letter.nosigner")
	}
	a, err = s.reports.SaveAnswer(ctx, reporting.SaveRequest{Answer: a, Submit: submit, Source: "docx", FileName: up.FileName,
		AuditNote: movesNote(moves) + signatureNote(parsed), SubmissionNote: signatureNote(parsed)}, s.actor(c))
	if err := s.written(err); err != nil {
		return err
	}
	ok := "draft"
	if submit {
		ok = "submitted"
	}
	return c.Redirect(fmt.Sprintf("/report/%d/answer/%s?ok=%s", a.Year, a.Agency, ok), fiber.StatusSeeOther)
}
