package queries

import (
	"context"
	"fmt"
	"time"

	"github.com/quangngai/chitieu/domain"
)

// SaveSynthesis writes one version of SCT's text for an item: one row, one INSERT,
// so a save is whole or absent. It sets Version (the store's clock) when zero. The
// error wraps the driver's.
func (s *Store) SaveSynthesis(ctx context.Context, x domain.Synthesis) error {
	if x.State != domain.SynthesisDraft && x.State != domain.SynthesisFinal {
		return fmt.Errorf("synthesis %d %s: state %q unknown", x.Year, x.Item, x.State)
	}
	if x.Version == 0 {
		x.Version = s.NewVersion()
	}
	if x.SavedAt.IsZero() {
		x.SavedAt = time.Now()
	}
	err := s.insertRows(ctx, `INSERT INTO report_syntheses (year, item, state, text, saved_by, saved_at, version, deleted)`, 1,
		func(int) []any {
			return []any{x.Year, x.Item, x.State, x.Text, x.SavedBy, x.SavedAt.UTC(), x.Version, boolByte(x.Deleted)}
		})
	if err != nil {
		return fmt.Errorf("save synthesis %d %s: %w", x.Year, x.Item, err)
	}
	return nil
}

const synthesisColumns = `year, item, toString(state), text, saved_by, saved_at, version, deleted`

// RoundSyntheses reads a round's SCT texts: per item the newest version, and the
// newest final version unless it withdraws the text. The rows are SCT's own writes,
// each its own commit, so no upload's commit marker applies.
func (s *Store) RoundSyntheses(ctx context.Context, year uint16) (domain.Syntheses, error) {
	out := domain.Syntheses{Newest: map[string]domain.Synthesis{}, Printed: map[string]domain.Synthesis{}}
	newest, err := s.readSyntheses(ctx, `SELECT `+synthesisColumns+` FROM report_syntheses WHERE year = ? AND (item, version) IN
		(SELECT item, max(version) FROM report_syntheses WHERE year = ? GROUP BY item) ORDER BY item`, year, year)
	if err != nil {
		return out, err
	}
	for _, x := range newest {
		out.Newest[x.Item] = x
	}
	printed, err := s.readSyntheses(ctx, `SELECT `+synthesisColumns+` FROM report_syntheses WHERE year = ? AND (item, version) IN
		(SELECT item, max(version) FROM report_syntheses WHERE year = ? AND state = 'final' GROUP BY item) ORDER BY item`, year, year)
	if err != nil {
		return out, err
	}
	for _, x := range printed {
		if !x.Deleted {
			out.Printed[x.Item] = x
		}
	}
	return out, nil
}

// RoundSynthesisHistory lists every version of every item's text of a round, by item,
// oldest first: one read for the report page's history lists.
func (s *Store) RoundSynthesisHistory(ctx context.Context, year uint16) ([]domain.Synthesis, error) {
	return s.readSyntheses(ctx, `SELECT `+synthesisColumns+` FROM report_syntheses WHERE year = ? ORDER BY item, version`, year)
}

// SynthesisHistory lists every version of an item's text, oldest first.
func (s *Store) SynthesisHistory(ctx context.Context, year uint16, item string) ([]domain.Synthesis, error) {
	return s.readSyntheses(ctx, `SELECT `+synthesisColumns+` FROM report_syntheses WHERE year = ? AND item = ? ORDER BY version`, year, item)
}

func (s *Store) readSyntheses(ctx context.Context, q string, args ...any) ([]domain.Synthesis, error) {
	rows, err := s.conn.Query(ctx, q, args...)
	if err != nil {
		return nil, fmt.Errorf("read syntheses: %w", err)
	}
	defer rows.Close()
	var out []domain.Synthesis
	for rows.Next() {
		var x domain.Synthesis
		var deleted uint8
		if err := rows.Scan(&x.Year, &x.Item, &x.State, &x.Text, &x.SavedBy, &x.SavedAt, &x.Version, &deleted); err != nil {
			return nil, err
		}
		x.Deleted = deleted == 1
		s.clock.observe(x.Version)
		out = append(out, x)
	}
	return out, rows.Err()
}

// SetSynthesisMode writes a round's choice of where agencies' paragraphs go (a new
// version; the newest wins).
func (s *Store) SetSynthesisMode(ctx context.Context, m domain.SynthesisMode) error {
	if m.SetAt.IsZero() {
		m.SetAt = time.Now()
	}
	v := s.NewVersion()
	err := s.insertRows(ctx, `INSERT INTO round_synthesis_mode (year, annex, set_by, set_at, version)`, 1, func(int) []any {
		return []any{m.Year, boolByte(m.Annex), m.SetBy, m.SetAt.UTC(), v}
	})
	if err != nil {
		return fmt.Errorf("set synthesis mode %d: %w", m.Year, err)
	}
	return nil
}

// SynthesisMode reads a round's choice; a round never set is SCT's text alone.
func (s *Store) SynthesisMode(ctx context.Context, year uint16) (domain.SynthesisMode, error) {
	m := domain.SynthesisMode{Year: year}
	var annex uint8
	err := s.conn.QueryRow(ctx, `SELECT annex, set_by, set_at FROM round_synthesis_mode FINAL WHERE year = ?`, year).
		Scan(&annex, &m.SetBy, &m.SetAt)
	if isNoRows(err) {
		return m, nil
	}
	if err != nil {
		return m, fmt.Errorf("synthesis mode %d: %w", year, err)
	}
	m.Annex = annex == 1
	return m, nil
}
