-- Every version of every figure, append-only: the history is the table.
-- The key of a figure is (indicator, scope, agency, year); the newest version wins at
-- read time (argMax by version), and withdrawn = 1 on the newest version hides it.
-- No engine-level deduplication here, so no merge can ever drop a revision.
-- One partition on purpose: an upload's rows are one INSERT block and so one part, written
-- whole or not at all (ClickHouse has no transactions; a block spanning partitions is not atomic).
-- synthetic leads the sort key: every dashboard read says synthetic = 0, so ten million
-- synthetic rows for scale tests cost real reads almost nothing.
CREATE TABLE IF NOT EXISTS figures (
    indicator   String,
    scope       String,   -- a zone code or a scope code (province_old, province_new, zones_bql, national)
    agency      String,   -- reporting agency
    year        UInt16,
    value       Decimal(18, 4),
    unit        String,
    status      Enum8('actual' = 1, 'estimate' = 2, 'preliminary' = 3, 'approx' = 4),
    source      String,
    note        String,
    upload_id   String,
    uploaded_by String,
    uploaded_at DateTime,
    version     UInt64,
    withdrawn   UInt8 DEFAULT 0,
    synthetic   UInt8 DEFAULT 0
) ENGINE = MergeTree
ORDER BY (synthetic, indicator, scope, agency, year, version);

-- Per agency and year: a report (submitted) or a nil report ("không được giao nhiệm vụ").
-- No row at all means missing. Append-only like figures; the newest version wins.
CREATE TABLE IF NOT EXISTS submissions (
    agency       String,
    year         UInt16,
    status       Enum8('submitted' = 1, 'nil' = 2),
    letter_no    String,
    letter_date  Nullable(Date),
    signer       String,
    note         String,
    upload_id    String,
    submitted_by String,
    submitted_at DateTime,
    version      UInt64,
    withdrawn    UInt8 DEFAULT 0
) ENGINE = MergeTree
ORDER BY (agency, year, version);

-- A reporting round: SCT's yearly request letter and its deadline.
CREATE TABLE IF NOT EXISTS rounds (
    year        UInt16,
    letter_no   String,
    letter_date Nullable(Date),
    deadline    Nullable(Date),
    version     UInt64,
    deleted     UInt8 DEFAULT 0
) ENGINE = ReplacingMergeTree(version)
ORDER BY year;

-- Every file or batch that wrote figures. sha256 makes re-sending the same file a no-op.
CREATE TABLE IF NOT EXISTS uploads (
    id          String,
    file_name   String,
    size        UInt64,
    sha256      String,
    agency      String,
    year        UInt16,
    row_count   UInt32,
    outcome     Enum8('accepted' = 1, 'rejected' = 2, 'duplicate' = 3, 'dry_run' = 4),
    report      String,   -- the validation report as JSON, kept for rejected files too
    uploaded_by String,
    uploaded_at DateTime,
    source_kind String    -- xlsx, csv, json, demo, synthetic
) ENGINE = MergeTree
ORDER BY (uploaded_at, id);

-- The bytes of each uploaded file, apart so listing uploads never reads them.
CREATE TABLE IF NOT EXISTS upload_files (
    id      String,
    content String
) ENGINE = MergeTree
ORDER BY id;
