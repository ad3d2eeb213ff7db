-- 020 checks against other departments (数据比对): the lists the county imports (低保, 特困供养, disability
-- certificates, vehicles, commercial housing, business registrations, state payroll), each kept with its rows and
-- its import, and the flags its rows raise on the households whose members they name, open until a reviewer
-- clears them with a reason.

CREATE TABLE IF NOT EXISTS department_lists (
    id                 INTEGER PRIMARY KEY AUTOINCREMENT,
    kind               TEXT    NOT NULL,
    year               INTEGER NOT NULL,
    source             TEXT    NOT NULL,
    file_name          TEXT    NOT NULL,
    file_sha256        TEXT    NOT NULL,  -- the same file is imported once per kind and year
    encoding           TEXT    NOT NULL,  -- utf-8 | gb18030
    excluding          INTEGER NOT NULL,  -- 1 for the kinds that rule a household out (common/department_check.cpp)
    row_count          INTEGER NOT NULL,
    flagged_households INTEGER NOT NULL DEFAULT 0,
    imported_by        TEXT    NOT NULL,
    imported_at_ms     INTEGER NOT NULL,
    UNIQUE (kind, year, file_sha256)
);

CREATE TABLE IF NOT EXISTS department_list_rows (
    list_id     INTEGER NOT NULL REFERENCES department_lists (id),
    line        INTEGER NOT NULL,
    id_number   TEXT    NOT NULL COLLATE NOCASE,  -- as members.id_number
    name        TEXT    NOT NULL,
    detail      TEXT    NOT NULL,
    recorded_on TEXT    NOT NULL,  -- 'YYYY-MM', 'YYYY-MM-DD' or ''
    PRIMARY KEY (list_id, line)
);
CREATE INDEX IF NOT EXISTS department_list_rows_person ON department_list_rows (id_number);

CREATE TABLE IF NOT EXISTS household_flags (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    household_id  INTEGER NOT NULL REFERENCES households (id),
    list_id       INTEGER NOT NULL,
    line          INTEGER NOT NULL,
    member_name   TEXT    NOT NULL,
    excluding     INTEGER NOT NULL,  -- the list's, kept here for the index of open excluding flags
    raised_at_ms  INTEGER NOT NULL,
    cleared_by    TEXT    NOT NULL DEFAULT '',
    cleared_at_ms INTEGER NOT NULL DEFAULT 0,
    clear_reason  TEXT    NOT NULL DEFAULT '',
    FOREIGN KEY (list_id, line) REFERENCES department_list_rows (list_id, line),
    UNIQUE (household_id, list_id, line)
);
CREATE INDEX IF NOT EXISTS household_flags_open ON household_flags (household_id, cleared_at_ms, excluding);
CREATE INDEX IF NOT EXISTS household_flags_list ON household_flags (list_id);
