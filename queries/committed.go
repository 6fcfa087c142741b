package queries

// The one filter every reader of figures and submissions puts on its rows (README,
// "Commit marker and concurrency"). Rows of an attempt that never reached its commit
// marker stay invisible for good. TestEveryReaderFiltersCommitted reads this package's
// source and fails when a query reads figures or submissions without it.

// committed: the row's upload has a commit marker (an accepted uploads row). The set
// is one small column of a small table.
const committed = `upload_id IN (SELECT id FROM uploads WHERE outcome = 'accepted')`

// committedSubmission is committed for submissions: a nil report is one row, written
// by one INSERT, so it is its own commit; a report belongs to its upload's commit.
const committedSubmission = `(status = 'nil' OR ` + committed + `)`
