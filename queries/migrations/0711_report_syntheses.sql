-- SCT's own text per outline item of a round (issue 20), every version kept, append-only
-- like report_answers: one save is one INSERT of one row, so it is its own commit (no
-- upload, no commit marker). state: draft (kept for the compiler) or final (printed).
-- The editor shows an item's newest version; the report prints its newest final one.
-- deleted = 1 on the newest final version withdraws the item's text from the report.
-- The text is plain paragraphs and "- " bullets, never HTML; a quoted agency paragraph
-- keeps its attribution inline, "(Nguồn: Sở Xây dựng)".
CREATE TABLE IF NOT EXISTS report_syntheses (
    year     UInt16,
    item     String,
    state    Enum8('draft' = 1, 'final' = 2),
    text     String,
    saved_by String,
    saved_at DateTime,
    version  UInt64,
    deleted  UInt8 DEFAULT 0
) ENGINE = MergeTree
ORDER BY (year, item, version);

-- How a round's report prints the agencies' paragraphs beside SCT's text: one row per
-- change, the newest version per year wins (FINAL). annex = 0: "chỉ bản tổng hợp của
-- SCT" (an item with SCT text prints only that); annex = 1: "kèm ý kiến các đơn vị ở phụ
-- lục" (those items' agency paragraphs go to an annex). Kept apart from the rounds
-- table, whose columns another change owns.
CREATE TABLE IF NOT EXISTS round_synthesis_mode (
    year     UInt16,
    annex    UInt8,
    set_by   String,
    set_at   DateTime,
    version  UInt64
) ENGINE = ReplacingMergeTree(version)
ORDER BY year;
