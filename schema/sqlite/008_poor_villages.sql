-- 008 poor villages: whether a village is a 贫困村 (listed as poor by the province), from the area file.

ALTER TABLE areas ADD COLUMN poor_village INTEGER NOT NULL DEFAULT 0 CHECK (poor_village IN (0, 1));
