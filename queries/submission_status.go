package queries

import (
	"context"
	"time"
)

// Submission states for the dashboard, beyond the stored submitted and nil.
const (
	SubmissionLate        = "late"         // first sent after the round's deadline
	SubmissionRevisedLate = "revised_late" // sent in time, then revised after the deadline
)

// vietnam is the province's clock: a deadline date ends at midnight there.
var vietnam = time.FixedZone("ICT", 7*3600)

// SubmissionStatus is where one agency stands for one year's reporting round.
type SubmissionStatus struct {
	Agency     string     `json:"agency"`
	AgencyName string     `json:"agency_name"`
	Year       uint16     `json:"year"`
	State      string     `json:"state"`   // missing, submitted, nil, late, revised_late
	Overdue    bool       `json:"overdue"` // missing and the deadline has passed
	Deadline   *time.Time `json:"deadline,omitempty"`
	FirstAt    *time.Time `json:"first_at,omitempty"`
	LastAt     *time.Time `json:"last_at,omitempty"`
	Versions   uint64     `json:"versions"`
	LetterNo   string     `json:"letter_no,omitempty"`
	LetterDate *time.Time `json:"letter_date,omitempty"`
	Signer     string     `json:"signer,omitempty"`
	UploadID   string     `json:"upload_id,omitempty"`
}

// SubmissionStatuses lists, for every year in the range, each agency active that year
// (and any other agency that sent something) with its state against the round's
// deadline (rounds table). now decides whether a missing report is overdue.
func (s *Store) SubmissionStatuses(ctx context.Context, yearFrom, yearTo uint16, now time.Time) ([]SubmissionStatus, error) {
	agencies, err := s.Agencies(ctx)
	if err != nil {
		return nil, err
	}
	rounds, err := s.Rounds(ctx)
	if err != nil {
		return nil, err
	}
	subs, err := s.CurrentSubmissions(ctx, yearFrom, yearTo)
	if err != nil {
		return nil, err
	}
	deadlines := map[uint16]*time.Time{}
	for _, r := range rounds {
		deadlines[r.Year] = r.Deadline
	}
	type key struct {
		agency string
		year   uint16
	}
	sent := map[key]SubmissionState{}
	for _, st := range subs {
		sent[key{st.Agency, st.Year}] = st
	}
	names := map[string]string{}
	for _, a := range agencies {
		names[a.Code] = a.NameVI
	}
	var out []SubmissionStatus
	for y := int(yearFrom); y <= int(yearTo); y++ {
		year := uint16(y)
		seen := map[string]bool{}
		add := func(code string) {
			if seen[code] {
				return
			}
			seen[code] = true
			out = append(out, submissionStatus(code, names[code], year, deadlines[year], sent[key{code, year}], now))
		}
		for _, a := range agencies {
			if a.ActiveIn(y) {
				add(a.Code)
			}
		}
		for _, st := range subs {
			if st.Year == year {
				add(st.Agency)
			}
		}
	}
	return out, nil
}

func submissionStatus(agency, name string, year uint16, deadline *time.Time, st SubmissionState, now time.Time) SubmissionStatus {
	out := SubmissionStatus{Agency: agency, AgencyName: name, Year: year, Deadline: deadline, State: SubmissionMissing}
	var end time.Time // the first instant after the deadline day, in Vietnam
	if deadline != nil {
		d := deadline.UTC()
		end = time.Date(d.Year(), d.Month(), d.Day(), 0, 0, 0, 0, vietnam).AddDate(0, 0, 1)
	}
	if st.Versions == 0 {
		out.Overdue = deadline != nil && !now.Before(end)
		return out
	}
	first, last := st.FirstAt.SubmittedAt, st.SubmittedAt
	out.FirstAt, out.LastAt = &first, &last
	out.Versions, out.LetterNo, out.LetterDate, out.Signer, out.UploadID = st.Versions, st.LetterNo, st.LetterDate, st.Signer, st.UploadID
	out.State = st.Status
	if deadline != nil && out.State == SubmissionSubmitted {
		switch {
		case !first.Before(end):
			out.State = SubmissionLate
		case !last.Before(end):
			out.State = SubmissionRevisedLate
		}
	}
	return out
}
