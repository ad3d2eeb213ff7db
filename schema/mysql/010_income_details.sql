-- 010 income details: the national form's income, by source: the business's gross income and its expenses
-- (so that a net loss can be recorded), transfers by kind, and support from relatives. The business income
-- stored before was net, and is kept as the gross with no expenses; the transfers stored before become
-- 其他转移性收入. The household's net income is unchanged. MySQL commits DDL statement by statement, so this
-- runs again after a failure; the UPDATE needs the old column, which only the last statement drops.

ALTER TABLE households
    ADD COLUMN IF NOT EXISTS income_production_expenses_fen     BIGINT NOT NULL DEFAULT 0,
    ADD COLUMN IF NOT EXISTS income_family_planning_fen         BIGINT NOT NULL DEFAULT 0,
    ADD COLUMN IF NOT EXISTS income_minimum_allowance_fen       BIGINT NOT NULL DEFAULT 0,
    ADD COLUMN IF NOT EXISTS income_extreme_support_fen         BIGINT NOT NULL DEFAULT 0,
    ADD COLUMN IF NOT EXISTS income_pension_fen                 BIGINT NOT NULL DEFAULT 0,
    ADD COLUMN IF NOT EXISTS income_ecological_compensation_fen BIGINT NOT NULL DEFAULT 0,
    ADD COLUMN IF NOT EXISTS income_other_transfers_fen         BIGINT NOT NULL DEFAULT 0,
    ADD COLUMN IF NOT EXISTS income_support_fen                 BIGINT NOT NULL DEFAULT 0;

UPDATE households SET income_other_transfers_fen = income_transfers_fen;
ALTER TABLE households DROP COLUMN IF EXISTS income_transfers_fen;
