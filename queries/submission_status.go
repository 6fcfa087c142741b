package queries

import (
	"context"
	"fmt"
)

// ReportingRows reads the rows for the years yearFrom..yearTo. An error is a failed
// read of one of the four tables.
func (s *Store) ReportingRows(ctx context.Context, yearFrom, yearTo uint16) (ReportingRows, error) {
	var out ReportingRows
	var err error
	if out.Agencies, err = s.Agencies(ctx); err != nil {
		return out, err
	}
	if out.Rounds, err = s.Rounds(ctx); err != nil {
		return out, err
	}
	if out.Submissions, err = s.CurrentSubmissions(ctx, yearFrom, yearTo); err != nil {
		return out, err
	}
	if out.WithFigures, err = s.figureCounts(ctx, yearFrom, yearTo); err != nil {
		return out, err
	}
	out.Answered, err = s.answerCounts(ctx, yearFrom, yearTo)
	return out, err
}

// answerCounts marks each agency-year whose newest real (not synthetic) answer letter
// is submitted: a draft is not yet the agency's word.
func (s *Store) answerCounts(ctx context.Context, yearFrom, yearTo uint16) (map[AgencyYear]int, error) {
	rows, err := s.conn.Query(ctx, `SELECT agency, year FROM report_answers
		WHERE synthetic = 0 AND row = 'letter' AND year >= ? AND year <= ? GROUP BY agency, year
		HAVING argMax(toString(state), version) = 'submitted'`, yearFrom, yearTo)
	if err != nil {
		return nil, fmt.Errorf("answer counts: %w", err)
	}
	defer rows.Close()
	out := map[AgencyYear]int{}
	for rows.Next() {
		var k AgencyYear
		if err := rows.Scan(&k.Agency, &k.Year); err != nil {
			return nil, err
		}
		out[k] = 1
	}
	return out, rows.Err()
}

// figureCounts counts each agency's current committed figures per year: the figures
// of an upload that never reached its commit marker count for nobody.
func (s *Store) figureCounts(ctx context.Context, yearFrom, yearTo uint16) (map[AgencyYear]int, error) {
	rows, err := s.conn.Query(ctx, `SELECT agency, year, count() FROM (
		SELECT agency, year FROM figures WHERE synthetic = 0 AND year >= ? AND year <= ? AND `+committed+`
		GROUP BY indicator, scope, agency, year
		HAVING argMax(withdrawn, version) = 0)
		GROUP BY agency, year`, yearFrom, yearTo)
	if err != nil {
		return nil, fmt.Errorf("figure counts: %w", err)
	}
	defer rows.Close()
	out := map[AgencyYear]int{}
	for rows.Next() {
		var k AgencyYear
		var n uint64
		if err := rows.Scan(&k.Agency, &k.Year, &n); err != nil {
			return nil, err
		}
		out[k] = int(n)
	}
	return out, rows.Err()
}
