package report

import (
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/quangngai/chitieu/domain"
	"github.com/quangngai/chitieu/plan"
)

// Consolidator is the agency that compiles the report; it is not expected to answer itself.
const Consolidator = "SCT"

// IllustrationNote marks answers that are not real letters (demo data).
const IllustrationNote = "minh họa, tổng hợp từ nguồn công bố"

// Input is what Compile needs, read by the caller.
type Input struct {
	Year        uint16
	Now         time.Time
	Round       *domain.Round
	Outline     domain.Outline
	Agencies    []domain.Agency
	Answers     []domain.ReportAnswer // the newest version per agency; drafts are left out here
	Submissions []domain.SubmissionState
	Projects    []domain.Project
	// Figures counts each agency's current figures for the year: an agency with
	// figures but no letter is "số liệu công bố" in the annex, as on the register.
	Figures map[string]int
	// Syntheses is SCT's final text per outline item; SynthesisAnnex the round's choice
	// to print the agencies' paragraphs of those items in an annex.
	Syntheses      map[string]string
	SynthesisAnnex bool
}

// Compile builds the report's sections II–V and the annex from the agencies' answers.
// Section I (figures and charts) is added by the caller, which owns the attain rules'
// inputs. Only submitted answers count; a draft is not yet the agency's word.
func Compile(in Input) Model {
	m := Model{Year: in.Year, Date: in.Now, Outline: in.Outline, AgencyAnnex: in.SynthesisAnnex}
	if in.Round != nil {
		m.RequestNo, m.RequestDate, m.Deadline = in.Round.LetterNo, in.Round.LetterDate, in.Round.Deadline
	}
	in.Agencies = inAdministrativeOrder(in.Agencies)
	names := map[string]string{}
	order := map[string]int{}
	for i, a := range in.Agencies {
		names[a.Code] = a.NameVI
		order[a.Code] = i
	}
	name := func(code string) string {
		if n := names[code]; n != "" {
			return n
		}
		return code
	}
	answers := map[string]domain.ReportAnswer{}
	for _, a := range in.Answers {
		if a.State == domain.AnswerSubmitted {
			answers[a.Agency] = a
		}
	}
	subs := map[string]domain.SubmissionState{}
	for _, s := range in.Submissions {
		if s.Year == in.Year {
			subs[s.Agency] = s
		}
	}
	var agencies []string
	for code := range answers {
		agencies = append(agencies, code)
	}
	sort.Slice(agencies, func(i, j int) bool {
		oi, iok := order[agencies[i]]
		oj, jok := order[agencies[j]]
		if iok != jok {
			return iok
		}
		if oi != oj {
			return oi < oj
		}
		return agencies[i] < agencies[j]
	})
	for _, it := range in.Outline.Items {
		sec := Section{Item: it, Synthesis: Blocks(in.Syntheses[it.Number])}
		for _, code := range agencies {
			a := answers[code]
			ai, ok := a.Item(it.Number)
			if !ok || ai.Empty() {
				continue
			}
			sec.Entries = append(sec.Entries, Entry{Agency: code, AgencyName: name(code), Blocks: Blocks(ai.Text),
				Nothing: ai.Nothing && strings.TrimSpace(ai.Text) == "", Illustrative: a.Source == "demo"})
		}
		m.Sections = append(m.Sections, sec)
	}
	projNames := map[string]string{}
	for _, p := range in.Projects {
		projNames[p.Code] = p.NameVI
	}
	for _, code := range agencies {
		a := answers[code]
		m.Illustrative = m.Illustrative || a.Source == "demo"
		for _, p := range a.Projects {
			pn := projNames[p.Project]
			if pn == "" {
				pn = p.Project
			}
			pct := ""
			if p.Percent != nil {
				pct = strings.Replace(strconv.FormatFloat(*p.Percent, 'f', -1, 64), ".", ",", 1) + " %"
			}
			m.Projects = append(m.Projects, ProjectRow{Project: pn, Agency: name(code), Status: p.Status, Percent: pct,
				Milestones: p.Milestones, Obstacles: p.Obstacles, Proposals: p.Proposals})
		}
		for _, p := range a.Policies {
			m.Policies = append(m.Policies, PolicyRow{Agency: name(code), Number: p.Number, Date: DateVN(p.Date), Title: p.Title,
				Issuer: p.Issuer, Status: PolicyStatusVI(p.Status)})
		}
	}
	// The annex: every expected agency is answered, nil, or missing.
	for _, ag := range in.Agencies {
		// Expected as on the register (plan.ExpectedAt): the agencies that exist on the
		// round's day; a merged agency's successor answers for it.
		if ag.Code == Consolidator || !plan.ExpectedAt(ag, plan.RoundDate(in.Round, int(in.Year))) {
			continue
		}
		m.Expected++
		sub, hasSub := subs[ag.Code]
		ans, hasAns := answers[ag.Code]
		switch {
		case hasSub && sub.Status == domain.SubmissionNil:
			m.Answered++
			m.Nil = append(m.Nil, Reply{Agency: ag.Code, AgencyName: ag.NameVI, LetterNo: sub.LetterNo, LetterDate: DateVN(sub.LetterDate),
				Signer: sub.Signer, Note: "không được giao nhiệm vụ"})
		case hasAns:
			m.Answered++
			r := Reply{Agency: ag.Code, AgencyName: ag.NameVI, LetterNo: ans.Letter.Number, LetterDate: DateVN(ans.Letter.Date),
				Signer: ans.Letter.Signer}
			if ans.Source == "demo" {
				r.Note = IllustrationNote
			}
			m.Replies = append(m.Replies, r)
		case hasSub:
			m.Answered++
			m.Replies = append(m.Replies, Reply{Agency: ag.Code, AgencyName: ag.NameVI, LetterNo: sub.LetterNo,
				LetterDate: DateVN(sub.LetterDate), Signer: sub.Signer, Note: "chỉ gửi số liệu (figures only)"})
		case in.Figures[ag.Code] > 0:
			m.Published = append(m.Published, ag.NameVI)
		default:
			m.Missing = append(m.Missing, ag.NameVI)
		}
	}
	m.Partial = m.Answered < m.Expected
	return m
}

// Filter keeps only the given agency's entries and, with a search text, the entries whose
// text contains it (case and accents as typed, case-insensitive).
func (m Model) Filter(agency, search string) Model {
	if agency == "" && search == "" {
		return m
	}
	needle := strings.ToLower(strings.TrimSpace(search))
	out := m
	out.Sections = nil
	for _, sec := range m.Sections {
		ns := Section{Item: sec.Item, Synthesis: sec.Synthesis}
		for _, e := range sec.Entries {
			if agency != "" && e.Agency != agency {
				continue
			}
			if needle != "" && !entryContains(e, needle) {
				continue
			}
			ns.Entries = append(ns.Entries, e)
		}
		out.Sections = append(out.Sections, ns)
	}
	return out
}

func entryContains(e Entry, needle string) bool {
	for _, b := range e.Blocks {
		if strings.Contains(strings.ToLower(b.Text), needle) {
			return true
		}
	}
	return false
}
