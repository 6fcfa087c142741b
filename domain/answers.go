package domain

import (
	"errors"
	"strings"
	"time"
)

// Answer states: a draft saves and comes back; a submitted answer counts as the agency's
// report, and later saves are new submitted versions (the history keeps every one).
const (
	AnswerDraft     = "draft"
	AnswerSubmitted = "submitted"
)

// Policy document statuses (II.8).
const (
	PolicyDrafted   = "drafted"
	PolicySubmitted = "submitted"
	PolicyIssued    = "issued"
)

// ValidPolicyStatus says whether s is a policy status.
func ValidPolicyStatus(s string) bool {
	return s == PolicyDrafted || s == PolicySubmitted || s == PolicyIssued
}

// ReportAnswer is one agency's written answer to a round's outline: one version of it.
// Every save writes the whole answer as rows sharing one version, in one INSERT.
type ReportAnswer struct {
	Year      uint16
	Agency    string
	State     string // AnswerDraft or AnswerSubmitted
	Letter    AnswerLetter
	Items     []AnswerItem
	Projects  []ProjectProgress
	Policies  []PolicyDoc
	Source    string // web, docx, demo, synthetic
	UploadID  string
	SavedBy   string
	SavedAt   time.Time
	Version   uint64
	Synthetic bool
}

// AnswerLetter is the covering letter's metadata.
type AnswerLetter struct {
	Number   string
	Date     *time.Time
	Signer   string
	Position string
	// Signature is a signed PDF's signature as verified when the letter was read
	// ("Ký số bởi …, 15/12/2023 — chữ ký hợp lệ"); empty for an unsigned answer.
	Signature string
	// Moves are the blocks the analyst moved to another item in the letter's preview,
	// "đoạn 3→II.2; đoạn 7→II.4", kept with the version they shaped.
	Moves string
}

// AnswerItem is the text under one outline item, or "Không có nội dung phát sinh" (Nothing).
// Number and Title are the outline's when the answer was written.
type AnswerItem struct {
	Number  string
	Title   string
	Text    string // plain paragraphs; lines starting "- " are bullets. Never HTML.
	Nothing bool
}

// Empty says the item was left blank (neither text nor "nothing to report").
func (it AnswerItem) Empty() bool { return strings.TrimSpace(it.Text) == "" && !it.Nothing }

// ProjectProgress is II.7: one key project's progress as the agency reports it.
type ProjectProgress struct {
	Project    string // projects.code
	Status     string
	Percent    *float64
	Milestones string
	Obstacles  string
	Proposals  string
}

// PolicyDoc is II.8: one policy document the agency drafted, submitted or issued.
type PolicyDoc struct {
	Key    string // stable row id within the answer
	Number string
	Date   *time.Time
	Title  string
	Issuer string
	Status string
}

// AnswerVersion is one line of an answer's history.
type AnswerVersion struct {
	Version uint64
	State   string
	Source  string
	SavedBy string
	SavedAt time.Time
}

// ErrAnswerNone means the agency has no written answer for the year.
var ErrAnswerNone = errors.New("no written answer")

// Item returns the answer's text for an outline number.
func (a ReportAnswer) Item(number string) (AnswerItem, bool) {
	for _, it := range a.Items {
		if it.Number == number {
			return it, true
		}
	}
	return AnswerItem{}, false
}
