package plan

import (
	"time"

	"github.com/quangngai/chitieu/domain"
)

// RoundDate is the day that decides who must answer a year's round: its deadline,
// else the request letter's date, else the last day of the year reported on.
func RoundDate(r *domain.Round, year int) time.Time {
	switch {
	case r != nil && r.Deadline != nil:
		return *r.Deadline
	case r != nil && r.LetterDate != nil:
		return *r.LetterDate
	}
	return time.Date(year, 12, 31, 0, 0, 0, 0, time.UTC)
}

// ExpectedAt says whether an agency must answer a round whose decisive day is at: it
// exists that day (validity dates). The 13 district committees abolished on 30/6/2025
// and the departments merged in 2/2025 owe nothing for 2025; their successors answer.
func ExpectedAt(a domain.Agency, at time.Time) bool {
	day := func(t time.Time) string { return t.UTC().Format("2006-01-02") }
	if a.ValidFrom != nil && day(*a.ValidFrom) > day(at) {
		return false
	}
	if a.ValidTo != nil && day(*a.ValidTo) < day(at) {
		return false
	}
	return true
}

// Predecessors lists, per successor, the agencies it answers for at a round: those
// that ended before the round's day and name it as successor.
func Predecessors(agencies []domain.Agency, at time.Time) map[string][]string {
	out := map[string][]string{}
	for _, a := range agencies {
		if a.Successor != "" && !ExpectedAt(a, at) && a.ValidTo != nil && a.ValidTo.Before(at) {
			out[a.Successor] = append(out[a.Successor], a.Code)
		}
	}
	return out
}
