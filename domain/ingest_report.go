package domain

import "time"

// These types cross from ingest to the dashboard and the CLI: the dashboard cannot
// import ingest, so the request and report of an upload live here as plain structs.

// Source kinds of an upload.
const (
	KindXLSX = "xlsx"
	KindCSV  = "csv"
	KindJSON = "json"
	// KindDemo is the published dataset the demo loader writes: its rows come from
	// files built into the program, so there is no uploaded file to keep or download.
	KindDemo = "demo"
)

// UploadRequest is one file (or JSON batch) sent for ingestion by the CLI, the upload
// page or POST /api/uploads.
type UploadRequest struct {
	FileName   string `json:"file_name"`
	Content    []byte `json:"-"`
	Agency     string `json:"agency"` // the uploader's agency; empty: taken from the file
	Year       uint16 `json:"year"`   // 0: taken from the file
	User       string `json:"user"`   // who sends it (signed-in analyst or CLI user)
	DryRun     bool   `json:"dry_run"`
	SourceKind string `json:"source_kind"` // xlsx, csv or json; empty: detected from the bytes
	Channel    string `json:"channel"`     // web, api, cli: shown to a writer this one's claim refuses
	// From where it was sent, and what its audit line says first ("API", a confirmed
	// preview): ingest records every outcome in the audit trail itself, for the CLI,
	// the API and the web alike.
	IP        string `json:"-"`
	UserAgent string `json:"-"`
	AuditNote string `json:"-"`
}

// Change kinds of a preview item.
const (
	ChangeNew       = "new"       // no current value for this key
	ChangeChanged   = "changed"   // a current value differs (value, unit, status, source or note)
	ChangeSame      = "same"      // identical to the current value: nothing written
	ChangeWithdrawn = "withdrawn" // the file says "no data" where a value existed
)

// IngestError is one problem of a file, located and explained in Vietnamese and English.
type IngestError struct {
	Code      string `json:"code"`               // stable identifier, e.g. "unknown_indicator"
	Location  string `json:"location,omitempty"` // "'Chỉ tiêu'!G7", "dòng 12, cột value", "figures[3].value"
	Sheet     string `json:"sheet,omitempty"`
	Cell      string `json:"cell,omitempty"`
	Line      int    `json:"line,omitempty"`
	Column    string `json:"column,omitempty"`
	Value     string `json:"value,omitempty"` // the offending text, shortened
	MessageVI string `json:"message_vi"`
	MessageEN string `json:"message_en"`
	HintVI    string `json:"hint_vi,omitempty"` // what to do about it
	HintEN    string `json:"hint_en,omitempty"`
}

// PreviewItem is what one figure of the file would do to the stored data.
type PreviewItem struct {
	Change    string `json:"change"` // new, changed, same, withdrawn
	Indicator string `json:"indicator"`
	Scope     string `json:"scope"`
	Agency    string `json:"agency"`
	Year      uint16 `json:"year"`
	OldValue  string `json:"old_value,omitempty"`
	NewValue  string `json:"new_value,omitempty"`
	Unit      string `json:"unit"`
	OldStatus string `json:"old_status,omitempty"`
	Status    string `json:"status,omitempty"`
	Location  string `json:"location,omitempty"`
}

// ChangeCounts sums a preview.
type ChangeCounts struct {
	New       int `json:"new"`
	Changed   int `json:"changed"`
	Same      int `json:"same"`
	Withdrawn int `json:"withdrawn"`
	NoData    int `json:"no_data"` // cells saying "-" / "không có số liệu" with nothing to withdraw
}

// IngestReport is the answer to an upload: the same for the CLI (--json), the upload
// page and POST /api/uploads, and archived with the upload.
type IngestReport struct {
	UploadID    string    `json:"upload_id"`
	FileName    string    `json:"file_name"`
	Size        int       `json:"size"`
	SHA256      string    `json:"sha256"`
	Kind        string    `json:"kind"`
	Agency      string    `json:"agency"`
	Years       []uint16  `json:"years"`
	User        string    `json:"user"`
	At          time.Time `json:"at"`
	Outcome     string    `json:"outcome"` // accepted, rejected, duplicate, dry_run
	DuplicateOf string    `json:"duplicate_of,omitempty"`
	Rows        int       `json:"rows"` // figure rows read from the file

	Counts         ChangeCounts  `json:"counts"`
	Items          []PreviewItem `json:"items,omitempty"` // new, changed and withdrawn first; capped
	ItemsOmitted   int           `json:"items_omitted,omitempty"`
	Errors         []IngestError `json:"errors,omitempty"` // capped; ErrorsTotal counts all
	ErrorsTotal    int           `json:"errors_total"`
	Warnings       []IngestError `json:"warnings,omitempty"`
	SummaryVI      string        `json:"summary_vi"`
	SummaryEN      string        `json:"summary_en"`
	SubmissionNote string        `json:"submission_note,omitempty"`
}

// Rejected reports whether the file was refused (nothing written).
func (r IngestReport) Rejected() bool { return r.Outcome == UploadRejected }

// NilReportRequest is an agency's statement that it had no assigned task for a year.
type NilReportRequest struct {
	Agency     string     `json:"agency"`
	Year       uint16     `json:"year"`
	LetterNo   string     `json:"letter_no"`   // "123/BDT-CSDT"
	LetterDate *time.Time `json:"letter_date"` // the letter's date
	Signer     string     `json:"signer"`
	Note       string     `json:"note"`
	User       string     `json:"user"`
	Channel    string     `json:"channel"` // web, api, cli
	IP         string     `json:"-"`       // from where, for the audit trail
	UserAgent  string     `json:"-"`
}
