-- Agencies' written answers to a round's outline, every version of every part, append-only
-- like figures: one save is one INSERT (one block, all or nothing) of rows sharing a version.
-- row is what a row holds:
--   letter   key ''             the letter's number, date, signer, position; state draft/submitted
--   item     key = item number  narrative text (plain paragraphs and "- " bullets, never HTML),
--                               or nothing = 1 for "Không có nội dung phát sinh"
--   project  key = project code II.7 progress: status, percent, milestones, obstacles, proposals
--   policy   key = row id       II.8 document: number, date, title, issuer, status
-- The current answer is argMax(…, version) per (year, agency, row, key) with deleted = 0 on
-- the newest version. number/title of an item row are the outline's at answer time.
-- source says how it came (web, docx, demo, synthetic); upload_id links a .docx upload.
CREATE TABLE IF NOT EXISTS report_answers (
    year        UInt16,
    agency      String,
    row         Enum8('letter' = 1, 'item' = 2, 'project' = 3, 'policy' = 4),
    key         String,
    state       Enum8('draft' = 1, 'submitted' = 2),
    title       String,
    text        String,
    nothing     UInt8 DEFAULT 0,
    number      String,
    date        Nullable(Date),
    signer      String,
    position    String,
    issuer      String,
    status      String,
    percent     Nullable(Decimal(9, 2)),
    milestones  String,
    obstacles   String,
    proposals   String,
    source      String,
    upload_id   String,
    saved_by    String,
    saved_at    DateTime,
    version     UInt64,
    deleted     UInt8 DEFAULT 0,
    synthetic   UInt8 DEFAULT 0
) ENGINE = MergeTree
ORDER BY (synthetic, year, agency, row, key, version);
