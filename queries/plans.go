package queries

import (
	"context"
	"fmt"
)

// SavePlans writes new versions of the given plans.
func (s *Store) SavePlans(ctx context.Context, items []Plan) error {
	v := s.NewVersion()
	return s.insertRows(ctx, `INSERT INTO plans (code, name_vi, name_en, document, document_en, period_start, period_end,
		version, deleted)`, len(items), func(i int) []any {
		it := items[i]
		return []any{it.Code, it.NameVI, it.NameEN, it.Document, it.DocumentEN, it.PeriodStart, it.PeriodEnd, v, uint8(0)}
	})
}

// Plans lists the plans, newest period first.
func (s *Store) Plans(ctx context.Context) ([]Plan, error) {
	rows, err := s.conn.Query(ctx, `SELECT code, name_vi, name_en, document, period_start, period_end, document_en
		FROM plans FINAL WHERE deleted = 0 ORDER BY period_end DESC, period_start DESC, code`)
	if err != nil {
		return nil, fmt.Errorf("list plans: %w", err)
	}
	defer rows.Close()
	var out []Plan
	for rows.Next() {
		var it Plan
		if err := rows.Scan(&it.Code, &it.NameVI, &it.NameEN, &it.Document, &it.PeriodStart, &it.PeriodEnd, &it.DocumentEN); err != nil {
			return nil, err
		}
		out = append(out, it)
	}
	return out, rows.Err()
}

// SaveTargets writes new versions of the given targets; a target with the same plan,
// indicator, scope and period replaces the earlier one.
func (s *Store) SaveTargets(ctx context.Context, items []Target) error {
	v := s.NewVersion()
	return s.insertRows(ctx, `INSERT INTO targets (plan, indicator, scope, period_start, period_end, kind,
		comparator, value_min, value_max, unit, source, version, deleted)`, len(items), func(i int) []any {
		it := items[i]
		return []any{it.Plan, it.Indicator, it.Scope, it.PeriodStart, it.PeriodEnd, it.Kind, it.Comparator,
			it.ValueMin, it.ValueMax, it.Unit, it.Source, v, uint8(0)}
	})
}

// DeleteTarget hides a target from reads.
func (s *Store) DeleteTarget(ctx context.Context, t Target) error {
	return s.insertRows(ctx, `INSERT INTO targets (plan, indicator, scope, period_start, period_end, kind,
		comparator, value_min, value_max, unit, source, version, deleted)`, 1, func(int) []any {
		return []any{t.Plan, t.Indicator, t.Scope, t.PeriodStart, t.PeriodEnd, t.Kind, t.Comparator, t.ValueMin,
			t.ValueMax, t.Unit, t.Source, s.NewVersion(), uint8(1)}
	})
}

// Targets lists the targets of a plan, or of every plan when plan is empty.
func (s *Store) Targets(ctx context.Context, plan string) ([]Target, error) {
	rows, err := s.conn.Query(ctx, `SELECT plan, indicator, scope, period_start, period_end, toString(kind),
		toString(comparator), value_min, value_max, unit, source
		FROM targets FINAL WHERE deleted = 0 AND (? = '' OR plan = ?)
		ORDER BY plan, indicator, scope, period_start`, plan, plan)
	if err != nil {
		return nil, fmt.Errorf("list targets: %w", err)
	}
	defer rows.Close()
	var out []Target
	for rows.Next() {
		var it Target
		if err := rows.Scan(&it.Plan, &it.Indicator, &it.Scope, &it.PeriodStart, &it.PeriodEnd, &it.Kind,
			&it.Comparator, &it.ValueMin, &it.ValueMax, &it.Unit, &it.Source); err != nil {
			return nil, err
		}
		out = append(out, it)
	}
	return out, rows.Err()
}

// SaveRounds writes new versions of reporting rounds.
func (s *Store) SaveRounds(ctx context.Context, items []Round) error {
	v := s.NewVersion()
	return s.insertRows(ctx, `INSERT INTO rounds (year, letter_no, letter_date, deadline, version, deleted)`,
		len(items), func(i int) []any {
			it := items[i]
			return []any{it.Year, it.LetterNo, it.LetterDate, it.Deadline, v, uint8(0)}
		})
}

// Rounds lists the reporting rounds by year.
func (s *Store) Rounds(ctx context.Context) ([]Round, error) {
	rows, err := s.conn.Query(ctx, `SELECT year, letter_no, letter_date, deadline FROM rounds FINAL
		WHERE deleted = 0 ORDER BY year`)
	if err != nil {
		return nil, fmt.Errorf("list rounds: %w", err)
	}
	defer rows.Close()
	var out []Round
	for rows.Next() {
		var it Round
		if err := rows.Scan(&it.Year, &it.LetterNo, &it.LetterDate, &it.Deadline); err != nil {
			return nil, err
		}
		out = append(out, it)
	}
	return out, rows.Err()
}
