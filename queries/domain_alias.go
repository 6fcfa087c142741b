package queries

// The domain types moved to package domain; these aliases keep callers of queries
// compiling while they move over.

import "github.com/quangngai/chitieu/domain"

type (
	Agency           = domain.Agency
	AgencyYear       = domain.AgencyYear
	AnswerItem       = domain.AnswerItem
	AnswerLetter     = domain.AnswerLetter
	AnswerVersion    = domain.AnswerVersion
	AuditEvent       = domain.AuditEvent
	ChangeCounts     = domain.ChangeCounts
	CurrentFigure    = domain.CurrentFigure
	Figure           = domain.Figure
	FigureKey        = domain.FigureKey
	Indicator        = domain.Indicator
	IngestError      = domain.IngestError
	IngestReport     = domain.IngestReport
	NilReportRequest = domain.NilReportRequest
	Outline          = domain.Outline
	OutlineItem      = domain.OutlineItem
	Plan             = domain.Plan
	PolicyDoc        = domain.PolicyDoc
	PreviewItem      = domain.PreviewItem
	Project          = domain.Project
	ProjectProgress  = domain.ProjectProgress
	ReportAnswer     = domain.ReportAnswer
	ReportingRows    = domain.ReportingRows
	Round            = domain.Round
	Scope            = domain.Scope
	Submission       = domain.Submission
	SubmissionState  = domain.SubmissionState
	Target           = domain.Target
	Upload           = domain.Upload
	UploadRequest    = domain.UploadRequest
	Zone             = domain.Zone
)

const (
	AnswerDraft         = domain.AnswerDraft
	AnswerSubmitted     = domain.AnswerSubmitted
	AuditAccessDenied   = domain.AuditAccessDenied
	AuditCatalogue      = domain.AuditCatalogue
	AuditExport         = domain.AuditExport
	AuditFigureRevise   = domain.AuditFigureRevise
	AuditFigureWithdraw = domain.AuditFigureWithdraw
	AuditNilReport      = domain.AuditNilReport
	AuditPasswordOwn    = domain.AuditPasswordOwn
	AuditPlanSave       = domain.AuditPlanSave
	AuditSigninFail     = domain.AuditSigninFail
	AuditSigninLimited  = domain.AuditSigninLimited
	AuditSigninOK       = domain.AuditSigninOK
	AuditSignout        = domain.AuditSignout
	AuditTargetDelete   = domain.AuditTargetDelete
	AuditTargetSave     = domain.AuditTargetSave
	AuditTargetsLoad    = domain.AuditTargetsLoad
	AuditUploadAccept   = domain.AuditUploadAccept
	AuditUploadReject   = domain.AuditUploadReject
	AuditUploadWithdraw = domain.AuditUploadWithdraw
	AuditUserAdd        = domain.AuditUserAdd
	AuditUserDisable    = domain.AuditUserDisable
	AuditUserEnable     = domain.AuditUserEnable
	AuditUserPassword   = domain.AuditUserPassword
	AuditUserUpdate     = domain.AuditUserUpdate
	ChangeChanged       = domain.ChangeChanged
	ChangeNew           = domain.ChangeNew
	ChangeSame          = domain.ChangeSame
	ChangeWithdrawn     = domain.ChangeWithdrawn
	CompAtLeast         = domain.CompAtLeast
	CompAtMost          = domain.CompAtMost
	CompBetween         = domain.CompBetween
	CompEqual           = domain.CompEqual
	CompGreaterThan     = domain.CompGreaterThan
	CompLessThan        = domain.CompLessThan
	DefaultOutline      = domain.DefaultOutline
	ItemFigures         = domain.ItemFigures
	ItemHeading         = domain.ItemHeading
	ItemNarrative       = domain.ItemNarrative
	ItemPolicies        = domain.ItemPolicies
	ItemProjects        = domain.ItemProjects
	KindCSV             = domain.KindCSV
	KindDemo            = domain.KindDemo
	KindJSON            = domain.KindJSON
	KindXLSX            = domain.KindXLSX
	PolicyDrafted       = domain.PolicyDrafted
	PolicyIssued        = domain.PolicyIssued
	PolicySubmitted     = domain.PolicySubmitted
	StatusActual        = domain.StatusActual
	StatusApprox        = domain.StatusApprox
	StatusEstimate      = domain.StatusEstimate
	StatusPreliminary   = domain.StatusPreliminary
	SubmissionMissing   = domain.SubmissionMissing
	SubmissionNil       = domain.SubmissionNil
	SubmissionSubmitted = domain.SubmissionSubmitted
	TargetAnnual        = domain.TargetAnnual
	TargetCeiling       = domain.TargetCeiling
	TargetCumulative    = domain.TargetCumulative
	TargetFloor         = domain.TargetFloor
	TargetLevelAtEnd    = domain.TargetLevelAtEnd
	TargetPeriodAverage = domain.TargetPeriodAverage
	UploadAccepted      = domain.UploadAccepted
	UploadDryRun        = domain.UploadDryRun
	UploadDuplicate     = domain.UploadDuplicate
	UploadRejected      = domain.UploadRejected
)

var (
	ErrAnswerNone     = domain.ErrAnswerNone
	ErrNotFound       = domain.ErrNotFound
	ErrOutlineUnknown = domain.ErrOutlineUnknown
	ErrReadOnly       = domain.ErrReadOnly
	ErrUnavailable    = domain.ErrUnavailable
	ValidItemKind     = domain.ValidItemKind
	ValidPolicyStatus = domain.ValidPolicyStatus
)
