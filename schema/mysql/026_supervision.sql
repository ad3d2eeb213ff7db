-- 026 专项督查: the county's weights of the townships' ranking for a year, and the supervisors' 通报 on a
-- township (docs/protocol.md "Supervision"). Notes are never changed or deleted: a later note answers an earlier.

CREATE TABLE IF NOT EXISTS supervision_weights (
    year         BIGINT NOT NULL PRIMARY KEY,
    progress     BIGINT NOT NULL,
    completeness BIGINT NOT NULL,
    objections   BIGINT NOT NULL,
    spot_checks  BIGINT NOT NULL,
    set_by       VARCHAR(64) NOT NULL,
    set_at_ms    BIGINT NOT NULL
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE IF NOT EXISTS supervision_notes (
    id            BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
    year          BIGINT NOT NULL,
    township_code VARCHAR(15) NOT NULL,
    kind          VARCHAR(16) NOT NULL CHECK (kind IN ('commendation', 'criticism')),
    text          TEXT NOT NULL,
    written_by    VARCHAR(64) NOT NULL,
    written_at_ms BIGINT NOT NULL,
    KEY supervision_notes_year (year, township_code, id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
