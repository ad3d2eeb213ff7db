-- 015 exit standard: what the file must record for a household to leave poverty (脱贫标准) beside its income:
-- 不愁吃 and 不愁穿, and for a member not in school the reason (a child of compulsory school age counts as
-- schooled with one, e.g. 送教上门). Files recorded before say neither: they are taken as not secure until the
-- village records it, so no household meets the standard by default. The county's exit standard per year: the
-- per-capita net income line to be above, and the transition period an exited household keeps its policies.

ALTER TABLE households ADD COLUMN food_secure INTEGER NOT NULL DEFAULT 0 CHECK (food_secure IN (0, 1));
ALTER TABLE households ADD COLUMN clothing_secure INTEGER NOT NULL DEFAULT 0 CHECK (clothing_secure IN (0, 1));
ALTER TABLE members ADD COLUMN out_of_school_reason TEXT NOT NULL DEFAULT '';

CREATE TABLE IF NOT EXISTS exit_standards (
    year             INTEGER NOT NULL PRIMARY KEY,
    income_line_fen  INTEGER NOT NULL CHECK (income_line_fen > 0),
    transition_years INTEGER NOT NULL CHECK (transition_years >= 0),
    set_by           TEXT    NOT NULL,
    set_at_ms        INTEGER NOT NULL
);
