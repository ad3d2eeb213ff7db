-- 007 household attributes: the national registration form's attributes of a household (建档立卡贫困户信息
-- 采集表): 识别标准, 贫困户属性, 军烈属, 独生子女户, 双女户 and the national household number. 贫困户属性
-- takes the place of the flags five_guarantee (特困供养) and minimum_allowance (低保), which it is read from.

ALTER TABLE households ADD COLUMN identification_standard TEXT NOT NULL DEFAULT 'national';
ALTER TABLE households ADD COLUMN poverty_type TEXT NOT NULL DEFAULT 'general';
ALTER TABLE households ADD COLUMN military_family INTEGER NOT NULL DEFAULT 0 CHECK (military_family IN (0, 1));
ALTER TABLE households ADD COLUMN only_child_family INTEGER NOT NULL DEFAULT 0 CHECK (only_child_family IN (0, 1));
ALTER TABLE households ADD COLUMN two_daughters_family INTEGER NOT NULL DEFAULT 0
    CHECK (two_daughters_family IN (0, 1));
ALTER TABLE households ADD COLUMN national_number TEXT NOT NULL DEFAULT '';

UPDATE households SET poverty_type = CASE
    WHEN five_guarantee = 1 THEN 'extreme_support'
    WHEN minimum_allowance = 1 THEN 'minimum_allowance'
    ELSE 'general' END;

ALTER TABLE households DROP COLUMN five_guarantee;
ALTER TABLE households DROP COLUMN minimum_allowance;
