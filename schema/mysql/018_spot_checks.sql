-- 018 spot checks (不定期抽查、明察暗访): a sample drawn by the county from a recorded seed, its strata (a township's
-- files of one standing) with their sizes, and each sampled file with the inspector's check once recorded.

CREATE TABLE IF NOT EXISTS spot_checks (
    id            BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
    year          BIGINT NOT NULL,
    share_percent BIGINT NOT NULL,
    minimum       BIGINT NOT NULL,
    seed          VARCHAR(64) NOT NULL,
    drawn_by      VARCHAR(64) NOT NULL,
    drawn_at_ms   BIGINT NOT NULL
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE IF NOT EXISTS spot_check_strata (
    check_id      BIGINT NOT NULL,
    township_code VARCHAR(15) NOT NULL,
    standing      VARCHAR(16) NOT NULL,  -- registered | exited | refused
    population    BIGINT NOT NULL,
    drawn         BIGINT NOT NULL,
    PRIMARY KEY (check_id, township_code, standing)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE IF NOT EXISTS spot_check_items (
    check_id          BIGINT NOT NULL,
    household_id      BIGINT NOT NULL,
    township_code     VARCHAR(15) NOT NULL,
    village_code      VARCHAR(15) NOT NULL,
    standing          VARCHAR(16) NOT NULL,
    -- The check, once recorded (recorded_at_ms 0 until then); never changed after.
    checked_on        CHAR(10) NOT NULL DEFAULT '',
    method            VARCHAR(16) NOT NULL DEFAULT '',
    findings          MEDIUMTEXT NOT NULL,  -- JSON array of {field, correct, found}
    verdict           VARCHAR(16) NOT NULL DEFAULT '',
    follow_up         VARCHAR(16) NOT NULL DEFAULT '',
    note              TEXT NOT NULL,
    checked_by        VARCHAR(64) NOT NULL DEFAULT '',
    recorded_at_ms    BIGINT NOT NULL DEFAULT 0,
    household_version BIGINT NOT NULL DEFAULT 0,
    PRIMARY KEY (check_id, household_id),
    KEY spot_check_items_township (township_code, check_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
