CREATE TABLE IF NOT EXISTS schema_migrations (
    version    UInt32,
    name       String,
    applied_at DateTime
) ENGINE = MergeTree
ORDER BY version;

-- The migration lock: a server about to apply migrations up to version writes a claim,
-- waits a moment, and applies them only when its claim is the earliest live one; the
-- others wait until schema_migrations records the version. claimed_at is unix ns.
CREATE TABLE IF NOT EXISTS schema_migration_claims (
    version    UInt32,
    owner      String,
    claimed_at UInt64
) ENGINE = MergeTree
ORDER BY (version, claimed_at, owner);

-- A server that stops applying migrations (done, lost the race, or failed) withdraws its
-- claim here, so the next run does not wait for the claim's lifetime.
CREATE TABLE IF NOT EXISTS schema_migration_releases (
    owner       String,
    released_at UInt64
) ENGINE = MergeTree
ORDER BY owner;
