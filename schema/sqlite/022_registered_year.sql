-- 022 the year each household was registered (建档年度): written by the registration step, kept from the file by
-- an import of an existing archive; filled for the files registered before from their identification cases.

ALTER TABLE households ADD COLUMN registered_year INTEGER;
UPDATE households SET registered_year = (
    SELECT MAX(a.year) FROM applications a
    WHERE a.household_id = households.id AND a.kind = 'identification' AND a.state IN ('registered', 'announced'))
WHERE status IN ('registered', 'exited');
