-- Accounts, sessions, sign-in attempts and the audit trail. Several dashboard servers
-- share them, so nothing about a sign-in lives only in one server's memory.

-- One row per version of a user; the newest version per username wins (FINAL).
-- Disabling, a new password or new agencies are new versions. sessions_after (unix ns):
-- sessions issued before it are void, so a password reset or a disable signs the user
-- out everywhere at once.
CREATE TABLE IF NOT EXISTS users (
    username       String,
    name           String,
    role           Enum8('viewer' = 1, 'analyst' = 2, 'admin' = 3),
    agencies       Array(String),
    password_hash  String,   -- PHC string: $argon2id$v=19$m=...,t=...,p=...$salt$hash
    disabled       UInt8,
    created_at     DateTime,
    updated_at     DateTime,
    updated_by     String,
    sessions_after UInt64,
    version        UInt64
) ENGINE = ReplacingMergeTree(version)
ORDER BY username;

-- A session is keyed by the sha256 of its cookie token: the token itself is never
-- stored, so reading this table does not let anyone sign in. Sign-out writes a newer
-- version with revoked = 1; reads take the newest version (FINAL), so a sign-out on
-- one server is seen at once by every other.
CREATE TABLE IF NOT EXISTS sessions (
    token_hash String,
    username   String,
    issued     UInt64,   -- unix ns, compared with users.sessions_after
    created_at DateTime,
    expires_at DateTime,
    ip         String,
    user_agent String,
    revoked    UInt8,
    version    UInt64
) ENGINE = ReplacingMergeTree(version)
PARTITION BY toYYYYMM(created_at)
ORDER BY token_hash;

-- Every sign-in attempt, for rate limiting across servers. key is 'user:<name>' or
-- 'ip:<address>'; the name is whatever was typed, existing or not, so the limit says
-- nothing about which accounts exist. Old months can be dropped by partition.
CREATE TABLE IF NOT EXISTS signin_attempts (
    key String,
    at  DateTime,
    ns  UInt64,   -- unix ns, orders attempts within a second
    ok  UInt8
) ENGINE = MergeTree
PARTITION BY toYYYYMM(at)
ORDER BY (key, ns);

-- The audit trail: who did what, when, from where. Append-only; nothing updates it.
CREATE TABLE IF NOT EXISTS audit_log (
    at          DateTime,
    ns          UInt64,   -- unix ns, orders events within a second
    actor       String,   -- username, or what was typed at a failed sign-in
    action      String,   -- signin.ok, user.add, target.save, upload.accept ... (queries/audit.go)
    object_kind String,   -- user, indicator, zone, agency, plan, target, upload, submission
    object_id   String,
    agency      String,
    detail      String,
    ip          String,
    user_agent  String
) ENGINE = MergeTree
PARTITION BY toYYYYMM(at)
ORDER BY (at, ns);
