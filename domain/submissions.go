package domain

// SubmissionState is the current submission of an agency for a year, with its history size.
type SubmissionState struct {
	Submission
	FirstAt  Submission // the earliest version, to tell a late revision from a late report
	Versions uint64
}

// AgencyYear names one agency's reporting year.
type AgencyYear struct {
	Agency string
	Year   uint16
}

// ReportingRows is what the reporting rules (package plan) read: the agencies, the
// rounds with their deadlines, the current submissions, and which agencies have
// current real figures for a year. What these rows mean (late, revised after the
// deadline, figures without a report) is decided in plan, not here.
type ReportingRows struct {
	Agencies    []Agency
	Rounds      []Round
	Submissions []SubmissionState
	WithFigures map[AgencyYear]int // current, not withdrawn, not synthetic figures
	// Answered counts the agencies' answers to the report outline (a letter each):
	// an answer is a report, on the register as in the report's annex.
	Answered map[AgencyYear]int
}
