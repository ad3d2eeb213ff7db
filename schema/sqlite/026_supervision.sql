-- 026 专项督查: the county's weights of the townships' ranking for a year, and the supervisors' 通报 on a
-- township (docs/protocol.md "Supervision"). Notes are never changed or deleted: a later note answers an earlier.

CREATE TABLE IF NOT EXISTS supervision_weights (
    year         INTEGER NOT NULL PRIMARY KEY,
    progress     INTEGER NOT NULL,
    completeness INTEGER NOT NULL,
    objections   INTEGER NOT NULL,
    spot_checks  INTEGER NOT NULL,
    set_by       TEXT    NOT NULL,
    set_at_ms    INTEGER NOT NULL
);

CREATE TABLE IF NOT EXISTS supervision_notes (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    year          INTEGER NOT NULL,
    township_code TEXT    NOT NULL,
    kind          TEXT    NOT NULL CHECK (kind IN ('commendation', 'criticism')),
    text          TEXT    NOT NULL,
    written_by    TEXT    NOT NULL,
    written_at_ms INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS supervision_notes_year ON supervision_notes (year, township_code, id);
