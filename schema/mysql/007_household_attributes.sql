-- 007 household attributes: the national registration form's attributes of a household (建档立卡贫困户信息
-- 采集表): 识别标准, 贫困户属性, 军烈属, 独生子女户, 双女户 and the national household number. 贫困户属性
-- takes the place of the flags five_guarantee (特困供养) and minimum_allowance (低保), which it is read from.

-- MySQL commits DDL statement by statement, so this runs again after a failure: each step can be repeated,
-- except that the UPDATE needs the old flags, which only the last statement drops.
ALTER TABLE households
    ADD COLUMN IF NOT EXISTS identification_standard VARCHAR(16) NOT NULL DEFAULT 'national',
    ADD COLUMN IF NOT EXISTS poverty_type            VARCHAR(32) NOT NULL DEFAULT 'general',
    ADD COLUMN IF NOT EXISTS military_family         SMALLINT    NOT NULL DEFAULT 0 CHECK (military_family IN (0, 1)),
    ADD COLUMN IF NOT EXISTS only_child_family       SMALLINT    NOT NULL DEFAULT 0 CHECK (only_child_family IN (0, 1)),
    ADD COLUMN IF NOT EXISTS two_daughters_family    SMALLINT    NOT NULL DEFAULT 0
        CHECK (two_daughters_family IN (0, 1)),
    ADD COLUMN IF NOT EXISTS national_number         VARCHAR(32) NOT NULL DEFAULT '';

UPDATE households SET poverty_type = CASE
    WHEN five_guarantee = 1 THEN 'extreme_support'
    WHEN minimum_allowance = 1 THEN 'minimum_allowance'
    ELSE 'general' END;

ALTER TABLE households DROP COLUMN IF EXISTS five_guarantee, DROP COLUMN IF EXISTS minimum_allowance;
