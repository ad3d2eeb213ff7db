-- 010 income details: the national form's income, by source: the business's gross income and its expenses
-- (so that a net loss can be recorded), transfers by kind, and support from relatives. The business income
-- stored before was net, and is kept as the gross with no expenses; the transfers stored before become
-- 其他转移性收入. The household's net income is unchanged.

ALTER TABLE households ADD COLUMN income_production_expenses_fen INTEGER NOT NULL DEFAULT 0;
ALTER TABLE households ADD COLUMN income_family_planning_fen INTEGER NOT NULL DEFAULT 0;
ALTER TABLE households ADD COLUMN income_minimum_allowance_fen INTEGER NOT NULL DEFAULT 0;
ALTER TABLE households ADD COLUMN income_extreme_support_fen INTEGER NOT NULL DEFAULT 0;
ALTER TABLE households ADD COLUMN income_pension_fen INTEGER NOT NULL DEFAULT 0;
ALTER TABLE households ADD COLUMN income_ecological_compensation_fen INTEGER NOT NULL DEFAULT 0;
ALTER TABLE households ADD COLUMN income_other_transfers_fen INTEGER NOT NULL DEFAULT 0;
ALTER TABLE households ADD COLUMN income_support_fen INTEGER NOT NULL DEFAULT 0;

UPDATE households SET income_other_transfers_fen = income_transfers_fen;
ALTER TABLE households DROP COLUMN income_transfers_fen;
