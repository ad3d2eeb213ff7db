-- 013 assistance: what follows a household's registration (plan 四.5, 四.6): measures by category (分类分档) with
-- their funds by source in fen, projects that serve several households (each household's share is a measure
-- naming the project), each household's assistance plan for a year, and visits (走访) with the county's
-- unannounced checks (明察暗访). The 三到户三到人 view is computed from these rows. Times are UTC milliseconds,
-- dates China calendar days 'YYYY-MM-DD'.

CREATE TABLE IF NOT EXISTS projects (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    name          TEXT    NOT NULL,
    category      TEXT    NOT NULL,
    year          INTEGER NOT NULL,
    area_code     TEXT    NOT NULL,  -- the township or village it serves
    content       TEXT    NOT NULL,
    version       INTEGER NOT NULL,
    created_by    TEXT    NOT NULL,
    created_at_ms INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS projects_area ON projects (area_code, year);

CREATE TABLE IF NOT EXISTS measures (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    household_id  INTEGER NOT NULL REFERENCES households (id),
    village_code  TEXT    NOT NULL,
    category      TEXT    NOT NULL,
    plan_year     INTEGER NOT NULL,
    content       TEXT    NOT NULL,
    helper_id     INTEGER REFERENCES helpers (id),   -- NULL until a helper answers for it
    project_id    INTEGER REFERENCES projects (id),  -- NULL when it stands alone
    status        TEXT    NOT NULL,
    cancel_reason TEXT    NOT NULL DEFAULT '',
    start_date    TEXT    NOT NULL DEFAULT '',
    end_date      TEXT    NOT NULL DEFAULT '',
    paid_total_fen INTEGER NOT NULL DEFAULT 0,  -- its funds' paid amounts together, kept with them (资金到户)
    version       INTEGER NOT NULL,
    updated_by    TEXT    NOT NULL,
    updated_at_ms INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS measures_household ON measures (household_id, plan_year);
-- Covers what the 三到户三到人 view reads of a year's measures, so it scans this instead of the wide rows.
CREATE INDEX IF NOT EXISTS measures_year ON measures (plan_year, household_id, status, paid_total_fen, helper_id);
CREATE INDEX IF NOT EXISTS measures_project ON measures (project_id);

CREATE TABLE IF NOT EXISTS measure_funds (
    measure_id  INTEGER NOT NULL REFERENCES measures (id),
    source      TEXT    NOT NULL,
    planned_fen INTEGER NOT NULL CHECK (planned_fen >= 0),
    paid_fen    INTEGER NOT NULL CHECK (paid_fen >= 0),
    PRIMARY KEY (measure_id, source)
);

CREATE TABLE IF NOT EXISTS assistance_plans (
    household_id               INTEGER NOT NULL REFERENCES households (id),
    year                       INTEGER NOT NULL,
    expected_income_effect_fen INTEGER NOT NULL,
    acknowledged_on            TEXT    NOT NULL DEFAULT '',
    note                       TEXT    NOT NULL DEFAULT '',
    version                    INTEGER NOT NULL,
    updated_by                 TEXT    NOT NULL,
    updated_at_ms              INTEGER NOT NULL,
    PRIMARY KEY (household_id, year)
);

CREATE TABLE IF NOT EXISTS visits (
    id             INTEGER PRIMARY KEY AUTOINCREMENT,
    household_id   INTEGER NOT NULL REFERENCES households (id),
    village_code   TEXT    NOT NULL,
    helper_id      INTEGER REFERENCES helpers (id),  -- NULL for a supervisor's check
    kind           TEXT    NOT NULL,
    visited_on     TEXT    NOT NULL,
    done           TEXT    NOT NULL,
    situation      TEXT    NOT NULL,
    follow_up      TEXT    NOT NULL,
    recorded_by    TEXT    NOT NULL,
    recorded_at_ms INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS visits_household ON visits (household_id, visited_on);
-- Covers the view's question "visited by a helper since": the recent entries only, not every visit's text.
CREATE INDEX IF NOT EXISTS visits_recent ON visits (visited_on, helper_id, household_id);
