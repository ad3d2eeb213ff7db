-- 009 member details: what the national registration form records of each member beyond its first ones: 民族,
-- 政治面貌, 在校生状况, 残疾类别 and 残疾证号, 务工状况 and 务工地点, and the three insurances. A member stored
-- before has them empty (or not insured) until the file is next edited, when validation asks for them; whether
-- the member works is read from the months of migrant work already recorded. Re-runnable (MySQL commits DDL
-- statement by statement).

ALTER TABLE members
    ADD COLUMN IF NOT EXISTS ethnicity                 VARCHAR(2)  NOT NULL DEFAULT '',
    ADD COLUMN IF NOT EXISTS political_status          VARCHAR(32) NOT NULL DEFAULT '',
    ADD COLUMN IF NOT EXISTS schooling                 VARCHAR(32) NOT NULL DEFAULT '',
    ADD COLUMN IF NOT EXISTS disability_category       VARCHAR(16) NOT NULL DEFAULT '',
    ADD COLUMN IF NOT EXISTS disability_certificate    VARCHAR(20) NOT NULL DEFAULT '',
    ADD COLUMN IF NOT EXISTS work_status               VARCHAR(16) NOT NULL DEFAULT '',
    ADD COLUMN IF NOT EXISTS work_location             VARCHAR(16) NOT NULL DEFAULT '',
    ADD COLUMN IF NOT EXISTS medical_insurance         SMALLINT    NOT NULL DEFAULT 0 CHECK (medical_insurance IN (0, 1)),
    ADD COLUMN IF NOT EXISTS pension_insurance         SMALLINT    NOT NULL DEFAULT 0 CHECK (pension_insurance IN (0, 1)),
    ADD COLUMN IF NOT EXISTS serious_illness_insurance SMALLINT    NOT NULL DEFAULT 0
        CHECK (serious_illness_insurance IN (0, 1));

UPDATE members SET work_status = CASE WHEN migrant_work_months > 0 THEN 'working' ELSE 'not_working' END;
