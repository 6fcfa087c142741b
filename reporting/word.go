package reporting

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"

	"github.com/google/uuid"
	"github.com/quangngai/chitieu/domain"
)

// SourceWordAnswer marks uploads of written answers (Word files) in the uploads table.
const SourceWordAnswer = "report_docx"

// WordUpload is an agency's Word answer as sent, with what reading it gave.
type WordUpload struct {
	FileName string
	Content  []byte
	Agency   string
	Year     uint16
	Report   string // the reading, as JSON, kept with the file
	Items    int    // items placed on the outline
	Problems int    // errors and warnings of the reading
	Failed   bool   // the file could not be read at all
}

// ArchiveWord keeps the file as an upload (a dry run, or rejected when it could not be
// read): nothing is written to the answer until the agency confirms it (SaveAnswer
// with the upload's id). Audited. It returns the upload's id.
func (s *Service) ArchiveWord(ctx context.Context, w WordUpload, by domain.Actor) (string, error) {
	sum := sha256.Sum256(w.Content)
	up := domain.Upload{ID: uuid.NewString(), FileName: w.FileName, Size: uint64(len(w.Content)), SHA256: hex.EncodeToString(sum[:]),
		Agency: w.Agency, Year: w.Year, Outcome: domain.UploadDryRun, Report: w.Report, UploadedBy: by.AuditName(),
		UploadedAt: s.now(), SourceKind: SourceWordAnswer}
	if w.Failed {
		up.Outcome = domain.UploadRejected
	}
	if err := s.Store.InsertUpload(ctx, up, w.Content); err != nil {
		return "", err
	}
	return up.ID, s.audit(ctx, by, domain.AuditEvent{Action: "report.upload", ObjectKind: "upload", ObjectID: up.ID, Agency: w.Agency,
		Detail: fmt.Sprintf("%s, %d mục, %d lỗi/cảnh báo", w.FileName, w.Items, w.Problems)})
}
