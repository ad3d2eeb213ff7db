-- 001 initial: areas, household files with their members, idempotency keys.
-- Money in fen (INTEGER), land and areas in REAL. Times are UTC milliseconds since the epoch.

CREATE TABLE IF NOT EXISTS schema_version (
    version       INTEGER PRIMARY KEY,
    name          TEXT    NOT NULL,
    applied_at_ms INTEGER NOT NULL
);

-- The county's administrative tree. parent_code is '' for the county itself.
CREATE TABLE IF NOT EXISTS areas (
    code        TEXT NOT NULL PRIMARY KEY,
    parent_code TEXT NOT NULL DEFAULT '',
    level       TEXT NOT NULL CHECK (level IN ('county', 'township', 'village', 'group')),
    name        TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS areas_parent ON areas (parent_code, code);

CREATE TABLE IF NOT EXISTS households (
    id                             INTEGER PRIMARY KEY AUTOINCREMENT,
    version                        INTEGER NOT NULL,
    status                         TEXT    NOT NULL,
    township_code                  TEXT    NOT NULL,
    village_code                   TEXT    NOT NULL,
    group_code                     TEXT    NOT NULL,
    head_name                      TEXT    NOT NULL,
    address                        TEXT    NOT NULL,
    phone                          TEXT    NOT NULL,
    bank_name                      TEXT    NOT NULL,
    bank_account                   TEXT    NOT NULL,
    land_contracted_mu             REAL    NOT NULL,
    land_transferred_mu            REAL    NOT NULL,
    land_abandoned_mu              REAL    NOT NULL,
    housing                        TEXT    NOT NULL,
    housing_area_m2                REAL    NOT NULL,
    drinking_water                 TEXT    NOT NULL,
    electricity                    TEXT    NOT NULL,
    road_access                    TEXT    NOT NULL,
    consumption_level              TEXT    NOT NULL,
    assets_value_fen               INTEGER NOT NULL,
    assets_note                    TEXT    NOT NULL,
    income_year                    INTEGER NOT NULL,
    income_wages_fen               INTEGER NOT NULL,
    income_production_business_fen INTEGER NOT NULL,
    income_property_fen            INTEGER NOT NULL,
    income_transfers_fen           INTEGER NOT NULL,
    per_capita_net_income_fen      INTEGER NOT NULL,
    main_cause                     TEXT    NOT NULL,
    other_cause_1                  TEXT,
    other_cause_2                  TEXT,
    five_guarantee                 INTEGER NOT NULL CHECK (five_guarantee IN (0, 1)),
    minimum_allowance              INTEGER NOT NULL CHECK (minimum_allowance IN (0, 1)),
    created_at_ms                  INTEGER NOT NULL,
    updated_at_ms                  INTEGER NOT NULL
);
-- Lists are newest change first under one area and/or status; keyset paging on (updated_at_ms, id).
CREATE INDEX IF NOT EXISTS households_updated          ON households (updated_at_ms, id);
CREATE INDEX IF NOT EXISTS households_township_updated ON households (township_code, updated_at_ms, id);
CREATE INDEX IF NOT EXISTS households_township_status  ON households (township_code, status, updated_at_ms, id);
CREATE INDEX IF NOT EXISTS households_village_updated  ON households (village_code, updated_at_ms, id);
CREATE INDEX IF NOT EXISTS households_group_updated    ON households (group_code, updated_at_ms, id);
CREATE INDEX IF NOT EXISTS households_status_updated   ON households (status, updated_at_ms, id);

CREATE TABLE IF NOT EXISTS members (
    household_id            INTEGER NOT NULL REFERENCES households (id) ON DELETE CASCADE,
    seq                     INTEGER NOT NULL,  -- order within the household, from 1
    name                    TEXT    NOT NULL,
    id_number               TEXT    NOT NULL COLLATE NOCASE,  -- 'x' and 'X' are the same check digit
    sex                     TEXT    NOT NULL,
    birth_date              TEXT    NOT NULL,
    relation                TEXT    NOT NULL,
    education               TEXT    NOT NULL,
    health                  TEXT    NOT NULL,
    disability_grade        INTEGER NOT NULL,
    labour_capacity         TEXT    NOT NULL,
    migrant_work_months     INTEGER NOT NULL,
    migrant_work_income_fen INTEGER NOT NULL,
    PRIMARY KEY (household_id, seq)
);
-- The real guarantee that a person belongs to at most one household file in the county.
CREATE UNIQUE INDEX IF NOT EXISTS uq_members_id_number ON members (id_number);

-- Create requests already answered, per caller area, so a retry never makes a second household.
CREATE TABLE IF NOT EXISTS idempotency_keys (
    scope         TEXT    NOT NULL,
    idem_key      TEXT    NOT NULL,
    request_hash  TEXT    NOT NULL,
    household_id  INTEGER NOT NULL,
    created_at_ms INTEGER NOT NULL,
    PRIMARY KEY (scope, idem_key)
);
