package queries

import (
	"context"
	"fmt"
	"sort"

	"github.com/ClickHouse/clickhouse-go/v2/lib/driver"
)

// currentFiguresQuorum is CurrentFigures read on a quorum of replicas. Each replica
// gives its newest version of every figure, withdrawn ones too (a withdrawal seen
// on one replica must beat the older value another still shows); the newest of
// the answers wins, and withdrawn figures are then left out.
func (s *Store) currentFiguresQuorum(ctx context.Context, f FigureFilter) ([]CurrentFigure, error) {
	where, args := f.where()
	q := `SELECT indicator, scope, agency, year,
		argMax(value, version), argMax(unit, version), argMax(toString(status), version),
		argMax(source, version), argMax(note, version), argMax(upload_id, version),
		argMax(uploaded_by, version), argMax(uploaded_at, version), max(version),
		argMax(synthetic, version), count(), argMax(note_en, version), argMax(withdrawn, version)
		FROM figures ` + where + `
		GROUP BY indicator, scope, agency, year`
	got, err := quorumRead(ctx, s, func(ctx context.Context, c driver.Conn) ([]CurrentFigure, error) {
		rows, err := c.Query(ctx, q, args...)
		if err != nil {
			return nil, err
		}
		defer rows.Close()
		var out []CurrentFigure
		for rows.Next() {
			var c CurrentFigure
			var syn, wd uint8
			if err := rows.Scan(&c.Indicator, &c.Scope, &c.Agency, &c.Year, &c.Value, &c.Unit, &c.Status,
				&c.Source, &c.Note, &c.UploadID, &c.UploadedBy, &c.UploadedAt, &c.Version, &syn, &c.Versions, &c.NoteEN, &wd); err != nil {
				return nil, err
			}
			c.Synthetic, c.Withdrawn = syn == 1, wd == 1
			out = append(out, c)
		}
		return out, rows.Err()
	})
	if err != nil {
		return nil, fmt.Errorf("current figures (quorum): %w", err)
	}
	newest := map[FigureKey]CurrentFigure{}
	for _, answer := range got {
		for _, c := range answer {
			k := FigureKey{Indicator: c.Indicator, Scope: c.Scope, Agency: c.Agency, Year: c.Year}
			if old, ok := newest[k]; !ok || c.Version > old.Version {
				newest[k] = c
			}
		}
	}
	out := make([]CurrentFigure, 0, len(newest))
	for _, c := range newest {
		if !c.Withdrawn {
			out = append(out, c)
		}
	}
	sort.Slice(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if a.Indicator != b.Indicator {
			return a.Indicator < b.Indicator
		}
		if a.Scope != b.Scope {
			return a.Scope < b.Scope
		}
		if a.Agency != b.Agency {
			return a.Agency < b.Agency
		}
		return a.Year < b.Year
	})
	return out, nil
}
