-- 004 audit: the tamper-evident audit trail (docs/protocol.md, "The audit trail").
-- seq is assigned by the application (1, 2, 3, … without gaps) from the one row of audit_head, which every
-- appending transaction locks (SELECT … FOR UPDATE), so commit order equals seq order.
-- hash = SHA-256(prev_hash || "\n" || canonical form); see server/storage/audit_repository.hpp.
-- Re-runnable (IF NOT EXISTS, INSERT IGNORE): MySQL DDL commits on its own, so a cut-short run is finished next start.

CREATE TABLE IF NOT EXISTS audit_log (
    seq                 BIGINT        NOT NULL PRIMARY KEY,  -- no AUTO_INCREMENT: the app assigns it
    at_ms               BIGINT        NOT NULL,              -- UTC milliseconds since the epoch
    username            VARCHAR(64)   NOT NULL,
    role                VARCHAR(32)   NOT NULL,
    certificate_subject VARCHAR(512)  NOT NULL,
    action              VARCHAR(64)   NOT NULL,
    record              VARCHAR(128)  NOT NULL,              -- "household/12", "user/shimen_clerk", or ''
    outcome             VARCHAR(8)    NOT NULL CHECK (outcome IN ('ok', 'denied', 'failed')),
    changes             MEDIUMTEXT    NOT NULL,              -- canonical JSON; a whole household can exceed 64 KiB
    prev_hash           CHAR(64)      CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    hash                CHAR(64)      CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    -- The API's filters, each ending in seq so a filtered page is read newest first straight from the index.
    KEY audit_log_username (username, seq),
    KEY audit_log_record   (record, seq),
    KEY audit_log_action   (action, seq),
    KEY audit_log_at       (at_ms, seq)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- The end of the chain: the last seq and its hash. Locked by every append; compared by `audit verify` with the
-- last entry, so deleting entries from the end (or appending behind the app's back) is noticed.
CREATE TABLE IF NOT EXISTS audit_head (
    id        INT      NOT NULL PRIMARY KEY CHECK (id = 1),
    last_seq  BIGINT   NOT NULL,
    last_hash CHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

INSERT IGNORE INTO audit_head (id, last_seq, last_hash)
VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');
