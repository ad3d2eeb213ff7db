-- 019 half-yearly review rounds (半年审核调整): a round of a year and half with its deadline, and one entry per
-- household registered when it opened: what the file said then, and the village's entry once made (the file
-- entered again, judged again: stays, proposed for exit, or flagged).

CREATE TABLE IF NOT EXISTS review_rounds (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    year         INTEGER NOT NULL,
    half         INTEGER NOT NULL CHECK (half IN (1, 2)),
    deadline     TEXT    NOT NULL,  -- 'YYYY-MM-DD', China
    opened_by    TEXT    NOT NULL,
    opened_at_ms INTEGER NOT NULL,
    UNIQUE (year, half)
);

CREATE TABLE IF NOT EXISTS review_entries (
    round_id          INTEGER NOT NULL REFERENCES review_rounds (id),
    household_id      INTEGER NOT NULL REFERENCES households (id),
    township_code     TEXT    NOT NULL,
    village_code      TEXT    NOT NULL,
    size_before       INTEGER NOT NULL,
    per_capita_before INTEGER NOT NULL,  -- fen
    -- The entry (entered_at_ms 0 until made; a later entry replaces it, each in the audit trail).
    outcome           TEXT    NOT NULL DEFAULT '',  -- stays | proposed_exit | flagged
    reasons           TEXT    NOT NULL DEFAULT '[]',  -- JSON array of {code, zh, en}
    size_after        INTEGER NOT NULL DEFAULT 0,
    per_capita_after  INTEGER NOT NULL DEFAULT 0,
    note              TEXT    NOT NULL DEFAULT '',
    entered_by        TEXT    NOT NULL DEFAULT '',
    entered_at_ms     INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (round_id, household_id)
);
CREATE INDEX IF NOT EXISTS review_entries_village ON review_entries (round_id, village_code, household_id);
CREATE INDEX IF NOT EXISTS review_entries_entered ON review_entries (round_id, entered_at_ms);
