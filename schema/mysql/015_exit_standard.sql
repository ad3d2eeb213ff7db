-- 015 exit standard: what the file must record for a household to leave poverty (脱贫标准) beside its income:
-- 不愁吃 and 不愁穿, and for a member not in school the reason (a child of compulsory school age counts as
-- schooled with one, e.g. 送教上门). Files recorded before say neither: they are taken as not secure until the
-- village records it, so no household meets the standard by default. The county's exit standard per year: the
-- per-capita net income line to be above, and the transition period an exited household keeps its policies.
-- MySQL commits DDL statement by statement, so this runs again after a failure (IF NOT EXISTS).

ALTER TABLE households
    ADD COLUMN IF NOT EXISTS food_secure     SMALLINT NOT NULL DEFAULT 0 CHECK (food_secure IN (0, 1)),
    ADD COLUMN IF NOT EXISTS clothing_secure SMALLINT NOT NULL DEFAULT 0 CHECK (clothing_secure IN (0, 1));
ALTER TABLE members ADD COLUMN IF NOT EXISTS out_of_school_reason VARCHAR(32) NOT NULL DEFAULT '';

CREATE TABLE IF NOT EXISTS exit_standards (
    year             INT         NOT NULL PRIMARY KEY,
    income_line_fen  BIGINT      NOT NULL CHECK (income_line_fen > 0),
    transition_years INT         NOT NULL CHECK (transition_years >= 0),
    set_by           VARCHAR(64) NOT NULL,
    set_at_ms        BIGINT      NOT NULL
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
