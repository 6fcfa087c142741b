package queries

import (
	"context"
	"fmt"

	"github.com/quangngai/chitieu/domain"
)

// RoundDocument is what a round's report cites and who signs it (domain.RoundDocument).
type RoundDocument = domain.RoundDocument

// TemplateOutline is the outline a new round opens from (domain.TemplateOutline).
const TemplateOutline = domain.TemplateOutline

// RoundDocument reads a year's document; ok is false when the round has none yet. An
// error is a failed read.
func (s *Store) RoundDocument(ctx context.Context, year uint16) (RoundDocument, bool, error) {
	rows, err := s.conn.Query(ctx, `SELECT argMax(request_about, version), argMax(plan, version),
		argMax(plan_citation, version), argMax(citations, version), argMax(number_pattern, version),
		argMax(signer_name, version), argMax(signer_position, version), argMax(recipients, version),
		argMax(charts, version)
		FROM round_documents WHERE year = ? GROUP BY year`, year)
	if err != nil {
		return RoundDocument{}, false, fmt.Errorf("round document: %w", err)
	}
	defer rows.Close()
	d := RoundDocument{Year: year}
	if !rows.Next() {
		return d, false, rows.Err()
	}
	var charts uint8
	if err := rows.Scan(&d.RequestAbout, &d.Plan, &d.PlanCitation, &d.Citations, &d.NumberPattern,
		&d.SignerName, &d.SignerPosition, &d.Recipients, &charts); err != nil {
		return RoundDocument{}, false, err
	}
	d.Charts = charts == 1
	return d, true, rows.Err()
}

// SaveRoundDocument writes a new version of a year's document (the whole of it).
func (s *Store) SaveRoundDocument(ctx context.Context, d RoundDocument) error {
	arr := func(a []string) []string {
		if a == nil {
			return []string{}
		}
		return a
	}
	var charts uint8
	if d.Charts {
		charts = 1
	}
	return s.insertRows(ctx, `INSERT INTO round_documents (year, request_about, plan, plan_citation, citations,
		number_pattern, signer_name, signer_position, recipients, charts, version)`, 1, func(int) []any {
		return []any{d.Year, d.RequestAbout, d.Plan, d.PlanCitation, arr(d.Citations), d.NumberPattern, d.SignerName,
			arr(d.SignerPosition), arr(d.Recipients), charts, s.NewVersion()}
	})
}

// HasRoundOutline says whether a round names an outline of its own (else it answers
// DefaultOutline).
func (s *Store) HasRoundOutline(ctx context.Context, year uint16) (bool, error) {
	rows, err := s.conn.Query(ctx, `SELECT count() FROM round_outlines WHERE year = ?`, year)
	if err != nil {
		return false, fmt.Errorf("round outline: %w", err)
	}
	defer rows.Close()
	var n uint64
	if rows.Next() {
		if err := rows.Scan(&n); err != nil {
			return false, err
		}
	}
	return n > 0, rows.Err()
}
