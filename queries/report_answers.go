package queries

import (
	"context"
	"fmt"
	"time"

	"github.com/shopspring/decimal"
)

const answerColumns = `year, agency, row, key, state, title, text, nothing, number, date, signer, position, issuer,
	status, percent, milestones, obstacles, proposals, source, upload_id, saved_by, saved_at, version, deleted, synthetic,
	signature, moves`

// SaveReportAnswers writes a new version of each answer: every row of an answer shares
// its version, and all answers go in one INSERT, so a save is whole or absent.
func (s *Store) SaveReportAnswers(ctx context.Context, answers ...ReportAnswer) error {
	var rows [][]any
	for i := range answers {
		a := &answers[i]
		if a.State != AnswerDraft && a.State != AnswerSubmitted {
			return fmt.Errorf("answer %s %d: state %q unknown", a.Agency, a.Year, a.State)
		}
		if a.Version == 0 {
			a.Version = s.NewVersion() // increasing: the answers of one call in order
		}
		if a.SavedAt.IsZero() {
			a.SavedAt = time.Now()
		}
		base := func(kind, key string) []any {
			//          year    agency    row   key  state    title text nothing number date signer position issuer
			return []any{a.Year, a.Agency, kind, key, a.State, "", "", uint8(0), "", (*time.Time)(nil), "", "", "",
				// status percent milestones obstacles proposals
				"", (*decimal.Decimal)(nil), "", "", "",
				a.Source, a.UploadID, a.SavedBy, a.SavedAt.UTC(), a.Version, uint8(0), boolByte(a.Synthetic),
				"", ""} // signature moves
		}
		l := base("letter", "")
		l[8], l[9], l[10], l[11] = a.Letter.Number, a.Letter.Date, a.Letter.Signer, a.Letter.Position
		l[25], l[26] = a.Letter.Signature, a.Letter.Moves
		rows = append(rows, l)
		for _, it := range a.Items {
			r := base("item", it.Number)
			r[5], r[6], r[7] = it.Title, it.Text, boolByte(it.Nothing)
			rows = append(rows, r)
		}
		for _, p := range a.Projects {
			r := base("project", p.Project)
			r[13] = p.Status
			if p.Percent != nil {
				d := decimal.NewFromFloat(*p.Percent).Round(2)
				r[14] = &d
			}
			r[15], r[16], r[17] = p.Milestones, p.Obstacles, p.Proposals
			rows = append(rows, r)
		}
		for _, p := range a.Policies {
			if !ValidPolicyStatus(p.Status) {
				return fmt.Errorf("answer %s %d: policy status %q unknown", a.Agency, a.Year, p.Status)
			}
			r := base("policy", p.Key)
			r[8], r[9], r[5], r[12], r[13] = p.Number, p.Date, p.Title, p.Issuer, p.Status
			rows = append(rows, r)
		}
	}
	err := s.insertRows(ctx, `INSERT INTO report_answers (`+answerColumns+`)`, len(rows), func(i int) []any { return rows[i] })
	if err != nil {
		return fmt.Errorf("save report answers: %w", err)
	}
	return nil
}

// ReportAnswer reads an agency's current answer (the newest version), or one given
// version when version > 0. ErrAnswerNone: nothing saved yet.
func (s *Store) ReportAnswer(ctx context.Context, year uint16, agency string, version uint64) (ReportAnswer, error) {
	q := `SELECT ` + answerColumns + ` FROM report_answers WHERE year = ? AND agency = ? AND version = `
	args := []any{year, agency}
	if version > 0 {
		q += `?`
		args = append(args, version)
	} else {
		q += `(SELECT max(version) FROM report_answers WHERE year = ? AND agency = ? AND row = 'letter')`
		args = append(args, year, agency)
	}
	got, err := s.readAnswers(ctx, q+` ORDER BY row, key`, args...)
	if err != nil {
		return ReportAnswer{}, err
	}
	if len(got) == 0 {
		return ReportAnswer{}, ErrAnswerNone
	}
	return got[0], nil
}

// CurrentReportAnswers reads every agency's newest answer for a year, by agency.
// Synthetic answers are read only when synthetic is true (and then only those).
func (s *Store) CurrentReportAnswers(ctx context.Context, year uint16, synthetic bool) ([]ReportAnswer, error) {
	syn := boolByte(synthetic)
	return s.readAnswers(ctx, `SELECT `+answerColumns+` FROM report_answers
		WHERE synthetic = ? AND year = ? AND (agency, version) IN
			(SELECT agency, max(version) FROM report_answers WHERE synthetic = ? AND year = ? AND row = 'letter' GROUP BY agency)
		ORDER BY agency, row, key`, syn, year, syn, year)
}

// ReportAnswerHistory lists every saved version of an agency's answer, oldest first.
func (s *Store) ReportAnswerHistory(ctx context.Context, year uint16, agency string) ([]AnswerVersion, error) {
	rows, err := s.conn.Query(ctx, `SELECT version, toString(state), source, saved_by, saved_at FROM report_answers
		WHERE year = ? AND agency = ? AND row = 'letter' ORDER BY version`, year, agency)
	if err != nil {
		return nil, fmt.Errorf("answer history: %w", err)
	}
	defer rows.Close()
	var out []AnswerVersion
	for rows.Next() {
		var v AnswerVersion
		if err := rows.Scan(&v.Version, &v.State, &v.Source, &v.SavedBy, &v.SavedAt); err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	return out, rows.Err()
}

// readAnswers groups rows (ordered by agency, then row kind) into answers.
func (s *Store) readAnswers(ctx context.Context, q string, args ...any) ([]ReportAnswer, error) {
	rows, err := s.conn.Query(ctx, q, args...)
	if err != nil {
		return nil, fmt.Errorf("read report answers: %w", err)
	}
	defer rows.Close()
	var out []ReportAnswer
	for rows.Next() {
		var (
			year                                                        uint16
			agency, kind, key, state, title, text                       string
			nothing, deleted, synthetic                                 uint8
			number, signer, position, issuer, status                    string
			date                                                        *time.Time
			percent                                                     *decimal.Decimal
			milestones, obstacles, proposals, source, uploadID, savedBy string
			savedAt                                                     time.Time
			version                                                     uint64
			signature, moves                                            string
		)
		if err := rows.Scan(&year, &agency, &kind, &key, &state, &title, &text, &nothing, &number, &date, &signer,
			&position, &issuer, &status, &percent, &milestones, &obstacles, &proposals, &source, &uploadID, &savedBy,
			&savedAt, &version, &deleted, &synthetic, &signature, &moves); err != nil {
			return nil, err
		}
		if len(out) == 0 || out[len(out)-1].Agency != agency || out[len(out)-1].Version != version {
			out = append(out, ReportAnswer{Year: year, Agency: agency, Version: version})
		}
		a := &out[len(out)-1]
		a.State, a.Source, a.UploadID, a.SavedBy, a.SavedAt, a.Synthetic = state, source, uploadID, savedBy, savedAt, synthetic == 1
		switch kind {
		case "letter":
			a.Letter = AnswerLetter{Number: number, Date: date, Signer: signer, Position: position, Signature: signature, Moves: moves}
		case "item":
			a.Items = append(a.Items, AnswerItem{Number: key, Title: title, Text: text, Nothing: nothing == 1})
		case "project":
			p := ProjectProgress{Project: key, Status: status, Milestones: milestones, Obstacles: obstacles, Proposals: proposals}
			if percent != nil {
				f := percent.InexactFloat64()
				p.Percent = &f
			}
			a.Projects = append(a.Projects, p)
		case "policy":
			a.Policies = append(a.Policies, PolicyDoc{Key: key, Number: number, Date: date, Title: title, Issuer: issuer, Status: status})
		}
	}
	return out, rows.Err()
}
