package queries

import (
	"context"
	"fmt"

	"github.com/google/uuid"
)

// InsertSubmission records a report or a nil report for an agency and year. A nil
// report is visible at once; a report only once its upload is committed (a direct
// report, with no upload of figures behind it, commits itself).
func (s *Store) InsertSubmission(ctx context.Context, sub Submission) error {
	if sub.Version == 0 {
		sub.Version = s.NewVersion()
	}
	if sub.UploadID == "" {
		sub.UploadID = uuid.NewString()
	}
	if err := s.insertRows(ctx, `INSERT INTO submissions (agency, year, status, letter_no, letter_date, signer, note,
		upload_id, submitted_by, submitted_at, version, withdrawn)`, 1, func(int) []any {
		return []any{sub.Agency, sub.Year, sub.Status, sub.LetterNo, sub.LetterDate, sub.Signer, sub.Note,
			sub.UploadID, sub.SubmittedBy, sub.SubmittedAt.UTC(), sub.Version, boolByte(sub.Withdrawn)}
	}); err != nil {
		return err
	}
	if sub.Status == SubmissionNil {
		return nil // a nil report is one row: its own commit (committedSubmission)
	}
	// A direct report (the written-report form) is committed like a direct figure write.
	return s.commitDirect(ctx, []string{sub.UploadID}, sub.SubmittedBy)
}

// InsertSubmissions writes several reports in one INSERT (an upload's, one per year):
// invisible until the upload's commit marker.
func (s *Store) InsertSubmissions(ctx context.Context, subs []Submission) error {
	return s.insertRows(ctx, `INSERT INTO submissions (agency, year, status, letter_no, letter_date, signer, note,
		upload_id, submitted_by, submitted_at, version, withdrawn)`, len(subs), func(i int) []any {
		sub := subs[i]
		if sub.Version == 0 {
			sub.Version = s.NewVersion()
		}
		return []any{sub.Agency, sub.Year, sub.Status, sub.LetterNo, sub.LetterDate, sub.Signer, sub.Note,
			sub.UploadID, sub.SubmittedBy, sub.SubmittedAt.UTC(), sub.Version, boolByte(sub.Withdrawn)}
	})
}

// CurrentSubmissions returns the newest submission per agency and year in the range.
// Agencies absent from the result have not reported (missing).
func (s *Store) CurrentSubmissions(ctx context.Context, yearFrom, yearTo uint16) ([]SubmissionState, error) {
	rows, err := s.conn.Query(ctx, `SELECT agency, year, argMax(toString(status), version),
		argMax(letter_no, version), argMax(letter_date, version), argMax(signer, version), argMax(note, version),
		argMax(upload_id, version), argMax(submitted_by, version), argMax(submitted_at, version), max(version),
		min(submitted_at), count()
		FROM submissions WHERE year >= ? AND year <= ? AND `+committedSubmission+`
		GROUP BY agency, year
		HAVING argMax(withdrawn, version) = 0
		ORDER BY agency, year`, yearFrom, yearTo)
	if err != nil {
		return nil, fmt.Errorf("current submissions: %w", err)
	}
	defer rows.Close()
	var out []SubmissionState
	for rows.Next() {
		var st SubmissionState
		if err := rows.Scan(&st.Agency, &st.Year, &st.Status, &st.LetterNo, &st.LetterDate, &st.Signer, &st.Note,
			&st.UploadID, &st.SubmittedBy, &st.SubmittedAt, &st.Version, &st.FirstAt.SubmittedAt, &st.Versions); err != nil {
			return nil, err
		}
		s.clock.observe(st.Version) // a report written after this read outranks it
		out = append(out, st)
	}
	return out, rows.Err()
}

// SubmissionHistory returns every version of an agency's submission for a year, oldest first.
func (s *Store) SubmissionHistory(ctx context.Context, agency string, year uint16) ([]Submission, error) {
	rows, err := s.conn.Query(ctx, `SELECT agency, year, toString(status), letter_no, letter_date, signer, note,
		upload_id, submitted_by, submitted_at, version, withdrawn
		FROM submissions WHERE agency = ? AND year = ? AND `+committedSubmission+` ORDER BY version`, agency, year)
	if err != nil {
		return nil, fmt.Errorf("submission history: %w", err)
	}
	defer rows.Close()
	var out []Submission
	for rows.Next() {
		var sub Submission
		var wd uint8
		if err := rows.Scan(&sub.Agency, &sub.Year, &sub.Status, &sub.LetterNo, &sub.LetterDate, &sub.Signer,
			&sub.Note, &sub.UploadID, &sub.SubmittedBy, &sub.SubmittedAt, &sub.Version, &wd); err != nil {
			return nil, err
		}
		sub.Withdrawn = wd == 1
		out = append(out, sub)
	}
	return out, rows.Err()
}
