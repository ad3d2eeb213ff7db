-- 019 half-yearly review rounds (半年审核调整): a round of a year and half with its deadline, and one entry per
-- household registered when it opened: what the file said then, and the village's entry once made (the file
-- entered again, judged again: stays, proposed for exit, or flagged).

CREATE TABLE IF NOT EXISTS review_rounds (
    id           BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
    year         BIGINT NOT NULL,
    half         BIGINT NOT NULL CHECK (half IN (1, 2)),
    deadline     CHAR(10) NOT NULL,  -- 'YYYY-MM-DD', China
    opened_by    VARCHAR(64) NOT NULL,
    opened_at_ms BIGINT NOT NULL,
    UNIQUE KEY review_rounds_period (year, half)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE IF NOT EXISTS review_entries (
    round_id          BIGINT NOT NULL,
    household_id      BIGINT NOT NULL,
    township_code     VARCHAR(15) NOT NULL,
    village_code      VARCHAR(15) NOT NULL,
    size_before       BIGINT NOT NULL,
    per_capita_before BIGINT NOT NULL,  -- fen
    -- The entry (entered_at_ms 0 until made; a later entry replaces it, each in the audit trail).
    outcome           VARCHAR(16) NOT NULL DEFAULT '',  -- stays | proposed_exit | flagged
    reasons           MEDIUMTEXT NOT NULL,  -- JSON array of {code, zh, en}
    size_after        BIGINT NOT NULL DEFAULT 0,
    per_capita_after  BIGINT NOT NULL DEFAULT 0,
    note              TEXT NOT NULL,
    entered_by        VARCHAR(64) NOT NULL DEFAULT '',
    entered_at_ms     BIGINT NOT NULL DEFAULT 0,
    PRIMARY KEY (round_id, household_id),
    KEY review_entries_village (round_id, village_code, household_id),
    KEY review_entries_entered (round_id, entered_at_ms)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
