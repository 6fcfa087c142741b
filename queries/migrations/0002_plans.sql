CREATE TABLE IF NOT EXISTS plans (
    code         String,
    name_vi      String,
    name_en      String,
    document     String,   -- issuing document, e.g. "998/QĐ-UBND ngày 07/7/2021"
    period_start UInt16,
    period_end   UInt16,
    version      UInt64,
    deleted      UInt8 DEFAULT 0
) ENGINE = ReplacingMergeTree(version)
ORDER BY code;

-- One target per plan, indicator, scope and period. kind says what is compared
-- (one year's value, the period's average, the end-year level, the period's sum);
-- comparator and value_min/value_max say how: between min and max, at least min, ...
CREATE TABLE IF NOT EXISTS targets (
    plan         String,
    indicator    String,
    scope        String,
    period_start UInt16,
    period_end   UInt16,
    kind         Enum8('annual' = 1, 'period_average' = 2, 'level_at_end' = 3, 'cumulative' = 4, 'floor' = 5, 'ceiling' = 6),
    comparator   Enum8('between' = 1, 'at_least' = 2, 'greater_than' = 3, 'at_most' = 4, 'less_than' = 5, 'equal' = 6),
    value_min    Nullable(Decimal(18, 4)),
    value_max    Nullable(Decimal(18, 4)),
    unit         String,
    source       String,
    version      UInt64,
    deleted      UInt8 DEFAULT 0
) ENGINE = ReplacingMergeTree(version)
ORDER BY (plan, indicator, scope, period_start, period_end);
