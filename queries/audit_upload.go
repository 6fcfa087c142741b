package queries

// Audit actions of the upload pages and API, beside AuditUploadAccept and
// AuditUploadReject (audit.go). A confirmed preview is recorded with the outcome of
// the real upload (usually AuditUploadAccept) and names the preview in its detail.
const (
	AuditUploadDuplicate = "upload.duplicate" // the same bytes again, nothing to change: nothing written
	AuditUploadPreview   = "upload.preview"   // a dry run: checked and archived, nothing written
)
