-- 012 helpers: the units that send helpers (帮扶单位), the helpers who answer for households (帮扶责任人), the
-- volunteer service team (志愿服务队, a helper with a background), and the pairings of helpers with registered
-- households (结对帮扶, 一帮一 or 二帮一). A pairing is never deleted: it ends, with who, when and why, so the
-- household's helpers keep their history. Times are UTC milliseconds.

CREATE TABLE IF NOT EXISTS helper_units (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    name          TEXT    NOT NULL UNIQUE,
    level         TEXT    NOT NULL,  -- common::vocabulary::helper_unit_levels
    area_code     TEXT    NOT NULL,  -- where the unit sits: the county for 省直/市直/县直, else its township or village
    version       INTEGER NOT NULL,
    created_at_ms INTEGER NOT NULL,
    updated_at_ms INTEGER NOT NULL
);

CREATE TABLE IF NOT EXISTS helpers (
    id                   INTEGER PRIMARY KEY AUTOINCREMENT,
    unit_id              INTEGER NOT NULL REFERENCES helper_units (id),
    name                 TEXT    NOT NULL,
    post                 TEXT    NOT NULL,  -- 职务
    phone                TEXT    NOT NULL,
    active               INTEGER NOT NULL CHECK (active IN (0, 1)),
    volunteer_background TEXT    NOT NULL DEFAULT '',  -- '' when not in the volunteer team
    team_leader          INTEGER NOT NULL DEFAULT 0 CHECK (team_leader IN (0, 1)),
    version              INTEGER NOT NULL,
    created_at_ms        INTEGER NOT NULL,
    updated_at_ms        INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS helpers_unit ON helpers (unit_id, id);

CREATE TABLE IF NOT EXISTS pairings (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    household_id  INTEGER NOT NULL REFERENCES households (id),
    helper_id     INTEGER NOT NULL REFERENCES helpers (id),
    village_code  TEXT    NOT NULL,  -- the household's when paired: whose area sees the pairing
    started_at_ms INTEGER NOT NULL,
    started_by    TEXT    NOT NULL,
    start_reason  TEXT    NOT NULL,
    ended_at_ms   INTEGER,           -- NULL while the pairing holds
    ended_by      TEXT    NOT NULL DEFAULT '',
    end_reason    TEXT    NOT NULL DEFAULT '',
    replaced_by   INTEGER            -- the pairing that took this one's place, when a helper was changed
);
CREATE INDEX IF NOT EXISTS pairings_household ON pairings (household_id, ended_at_ms);
CREATE INDEX IF NOT EXISTS pairings_helper ON pairings (helper_id, ended_at_ms);
