-- 021 the number of members of each household beside its row: the county's statistics count people in the same
-- scan that counts households, instead of joining every member (a county of a million households has four
-- million). Written from the file's members with every insert and update (server/storage/household_columns.cpp).

ALTER TABLE households ADD COLUMN member_count INTEGER NOT NULL DEFAULT 0;
UPDATE households SET member_count = (SELECT COUNT(*) FROM members m WHERE m.household_id = households.id);
