package queries

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/ClickHouse/clickhouse-go/v2/lib/driver"
)

const figureColumns = `indicator, scope, agency, year, value, unit, status, source, note,
	upload_id, uploaded_by, uploaded_at, version, withdrawn, synthetic`

// InsertFigures writes figure versions in one INSERT and commits them: all of them
// or none become visible. It is the direct path (demo and synthetic loaders, tools,
// tests): after the figures it writes a commit marker for each of their upload ids.
// File uploads go through ingest, which writes its own marker after the report.
// Callers set Version (NewVersion) so that a whole upload shares one version.
func (s *Store) InsertFigures(ctx context.Context, figs []Figure) error {
	// note_en last: only the published dataset has English notes; uploads stream
	// figureColumns and leave it empty.
	err := s.insertRows(ctx, "INSERT INTO figures ("+figureColumns+", note_en, price_basis_break)", len(figs), func(i int) []any {
		f := figs[i]
		return []any{f.Indicator, f.Scope, f.Agency, f.Year, f.Value, f.Unit, f.Status, f.Source, f.Note,
			f.UploadID, f.UploadedBy, f.UploadedAt.UTC(), f.Version, boolByte(f.Withdrawn), boolByte(f.Synthetic), f.NoteEN,
			boolByte(f.PriceBasisBreak)}
	})
	if err != nil || len(figs) == 0 {
		return err
	}
	var ids []string
	seen := map[string]bool{}
	for _, f := range figs {
		if !seen[f.UploadID] {
			seen[f.UploadID] = true
			ids = append(ids, f.UploadID)
		}
	}
	return s.commitDirect(ctx, ids, figs[0].UploadedBy)
}

// WithdrawFigure hides the figure with this key from current reads by writing a
// withdrawn version; its history keeps every earlier version. It returns ErrNotFound
// when the key has no current value.
func (s *Store) WithdrawFigure(ctx context.Context, key FigureKey, by, uploadID, note string) error {
	cur, err := s.CurrentFigures(ctx, FigureFilter{Indicators: []string{key.Indicator}, Scopes: []string{key.Scope},
		Agencies: []string{key.Agency}, YearFrom: key.Year, YearTo: key.Year, IncludeSynthetic: true})
	if err != nil {
		return err
	}
	if len(cur) == 0 {
		return ErrNotFound
	}
	f := cur[0].Figure
	f.Withdrawn = true
	f.Note = note
	f.UploadID = uploadID
	f.UploadedBy = by
	f.UploadedAt = time.Now()
	f.Version = s.NewVersion()
	return s.InsertFigures(ctx, []Figure{f}) // one row, then its commit marker
}

// FigureFilter narrows a figure read; empty fields match everything.
type FigureFilter struct {
	Indicators       []string
	Scopes           []string
	Agencies         []string
	YearFrom         uint16
	YearTo           uint16
	IncludeSynthetic bool
	// Quorum: on a cluster, read a quorum of replicas and keep the newest version of
	// each figure any of them has. For the diff an upload is written against: a diff
	// against a lagging replica would mix the new file with an acknowledged upload it
	// did not see.
	Quorum bool
}

func (f FigureFilter) where() (string, []any) {
	var conds []string
	var args []any
	if len(f.Indicators) > 0 {
		conds = append(conds, "indicator IN ?")
		args = append(args, inSet(f.Indicators))
	}
	if len(f.Scopes) > 0 {
		conds = append(conds, "scope IN ?")
		args = append(args, inSet(f.Scopes))
	}
	if len(f.Agencies) > 0 {
		conds = append(conds, "agency IN ?")
		args = append(args, inSet(f.Agencies))
	}
	if f.YearFrom > 0 {
		conds = append(conds, "year >= ?")
		args = append(args, f.YearFrom)
	}
	if f.YearTo > 0 {
		conds = append(conds, "year <= ?")
		args = append(args, f.YearTo)
	}
	if !f.IncludeSynthetic {
		conds = append(conds, "synthetic = 0")
	}
	// The filter goes to PREWHERE: ClickHouse reads its few columns first and the
	// rest (upload_id for the commit check among them) only where rows match, so the
	// commit check costs nothing at 10 million synthetic rows.
	if len(conds) == 0 {
		return "WHERE " + committed, args
	}
	return "PREWHERE " + strings.Join(conds, " AND ") + " WHERE " + committed, args
}

// CurrentFigures returns the newest committed version of each figure matching the
// filter, leaving out withdrawn ones. It is right immediately after a write: no merge
// needed.
func (s *Store) CurrentFigures(ctx context.Context, f FigureFilter) ([]CurrentFigure, error) {
	if f.Quorum && s.quorum != nil {
		return s.currentFiguresQuorum(ctx, f)
	}
	where, args := f.where()
	q := `SELECT indicator, scope, agency, year,
		argMax(value, version), argMax(unit, version), argMax(toString(status), version),
		argMax(source, version), argMax(note, version), argMax(upload_id, version),
		argMax(uploaded_by, version), argMax(uploaded_at, version), max(version),
		argMax(synthetic, version), count(), argMax(note_en, version), argMax(price_basis_break, version)
		FROM figures ` + where + `
		GROUP BY indicator, scope, agency, year
		HAVING argMax(withdrawn, version) = 0
		ORDER BY indicator, scope, agency, year`
	rows, err := s.conn.Query(ctx, q, args...)
	if err != nil {
		return nil, fmt.Errorf("current figures: %w", err)
	}
	defer rows.Close()
	var out []CurrentFigure
	for rows.Next() {
		var c CurrentFigure
		var syn, brk uint8
		if err := rows.Scan(&c.Indicator, &c.Scope, &c.Agency, &c.Year, &c.Value, &c.Unit, &c.Status,
			&c.Source, &c.Note, &c.UploadID, &c.UploadedBy, &c.UploadedAt, &c.Version, &syn, &c.Versions, &c.NoteEN, &brk); err != nil {
			return nil, err
		}
		c.Synthetic, c.PriceBasisBreak = syn == 1, brk == 1
		s.clock.observe(c.Version) // a write after this read outranks what it read
		out = append(out, c)
	}
	return out, rows.Err()
}

// FigureHistory returns every committed version of one figure, oldest first,
// withdrawals included.
func (s *Store) FigureHistory(ctx context.Context, key FigureKey) ([]Figure, error) {
	rows, err := s.conn.Query(ctx, `SELECT indicator, scope, agency, year, value, unit, toString(status),
		source, note, upload_id, uploaded_by, uploaded_at, version, withdrawn, synthetic, note_en
		FROM figures PREWHERE indicator = ? AND scope = ? AND agency = ? AND year = ? WHERE `+committed+`
		ORDER BY version`, key.Indicator, key.Scope, key.Agency, key.Year)
	if err != nil {
		return nil, fmt.Errorf("figure history: %w", err)
	}
	return scanVersions(rows)
}

// scanVersions reads figure versions in the column order of the history reads.
func scanVersions(rows driver.Rows) ([]Figure, error) {
	defer rows.Close()
	var out []Figure
	for rows.Next() {
		var f Figure
		var wd, syn uint8
		if err := rows.Scan(&f.Indicator, &f.Scope, &f.Agency, &f.Year, &f.Value, &f.Unit, &f.Status,
			&f.Source, &f.Note, &f.UploadID, &f.UploadedBy, &f.UploadedAt, &f.Version, &wd, &syn, &f.NoteEN); err != nil {
			return nil, err
		}
		f.Withdrawn, f.Synthetic = wd == 1, syn == 1
		out = append(out, f)
	}
	return out, rows.Err()
}

// IndicatorHistory returns every version of every figure of one indicator that has
// been revised (more than one version), oldest first per figure, withdrawals
// included: one read for a whole indicator page instead of one per figure.
func (s *Store) IndicatorHistory(ctx context.Context, indicator string) (map[FigureKey][]Figure, error) {
	rows, err := s.conn.Query(ctx, `SELECT indicator, scope, agency, year, value, unit, toString(status),
		source, note, upload_id, uploaded_by, uploaded_at, version, withdrawn, synthetic, note_en
		FROM figures PREWHERE indicator = ? WHERE `+committed+` AND (scope, agency, year) IN (
			SELECT scope, agency, year FROM figures PREWHERE indicator = ? WHERE `+committed+`
			GROUP BY scope, agency, year HAVING count() > 1)
		ORDER BY scope, agency, year, version`, indicator, indicator)
	if err != nil {
		return nil, fmt.Errorf("indicator history: %w", err)
	}
	versions, err := scanVersions(rows)
	out := map[FigureKey][]Figure{}
	for _, f := range versions {
		out[f.FigureKey] = append(out[f.FigureKey], f)
	}
	return out, err
}

// DataVersion is the newest version written to figures, targets or submissions: a
// stamp that changes whenever the data a dashboard shows changes.
func (s *Store) DataVersion(ctx context.Context) (uint64, error) {
	var v uint64
	// greatest takes two arguments on ClickHouse 18.16, hence the nesting.
	err := s.conn.QueryRow(ctx, `SELECT greatest(greatest(
		(SELECT max(version) FROM figures WHERE `+committed+`),
		(SELECT max(version) FROM targets)),
		(SELECT max(version) FROM submissions WHERE `+committedSubmission+`))`).Scan(&v)
	if err != nil {
		return 0, fmt.Errorf("data version: %w", err)
	}
	return v, nil
}

// HasSynthetic reports whether synthetic figures are loaded, so pages can say so.
func (s *Store) HasSynthetic(ctx context.Context) (bool, error) {
	var n uint8
	if err := s.conn.QueryRow(ctx, "SELECT count() > 0 FROM (SELECT 1 FROM figures WHERE synthetic = 1 AND "+committed+" LIMIT 1)").Scan(&n); err != nil {
		return false, fmt.Errorf("has synthetic: %w", err)
	}
	return n == 1, nil
}
