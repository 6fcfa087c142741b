package queries

import (
	"context"
	"errors"
	"fmt"
	"sort"
	"strconv"
	"strings"
)

// Outlines lists the outlines (without items), by code.
func (s *Store) Outlines(ctx context.Context) ([]Outline, error) {
	rows, err := s.conn.Query(ctx, `SELECT code, argMax(name, version), argMax(based_on, version)
		FROM outlines GROUP BY code HAVING argMax(deleted, version) = 0 ORDER BY code`)
	if err != nil {
		return nil, fmt.Errorf("list outlines: %w", err)
	}
	defer rows.Close()
	var out []Outline
	for rows.Next() {
		var o Outline
		if err := rows.Scan(&o.Code, &o.Name, &o.BasedOn); err != nil {
			return nil, err
		}
		out = append(out, o)
	}
	return out, rows.Err()
}

// OutlineByCode reads an outline and its current items in order. ErrOutlineUnknown: no such outline.
func (s *Store) OutlineByCode(ctx context.Context, code string) (Outline, error) {
	all, err := s.Outlines(ctx)
	if err != nil {
		return Outline{}, err
	}
	var o Outline
	for _, it := range all {
		if it.Code == code {
			o = it
		}
	}
	if o.Code == "" {
		return Outline{}, fmt.Errorf("%w: %q", ErrOutlineUnknown, code)
	}
	rows, err := s.conn.Query(ctx, `SELECT number, argMax(position, version), toString(argMax(kind, version)),
		argMax(title, version), argMax(guidance, version), argMax(indicators, version), argMax(label, version)
		FROM outline_items WHERE outline = ?
		GROUP BY number HAVING argMax(deleted, version) = 0`, code)
	if err != nil {
		return Outline{}, fmt.Errorf("outline items: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var it OutlineItem
		if err := rows.Scan(&it.Number, &it.Position, &it.Kind, &it.Title, &it.Guidance, &it.Indicators, &it.Label); err != nil {
			return Outline{}, err
		}
		o.Items = append(o.Items, it)
	}
	sort.SliceStable(o.Items, func(i, j int) bool {
		if o.Items[i].Position != o.Items[j].Position {
			return o.Items[i].Position < o.Items[j].Position
		}
		return lessNumber(o.Items[i].Number, o.Items[j].Number)
	})
	return o, rows.Err()
}

// lessNumber orders outline numbers part by part: II.4.1 before II.10, I before II.
func lessNumber(a, b string) bool {
	pa, pb := strings.Split(a, "."), strings.Split(b, ".")
	for i := 0; i < len(pa) && i < len(pb); i++ {
		if pa[i] == pb[i] {
			continue
		}
		na, ea := strconv.Atoi(pa[i])
		nb, eb := strconv.Atoi(pb[i])
		if ea == nil && eb == nil {
			return na < nb
		}
		if i == 0 {
			return romanValue(pa[i]) < romanValue(pb[i])
		}
		return pa[i] < pb[i]
	}
	return len(pa) < len(pb)
}

func romanValue(s string) int {
	vals := map[byte]int{'I': 1, 'V': 5, 'X': 10, 'L': 50}
	total := 0
	for i := 0; i < len(s); i++ {
		v := vals[s[i]]
		if i+1 < len(s) && vals[s[i+1]] > v {
			total -= v
		} else {
			total += v
		}
	}
	return total
}

// SaveOutline writes a new version of an outline and of the given items (one INSERT per
// table). Items absent from the list are not touched; DeleteOutlineItem removes one.
func (s *Store) SaveOutline(ctx context.Context, o Outline) error {
	if strings.TrimSpace(o.Code) == "" {
		return errors.New("outline: code is empty")
	}
	for _, it := range o.Items {
		if !ValidItemKind(it.Kind) {
			return fmt.Errorf("outline %s item %s: kind %q unknown", o.Code, it.Number, it.Kind)
		}
	}
	v := s.NewVersion()
	if err := s.insertRows(ctx, `INSERT INTO outlines (code, name, based_on, version, deleted)`, 1, func(int) []any {
		return []any{o.Code, o.Name, o.BasedOn, v, uint8(0)}
	}); err != nil {
		return fmt.Errorf("save outline: %w", err)
	}
	return s.insertRows(ctx, `INSERT INTO outline_items (outline, number, position, kind, title, guidance, indicators,
		version, deleted, label)`, len(o.Items), func(i int) []any {
		it := o.Items[i]
		ind := it.Indicators
		if ind == nil {
			ind = []string{}
		}
		return []any{o.Code, it.Number, it.Position, it.Kind, it.Title, it.Guidance, ind, v, uint8(0), it.Label}
	})
}

// DeleteOutlineItem removes an item from an outline (a new version marked deleted).
func (s *Store) DeleteOutlineItem(ctx context.Context, outline, number string) error {
	return s.insertRows(ctx, `INSERT INTO outline_items (outline, number, position, kind, title, guidance, indicators,
		version, deleted)`, 1, func(int) []any {
		return []any{outline, number, uint16(0), ItemNarrative, "", "", []string{}, s.NewVersion(), uint8(1)}
	})
}

// CopyOutline makes a new outline from an existing one, items and all. It refuses to
// overwrite an existing code. ErrOutlineUnknown: the source does not exist.
func (s *Store) CopyOutline(ctx context.Context, from, to, name string) error {
	src, err := s.OutlineByCode(ctx, from)
	if err != nil {
		return err
	}
	if _, err := s.OutlineByCode(ctx, to); err == nil {
		return fmt.Errorf("outline %q already exists", to)
	} else if !errors.Is(err, ErrOutlineUnknown) {
		return err
	}
	src.Code, src.Name, src.BasedOn = to, name, from
	return s.SaveOutline(ctx, src)
}

// SetRoundOutline names the outline a round's agencies answer. ErrOutlineUnknown: no such outline.
func (s *Store) SetRoundOutline(ctx context.Context, year uint16, outline string) error {
	if _, err := s.OutlineByCode(ctx, outline); err != nil {
		return err
	}
	return s.insertRows(ctx, `INSERT INTO round_outlines (year, outline, version)`, 1, func(int) []any {
		return []any{year, outline, s.NewVersion()}
	})
}

// RoundOutlineCode is the outline a round answers: its own, or DefaultOutline.
func (s *Store) RoundOutlineCode(ctx context.Context, year uint16) (string, error) {
	rows, err := s.conn.Query(ctx, `SELECT argMax(outline, version) FROM round_outlines WHERE year = ? GROUP BY year`, year)
	if err != nil {
		return "", fmt.Errorf("round outline: %w", err)
	}
	defer rows.Close()
	code := DefaultOutline
	if rows.Next() {
		if err := rows.Scan(&code); err != nil {
			return "", err
		}
	}
	return code, rows.Err()
}

// RoundOutline reads the outline a round answers, items and all.
func (s *Store) RoundOutline(ctx context.Context, year uint16) (Outline, error) {
	code, err := s.RoundOutlineCode(ctx, year)
	if err != nil {
		return Outline{}, err
	}
	return s.OutlineByCode(ctx, code)
}
