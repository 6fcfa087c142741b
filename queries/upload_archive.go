package queries

import (
	"context"
	"fmt"
)

// archivePart is the most bytes of a file one upload_files row holds. The driver copies
// a value on its way out (into the column, the block, the compressed frame), so a whole
// 80 MB file as one value costs a few hundred MB; parts of 1 MB, each sent as its own
// block, cost a few MB whatever the file's size.
const archivePart = 1 << 20

// ArchiveUploadContent stores an upload's bytes apart from its record (InsertUpload with
// nil content writes the record), so that a large file is archived while its figures
// are being written. Bytes whose record never came (a crash between the two) are
// harmless: nothing lists them.
func (s *Store) ArchiveUploadContent(ctx context.Context, id string, content []byte) error {
	if err := s.archiveParts(ctx, id, content); err != nil {
		return fmt.Errorf("archive upload %s: %w", id, err)
	}
	return nil
}

// archiveParts writes content as rows (id, part, content) of at most archivePart bytes,
// one block each, in one INSERT. An empty file is one empty part.
func (s *Store) archiveParts(ctx context.Context, id string, content []byte) error {
	return s.write(ctx, func(ctx context.Context) error { return s.sendArchiveParts(ctx, id, content) })
}

func (s *Store) sendArchiveParts(ctx context.Context, id string, content []byte) error {
	query := "INSERT INTO upload_files (id, part, content)"
	batch, err := s.conn.PrepareBatch(ctx, query)
	if err != nil {
		return fmt.Errorf("prepare %q: %w", query, err)
	}
	for part := 0; part == 0 || part*archivePart < len(content); part++ {
		chunk := content[part*archivePart : min((part+1)*archivePart, len(content))]
		// A []byte goes into the String column without a string copy.
		if err := batch.Append(id, uint32(part), chunk); err != nil {
			_ = batch.Abort()
			return fmt.Errorf("append part %d: %w", part, err)
		}
		if err := batch.Flush(); err != nil {
			_ = batch.Abort()
			return fmt.Errorf("send part %d: %w", part, err)
		}
	}
	if err := batch.Send(); err != nil {
		return fmt.Errorf("send batch: %w", err)
	}
	return nil
}

// UploadContent returns the archived bytes of an upload, or ErrNotFound.
func (s *Store) UploadContent(ctx context.Context, id string) ([]byte, error) {
	rows, err := s.conn.Query(ctx, "SELECT part, content FROM upload_files WHERE id = ? ORDER BY part", id)
	if err != nil {
		return nil, fmt.Errorf("upload content: %w", err)
	}
	defer rows.Close()
	var out []byte
	found := false
	next := uint32(0)
	for rows.Next() {
		var part uint32
		var chunk string
		if err := rows.Scan(&part, &chunk); err != nil {
			return nil, fmt.Errorf("upload content: %w", err)
		}
		if part != next {
			continue // a part stored twice (never written so, but harmless)
		}
		out = append(out, chunk...)
		found, next = true, next+1
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("upload content: %w", err)
	}
	if !found {
		return nil, ErrNotFound
	}
	return out, nil
}
