-- 017 the exit procedure (脱贫退出): a case is an identification or an exit, and a household has one case of each
-- kind per year (a household registered and lifted out in one year has both); postings gain the exit's two
-- levels; an exited household keeps its exit year and the last year of its transition period (脱贫不脱政策).
-- Re-runnable: each statement leaves what it finds done alone.

ALTER TABLE households
    ADD COLUMN IF NOT EXISTS exit_year BIGINT NULL,
    ADD COLUMN IF NOT EXISTS policies_until BIGINT NULL;

ALTER TABLE applications
    ADD COLUMN IF NOT EXISTS kind VARCHAR(16) NOT NULL DEFAULT 'identification'
        CHECK (kind IN ('identification', 'exit')) AFTER household_id;
-- The new key first: the household's cases stay unique while the old one goes.
ALTER TABLE applications ADD UNIQUE INDEX IF NOT EXISTS applications_household_kind_year (household_id, kind, year);
ALTER TABLE applications DROP INDEX IF EXISTS household_id;

ALTER TABLE postings MODIFY level VARCHAR(16) NOT NULL
    CHECK (level IN ('village', 'township', 'county', 'result', 'exit_village', 'exit_county'));
