-- 027 the statistics' tallies: households and people by village and by every combination of the columns the
-- county's figures count by (status, main cause, type, income band, attributes), kept by triggers as files are
-- written, so the figures of a county or a township read a few thousand rows instead of scanning every
-- household (docs/performance.md, "The county's figures"). A village's own figures still scan its households.
-- The income band is kept beside each household, written from common::income_band_of with every insert and
-- update (server/storage/household_columns.cpp); the CASE below fills it once for the files already there.
-- SQLite runs the migration in one transaction. A later migration that makes the households table again
-- ("-- rebuilds tables") must make these triggers again too: dropping a table drops its triggers.

ALTER TABLE households ADD COLUMN income_band TEXT NOT NULL DEFAULT '';
UPDATE households SET income_band = CASE
    WHEN per_capita_net_income_fen >= 400000 THEN '4000_up'
    WHEN per_capita_net_income_fen >= 300000 THEN '3000_4000'
    WHEN per_capita_net_income_fen >= 200000 THEN '2000_3000'
    WHEN per_capita_net_income_fen >= 100000 THEN '1000_2000'
    ELSE 'below_1000' END;

CREATE TABLE IF NOT EXISTS household_tallies (
    village_code         TEXT    NOT NULL,
    status               TEXT    NOT NULL,
    main_cause           TEXT    NOT NULL,
    poverty_type         TEXT    NOT NULL,
    income_band          TEXT    NOT NULL,
    military_family      INTEGER NOT NULL,
    only_child_family    INTEGER NOT NULL,
    two_daughters_family INTEGER NOT NULL,
    households           INTEGER NOT NULL,
    people               INTEGER NOT NULL,
    PRIMARY KEY (village_code, status, main_cause, poverty_type, income_band, military_family, only_child_family,
                 two_daughters_family)
);

INSERT INTO household_tallies (village_code, status, main_cause, poverty_type, income_band, military_family,
                               only_child_family, two_daughters_family, households, people)
SELECT village_code, status, main_cause, poverty_type, income_band, military_family, only_child_family,
       two_daughters_family, COUNT(*), SUM(member_count)
FROM households
GROUP BY village_code, status, main_cause, poverty_type, income_band, military_family, only_child_family,
         two_daughters_family;

CREATE TRIGGER household_tallies_insert AFTER INSERT ON households
BEGIN
    INSERT INTO household_tallies (village_code, status, main_cause, poverty_type, income_band, military_family,
                                   only_child_family, two_daughters_family, households, people)
    VALUES (NEW.village_code, NEW.status, NEW.main_cause, NEW.poverty_type, NEW.income_band, NEW.military_family,
            NEW.only_child_family, NEW.two_daughters_family, 1, NEW.member_count)
    ON CONFLICT (village_code, status, main_cause, poverty_type, income_band, military_family, only_child_family,
                 two_daughters_family)
    DO UPDATE SET households = households + 1, people = people + excluded.people;
END;

CREATE TRIGGER household_tallies_update
AFTER UPDATE OF village_code, status, main_cause, poverty_type, income_band, military_family, only_child_family,
                two_daughters_family, member_count ON households
BEGIN
    UPDATE household_tallies SET households = households - 1, people = people - OLD.member_count
    WHERE village_code = OLD.village_code AND status = OLD.status AND main_cause = OLD.main_cause
      AND poverty_type = OLD.poverty_type AND income_band = OLD.income_band
      AND military_family = OLD.military_family AND only_child_family = OLD.only_child_family
      AND two_daughters_family = OLD.two_daughters_family;
    INSERT INTO household_tallies (village_code, status, main_cause, poverty_type, income_band, military_family,
                                   only_child_family, two_daughters_family, households, people)
    VALUES (NEW.village_code, NEW.status, NEW.main_cause, NEW.poverty_type, NEW.income_band, NEW.military_family,
            NEW.only_child_family, NEW.two_daughters_family, 1, NEW.member_count)
    ON CONFLICT (village_code, status, main_cause, poverty_type, income_band, military_family, only_child_family,
                 two_daughters_family)
    DO UPDATE SET households = households + 1, people = people + excluded.people;
END;

CREATE TRIGGER household_tallies_delete AFTER DELETE ON households
BEGIN
    UPDATE household_tallies SET households = households - 1, people = people - OLD.member_count
    WHERE village_code = OLD.village_code AND status = OLD.status AND main_cause = OLD.main_cause
      AND poverty_type = OLD.poverty_type AND income_band = OLD.income_band
      AND military_family = OLD.military_family AND only_child_family = OLD.only_child_family
      AND two_daughters_family = OLD.two_daughters_family;
END;
