-- 004 audit: the tamper-evident audit trail (docs/protocol.md, "The audit trail").
-- seq is assigned by the application (1, 2, 3, … without gaps) from the one row of audit_head, which every
-- appending transaction locks, so commit order equals seq order and the chain has a single line.
-- hash = SHA-256(prev_hash || "\n" || canonical form); see server/storage/audit_repository.hpp.

CREATE TABLE IF NOT EXISTS audit_log (
    seq                 INTEGER PRIMARY KEY,  -- not AUTOINCREMENT: the app assigns it under the head lock
    at_ms               INTEGER NOT NULL,     -- UTC milliseconds since the epoch
    username            TEXT    NOT NULL,
    role                TEXT    NOT NULL,
    certificate_subject TEXT    NOT NULL,
    action              TEXT    NOT NULL,
    record              TEXT    NOT NULL,     -- "household/12", "user/shimen_clerk", or ''
    outcome             TEXT    NOT NULL CHECK (outcome IN ('ok', 'denied', 'failed')),
    changes             TEXT    NOT NULL,     -- canonical JSON ({} when nothing changed)
    prev_hash           TEXT    NOT NULL CHECK (length(prev_hash) = 64),
    hash                TEXT    NOT NULL CHECK (length(hash) = 64)
);
-- The API's filters, each ending in seq so a filtered page is read newest first straight from the index.
CREATE INDEX IF NOT EXISTS audit_log_username ON audit_log (username, seq);
CREATE INDEX IF NOT EXISTS audit_log_record   ON audit_log (record, seq);
CREATE INDEX IF NOT EXISTS audit_log_action   ON audit_log (action, seq);
CREATE INDEX IF NOT EXISTS audit_log_at       ON audit_log (at_ms, seq);

-- The end of the chain: the last seq and its hash. Locked by every append; compared by `audit verify` with the
-- last entry, so deleting entries from the end (or appending behind the app's back) is noticed.
CREATE TABLE IF NOT EXISTS audit_head (
    id        INTEGER PRIMARY KEY CHECK (id = 1),
    last_seq  INTEGER NOT NULL,
    last_hash TEXT    NOT NULL CHECK (length(last_hash) = 64)
);
INSERT OR IGNORE INTO audit_head (id, last_seq, last_hash)
VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');
