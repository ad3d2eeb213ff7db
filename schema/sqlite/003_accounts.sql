-- 003 accounts: users with a role and an area, login sessions, and login throttling.

CREATE TABLE IF NOT EXISTS users (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    username      TEXT    NOT NULL UNIQUE,
    display_name  TEXT    NOT NULL,
    role          TEXT    NOT NULL,
    area_code     TEXT    NOT NULL,
    password_hash TEXT    NOT NULL,  -- Argon2id, encoded with its parameters and salt
    disabled      INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)),
    created_at_ms INTEGER NOT NULL,
    updated_at_ms INTEGER NOT NULL
);

-- A session is known by the SHA-256 of its token; the token itself is never stored.
CREATE TABLE IF NOT EXISTS sessions (
    token_hash          TEXT    NOT NULL PRIMARY KEY,
    user_id             INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    certificate_subject TEXT    NOT NULL,
    created_at_ms       INTEGER NOT NULL,
    last_seen_ms        INTEGER NOT NULL,
    expires_at_ms       INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS sessions_user ON sessions (user_id);

-- Failed logins per account ('user:NAME') and per certificate ('cert:SUBJECT').
CREATE TABLE IF NOT EXISTS login_throttle (
    throttle_key    TEXT    NOT NULL PRIMARY KEY,
    failures        INTEGER NOT NULL,
    last_failure_ms INTEGER NOT NULL,
    locked_until_ms INTEGER NOT NULL
);
