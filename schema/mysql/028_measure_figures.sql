-- 028 the year's measures and funds counted without a join (the statistics' 帮扶措施 and 资金来源): each measure
-- keeps its funds' planned total beside their paid total, and each fund the household, year and status of its
-- measure, written with it (server/storage/measure_repository.cpp rewrites a measure's funds with every change
-- of it). Each figure is then one scan of an index (docs/performance.md, "The county's figures"). Re-runnable
-- after a failure part way: the copies are written again.

ALTER TABLE measures ADD COLUMN IF NOT EXISTS planned_total_fen BIGINT NOT NULL DEFAULT 0,
    ADD KEY IF NOT EXISTS measures_figures (plan_year, status, category, household_id, planned_total_fen, paid_total_fen);
UPDATE measures m JOIN (SELECT measure_id, SUM(planned_fen) AS planned FROM measure_funds GROUP BY measure_id) f
    ON f.measure_id = m.id
SET m.planned_total_fen = f.planned;

ALTER TABLE measure_funds ADD COLUMN IF NOT EXISTS household_id BIGINT NOT NULL DEFAULT 0,
    ADD COLUMN IF NOT EXISTS plan_year BIGINT NOT NULL DEFAULT 0,
    ADD COLUMN IF NOT EXISTS measure_status VARCHAR(16) NOT NULL DEFAULT '',
    ADD KEY IF NOT EXISTS measure_funds_figures (plan_year, measure_status, source, household_id, planned_fen, paid_fen);
UPDATE measure_funds f JOIN measures m ON m.id = f.measure_id
SET f.household_id = m.household_id, f.plan_year = m.plan_year, f.measure_status = m.status;
