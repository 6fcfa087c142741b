package domain

import (
	"time"
)

// Audit actions. Other packages may add their own; these are the ones in use.
const (
	AuditSigninOK      = "signin.ok"
	AuditSigninFail    = "signin.fail"
	AuditSigninLimited = "signin.limited" // refused by the rate limit, password not checked
	AuditSignout       = "signout"
	AuditPasswordOwn   = "account.password"
	AuditUserAdd       = "user.add"
	AuditUserUpdate    = "user.update"
	AuditUserDisable   = "user.disable"
	AuditUserEnable    = "user.enable"
	AuditUserPassword  = "user.password"
	AuditCatalogue     = "catalogue.save"
	AuditPlanSave      = "plan.save"
	AuditTargetSave    = "target.save"
	AuditTargetDelete  = "target.delete"
	AuditTargetsLoad   = "targets.load"
	AuditAccessDenied  = "access.denied" // an analyst tried to act for another agency
	AuditExport        = "audit.export"
	// For the ingest paths (wired in cmd):
	AuditUploadAccept   = "upload.accept"
	AuditUploadReject   = "upload.reject"
	AuditUploadWithdraw = "upload.withdraw"
	AuditFigureRevise   = "figure.revise"
	AuditFigureWithdraw = "figure.withdraw"
	AuditNilReport      = "submission.nil"
)

// AuditEvent is one line of the audit trail: who (Actor), when (At), what (Action on
// ObjectKind/ObjectID, for Agency, with Detail), from where (IP, UserAgent).
type AuditEvent struct {
	At         time.Time
	Actor      string
	Action     string
	ObjectKind string
	ObjectID   string
	Agency     string
	Detail     string
	IP         string
	UserAgent  string
	NS         uint64 // unix ns, set by RecordAudit; orders events within a second
}
