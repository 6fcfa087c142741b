package dashboard

import (
	"context"
	"strconv"
	"strings"

	"github.com/gofiber/fiber/v2"
	"github.com/quangngai/chitieu/domain"
	"github.com/quangngai/chitieu/plan"
	"github.com/quangngai/chitieu/queries"
)

type submissionModel struct {
	view
	Agency  queries.Agency
	Year    int
	History table
	Figures table
	// State is the year's reporting state, decided by the same rule as /reporting
	// (plan.Report): "published" when the figures came from published sources.
	State string
}

// submissionShow: one agency's report for one year: every version of the submission
// (report or nil report, letter, signer) and the figures it sent for that year.
func (s *server) submissionShow(c *fiber.Ctx) error {
	lg := lang(c)
	f := readFilters(c)
	f.Agency = strings.Clone(c.Params("agency")) // kept in the cached page: copy
	y, err := strconv.Atoi(c.Params("year"))
	if err != nil || y < 1990 || y > 2100 {
		return domain.NewError(domain.Invalid, "http.year.invalid")
	}
	f.Year = y
	m, err := s.submission(c.UserContext(), f, lg)
	if err != nil {
		return err
	}
	return s.render(c, "submission", pageData{Title: m.Agency.NameVI + " — " + strconv.Itoa(y), Data: m, Synthetic: m.Meta.Synthetic})
}

// submission returns the page model, from the page cache while the data is unchanged.
func (s *server) submission(ctx context.Context, f filters, lg string) (*submissionModel, error) {
	return cached(s, ctx, pageKey("submission", lg, f), func() (*submissionModel, error) { return s.buildSubmission(ctx, f, lg) })
}

func (s *server) buildSubmission(ctx context.Context, f filters, lg string) (*submissionModel, error) {
	agencies, err := s.Store.Agencies(ctx)
	if err != nil {
		return nil, err
	}
	m := &submissionModel{Year: f.Year}
	found := false
	for _, a := range agencies {
		if a.Code == f.Agency {
			m.Agency, found = a, true
		}
	}
	if !found {
		return nil, queries.ErrNotFound
	}
	hist, err := s.Store.SubmissionHistory(ctx, f.Agency, uint16(f.Year))
	if err != nil {
		return nil, err
	}
	figs, err := s.Store.CurrentFigures(ctx, queries.FigureFilter{Agencies: []string{f.Agency}, YearFrom: uint16(f.Year), YearTo: uint16(f.Year)})
	if err != nil {
		return nil, err
	}
	if m.Meta, err = s.loadMeta(ctx, f, lg); err != nil {
		return nil, err
	}
	m.Page, m.Export = "submission", f.query()
	// The state is the register's own (plan.Reporting over the same rows), so this page,
	// /reporting and the report's annex never disagree about one agency and year.
	rows, err := s.Store.ReportingRows(ctx, uint16(f.Year), uint16(f.Year))
	if err != nil {
		return nil, err
	}
	m.State = plan.ReportMissing
	for _, st := range plan.Reporting(rows, f.Year, f.Year, s.localNow()) {
		if st.Agency == f.Agency {
			m.State = st.State
		}
	}
	m.History = table{ID: "submission", Title: translate(lg, "submission.history"),
		Headers: headers(lg, "col.version", "common.status", "col.letter", "col.letterdate", "col.signer", "common.note", "col.uploaded", "col.uploadedby", "col.withdrawn")}
	for i, h := range hist {
		ld := ""
		if h.LetterDate != nil {
			ld = h.LetterDate.Format("02/01/2006")
		}
		wd := ""
		if h.Withdrawn {
			wd = translate(lg, "common.yes")
		}
		m.History.Rows = append(m.History.Rows, []cell{txt(strconv.Itoa(i + 1)), {Text: translate(lg, "sub."+h.Status), Class: "sub-" + h.Status},
			txt(h.LetterNo), txt(ld), txt(h.Signer), txt(h.Note), txt(h.SubmittedAt.In(vietnam).Format("02/01/2006 15:04")), txt(h.SubmittedBy), txt(wd)})
	}
	figTitle := translate(lg, "submission.figures")
	if m.State == plan.ReportPublished {
		figTitle = translate(lg, "submission.figures.published")
	}
	m.Figures = table{ID: "submission-figures", Title: figTitle,
		Headers: headers(lg, "col.indicator", "col.scope", "common.value", "common.unit", "col.figstatus", "common.source", "common.note", "col.versions")}
	cat, err := s.loadCatalog(ctx)
	if err != nil {
		return nil, err
	}
	for _, fg := range figs {
		// Names first; the code rides along as secondary text.
		ind := fg.Indicator
		if it, ok := cat.ind[fg.Indicator]; ok {
			ind = indName(it, lg)
		}
		m.Figures.Rows = append(m.Figures.Rows, []cell{{Text: ind, Href: "/indicators/" + fg.Indicator, Title: fg.Indicator},
			{Text: cat.scopeName(fg.Scope, lg), Title: fg.Scope},
			{Text: formatNum(fg.Value, lg), Num: f64(fg.Value)}, txt(unitIn(fg.Unit, lg)), txt(translate(lg, "fstatus."+fg.Status)), txt(fg.Source), txt(inLang(fg.Note, fg.NoteEN, lg)),
			txt(strconv.Itoa(int(fg.Versions)))})
	}
	m.Tables = []table{m.History, m.Figures}
	return m, nil
}
