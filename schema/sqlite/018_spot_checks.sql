-- 018 spot checks (不定期抽查、明察暗访): a sample drawn by the county from a recorded seed, its strata (a township's
-- files of one standing) with their sizes, and each sampled file with the inspector's check once recorded.

CREATE TABLE IF NOT EXISTS spot_checks (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    year          INTEGER NOT NULL,
    share_percent INTEGER NOT NULL,
    minimum       INTEGER NOT NULL,
    seed          TEXT    NOT NULL,
    drawn_by      TEXT    NOT NULL,
    drawn_at_ms   INTEGER NOT NULL
);

CREATE TABLE IF NOT EXISTS spot_check_strata (
    check_id      INTEGER NOT NULL REFERENCES spot_checks (id),
    township_code TEXT    NOT NULL,
    standing      TEXT    NOT NULL,  -- registered | exited | refused
    population    INTEGER NOT NULL,
    drawn         INTEGER NOT NULL,
    PRIMARY KEY (check_id, township_code, standing)
);

CREATE TABLE IF NOT EXISTS spot_check_items (
    check_id          INTEGER NOT NULL REFERENCES spot_checks (id),
    household_id      INTEGER NOT NULL REFERENCES households (id),
    township_code     TEXT    NOT NULL,
    village_code      TEXT    NOT NULL,
    standing          TEXT    NOT NULL,
    -- The check, once recorded (recorded_at_ms 0 until then); never changed after.
    checked_on        TEXT    NOT NULL DEFAULT '',
    method            TEXT    NOT NULL DEFAULT '',
    findings          TEXT    NOT NULL DEFAULT '[]',  -- JSON array of {field, correct, found}
    verdict           TEXT    NOT NULL DEFAULT '',
    follow_up         TEXT    NOT NULL DEFAULT '',
    note              TEXT    NOT NULL DEFAULT '',
    checked_by        TEXT    NOT NULL DEFAULT '',
    recorded_at_ms    INTEGER NOT NULL DEFAULT 0,
    household_version INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (check_id, household_id)
);
CREATE INDEX IF NOT EXISTS spot_check_items_township ON spot_check_items (township_code, check_id);
