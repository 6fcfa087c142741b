package dashboard

import (
	"fmt"
	"slices"
	"strings"

	"github.com/gofiber/fiber/v2"
	"github.com/quangngai/chitieu/domain"
	"github.com/quangngai/chitieu/queries"
	"github.com/quangngai/chitieu/report"
)

// yearReportPage is what report_show.html shows.
type yearReportPage struct {
	report.Model
	Agency, Search string
	Agencies       []queries.Agency // who has text, for the filter
	Notice         string
	CanAnswer      []string // agencies the viewer may answer for
	// The compiler's view (report_synthesis_show.go): an editor per item beside the
	// agencies' paragraphs, and the round's choice of where those are printed.
	Compiler  bool
	Syntheses domain.Syntheses
	Mode      domain.SynthesisMode
	History   map[string][]domain.Synthesis // every version per item
	Flash     string
}

// reportShow: GET /report/:year, the consolidated report on screen, section by section,
// filtered by agency (?agency=) and searched (?q=).
func (s *server) reportShow(c *fiber.Ctx) error {
	year, err := reportYear(c)
	if err != nil {
		return err
	}
	m, err := s.reportModel(c.UserContext(), year)
	if err != nil {
		return err
	}
	p := &yearReportPage{Agency: strings.Clone(c.Query("agency")), Search: strings.Clone(strings.TrimSpace(c.Query("q")))}
	if len([]rune(p.Search)) > 200 {
		p.Search = string([]rune(p.Search)[:200])
	}
	all, err := s.Store.Agencies(c.UserContext())
	if err != nil {
		return err
	}
	for _, a := range all {
		if a.Code != report.Consolidator && a.ActiveIn(int(year)) {
			p.Agencies = append(p.Agencies, a)
			if u := currentUser(c); u != nil && u.ActsFor(a.Code) && u.Role == queries.RoleAnalyst {
				p.CanAnswer = append(p.CanAnswer, a.Code)
			}
		}
	}
	p.Model = m.Filter(p.Agency, p.Search)
	p.Notice = report.PartialNotice(m)
	if err := s.compilerView(c, p, year); err != nil {
		return err
	}
	return s.render(c, "report_show", pageData{Title: translate(lang(c), "rep.yearreport") + " " + itoa(int(year)), Data: p})
}

// HeadingText is an item's heading as the document writes it.
func (p *yearReportPage) HeadingText(it queries.OutlineItem) string {
	return report.LabelledHeading(it.Number, it.Label, it.Title, it.Depth())
}

// IsAdmin lets the page offer answering for any agency.
func (p *yearReportPage) Answerable(code string) bool { return slices.Contains(p.CanAnswer, code) }

// reportDocx: GET /report/:year/report.docx, the consolidated report for SCT to edit and sign.
func (s *server) reportDocx(c *fiber.Ctx) error {
	return s.reportDownload(c, report.FormatDocx)
}

// reportPDF: GET /report/:year/report.pdf, the same .docx converted by LibreOffice.
func (s *server) reportPDF(c *fiber.Ctx) error {
	return s.reportDownload(c, report.FormatPDF)
}

// reportDownload answers a report file from its export job (report_export.go): the
// file when it is built, else 503 with Retry-After while it is being built.
func (s *server) reportDownload(c *fiber.Ctx, format string) error {
	year, err := reportYear(c)
	if err != nil {
		return err
	}
	file, err := s.reportFile(c.UserContext(), year, format, s.exportWait())
	if err != nil {
		return err
	}
	c.Set(fiber.HeaderContentType, report.ContentType(format))
	c.Set(fiber.HeaderContentDisposition, fmt.Sprintf(`attachment; filename="%s"`, report.FileName(year, format)))
	c.Set(fiber.HeaderCacheControl, "no-store")
	return c.Send(file)
}

// DeadlineVN is the round's deadline as DD/MM/YYYY.
func (p *yearReportPage) DeadlineVN() string { return report.DateVN(p.Deadline) }
