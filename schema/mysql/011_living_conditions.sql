-- 011 living conditions: the national form's production and living conditions: land by kind (有效灌溉面积, 林地,
-- 退耕还林, 林果, 牧草地, 水面, in mu), 生产用电, 饮水困难 and 饮水安全 as two answers, the distance to the village's
-- main road, 危房等级 beside the housing, 主要燃料类型, 卫生厕所 and 加入农民专业合作社. The one drinking-water answer
-- stored before becomes the two: "difficult" is a difficulty whose safety nobody recorded, so it is not called safe.
-- MySQL commits DDL statement by statement, so this runs again after a failure; the UPDATE needs the old column,
-- which only the last statement drops.

ALTER TABLE households
    ADD COLUMN IF NOT EXISTS land_irrigated_mu          DOUBLE      NOT NULL DEFAULT 0,
    ADD COLUMN IF NOT EXISTS land_forest_mu             DOUBLE      NOT NULL DEFAULT 0,
    ADD COLUMN IF NOT EXISTS land_returned_to_forest_mu DOUBLE      NOT NULL DEFAULT 0,
    ADD COLUMN IF NOT EXISTS land_fruit_forest_mu       DOUBLE      NOT NULL DEFAULT 0,
    ADD COLUMN IF NOT EXISTS land_pasture_mu            DOUBLE      NOT NULL DEFAULT 0,
    ADD COLUMN IF NOT EXISTS land_water_surface_mu      DOUBLE      NOT NULL DEFAULT 0,
    ADD COLUMN IF NOT EXISTS housing_danger_grade       VARCHAR(8)  NOT NULL DEFAULT '',
    ADD COLUMN IF NOT EXISTS drinking_water_difficult   SMALLINT    NOT NULL DEFAULT 0
        CHECK (drinking_water_difficult IN (0, 1)),
    ADD COLUMN IF NOT EXISTS drinking_water_safe        SMALLINT    NOT NULL DEFAULT 0
        CHECK (drinking_water_safe IN (0, 1)),
    ADD COLUMN IF NOT EXISTS production_electricity     SMALLINT    NOT NULL DEFAULT 0
        CHECK (production_electricity IN (0, 1)),
    ADD COLUMN IF NOT EXISTS main_road_distance_km      DOUBLE      NOT NULL DEFAULT 0,
    ADD COLUMN IF NOT EXISTS fuel                       VARCHAR(32) NOT NULL DEFAULT '',
    ADD COLUMN IF NOT EXISTS sanitary_toilet            SMALLINT    NOT NULL DEFAULT 0 CHECK (sanitary_toilet IN (0, 1)),
    ADD COLUMN IF NOT EXISTS cooperative_member         SMALLINT    NOT NULL DEFAULT 0
        CHECK (cooperative_member IN (0, 1));

UPDATE households SET drinking_water_difficult = CASE WHEN drinking_water = 'difficult' THEN 1 ELSE 0 END,
                      drinking_water_safe = CASE WHEN drinking_water = 'safe' THEN 1 ELSE 0 END;
ALTER TABLE households DROP COLUMN IF EXISTS drinking_water;
