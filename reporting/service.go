// Package reporting holds the use cases of the yearly written report: open a round,
// save and submit an agency's answer (with its next-year targets), edit outlines,
// and build the report files as jobs. The web form, the Word upload and the command
// line call the same functions, and each records its own audit entry.
package reporting

import (
	"context"
	"fmt"
	"time"

	"github.com/quangngai/chitieu/domain"
)

// Store is what the use cases read and write (queries.Store implements it). Errors
// are the store's: domain.ErrOutlineUnknown for an unknown outline, else a failed
// read or write.
type Store interface {
	Rounds(ctx context.Context) ([]domain.Round, error)
	SaveRounds(ctx context.Context, items []domain.Round) error
	OutlineByCode(ctx context.Context, code string) (domain.Outline, error)
	SaveOutline(ctx context.Context, o domain.Outline) error
	DeleteOutlineItem(ctx context.Context, outline, number string) error
	CopyOutline(ctx context.Context, from, to, name string) error
	SetRoundOutline(ctx context.Context, year uint16, outline string) error
	RoundOutlineCode(ctx context.Context, year uint16) (string, error)
	HasRoundOutline(ctx context.Context, year uint16) (bool, error)
	RoundDocument(ctx context.Context, year uint16) (domain.RoundDocument, bool, error)
	SaveRoundDocument(ctx context.Context, d domain.RoundDocument) error
	Plans(ctx context.Context) ([]domain.Plan, error)
	ReportAnswer(ctx context.Context, year uint16, agency string, version uint64) (domain.ReportAnswer, error)
	SaveReportAnswers(ctx context.Context, answers ...domain.ReportAnswer) error
	InsertSubmission(ctx context.Context, sub domain.Submission) error
	Targets(ctx context.Context, plan string) ([]domain.Target, error)
	SavePlans(ctx context.Context, items []domain.Plan) error
	SaveTargets(ctx context.Context, items []domain.Target) error
	DeleteTarget(ctx context.Context, t domain.Target) error
	InsertUpload(ctx context.Context, u domain.Upload, content []byte) error
	RecordAudit(ctx context.Context, events ...domain.AuditEvent) error
	// SCT's synthesis per item (one row per version) and the round's choice of where
	// agencies' paragraphs go.
	SaveSynthesis(ctx context.Context, x domain.Synthesis) error
	SetSynthesisMode(ctx context.Context, m domain.SynthesisMode) error
	// NewVersion orders revisions by the store's one clock (never behind a version it has
	// read), not this host's.
	NewVersion() uint64
}

// Service runs the use cases on a store.
type Service struct {
	Store Store
	Now   func() time.Time // nil: time.Now
}

func (s *Service) now() time.Time {
	if s.Now == nil {
		return time.Now()
	}
	return s.Now()
}

// ErrNotAudited wraps the error of a change that was written but could not be
// recorded in the audit trail: the web logs it loudly, the command line fails.
var ErrNotAudited = fmt.Errorf("change written, audit entry not recorded")

// audit records what by did.
func (s *Service) audit(ctx context.Context, by domain.Actor, e domain.AuditEvent) error {
	e.At, e.Actor, e.IP, e.UserAgent = s.now(), by.AuditName(), by.IP, by.UserAgent
	if err := s.Store.RecordAudit(ctx, e); err != nil {
		return fmt.Errorf("%w: %s %s: %v", ErrNotAudited, e.Action, e.ObjectID, err)
	}
	return nil
}
