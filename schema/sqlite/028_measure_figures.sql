-- 028 the year's measures and funds counted without a join (the statistics' 帮扶措施 and 资金来源): each measure
-- keeps its funds' planned total beside their paid total, and each fund the household, year and status of its
-- measure, written with it (server/storage/measure_repository.cpp rewrites a measure's funds with every change
-- of it). Each figure is then one scan of an index (docs/performance.md, "The county's figures").

ALTER TABLE measures ADD COLUMN planned_total_fen INTEGER NOT NULL DEFAULT 0;
UPDATE measures SET planned_total_fen = COALESCE(
    (SELECT SUM(f.planned_fen) FROM measure_funds f WHERE f.measure_id = measures.id), 0);

ALTER TABLE measure_funds ADD COLUMN household_id INTEGER NOT NULL DEFAULT 0;
ALTER TABLE measure_funds ADD COLUMN plan_year INTEGER NOT NULL DEFAULT 0;
ALTER TABLE measure_funds ADD COLUMN measure_status TEXT NOT NULL DEFAULT '';
UPDATE measure_funds SET household_id = m.household_id, plan_year = m.plan_year, measure_status = m.status
FROM measures m WHERE m.id = measure_funds.measure_id;

CREATE INDEX IF NOT EXISTS measures_figures
    ON measures (plan_year, status, category, household_id, planned_total_fen, paid_total_fen);
CREATE INDEX IF NOT EXISTS measure_funds_figures
    ON measure_funds (plan_year, measure_status, source, household_id, planned_fen, paid_fen);
