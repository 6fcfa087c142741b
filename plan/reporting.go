package plan

import (
	"time"

	"github.com/quangngai/chitieu/domain"
)

// Reporting states: the stored submitted, nil (nil report) and missing, and what the
// round's deadline and the figures make of them.
const (
	ReportSubmitted   = domain.SubmissionSubmitted
	ReportNil         = domain.SubmissionNil
	ReportMissing     = domain.SubmissionMissing
	ReportLate        = "late"         // first sent after the round's deadline
	ReportRevisedLate = "revised_late" // sent in time, then revised after the deadline
	// ReportPublished: the system holds the agency's figures for the year, loaded from
	// published sources (the demo loader, an administrator), but no report was sent.
	// The figures are real and shown everywhere; the agency is neither "missing" nor
	// "submitted" ("số liệu từ nguồn công bố, không qua báo cáo").
	ReportPublished = "published"
)

// ReportStates is every state in the order the legend and the chart use.
var ReportStates = []string{ReportSubmitted, ReportNil, ReportLate, ReportRevisedLate, ReportPublished, ReportMissing}

// ReportStatus is where one agency stands for one year's reporting round.
type ReportStatus struct {
	Agency     string     `json:"agency"`
	AgencyName string     `json:"agency_name"`
	Year       uint16     `json:"year"`
	State      string     `json:"state"`   // one of ReportStates
	Overdue    bool       `json:"overdue"` // missing and the deadline has passed
	Deadline   *time.Time `json:"deadline,omitempty"`
	FirstAt    *time.Time `json:"first_at,omitempty"`
	LastAt     *time.Time `json:"last_at,omitempty"`
	Versions   uint64     `json:"versions"`
	Figures    int        `json:"figures"` // current figures the agency has for the year
	LetterNo   string     `json:"letter_no,omitempty"`
	LetterDate *time.Time `json:"letter_date,omitempty"`
	Signer     string     `json:"signer,omitempty"`
	UploadID   string     `json:"upload_id,omitempty"`
	// AnswersFor are the agencies merged into this one before the round's day: it
	// answers for them ("kế thừa").
	AnswersFor []string `json:"answers_for,omitempty"`
}

// Reporting lists, for every year in from..to, each agency expected for that year's
// round (ExpectedAt its RoundDate; and any other agency that sent something or has
// figures) with its state. now decides whether a missing report is overdue; a
// deadline date ends at midnight in Zone.
func Reporting(rows domain.ReportingRows, from, to int, now time.Time) []ReportStatus {
	deadlines := map[uint16]*time.Time{}
	rounds := map[uint16]*domain.Round{}
	for i, r := range rows.Rounds {
		deadlines[r.Year] = r.Deadline
		rounds[r.Year] = &rows.Rounds[i]
	}
	sent := map[domain.AgencyYear]domain.SubmissionState{}
	for _, st := range rows.Submissions {
		sent[domain.AgencyYear{Agency: st.Agency, Year: st.Year}] = st
	}
	names := map[string]string{}
	for _, a := range rows.Agencies {
		names[a.Code] = a.NameVI
	}
	var out []ReportStatus
	for y := from; y <= to; y++ {
		year := uint16(y)
		at := RoundDate(rounds[year], y)
		preds := Predecessors(rows.Agencies, at)
		seen := map[string]bool{}
		add := func(code string) {
			if seen[code] {
				return
			}
			seen[code] = true
			k := domain.AgencyYear{Agency: code, Year: year}
			st := Report(sent[k], rows.WithFigures[k]+rows.Answered[k], deadlines[year], now)
			if rows.Answered[k] > 0 && st.State == ReportPublished {
				// An answer to the report outline is a report, whatever else is loaded.
				st.State = ReportSubmitted
			}
			st.Agency, st.AgencyName, st.Year, st.AnswersFor = code, names[code], year, preds[code]
			out = append(out, st)
		}
		for _, a := range rows.Agencies {
			if ExpectedAt(a, at) {
				add(a.Code)
			}
		}
		for _, st := range rows.Submissions {
			if st.Year == year {
				add(st.Agency)
			}
		}
		for k := range rows.WithFigures {
			if k.Year == year && !seen[k.Agency] {
				add(k.Agency)
			}
		}
	}
	return out
}

// Report decides one agency-year's state from its current submission (Versions 0:
// none), how many current figures it has, and the round's deadline.
func Report(st domain.SubmissionState, figures int, deadline *time.Time, now time.Time) ReportStatus {
	out := ReportStatus{Deadline: deadline, State: ReportMissing, Figures: figures}
	var end time.Time // the first instant after the deadline day, in the province
	if deadline != nil {
		d := deadline.UTC()
		end = time.Date(d.Year(), d.Month(), d.Day(), 0, 0, 0, 0, Zone).AddDate(0, 0, 1)
	}
	if st.Versions == 0 {
		if figures > 0 {
			out.State = ReportPublished
			return out
		}
		out.Overdue = deadline != nil && !now.Before(end)
		return out
	}
	first, last := st.FirstAt.SubmittedAt, st.SubmittedAt
	out.FirstAt, out.LastAt = &first, &last
	out.Versions, out.LetterNo, out.LetterDate, out.Signer, out.UploadID = st.Versions, st.LetterNo, st.LetterDate, st.Signer, st.UploadID
	out.State = st.Status
	if deadline != nil && out.State == ReportSubmitted {
		switch {
		case !first.Before(end):
			out.State = ReportLate
		case !last.Before(end):
			out.State = ReportRevisedLate
		}
	}
	return out
}

// DefaultRound is the reporting round a page opens on: the round in progress (one
// recorded for this year), else last year's — a year is reported on after it ends,
// so in December 2026 the register opens on 2025, never on an old recorded round.
func DefaultRound(rounds []domain.Round, today int) int {
	latest := today - 1
	for _, r := range rounds {
		if int(r.Year) <= today {
			latest = max(latest, int(r.Year))
		}
	}
	return latest
}

// ReportingYears are the years the reporting register covers: from the first year
// of the earliest plan (or the round asked for, when earlier) to today.
func ReportingYears(plans []domain.Plan, round, today int) (from, to int) {
	from = today
	for _, p := range plans {
		if p.PeriodStart > 0 && int(p.PeriodStart) < from {
			from = int(p.PeriodStart)
		}
	}
	if round > 0 && round < from {
		from = round
	}
	return from, today
}
