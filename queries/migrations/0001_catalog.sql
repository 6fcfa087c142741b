-- Catalogue tables are small and edited by administrators. Each edit is a new row with a
-- larger version; ReplacingMergeTree keeps the newest per key. Reads use FINAL, so they are
-- right before any background merge. deleted = 1 hides a row without losing its history
-- until the merge.

CREATE TABLE IF NOT EXISTS indicators (
    code             String,
    outline_section  String,   -- "I.1" for the report outline's section I, "context" otherwise
    name_vi          String,
    name_en          String,
    unit             String,   -- as users write it: "%", "tỷ đồng", "triệu USD", "dự án"
    kind             String,   -- rate, share, count, money, stock, stock money, level
    aggregation      Enum8('none' = 0, 'sum' = 1, 'derived' = 2),
    higher_is_better UInt8,
    sort_order       UInt16,
    version          UInt64,
    deleted          UInt8 DEFAULT 0
) ENGINE = ReplacingMergeTree(version)
ORDER BY code;

-- Scopes that are not zones: the old and the merged province, all BQL zones, the nation.
CREATE TABLE IF NOT EXISTS scopes (
    code       String,
    name_vi    String,
    name_en    String,
    kind       String,   -- province, zone_group, national
    valid_from Nullable(Date),
    valid_to   Nullable(Date),
    successor  String,
    note       String,
    version    UInt64,
    deleted    UInt8 DEFAULT 0
) ENGINE = ReplacingMergeTree(version)
ORDER BY code;

CREATE TABLE IF NOT EXISTS zones (
    code       String,
    name_vi    String,
    type       Enum8('EZ' = 1, 'IP' = 2, 'IC' = 3),
    parent     String,
    location   String,
    area_ha    Nullable(Decimal(18, 4)),
    status     String,   -- planned, under_construction, operating, no_investor, tendering
    valid_from Nullable(Date),
    valid_to   Nullable(Date),
    source     String,
    version    UInt64,
    deleted    UInt8 DEFAULT 0
) ENGINE = ReplacingMergeTree(version)
ORDER BY code;

CREATE TABLE IF NOT EXISTS agencies (
    code       String,
    name_vi    String,
    level      String,   -- province, central_branch, district
    valid_from Nullable(Date),
    valid_to   Nullable(Date),
    successor  String,
    source     String,
    version    UInt64,
    deleted    UInt8 DEFAULT 0
) ENGINE = ReplacingMergeTree(version)
ORDER BY code;

CREATE TABLE IF NOT EXISTS projects (
    code        String,
    name_vi     String,
    zone        String,
    investor    String,
    capital_vnd_bn Nullable(Decimal(18, 4)),
    capacity    String,
    milestones  String,
    status      String,
    source      String,
    version     UInt64,
    deleted     UInt8 DEFAULT 0
) ENGINE = ReplacingMergeTree(version)
ORDER BY code;
