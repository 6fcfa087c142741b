package queries

import (
	"context"
	"fmt"
)

// ArchiveUploadContent stores an upload's bytes apart from its record (InsertUpload with
// nil content writes the record), so that a large file is archived while its figures
// are being written. Bytes whose record never came (a crash between the two) are
// harmless: nothing lists them.
func (s *Store) ArchiveUploadContent(ctx context.Context, id string, content []byte) error {
	if err := s.insertRows(ctx, "INSERT INTO upload_files (id, content)", 1, func(int) []any {
		return []any{id, string(content)}
	}); err != nil {
		return fmt.Errorf("archive upload %s: %w", id, err)
	}
	return nil
}
