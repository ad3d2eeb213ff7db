-- 023 imports of a county's existing archive from a spreadsheet (docs/imports.md). An import is staged batch by
-- batch (each batch checked as it arrives) and written in one transaction at its commit, or dropped: a file goes
-- in whole or not at all.

CREATE TABLE IF NOT EXISTS archive_imports (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    area_code     TEXT    NOT NULL,  -- the importing office's area: every file must lie within it
    file_name     TEXT    NOT NULL,
    state         TEXT    NOT NULL CHECK (state IN ('open', 'committed', 'abandoned')),
    households    INTEGER NOT NULL DEFAULT 0,  -- staged so far
    people        INTEGER NOT NULL DEFAULT 0,
    problems      INTEGER NOT NULL DEFAULT 0,  -- rows refused so far: an import with any is not committed
    created_by    TEXT    NOT NULL,
    created_at_ms INTEGER NOT NULL,
    closed_at_ms  INTEGER NOT NULL DEFAULT 0
);

-- The files of an open import, as checked: the household as JSON, and the file's rows it came from.
CREATE TABLE IF NOT EXISTS archive_import_households (
    import_id  INTEGER NOT NULL REFERENCES archive_imports (id),
    seq        INTEGER NOT NULL,
    first_row  INTEGER NOT NULL,
    body       TEXT    NOT NULL,
    PRIMARY KEY (import_id, seq)
);

-- The people of an open import: one person is in one file of it, as in the archive.
CREATE TABLE IF NOT EXISTS archive_import_people (
    import_id  INTEGER NOT NULL REFERENCES archive_imports (id),
    id_number  TEXT    NOT NULL COLLATE NOCASE,
    file_row   INTEGER NOT NULL,
    PRIMARY KEY (import_id, id_number)
);

-- The helpers an open import's files name, one row per file and helper: a helper's households are counted
-- across the import's batches against the limit of households per helper.
CREATE TABLE IF NOT EXISTS archive_import_pairings (
    import_id INTEGER NOT NULL REFERENCES archive_imports (id),
    helper_id INTEGER NOT NULL,
    file_row  INTEGER NOT NULL,
    PRIMARY KEY (import_id, helper_id, file_row)
);
