-- 005 procedure: identification (识别) by three-level review and three postings (docs/procedure.md),
-- poverty lines, quotas, and the outbox of change events (every change commits with its event row).
-- Dates of the procedure are China Standard Time calendar days, 'YYYY-MM-DD'. Times are UTC milliseconds.

-- The three priorities and three exclusions a village verifies, one bit each
-- (server/storage/household_repository.cpp names the bits).
ALTER TABLE households ADD COLUMN identification_flags INTEGER NOT NULL DEFAULT 0;

-- The poverty line of a year (per-capita net income, in fen), set by the county administrator.
CREATE TABLE IF NOT EXISTS poverty_lines (
    year       INTEGER NOT NULL PRIMARY KEY,
    amount_fen INTEGER NOT NULL CHECK (amount_fen > 0),
    set_by     TEXT    NOT NULL,
    set_at_ms  INTEGER NOT NULL
);

-- 规模控制: how many households an area may register in a year. The county's total, each township's share of
-- it, each village's share of its township's. Rows are locked (the database lock on SQLite) while an approval
-- counts the places used.
CREATE TABLE IF NOT EXISTS quotas (
    year        INTEGER NOT NULL,
    area_code   TEXT    NOT NULL,
    parent_code TEXT    NOT NULL,  -- '' for the county
    quota       INTEGER NOT NULL CHECK (quota >= 0),
    set_by      TEXT    NOT NULL,
    set_at_ms   INTEGER NOT NULL,
    PRIMARY KEY (year, area_code)
);
CREATE INDEX IF NOT EXISTS quotas_parent ON quotas (year, parent_code, area_code);

-- One case of the procedure: a household's application for one year.
CREATE TABLE IF NOT EXISTS applications (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    household_id    INTEGER NOT NULL REFERENCES households (id),
    year            INTEGER NOT NULL,
    state           TEXT    NOT NULL,
    version         INTEGER NOT NULL,
    township_code   TEXT    NOT NULL,
    village_code    TEXT    NOT NULL,
    open_objections INTEGER NOT NULL DEFAULT 0,
    posting_id      INTEGER,            -- the posting the case is on now, while in a *_posted state
    appraisal_rank  INTEGER,            -- the panel's final ranking in the village
    created_at_ms   INTEGER NOT NULL,
    updated_at_ms   INTEGER NOT NULL,
    UNIQUE (household_id, year)
);
CREATE INDEX IF NOT EXISTS applications_village  ON applications (village_code, year, state, id);
CREATE INDEX IF NOT EXISTS applications_township ON applications (township_code, year, state, id);
CREATE INDEX IF NOT EXISTS applications_state    ON applications (year, state, id);

-- Who did what, when and why, at every step of a case. Never updated or deleted.
CREATE TABLE IF NOT EXISTS application_steps (
    application_id INTEGER NOT NULL REFERENCES applications (id),
    seq            INTEGER NOT NULL,
    action         TEXT    NOT NULL,
    from_state     TEXT    NOT NULL,  -- '' for the application itself
    to_state       TEXT    NOT NULL,
    at_ms          INTEGER NOT NULL,
    username       TEXT    NOT NULL,
    role           TEXT    NOT NULL,
    note           TEXT    NOT NULL,
    reason         TEXT    NOT NULL,  -- a refusal's or a return's reason
    details        TEXT    NOT NULL,  -- JSON object: the verdict, the posting, the objection, …
    PRIMARY KEY (application_id, seq)
);

-- A published list (榜): level village (first), township (second), county (third) or result (张榜公示).
CREATE TABLE IF NOT EXISTS postings (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    level           TEXT    NOT NULL CHECK (level IN ('village', 'township', 'county', 'result')),
    area_code       TEXT    NOT NULL,
    year            INTEGER NOT NULL,
    published_on    TEXT    NOT NULL,
    days            INTEGER NOT NULL,
    next_step_on    TEXT    NOT NULL,  -- published_on + days: the first day the next step is allowed
    published_at_ms INTEGER NOT NULL,
    published_by    TEXT    NOT NULL
);
CREATE INDEX IF NOT EXISTS postings_area ON postings (area_code, year, id);

-- The public form of each case on a posting, as published (never an ID number).
CREATE TABLE IF NOT EXISTS posting_entries (
    posting_id                INTEGER NOT NULL REFERENCES postings (id),
    application_id            INTEGER NOT NULL REFERENCES applications (id),
    position                  INTEGER NOT NULL,
    head_name                 TEXT    NOT NULL,
    village_code              TEXT    NOT NULL,
    group_code                TEXT    NOT NULL,
    household_size            INTEGER NOT NULL,
    per_capita_net_income_fen INTEGER NOT NULL,
    main_cause                TEXT    NOT NULL,
    appraisal_rank            INTEGER,
    PRIMARY KEY (posting_id, application_id)
);
CREATE INDEX IF NOT EXISTS posting_entries_application ON posting_entries (application_id);

-- 异议: raised during a posting, recorded by a clerk, answered by a reviewer after re-verification.
CREATE TABLE IF NOT EXISTS objections (
    id               INTEGER PRIMARY KEY AUTOINCREMENT,
    application_id   INTEGER NOT NULL REFERENCES applications (id),
    posting_id       INTEGER NOT NULL REFERENCES postings (id),
    objector_name    TEXT    NOT NULL,
    objector_contact TEXT    NOT NULL,
    grounds          TEXT    NOT NULL,
    objected_on      TEXT    NOT NULL,
    recorded_by      TEXT    NOT NULL,
    recorded_at_ms   INTEGER NOT NULL,
    state            TEXT    NOT NULL CHECK (state IN ('open', 'upheld', 'dismissed')),
    answer           TEXT    NOT NULL DEFAULT '',
    consequence      TEXT    NOT NULL DEFAULT '',  -- upheld: 'refuse' or 'return'
    answered_by      TEXT    NOT NULL DEFAULT '',
    answered_at_ms   INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX IF NOT EXISTS objections_application ON objections (application_id, id);

-- 民主评议: the village's appraisal meeting, its panel and its ranking.
CREATE TABLE IF NOT EXISTS appraisals (
    id             INTEGER PRIMARY KEY AUTOINCREMENT,
    village_code   TEXT    NOT NULL,
    year           INTEGER NOT NULL,
    meeting_date   TEXT    NOT NULL,
    panel          TEXT    NOT NULL,  -- JSON array of the members' names
    recorded_by    TEXT    NOT NULL,
    recorded_at_ms INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS appraisals_village ON appraisals (village_code, year, id);

CREATE TABLE IF NOT EXISTS appraisal_results (
    appraisal_id   INTEGER NOT NULL REFERENCES appraisals (id),
    application_id INTEGER NOT NULL REFERENCES applications (id),
    proposed_rank  INTEGER NOT NULL,
    final_rank     INTEGER NOT NULL,
    votes_for      INTEGER NOT NULL,
    votes_against  INTEGER NOT NULL,
    votes_abstain  INTEGER NOT NULL,
    PRIMARY KEY (appraisal_id, application_id)
);

-- The outbox: one row per change, in the transaction of the change. seq is assigned by the application from
-- the one row of event_head, locked until commit, so commit order equals seq order and a reader that has seen
-- seq N has seen everything below it.
CREATE TABLE IF NOT EXISTS events (
    seq            INTEGER PRIMARY KEY,
    at_ms          INTEGER NOT NULL,
    kind           TEXT    NOT NULL,  -- "household.created", "application.approve", "posting.published", …
    record         TEXT    NOT NULL,  -- "household/12", "application/7", "posting/3", …
    township_code  TEXT    NOT NULL,  -- '' for county-wide events
    village_code   TEXT    NOT NULL,  -- '' when the event is not about one village
    public         INTEGER NOT NULL CHECK (public IN (0, 1)),  -- other townships may see public_summary
    summary        TEXT    NOT NULL,  -- JSON object, for users whose area covers the event
    public_summary TEXT    NOT NULL   -- JSON object without personal details ({} when not public)
);

CREATE TABLE IF NOT EXISTS event_head (
    id       INTEGER PRIMARY KEY CHECK (id = 1),
    last_seq INTEGER NOT NULL
);
INSERT OR IGNORE INTO event_head (id, last_seq) VALUES (1, 0);
