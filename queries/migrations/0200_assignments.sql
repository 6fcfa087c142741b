-- Which indicators an agency reports, and for which scopes: data, edited by
-- administrators, read by the upload validation and the template generator.
-- scope is a scope or zone code, or a pattern: 'zone:*' (every zone), 'zone:EZ',
-- 'zone:IP', 'zone:IC' (every zone of that type), 'province:*' (every province scope).
-- indicator '*' means every indicator. The newest version per key wins (FINAL);
-- deleted = 1 withdraws an assignment.
CREATE TABLE IF NOT EXISTS assignments (
    agency    String,
    indicator String,
    scope     String,
    note      String,
    version   UInt64,
    deleted   UInt8 DEFAULT 0
) ENGINE = ReplacingMergeTree(version)
ORDER BY (agency, indicator, scope);
