package domain

import (
	"time"

	"github.com/shopspring/decimal"
)

// Indicator is one measurable item of the report outline or a context indicator.
type Indicator struct {
	Code           string
	OutlineSection string
	NameVI         string
	NameEN         string
	Unit           string
	Kind           string
	Aggregation    string // none, sum, derived
	HigherIsBetter bool
	SortOrder      uint16
}

// Scope is a territory that is not a zone: the province before and after the 2025
// merger, all zones of the BQL, the nation.
type Scope struct {
	Code      string
	NameVI    string
	NameEN    string
	Kind      string
	ValidFrom *time.Time
	ValidTo   *time.Time
	Successor string
	Note      string
	NoteEN    string // English note; empty: only the Vietnamese one exists
}

// Zone is the Dung Quất Economic Zone, an industrial park or an industrial cluster.
type Zone struct {
	Code      string
	NameVI    string
	Type      string // EZ, IP, IC
	Parent    string
	Location  string
	AreaHa    *decimal.Decimal
	Status    string
	ValidFrom *time.Time
	ValidTo   *time.Time
	Source    string
}

// Agency is a reporting unit, with validity dates and successor for the 2025 mergers.
type Agency struct {
	Code      string
	NameVI    string
	Level     string
	ValidFrom *time.Time
	ValidTo   *time.Time
	Successor string
	Source    string
}

// ActiveIn reports whether the agency existed at some point of the given year.
func (a Agency) ActiveIn(year int) bool {
	if a.ValidFrom != nil && a.ValidFrom.Year() > year {
		return false
	}
	if a.ValidTo != nil && a.ValidTo.Year() < year {
		return false
	}
	return true
}

// Project is a key project of the appendices of Decision 998/QĐ-UBND.
type Project struct {
	Code         string
	NameVI       string
	Zone         string
	Investor     string
	CapitalVNDbn *decimal.Decimal
	Capacity     string
	Milestones   string
	CapacityEN   string // English capacity and milestones (published dataset)
	MilestonesEN string
	Status       string
	Source       string
}

// Plan is a document that sets targets over a period.
type Plan struct {
	Code        string
	NameVI      string
	NameEN      string
	Document    string
	DocumentEN  string // the document line in English, when it says more than the citation
	PeriodStart uint16
	PeriodEnd   uint16
}

// Target kinds: what is compared with the target.
const (
	TargetAnnual        = "annual"         // each year's value
	TargetPeriodAverage = "period_average" // the average of the period's yearly values
	TargetLevelAtEnd    = "level_at_end"   // the value in the period's last year
	TargetCumulative    = "cumulative"     // the sum of the period's yearly values
	TargetFloor         = "floor"          // every year at least the minimum
	TargetCeiling       = "ceiling"        // every year at most the maximum
)

// Comparators: how a value is compared with ValueMin and ValueMax.
const (
	CompBetween     = "between"
	CompAtLeast     = "at_least"
	CompGreaterThan = "greater_than"
	CompAtMost      = "at_most"
	CompLessThan    = "less_than"
	CompEqual       = "equal"
)

// Target is one plan's target for an indicator and scope.
type Target struct {
	Plan        string
	Indicator   string
	Scope       string
	PeriodStart uint16
	PeriodEnd   uint16
	Kind        string
	Comparator  string
	ValueMin    *decimal.Decimal
	ValueMax    *decimal.Decimal
	Unit        string
	Source      string
}

// Figure statuses.
const (
	StatusActual      = "actual"
	StatusEstimate    = "estimate"
	StatusPreliminary = "preliminary"
	StatusApprox      = "approx"
)

// FigureKey identifies a figure; every version of it shares the key.
type FigureKey struct {
	Indicator string
	Scope     string
	Agency    string
	Year      uint16
}

// Figure is one version of one value.
type Figure struct {
	FigureKey
	Value  decimal.Decimal
	Unit   string
	Status string
	Source string
	Note   string
	NoteEN string // English note (the published dataset has one); uploads leave it empty
	// PriceBasisBreak: this figure's price basis differs from the earlier years' (the
	// series breaks before it, as at the merger). Set by the published dataset.
	PriceBasisBreak bool
	UploadID        string
	UploadedBy      string
	UploadedAt      time.Time
	Version         uint64
	Withdrawn       bool
	Synthetic       bool
}

// Submission statuses. A missing report has no row.
const (
	SubmissionSubmitted = "submitted"
	SubmissionNil       = "nil"
	SubmissionMissing   = "missing"
)

// Submission is an agency's answer for a year: a report or a nil report.
type Submission struct {
	Agency      string
	Year        uint16
	Status      string
	LetterNo    string
	LetterDate  *time.Time
	Signer      string
	Note        string
	UploadID    string
	SubmittedBy string
	SubmittedAt time.Time
	Version     uint64
	Withdrawn   bool
}

// Round is SCT's yearly request for reports, with its deadline.
type Round struct {
	Year       uint16
	LetterNo   string
	LetterDate *time.Time
	Deadline   *time.Time
}

// Upload outcomes.
const (
	UploadAccepted  = "accepted"
	UploadRejected  = "rejected"
	UploadDuplicate = "duplicate"
	UploadDryRun    = "dry_run"
)

// Upload describes one file or batch that was sent, whatever became of it.
type Upload struct {
	ID         string
	FileName   string
	Size       uint64
	SHA256     string
	Agency     string
	Year       uint16
	RowCount   uint32
	Outcome    string
	Report     string
	UploadedBy string
	UploadedAt time.Time
	SourceKind string
}
