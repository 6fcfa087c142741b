package queries

import "context"

// InsertFiguresFunc is InsertFigures for large uploads: at(i) builds the i-th figure as
// the batch is filled, so a million rows never sit in memory twice. One INSERT, all or
// none, like InsertFigures.
func (s *Store) InsertFiguresFunc(ctx context.Context, n int, at func(i int) Figure) error {
	return s.insertRows(ctx, "INSERT INTO figures ("+figureColumns+")", n, func(i int) []any {
		f := at(i)
		return []any{f.Indicator, f.Scope, f.Agency, f.Year, f.Value, f.Unit, f.Status, f.Source, f.Note,
			f.UploadID, f.UploadedBy, f.UploadedAt.UTC(), f.Version, boolByte(f.Withdrawn), boolByte(f.Synthetic)}
	})
}
