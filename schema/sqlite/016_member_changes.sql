-- 016 member changes: the natural changes of a household's members (人口自然变更: births, deaths, marriages in and
-- out, moves in and out, a member's new ID number), each on its date with its reason, as the file's history. The
-- member list itself changes in members; these rows are never changed.

CREATE TABLE IF NOT EXISTS member_changes (
    id             INTEGER PRIMARY KEY AUTOINCREMENT,
    household_id   INTEGER NOT NULL REFERENCES households (id),
    kind           TEXT    NOT NULL,  -- common::vocabulary::member_change_kinds
    effective_on   TEXT    NOT NULL,  -- 'YYYY-MM-DD', China
    reason         TEXT    NOT NULL,
    name           TEXT    NOT NULL,
    id_number      TEXT    NOT NULL,  -- the old number for an id_number_change
    new_id_number  TEXT    NOT NULL DEFAULT '',
    new_head_name  TEXT    NOT NULL DEFAULT '',
    size_before    INTEGER NOT NULL,
    size_after     INTEGER NOT NULL,
    income_removed_fen INTEGER NOT NULL DEFAULT 0,  -- a leaver's migrant work income taken out of the wages
    recorded_by    TEXT    NOT NULL,
    recorded_at_ms INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS member_changes_household ON member_changes (household_id, id);
