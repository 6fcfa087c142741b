package queries

import (
	"context"
	"fmt"
)

// SaveIndicators writes new versions of the given indicators (insert or update).
func (s *Store) SaveIndicators(ctx context.Context, items []Indicator) error {
	v := s.NewVersion()
	return s.insertRows(ctx, `INSERT INTO indicators (code, outline_section, name_vi, name_en, unit, kind,
		aggregation, higher_is_better, sort_order, version, deleted)`, len(items), func(i int) []any {
		it := items[i]
		return []any{it.Code, it.OutlineSection, it.NameVI, it.NameEN, it.Unit, it.Kind,
			it.Aggregation, boolByte(it.HigherIsBetter), it.SortOrder, v, uint8(0)}
	})
}

// Indicators lists the current indicators in outline order.
func (s *Store) Indicators(ctx context.Context) ([]Indicator, error) {
	rows, err := s.conn.Query(ctx, `SELECT code, outline_section, name_vi, name_en, unit, kind,
		toString(aggregation), higher_is_better, sort_order
		FROM indicators FINAL WHERE deleted = 0 ORDER BY sort_order, code`)
	if err != nil {
		return nil, fmt.Errorf("list indicators: %w", err)
	}
	defer rows.Close()
	var out []Indicator
	for rows.Next() {
		var it Indicator
		var hib uint8
		if err := rows.Scan(&it.Code, &it.OutlineSection, &it.NameVI, &it.NameEN, &it.Unit, &it.Kind,
			&it.Aggregation, &hib, &it.SortOrder); err != nil {
			return nil, err
		}
		it.HigherIsBetter = hib == 1
		out = append(out, it)
	}
	return out, rows.Err()
}

// SaveScopes writes new versions of the given scopes.
func (s *Store) SaveScopes(ctx context.Context, items []Scope) error {
	v := s.NewVersion()
	return s.insertRows(ctx, `INSERT INTO scopes (code, name_vi, name_en, kind, valid_from, valid_to,
		successor, note, note_en, version, deleted)`, len(items), func(i int) []any {
		it := items[i]
		return []any{it.Code, it.NameVI, it.NameEN, it.Kind, it.ValidFrom, it.ValidTo, it.Successor, it.Note, it.NoteEN, v, uint8(0)}
	})
}

// Scopes lists the non-zone scopes.
func (s *Store) Scopes(ctx context.Context) ([]Scope, error) {
	rows, err := s.conn.Query(ctx, `SELECT code, name_vi, name_en, kind, valid_from, valid_to, successor, note, note_en
		FROM scopes FINAL WHERE deleted = 0 ORDER BY code`)
	if err != nil {
		return nil, fmt.Errorf("list scopes: %w", err)
	}
	defer rows.Close()
	var out []Scope
	for rows.Next() {
		var it Scope
		if err := rows.Scan(&it.Code, &it.NameVI, &it.NameEN, &it.Kind, &it.ValidFrom, &it.ValidTo, &it.Successor, &it.Note, &it.NoteEN); err != nil {
			return nil, err
		}
		out = append(out, it)
	}
	return out, rows.Err()
}

// SaveZones writes new versions of the given zones.
func (s *Store) SaveZones(ctx context.Context, items []Zone) error {
	v := s.NewVersion()
	return s.insertRows(ctx, `INSERT INTO zones (code, name_vi, type, parent, location, area_ha, status,
		valid_from, valid_to, source, version, deleted)`, len(items), func(i int) []any {
		it := items[i]
		return []any{it.Code, it.NameVI, it.Type, it.Parent, it.Location, it.AreaHa, it.Status,
			it.ValidFrom, it.ValidTo, it.Source, v, uint8(0)}
	})
}

// Zones lists the current zones: economic zones first, then parks, then clusters.
func (s *Store) Zones(ctx context.Context) ([]Zone, error) {
	rows, err := s.conn.Query(ctx, `SELECT code, name_vi, toString(type), parent, location, area_ha, status,
		valid_from, valid_to, source
		FROM zones FINAL WHERE deleted = 0 ORDER BY type, code`)
	if err != nil {
		return nil, fmt.Errorf("list zones: %w", err)
	}
	defer rows.Close()
	var out []Zone
	for rows.Next() {
		var it Zone
		if err := rows.Scan(&it.Code, &it.NameVI, &it.Type, &it.Parent, &it.Location, &it.AreaHa, &it.Status,
			&it.ValidFrom, &it.ValidTo, &it.Source); err != nil {
			return nil, err
		}
		out = append(out, it)
	}
	return out, rows.Err()
}

// SaveAgencies writes new versions of the given agencies.
func (s *Store) SaveAgencies(ctx context.Context, items []Agency) error {
	v := s.NewVersion()
	return s.insertRows(ctx, `INSERT INTO agencies (code, name_vi, level, valid_from, valid_to, successor,
		source, version, deleted)`, len(items), func(i int) []any {
		it := items[i]
		return []any{it.Code, it.NameVI, it.Level, it.ValidFrom, it.ValidTo, it.Successor, it.Source, v, uint8(0)}
	})
}

// Agencies lists the reporting units, past ones included (see Agency.ActiveIn).
func (s *Store) Agencies(ctx context.Context) ([]Agency, error) {
	rows, err := s.conn.Query(ctx, `SELECT code, name_vi, level, valid_from, valid_to, successor, source
		FROM agencies FINAL WHERE deleted = 0 ORDER BY level, code`)
	if err != nil {
		return nil, fmt.Errorf("list agencies: %w", err)
	}
	defer rows.Close()
	var out []Agency
	for rows.Next() {
		var it Agency
		if err := rows.Scan(&it.Code, &it.NameVI, &it.Level, &it.ValidFrom, &it.ValidTo, &it.Successor, &it.Source); err != nil {
			return nil, err
		}
		out = append(out, it)
	}
	return out, rows.Err()
}

// SaveProjects writes new versions of the given key projects.
func (s *Store) SaveProjects(ctx context.Context, items []Project) error {
	v := s.NewVersion()
	return s.insertRows(ctx, `INSERT INTO projects (code, name_vi, zone, investor, capital_vnd_bn, capacity,
		milestones, status, source, capacity_en, milestones_en, version, deleted)`, len(items), func(i int) []any {
		it := items[i]
		return []any{it.Code, it.NameVI, it.Zone, it.Investor, it.CapitalVNDbn, it.Capacity, it.Milestones,
			it.Status, it.Source, it.CapacityEN, it.MilestonesEN, v, uint8(0)}
	})
}

// Projects lists the key projects.
func (s *Store) Projects(ctx context.Context) ([]Project, error) {
	rows, err := s.conn.Query(ctx, `SELECT code, name_vi, zone, investor, capital_vnd_bn, capacity, milestones,
		status, source, capacity_en, milestones_en FROM projects FINAL WHERE deleted = 0 ORDER BY code`)
	if err != nil {
		return nil, fmt.Errorf("list projects: %w", err)
	}
	defer rows.Close()
	var out []Project
	for rows.Next() {
		var it Project
		if err := rows.Scan(&it.Code, &it.NameVI, &it.Zone, &it.Investor, &it.CapitalVNDbn, &it.Capacity,
			&it.Milestones, &it.Status, &it.Source, &it.CapacityEN, &it.MilestonesEN); err != nil {
			return nil, err
		}
		out = append(out, it)
	}
	return out, rows.Err()
}
