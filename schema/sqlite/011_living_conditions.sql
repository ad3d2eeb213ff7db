-- 011 living conditions: the national form's production and living conditions: land by kind (有效灌溉面积, 林地,
-- 退耕还林, 林果, 牧草地, 水面, in mu), 生产用电, 饮水困难 and 饮水安全 as two answers, the distance to the village's
-- main road, 危房等级 beside the housing, 主要燃料类型, 卫生厕所 and 加入农民专业合作社. The one drinking-water answer
-- stored before becomes the two: "difficult" is a difficulty whose safety nobody recorded, so it is not called safe.

ALTER TABLE households ADD COLUMN land_irrigated_mu REAL NOT NULL DEFAULT 0;
ALTER TABLE households ADD COLUMN land_forest_mu REAL NOT NULL DEFAULT 0;
ALTER TABLE households ADD COLUMN land_returned_to_forest_mu REAL NOT NULL DEFAULT 0;
ALTER TABLE households ADD COLUMN land_fruit_forest_mu REAL NOT NULL DEFAULT 0;
ALTER TABLE households ADD COLUMN land_pasture_mu REAL NOT NULL DEFAULT 0;
ALTER TABLE households ADD COLUMN land_water_surface_mu REAL NOT NULL DEFAULT 0;
ALTER TABLE households ADD COLUMN housing_danger_grade TEXT NOT NULL DEFAULT '';
ALTER TABLE households ADD COLUMN drinking_water_difficult INTEGER NOT NULL DEFAULT 0
    CHECK (drinking_water_difficult IN (0, 1));
ALTER TABLE households ADD COLUMN drinking_water_safe INTEGER NOT NULL DEFAULT 0 CHECK (drinking_water_safe IN (0, 1));
ALTER TABLE households ADD COLUMN production_electricity INTEGER NOT NULL DEFAULT 0
    CHECK (production_electricity IN (0, 1));
ALTER TABLE households ADD COLUMN main_road_distance_km REAL NOT NULL DEFAULT 0;
ALTER TABLE households ADD COLUMN fuel TEXT NOT NULL DEFAULT '';
ALTER TABLE households ADD COLUMN sanitary_toilet INTEGER NOT NULL DEFAULT 0 CHECK (sanitary_toilet IN (0, 1));
ALTER TABLE households ADD COLUMN cooperative_member INTEGER NOT NULL DEFAULT 0 CHECK (cooperative_member IN (0, 1));

UPDATE households SET drinking_water_difficult = CASE WHEN drinking_water = 'difficult' THEN 1 ELSE 0 END,
                      drinking_water_safe = CASE WHEN drinking_water = 'safe' THEN 1 ELSE 0 END;
ALTER TABLE households DROP COLUMN drinking_water;
