package dashboard

import (
	"bytes"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/gofiber/fiber/v2"
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
	return s.render(c, "report_show", pageData{Title: translate(lang(c), "rep.yearreport") + " " + itoa(int(year)), Data: p})
}

// HeadingText is an item's heading as the document writes it.
func (p *yearReportPage) HeadingText(it queries.OutlineItem) string {
	return report.HeadingText(it.Number, it.Title, it.Depth())
}

// IsAdmin lets the page offer answering for any agency.
func (p *yearReportPage) Answerable(code string) bool { return slices.Contains(p.CanAnswer, code) }

// reportDocx: GET /report/:year/report.docx, the consolidated report for SCT to edit and sign.
func (s *server) reportDocx(c *fiber.Ctx) error {
	doc, year, err := s.reportDocxBytes(c)
	if err != nil {
		return err
	}
	c.Set(fiber.HeaderContentType, "application/vnd.openxmlformats-officedocument.wordprocessingml.document")
	c.Set(fiber.HeaderContentDisposition, fmt.Sprintf(`attachment; filename="bao-cao-cong-nghiep-%d.docx"`, year))
	c.Set(fiber.HeaderCacheControl, "no-store")
	return c.Send(doc)
}

// reportPDF: GET /report/:year/report.pdf, the same .docx converted by LibreOffice.
func (s *server) reportPDF(c *fiber.Ctx) error {
	doc, year, err := s.reportDocxBytes(c)
	if err != nil {
		return err
	}
	// Converting takes seconds: the PDF is kept, like pages, until the data changes.
	pdf, err := cached(s, c.UserContext(), pageKey("report-pdf", "vi", filters{Year: int(year)}), func() ([]byte, error) {
		// One LibreOffice is a few hundred MB: share the PDF slots with Chromium's renders.
		select {
		case pdfSlots <- struct{}{}:
			defer func() { <-pdfSlots }()
		case <-time.After(60 * time.Second):
			return nil, fiber.ErrTooManyRequests
		}
		return report.ConvertPDF(c.UserContext(), "", doc)
	})
	if err != nil {
		return err
	}
	c.Set(fiber.HeaderContentType, "application/pdf")
	c.Set(fiber.HeaderContentDisposition, fmt.Sprintf(`attachment; filename="bao-cao-cong-nghiep-%d.pdf"`, year))
	c.Set(fiber.HeaderCacheControl, "no-store")
	return c.Send(pdf)
}

func (s *server) reportDocxBytes(c *fiber.Ctx) ([]byte, uint16, error) {
	year, err := reportYear(c)
	if err != nil {
		return nil, 0, err
	}
	doc, err := cached(s, c.UserContext(), pageKey("report-docx", "vi", filters{Year: int(year)}), func() ([]byte, error) {
		m, err := s.reportModel(c.UserContext(), year)
		if err != nil {
			return nil, err
		}
		m.Charts = s.reportCharts(c, year)
		var buf bytes.Buffer
		if err := report.WriteDocx(m, &buf); err != nil {
			return nil, err
		}
		return buf.Bytes(), nil
	})
	return doc, year, err
}

// DeadlineVN is the round's deadline as DD/MM/YYYY.
func (p *yearReportPage) DeadlineVN() string { return report.DateVN(p.Deadline) }
