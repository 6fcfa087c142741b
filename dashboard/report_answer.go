package dashboard

import (
	"errors"
	"fmt"
	"github.com/quangngai/chitieu/domain"
	"github.com/quangngai/chitieu/locale"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/gofiber/fiber/v2"
	"github.com/quangngai/chitieu/plan"
	"github.com/quangngai/chitieu/queries"
	"github.com/quangngai/chitieu/report"
	"github.com/quangngai/chitieu/reporting"
	"github.com/shopspring/decimal"
)

// Limits of the answer form: generous for a letter, small enough that one form cannot
// fill the database.
const (
	answerTextMax     = 40000 // characters per item
	answerFieldMax    = 500   // short fields
	answerPoliciesMax = 200
	answerBlankRows   = 3 // empty policy rows offered for new documents
)

// answerPage is what report_answer.html shows.
type answerPage struct {
	Year       uint16
	Agency     queries.Agency
	Outline    queries.Outline
	Answer     queries.ReportAnswer
	Has        bool // something was saved before
	History    []queries.AnswerVersion
	Projects   []queries.Project
	Progress   map[string]queries.ProjectProgress
	Policies   []queries.PolicyDoc // saved ones plus blank rows
	Indicators []queries.Indicator // part I's, for next year's targets
	Targets    map[string]string   // indicator -> next year's target as typed
	Errors     []locale.Message
	Flash      string
}

// Signature is the current version's signature line in the page's language (a signed
// PDF's, kept with the version it was read into); empty when the answer is not signed.
func (p *answerPage) Signature(lang string) string {
	vi, en, _ := strings.Cut(p.Answer.Letter.Signature, "\n")
	if lang == "en" && en != "" {
		return en
	}
	return vi
}

// reportAnswerShow: GET /report/:year/answer/:agency, the agency's answer to the round's
// outline as a form; drafts come back here.
func (s *server) reportAnswerShow(c *fiber.Ctx) error {
	p, err := s.answerPageData(c)
	if err != nil {
		return err
	}
	switch c.Query("ok") {
	case "draft":
		p.Flash = translate(lang(c), "rep.flash.draft")
	case "submitted":
		p.Flash = translate(lang(c), "rep.flash.submitted")
	}
	return s.renderAnswer(c, p)
}

func (s *server) renderAnswer(c *fiber.Ctx, p *answerPage) error {
	return s.render(c, "report_answer", pageData{Title: translate(lang(c), "rep.yearreport") + " " + itoa(int(p.Year)) + " — " + p.Agency.NameVI, Data: p})
}

// answerPageData checks the caller may answer for the agency and reads the form's data.
func (s *server) answerPageData(c *fiber.Ctx) (*answerPage, error) {
	ctx := c.UserContext()
	year, err := reportYear(c)
	if err != nil {
		return nil, err
	}
	agency := strings.Clone(c.Params("agency"))
	if err := requireAgency(c, agency); err != nil {
		return nil, err
	}
	agencies, err := s.Store.Agencies(ctx)
	if err != nil {
		return nil, err
	}
	i := slices.IndexFunc(agencies, func(a queries.Agency) bool { return a.Code == agency })
	if i < 0 {
		return nil, queries.ErrNotFound
	}
	inds, err := s.Store.Indicators(ctx)
	if err != nil {
		return nil, err
	}
	p := &answerPage{Year: year, Agency: agencies[i], Progress: map[string]queries.ProjectProgress{}, Targets: map[string]string{}}
	if p.Outline, err = s.Store.RoundOutline(ctx, year); err != nil {
		return nil, err
	}
	p.Answer, err = s.Store.ReportAnswer(ctx, year, agency, 0)
	switch {
	case errors.Is(err, queries.ErrAnswerNone):
		p.Answer = queries.ReportAnswer{Year: year, Agency: agency}
	case err != nil:
		return nil, err
	default:
		p.Has = true
	}
	if p.History, err = s.Store.ReportAnswerHistory(ctx, year, agency); err != nil {
		return nil, err
	}
	if p.Projects, err = s.Store.Projects(ctx); err != nil {
		return nil, err
	}
	for _, pr := range p.Answer.Projects {
		p.Progress[pr.Project] = pr
	}
	p.Policies = append(slices.Clone(p.Answer.Policies), make([]queries.PolicyDoc, answerBlankRows)...)
	for _, ind := range inds {
		if outlineSection(ind) {
			p.Indicators = append(p.Indicators, ind)
		}
	}
	targets, err := s.Store.Targets(ctx, nextYearPlan(year, agency))
	if err != nil {
		return nil, err
	}
	for _, t := range targets {
		if t.ValueMin != nil {
			p.Targets[t.Indicator] = formatVN(*t.ValueMin)
		}
	}
	return p, nil
}

// reportYear reads :year; a bad one is a 404 (no such report).
func reportYear(c *fiber.Ctx) (uint16, error) {
	y, err := strconv.Atoi(c.Params("year"))
	if err != nil || !plan.ValidYear(y) {
		return 0, queries.ErrNotFound
	}
	return uint16(y), nil
}

// nextYearPlan is the plan holding an agency's targets for the year after the report.
func nextYearPlan(year uint16, agency string) string { return reporting.NextYearPlan(year, agency) }

// reportAnswerSave: POST /report/:year/answer/:agency. action=draft saves a draft;
// action=submit submits ("Nộp báo cáo"). Once submitted, every save is a new submitted
// version. A refused form comes back with what was typed and every problem.
func (s *server) reportAnswerSave(c *fiber.Ctx) error {
	ctx := c.UserContext()
	p, err := s.answerPageData(c)
	if err != nil {
		return err
	}
	action := c.FormValue("action")
	a, targets, probs := s.answerFromForm(c, p)
	a.State = queries.AnswerDraft
	if action == "submit" || p.Answer.State == queries.AnswerSubmitted {
		a.State = queries.AnswerSubmitted
	}
	if action == "submit" && strings.TrimSpace(a.Letter.Signer) == "" {
		probs = append(probs, answerProblem("http.ans.nosigner"))
	}
	if len(probs) > 0 {
		p.Answer, p.Errors = a, probs
		p.Policies = append(slices.Clone(a.Policies), make([]queries.PolicyDoc, answerBlankRows)...)
		p.Progress = map[string]queries.ProjectProgress{}
		for _, pr := range a.Projects {
			p.Progress[pr.Project] = pr
		}
		p.Targets = targets
		c.Status(fiber.StatusUnprocessableEntity)
		return s.renderAnswer(c, p)
	}
	req := reporting.SaveRequest{Answer: a, Submit: action == "submit", Source: "web", Targets: map[string]decimal.Decimal{},
		Indicators: p.Indicators, AgencyName: p.Agency.NameVI}
	for _, ind := range p.Indicators {
		v, typed := targets[ind.Code]
		if !typed {
			if _, had := p.Targets[ind.Code]; had {
				req.Cleared = append(req.Cleared, ind.Code)
			}
			continue
		}
		if n, err := s.formNumber(v); err == nil {
			req.Targets[ind.Code] = n
		}
	}
	a, err = s.reports.SaveAnswer(ctx, req, s.actor(c))
	if err := s.written(err); err != nil {
		return err
	}
	ok := "draft"
	if req.Submit {
		ok = "submitted"
	}
	return c.Redirect(fmt.Sprintf("/report/%d/answer/%s?ok=%s", a.Year, a.Agency, ok), fiber.StatusSeeOther)
}

// answerFromForm reads the whole form; problems come back as catalogue messages,
// worded in the reader's language by the page.
func (s *server) answerFromForm(c *fiber.Ctx, p *answerPage) (queries.ReportAnswer, map[string]string, []locale.Message) {
	var probs []locale.Message
	field := func(name, label string, max int) string {
		v := report.CleanText(c.FormValue(name))
		if utf8.RuneCountInString(v) > max {
			probs = append(probs, answerProblem("http.ans.toolong", label, max))
			v = string([]rune(v)[:max])
		}
		return strings.Clone(v)
	}
	date := func(name, label string) *string {
		v := field(name, label, 20)
		if v == "" {
			return nil
		}
		return &v
	}
	a := queries.ReportAnswer{Year: p.Year, Agency: p.Agency.Code}
	a.Letter = queries.AnswerLetter{Number: field("letter_no", "Số công văn", 100), Signer: field("signer", "Người ký", 200),
		Position: field("position", "Chức vụ", 200)}
	if d := date("letter_date", "Ngày công văn"); d != nil {
		if t, ok := plan.ParseFormDate(*d); ok {
			a.Letter.Date = &t
		} else {
			probs = append(probs, answerProblem("http.nil.date", upShorten(*d)))
		}
	}
	for _, it := range p.Outline.Items {
		if !it.Answerable() {
			continue
		}
		text := field("item:"+it.Number, "Mục "+it.Number, answerTextMax)
		nothing := c.FormValue("nothing:"+it.Number) != ""
		if text != "" || nothing {
			a.Items = append(a.Items, queries.AnswerItem{Number: it.Number, Title: it.Title, Text: text, Nothing: nothing})
		}
	}
	for _, pr := range p.Projects {
		k := pr.Code
		pp := queries.ProjectProgress{Project: k, Status: field("proj_status:"+k, "Tình trạng "+k, answerFieldMax),
			Milestones: field("proj_milestones:"+k, "Mốc "+k, answerTextMax), Obstacles: field("proj_obstacles:"+k, "Vướng mắc "+k, answerTextMax),
			Proposals: field("proj_proposals:"+k, "Kiến nghị "+k, answerTextMax)}
		if v := field("proj_percent:"+k, "% "+k, 20); v != "" {
			d, err := s.formNumber(strings.TrimSuffix(strings.TrimSpace(v), "%"))
			f := d.InexactFloat64()
			if err != nil || f < 0 || f > 100 {
				probs = append(probs, answerProblem("http.ans.percent", k, upShorten(v)))
			} else {
				pp.Percent = &f
			}
		}
		if pp != (queries.ProjectProgress{Project: k}) {
			a.Projects = append(a.Projects, pp)
		}
	}
	n, _ := strconv.Atoi(c.FormValue("pol_count"))
	n = min(max(n, 0), answerPoliciesMax)
	for i := 0; i < n; i++ {
		at := strconv.Itoa(i)
		pd := queries.PolicyDoc{Key: strconv.Itoa(len(a.Policies) + 1), Number: field("pol_no:"+at, "Số văn bản", answerFieldMax),
			Title: field("pol_title:"+at, "Trích yếu", 2000), Issuer: field("pol_issuer:"+at, "Cơ quan ban hành", answerFieldMax),
			Status: field("pol_status:"+at, "Tình trạng", 20)}
		d := date("pol_date:"+at, "Ngày văn bản")
		if pd.Number == "" && pd.Title == "" && pd.Issuer == "" && d == nil {
			continue
		}
		if d != nil {
			if t, ok := plan.ParseFormDate(*d); ok {
				pd.Date = &t
			} else {
				probs = append(probs, answerProblem("http.ans.docdate", upShorten(*d)))
			}
		}
		if pd.Title == "" {
			probs = append(probs, answerProblem("http.ans.notitle", i+1))
		}
		if !queries.ValidPolicyStatus(pd.Status) {
			probs = append(probs, answerProblem("http.ans.status", i+1))
			pd.Status = queries.PolicyDrafted
		}
		a.Policies = append(a.Policies, pd)
	}
	targets := map[string]string{}
	for _, ind := range p.Indicators {
		if v := field("target:"+ind.Code, "Chỉ tiêu "+ind.Code, 30); v != "" {
			targets[ind.Code] = v
			if _, err := s.formNumber(v); err != nil {
				probs = append(probs, answerProblem("http.ans.target", p.Year+1, locale.Said{VI: indName(ind, "vi"), EN: indName(ind, "en")}, upShorten(v)))
			}
		}
	}
	return a, targets, probs
}

// ItemText is the saved text of an item, for the form.
func (p *answerPage) ItemText(number string) string {
	it, _ := p.Answer.Item(number)
	return it.Text
}

// ItemNothing says whether the item was answered "Không có nội dung phát sinh".
func (p *answerPage) ItemNothing(number string) bool {
	it, _ := p.Answer.Item(number)
	return it.Nothing
}

// Progress of a project, for the form's II.7 table.
func (p *answerPage) ProjectRow(code string) queries.ProjectProgress { return p.Progress[code] }

// Submitted says the answer has been submitted at least once.
func (p *answerPage) Submitted() bool { return p.Answer.State == queries.AnswerSubmitted }

// NextYear is the year section V plans for.
func (p *answerPage) NextYear() uint16 { return p.Year + 1 }

// formNumber reads a typed number through ingest's parser (Deps.ParseNumber).
func (s *server) formNumber(v string) (decimal.Decimal, error) {
	if s.ParseNumber == nil {
		return decimal.Decimal{}, errors.New("no number parser wired")
	}
	return s.ParseNumber(v)
}

// answerProblem is one problem of the answer form, a catalogue key with its args.
func answerProblem(key string, args ...any) locale.Message {
	return domain.NewError(domain.Invalid, key, args...)
}
