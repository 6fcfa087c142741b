package queries

import (
	"context"
	"fmt"
	"github.com/ClickHouse/clickhouse-go/v2/lib/driver"
)

// InsertUpload records an upload and archives its bytes (content may be nil for
// batches that came from no file, such as the demo loader). An upload may have several
// rows (pending, then accepted or failed); readers take the best (uploadRank). A row
// with outcome accepted is the upload's commit marker: once it is written, the figures
// and reports carrying its id are visible.
func (s *Store) InsertUpload(ctx context.Context, u Upload, content []byte) error {
	if u.Outcome == UploadAccepted {
		defer s.changes.n.Add(1)
	}
	if err := s.insertRows(ctx, `INSERT INTO uploads (id, file_name, size, sha256, agency, year, row_count, outcome,
		report, uploaded_by, uploaded_at, source_kind)`, 1, func(int) []any {
		return []any{u.ID, u.FileName, u.Size, u.SHA256, u.Agency, u.Year, u.RowCount, u.Outcome, u.Report,
			u.UploadedBy, u.UploadedAt.UTC(), u.SourceKind}
	}); err != nil {
		return fmt.Errorf("insert upload: %w", err)
	}
	if content == nil {
		return nil
	}
	return s.ArchiveUploadContent(ctx, u.ID, content)
}

const uploadColumns = `id, file_name, size, sha256, agency, year, row_count, toString(outcome), report,
	uploaded_by, uploaded_at, source_kind`

func scanUpload(scan func(...any) error) (Upload, error) {
	var u Upload
	err := scan(&u.ID, &u.FileName, &u.Size, &u.SHA256, &u.Agency, &u.Year, &u.RowCount, &u.Outcome, &u.Report,
		&u.UploadedBy, &u.UploadedAt, &u.SourceKind)
	return u, err
}

// AcceptedUploadBySHA returns the accepted upload with this content hash for the
// agency, or ErrNotFound: the same file sent twice is recognised by it.
// On a cluster it is a quorum read, so the file accepted through a server on another
// replica is recognised.
func (s *Store) AcceptedUploadBySHA(ctx context.Context, sha, agency string) (Upload, error) {
	got, err := quorumRead(ctx, s, func(ctx context.Context, c driver.Conn) (*Upload, error) {
		row := c.QueryRow(ctx, "SELECT "+uploadColumns+` FROM uploads
			WHERE sha256 = ? AND agency = ? AND outcome = 'accepted' ORDER BY uploaded_at LIMIT 1`, sha, agency)
		u, err := scanUpload(row.Scan)
		if isNoRows(err) {
			return nil, nil
		}
		return &u, err
	})
	if err != nil {
		return Upload{}, fmt.Errorf("upload by sha: %w", err)
	}
	var first *Upload
	for _, u := range got {
		if u != nil && (first == nil || u.UploadedAt.Before(first.UploadedAt)) {
			first = u
		}
	}
	if first == nil {
		return Upload{}, ErrNotFound
	}
	return *first, nil
}

// UploadByID returns one upload, or ErrNotFound.
func (s *Store) UploadByID(ctx context.Context, id string) (Upload, error) {
	row := s.conn.QueryRow(ctx, "SELECT "+uploadColumns+" FROM uploads WHERE id = ? ORDER BY "+uploadRank+" DESC LIMIT 1", id)
	u, err := scanUpload(row.Scan)
	if err != nil {
		if isNoRows(err) {
			return Upload{}, ErrNotFound
		}
		return Upload{}, fmt.Errorf("upload by id: %w", err)
	}
	return u, nil
}

// UploadFilter narrows ListUploads; empty fields match everything.
type UploadFilter struct {
	Agencies []string
	Year     uint16
	Limit    int
}

// ListUploads returns uploads newest first, each in its best state (uploadRank).
func (s *Store) ListUploads(ctx context.Context, f UploadFilter) ([]Upload, error) {
	q := "SELECT " + uploadColumns + " FROM uploads WHERE 1 = 1"
	var args []any
	if len(f.Agencies) > 0 {
		q += " AND agency IN ?"
		args = append(args, inSet(f.Agencies))
	}
	if f.Year > 0 {
		q += " AND year = ?"
		args = append(args, f.Year)
	}
	if f.Limit <= 0 || f.Limit > 1000 {
		f.Limit = 200
	}
	q = "SELECT * FROM (" + q + " ORDER BY " + uploadRank + " DESC LIMIT 1 BY id) ORDER BY uploaded_at DESC, id LIMIT ?"
	args = append(args, f.Limit)
	rows, err := s.conn.Query(ctx, q, args...)
	if err != nil {
		return nil, fmt.Errorf("list uploads: %w", err)
	}
	defer rows.Close()
	var out []Upload
	for rows.Next() {
		u, err := scanUpload(rows.Scan)
		if err != nil {
			return nil, err
		}
		out = append(out, u)
	}
	return out, rows.Err()
}
