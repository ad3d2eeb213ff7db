-- rebuilds tables: run with foreign keys off and checked before commit (storage/migrate.cpp).
-- 017 the exit procedure (脱贫退出): a case is an identification or an exit, and a household has one case of each
-- kind per year (a household registered and lifted out in one year has both); postings gain the exit's two
-- levels; an exited household keeps its exit year and the last year of its transition period (脱贫不脱政策).
-- SQLite cannot change a table's constraints in place, so applications and postings are made again and their
-- rows copied (the documented way: https://www.sqlite.org/lang_altertable.html#otheralter).

ALTER TABLE households ADD COLUMN exit_year INTEGER;
ALTER TABLE households ADD COLUMN policies_until INTEGER;

CREATE TABLE applications_017 (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    household_id    INTEGER NOT NULL REFERENCES households (id),
    kind            TEXT    NOT NULL DEFAULT 'identification' CHECK (kind IN ('identification', 'exit')),
    year            INTEGER NOT NULL,
    state           TEXT    NOT NULL,
    version         INTEGER NOT NULL,
    township_code   TEXT    NOT NULL,
    village_code    TEXT    NOT NULL,
    open_objections INTEGER NOT NULL DEFAULT 0,
    posting_id      INTEGER,            -- the posting the case is on now, while in a *_posted state
    appraisal_rank  INTEGER,            -- the panel's final ranking in the village (identification)
    created_at_ms   INTEGER NOT NULL,
    updated_at_ms   INTEGER NOT NULL,
    UNIQUE (household_id, kind, year)
);
INSERT INTO applications_017 (id, household_id, kind, year, state, version, township_code, village_code,
                              open_objections, posting_id, appraisal_rank, created_at_ms, updated_at_ms)
    SELECT id, household_id, 'identification', year, state, version, township_code, village_code, open_objections,
           posting_id, appraisal_rank, created_at_ms, updated_at_ms
    FROM applications;
DROP TABLE applications;
ALTER TABLE applications_017 RENAME TO applications;
CREATE INDEX applications_village  ON applications (village_code, year, state, id);
CREATE INDEX applications_township ON applications (township_code, year, state, id);
CREATE INDEX applications_state    ON applications (year, state, id);

CREATE TABLE postings_017 (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    level           TEXT    NOT NULL CHECK (level IN ('village', 'township', 'county', 'result', 'exit_village',
                                                      'exit_county')),
    area_code       TEXT    NOT NULL,
    year            INTEGER NOT NULL,
    published_on    TEXT    NOT NULL,
    days            INTEGER NOT NULL,
    next_step_on    TEXT    NOT NULL,  -- published_on + days: the first day the next step is allowed
    published_at_ms INTEGER NOT NULL,
    published_by    TEXT    NOT NULL
);
INSERT INTO postings_017 (id, level, area_code, year, published_on, days, next_step_on, published_at_ms,
                          published_by)
    SELECT id, level, area_code, year, published_on, days, next_step_on, published_at_ms, published_by
    FROM postings;
DROP TABLE postings;
ALTER TABLE postings_017 RENAME TO postings;
CREATE INDEX postings_area ON postings (area_code, year, id);
