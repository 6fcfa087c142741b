-- One commit point per upload (README, "Commit marker and concurrency"). An upload writes
-- a 'pending' uploads row first, then its figures and submissions (invisible), then one
-- 'accepted' uploads row: the commit marker. Readers show figures and reports only of
-- uploads with an accepted row. 'failed' records an attempt that did not reach its marker.
-- Adding enum values changes metadata only.
ALTER TABLE uploads MODIFY COLUMN outcome Enum8('accepted' = 1, 'rejected' = 2, 'duplicate' = 3, 'dry_run' = 4, 'pending' = 5, 'failed' = 6);

-- Claims serialise the writes of one agency and year across every chitieu server on this
-- ClickHouse (no transactions, no locks in ClickHouse 18.16). A writer inserts a claim row
-- per year, then reads the live claims back: it holds the claim only when it sees no other
-- live claim, else it withdraws its own (released = 1) and tries again later. claimed_at is
-- the ClickHouse server's clock, the one clock every writer shares; a claim older than the
-- lease is dead (its writer crashed). Old months can be dropped by partition.
CREATE TABLE IF NOT EXISTS upload_claims (
    agency     String,
    year       UInt16,
    claim      String,
    released   UInt8 DEFAULT 0,
    claimed_at DateTime DEFAULT now()
) ENGINE = MergeTree
PARTITION BY toYYYYMM(claimed_at)
ORDER BY (agency, year, claim);

-- One row per write of data a page shows (figures, submissions, the catalogue, plans,
-- targets, rounds, assignments). The page cache's change stamp reads this table and the
-- count of commit markers: the same on every replica, unlike system.parts.
CREATE TABLE IF NOT EXISTS data_changes (
    at    DateTime DEFAULT now(),
    ns    UInt64,   -- the writer's clock, unix ns
    tbl   String,
    rows  UInt64
) ENGINE = MergeTree
PARTITION BY toYYYYMM(at)
ORDER BY (at, ns);
