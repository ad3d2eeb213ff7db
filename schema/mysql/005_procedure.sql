-- 005 procedure: identification (识别) by three-level review and three postings (docs/procedure.md),
-- poverty lines, quotas, and the outbox of change events (every change commits with its event row).
-- Dates of the procedure are China Standard Time calendar days, 'YYYY-MM-DD'. Times are UTC milliseconds.
-- Re-runnable (IF NOT EXISTS, INSERT IGNORE): MySQL DDL commits on its own, so a cut-short run is finished next
-- start. Indexes are declared inside CREATE TABLE (MySQL 8 has no CREATE INDEX IF NOT EXISTS); ADD COLUMN IF NOT
-- EXISTS is MariaDB's: on MySQL 8 that one statement must be run by hand (docs/architecture.md).

-- The three priorities and three exclusions a village verifies, one bit each
-- (server/storage/household_repository.cpp names the bits).
ALTER TABLE households ADD COLUMN IF NOT EXISTS identification_flags INT NOT NULL DEFAULT 0;

-- The poverty line of a year (per-capita net income, in fen), set by the county administrator.
CREATE TABLE IF NOT EXISTS poverty_lines (
    year       INT    NOT NULL PRIMARY KEY,
    amount_fen BIGINT NOT NULL CHECK (amount_fen > 0),
    set_by     VARCHAR(64)    NOT NULL,
    set_at_ms  BIGINT NOT NULL
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- 规模控制: how many households an area may register in a year. The county's total, each township's share of
-- it, each village's share of its township's. Rows are locked (the database lock on SQLite) while an approval
-- counts the places used.
CREATE TABLE IF NOT EXISTS quotas (
    year        BIGINT NOT NULL,
    area_code   VARCHAR(15)    NOT NULL,
    parent_code VARCHAR(15)    NOT NULL,  -- '' for the county
    quota       BIGINT NOT NULL CHECK (quota >= 0),
    set_by      VARCHAR(64)    NOT NULL,
    set_at_ms   BIGINT NOT NULL,
    PRIMARY KEY (year, area_code),
    KEY quotas_parent (year, parent_code, area_code)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- One case of the procedure: a household's application for one year.
CREATE TABLE IF NOT EXISTS applications (
    id              BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
    household_id    BIGINT NOT NULL,
    year            BIGINT NOT NULL,
    state           VARCHAR(32)    NOT NULL,
    version         BIGINT NOT NULL,
    township_code   VARCHAR(15)    NOT NULL,
    village_code    VARCHAR(15)    NOT NULL,
    open_objections BIGINT NOT NULL DEFAULT 0,
    posting_id      BIGINT,            -- the posting the case is on now, while in a *_posted state
    appraisal_rank  BIGINT,            -- the panel's final ranking in the village
    created_at_ms   BIGINT NOT NULL,
    updated_at_ms   BIGINT NOT NULL,
    UNIQUE (household_id, year),
    KEY applications_village (village_code, year, state, id),
    KEY applications_township (township_code, year, state, id),
    KEY applications_state (year, state, id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- Who did what, when and why, at every step of a case. Never updated or deleted.
CREATE TABLE IF NOT EXISTS application_steps (
    application_id BIGINT NOT NULL,
    seq            BIGINT NOT NULL,
    action         VARCHAR(32)    NOT NULL,
    from_state     VARCHAR(32)    NOT NULL,  -- '' for the application itself
    to_state       VARCHAR(32)    NOT NULL,
    at_ms          BIGINT NOT NULL,
    username       VARCHAR(64)    NOT NULL,
    role           VARCHAR(32)    NOT NULL,
    note           TEXT    NOT NULL,
    reason         TEXT    NOT NULL,  -- a refusal's or a return's reason
    details        MEDIUMTEXT    NOT NULL,  -- JSON object: the verdict, the posting, the objection, …
    PRIMARY KEY (application_id, seq)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- A published list (榜): level village (first), township (second), county (third) or result (张榜公示).
CREATE TABLE IF NOT EXISTS postings (
    id              BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
    level           VARCHAR(10)    NOT NULL CHECK (level IN ('village', 'township', 'county', 'result')),
    area_code       VARCHAR(15)    NOT NULL,
    year            BIGINT NOT NULL,
    published_on    CHAR(10)    NOT NULL,
    days            BIGINT NOT NULL,
    next_step_on    CHAR(10)    NOT NULL,  -- published_on + days: the first day the next step is allowed
    published_at_ms BIGINT NOT NULL,
    published_by    VARCHAR(64)    NOT NULL,
    KEY postings_area (area_code, year, id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- The public form of each case on a posting, as published (never an ID number).
CREATE TABLE IF NOT EXISTS posting_entries (
    posting_id                BIGINT NOT NULL,
    application_id            BIGINT NOT NULL,
    position                  BIGINT NOT NULL,
    head_name                 VARCHAR(100)    NOT NULL,
    village_code              VARCHAR(15)    NOT NULL,
    group_code                VARCHAR(15)    NOT NULL,
    household_size            BIGINT NOT NULL,
    per_capita_net_income_fen BIGINT NOT NULL,
    main_cause                VARCHAR(32)    NOT NULL,
    appraisal_rank            BIGINT,
    PRIMARY KEY (posting_id, application_id),
    KEY posting_entries_application (application_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- 异议: raised during a posting, recorded by a clerk, answered by a reviewer after re-verification.
CREATE TABLE IF NOT EXISTS objections (
    id               BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
    application_id   BIGINT NOT NULL,
    posting_id       BIGINT NOT NULL,
    objector_name    VARCHAR(100)    NOT NULL,
    objector_contact VARCHAR(100)    NOT NULL,
    grounds          TEXT    NOT NULL,
    objected_on      CHAR(10)    NOT NULL,
    recorded_by      VARCHAR(64)    NOT NULL,
    recorded_at_ms   BIGINT NOT NULL,
    state            VARCHAR(10)    NOT NULL CHECK (state IN ('open', 'upheld', 'dismissed')),
    answer           TEXT    NOT NULL,
    consequence      VARCHAR(10) NOT NULL DEFAULT '',  -- upheld: 'refuse' or 'return'
    answered_by      VARCHAR(64) NOT NULL DEFAULT '',
    answered_at_ms   BIGINT NOT NULL DEFAULT 0,
    KEY objections_application (application_id, id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- 民主评议: the village's appraisal meeting, its panel and its ranking.
CREATE TABLE IF NOT EXISTS appraisals (
    id             BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
    village_code   VARCHAR(15)    NOT NULL,
    year           BIGINT NOT NULL,
    meeting_date   CHAR(10)    NOT NULL,
    panel          TEXT    NOT NULL,  -- JSON array of the members' names
    recorded_by    VARCHAR(64)    NOT NULL,
    recorded_at_ms BIGINT NOT NULL,
    KEY appraisals_village (village_code, year, id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE IF NOT EXISTS appraisal_results (
    appraisal_id   BIGINT NOT NULL,
    application_id BIGINT NOT NULL,
    proposed_rank  BIGINT NOT NULL,
    final_rank     BIGINT NOT NULL,
    votes_for      BIGINT NOT NULL,
    votes_against  BIGINT NOT NULL,
    votes_abstain  BIGINT NOT NULL,
    PRIMARY KEY (appraisal_id, application_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- The outbox: one row per change, in the transaction of the change. seq is assigned by the application from
-- the one row of event_head, locked until commit, so commit order equals seq order and a reader that has seen
-- seq N has seen everything below it.
CREATE TABLE IF NOT EXISTS events (
    seq            BIGINT NOT NULL PRIMARY KEY,
    at_ms          BIGINT NOT NULL,
    kind           VARCHAR(64)    NOT NULL,  -- "household.created", "application.approve", "posting.published", …
    record         VARCHAR(128)    NOT NULL,  -- "household/12", "application/7", "posting/3", …
    township_code  VARCHAR(15)    NOT NULL,  -- '' for county-wide events
    village_code   VARCHAR(15)    NOT NULL,  -- '' when the event is not about one village
    public         BIGINT NOT NULL CHECK (public IN (0, 1)),  -- other townships may see public_summary
    summary        MEDIUMTEXT    NOT NULL,  -- JSON object, for users whose area covers the event
    public_summary MEDIUMTEXT    NOT NULL   -- JSON object without personal details ({} when not public)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE IF NOT EXISTS event_head (
    id       INT NOT NULL PRIMARY KEY CHECK (id = 1),
    last_seq BIGINT NOT NULL
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
INSERT IGNORE INTO event_head (id, last_seq) VALUES (1, 0);
