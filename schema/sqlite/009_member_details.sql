-- 009 member details: what the national registration form records of each member beyond its first ones: 民族,
-- 政治面貌, 在校生状况, 残疾类别 and 残疾证号, 务工状况 and 务工地点, and the three insurances. A member stored
-- before has them empty (or not insured) until the file is next edited, when validation asks for them; whether
-- the member works is read from the months of migrant work already recorded.

ALTER TABLE members ADD COLUMN ethnicity TEXT NOT NULL DEFAULT '';
ALTER TABLE members ADD COLUMN political_status TEXT NOT NULL DEFAULT '';
ALTER TABLE members ADD COLUMN schooling TEXT NOT NULL DEFAULT '';
ALTER TABLE members ADD COLUMN disability_category TEXT NOT NULL DEFAULT '';
ALTER TABLE members ADD COLUMN disability_certificate TEXT NOT NULL DEFAULT '';
ALTER TABLE members ADD COLUMN work_status TEXT NOT NULL DEFAULT '';
ALTER TABLE members ADD COLUMN work_location TEXT NOT NULL DEFAULT '';
ALTER TABLE members ADD COLUMN medical_insurance INTEGER NOT NULL DEFAULT 0 CHECK (medical_insurance IN (0, 1));
ALTER TABLE members ADD COLUMN pension_insurance INTEGER NOT NULL DEFAULT 0 CHECK (pension_insurance IN (0, 1));
ALTER TABLE members ADD COLUMN serious_illness_insurance INTEGER NOT NULL DEFAULT 0
    CHECK (serious_illness_insurance IN (0, 1));

UPDATE members SET work_status = CASE WHEN migrant_work_months > 0 THEN 'working' ELSE 'not_working' END;
