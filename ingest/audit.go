package ingest

import (
	"context"
	"fmt"
	"log/slog"

	"github.com/quangngai/chitieu/queries"
)

// auditUpload records what became of an upload, whoever sent it (CLI, API, web). A
// failure to record is logged loudly; it does not undo the upload, already written.
func (in *Ingester) auditUpload(ctx context.Context, req queries.UploadRequest, rep queries.IngestReport) {
	action := map[string]string{
		queries.UploadAccepted:  queries.AuditUploadAccept,
		queries.UploadRejected:  queries.AuditUploadReject,
		queries.UploadDuplicate: queries.AuditUploadDuplicate,
		queries.UploadDryRun:    queries.AuditUploadPreview,
	}[rep.Outcome]
	if action == "" {
		action = "upload." + rep.Outcome
	}
	d := rep.FileName + ": " + rep.SummaryVI
	if req.AuditNote != "" {
		d = req.AuditNote + "; " + d
	}
	in.audit(ctx, queries.AuditEvent{Actor: req.User, Action: action, ObjectKind: "upload", ObjectID: rep.UploadID,
		Agency: rep.Agency, Detail: d, IP: req.IP, UserAgent: req.UserAgent})
}

// auditNil records an accepted nil report.
func (in *Ingester) auditNil(ctx context.Context, req queries.NilReportRequest, rep queries.IngestReport) {
	detail := fmt.Sprintf("%s %d: công văn số %s", rep.Agency, req.Year, req.LetterNo)
	if req.LetterDate != nil {
		detail += " ngày " + req.LetterDate.Format("02/01/2006")
	}
	in.audit(ctx, queries.AuditEvent{Actor: req.User, Action: queries.AuditNilReport, ObjectKind: "submission",
		ObjectID: fmt.Sprintf("%s/%d", rep.Agency, req.Year), Agency: rep.Agency, Detail: detail + ", người ký " + req.Signer,
		IP: req.IP, UserAgent: req.UserAgent})
}

func (in *Ingester) audit(ctx context.Context, e queries.AuditEvent) {
	e.At = in.now()
	if err := in.st.RecordAudit(context.WithoutCancel(ctx), e); err != nil {
		slog.Error("audit not recorded", "action", e.Action, "actor", e.Actor, "object", e.ObjectID, "err", err)
	}
}
