-- 027 the statistics' tallies: households and people by village and by every combination of the columns the
-- county's figures count by (status, main cause, type, income band, attributes), kept by triggers as files are
-- written, so the figures of a county or a township read a few thousand rows instead of scanning every
-- household (docs/performance.md, "The county's figures"). A village's own figures still scan its households.
-- The income band is kept beside each household, written from common::income_band_of with every insert and
-- update (server/storage/household_columns.cpp); the CASE below fills it once for the files already there.
-- Creating a trigger needs the TRIGGER privilege, and with binary logging on MariaDB asks SUPER of the account
-- that migrates, or log_bin_trust_function_creators (README.md); the triggers run as that account. Every server
-- process is stopped for the upgrade: an older one writes no income band. Re-runnable after a failure part way
-- (MySQL commits each statement): the tallies are counted afresh once the triggers stand.

ALTER TABLE households ADD COLUMN IF NOT EXISTS income_band VARCHAR(16) NOT NULL DEFAULT '';
UPDATE households SET income_band = CASE
    WHEN per_capita_net_income_fen >= 400000 THEN '4000_up'
    WHEN per_capita_net_income_fen >= 300000 THEN '3000_4000'
    WHEN per_capita_net_income_fen >= 200000 THEN '2000_3000'
    WHEN per_capita_net_income_fen >= 100000 THEN '1000_2000'
    ELSE 'below_1000' END;

CREATE TABLE IF NOT EXISTS household_tallies (
    village_code         VARCHAR(15) NOT NULL,
    status               VARCHAR(32) NOT NULL,
    main_cause           VARCHAR(32) NOT NULL,
    poverty_type         VARCHAR(32) NOT NULL,
    income_band          VARCHAR(16) NOT NULL,
    military_family      SMALLINT    NOT NULL,
    only_child_family    SMALLINT    NOT NULL,
    two_daughters_family SMALLINT    NOT NULL,
    households           BIGINT      NOT NULL,
    people               BIGINT      NOT NULL,
    PRIMARY KEY (village_code, status, main_cause, poverty_type, income_band, military_family, only_child_family,
                 two_daughters_family)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

DROP TRIGGER IF EXISTS household_tallies_insert;
CREATE TRIGGER household_tallies_insert AFTER INSERT ON households FOR EACH ROW
    INSERT INTO household_tallies (village_code, status, main_cause, poverty_type, income_band, military_family,
                                   only_child_family, two_daughters_family, households, people)
    VALUES (NEW.village_code, NEW.status, NEW.main_cause, NEW.poverty_type, NEW.income_band, NEW.military_family,
            NEW.only_child_family, NEW.two_daughters_family, 1, NEW.member_count)
    ON DUPLICATE KEY UPDATE households = households + 1, people = people + NEW.member_count;

DROP TRIGGER IF EXISTS household_tallies_update_old;
CREATE TRIGGER household_tallies_update_old AFTER UPDATE ON households FOR EACH ROW
    UPDATE household_tallies SET households = households - 1, people = people - OLD.member_count
    WHERE village_code = OLD.village_code AND status = OLD.status AND main_cause = OLD.main_cause
      AND poverty_type = OLD.poverty_type AND income_band = OLD.income_band
      AND military_family = OLD.military_family AND only_child_family = OLD.only_child_family
      AND two_daughters_family = OLD.two_daughters_family;

DROP TRIGGER IF EXISTS household_tallies_update_new;
CREATE TRIGGER household_tallies_update_new AFTER UPDATE ON households FOR EACH ROW
FOLLOWS household_tallies_update_old
    INSERT INTO household_tallies (village_code, status, main_cause, poverty_type, income_band, military_family,
                                   only_child_family, two_daughters_family, households, people)
    VALUES (NEW.village_code, NEW.status, NEW.main_cause, NEW.poverty_type, NEW.income_band, NEW.military_family,
            NEW.only_child_family, NEW.two_daughters_family, 1, NEW.member_count)
    ON DUPLICATE KEY UPDATE households = households + 1, people = people + NEW.member_count;

DROP TRIGGER IF EXISTS household_tallies_delete;
CREATE TRIGGER household_tallies_delete AFTER DELETE ON households FOR EACH ROW
    UPDATE household_tallies SET households = households - 1, people = people - OLD.member_count
    WHERE village_code = OLD.village_code AND status = OLD.status AND main_cause = OLD.main_cause
      AND poverty_type = OLD.poverty_type AND income_band = OLD.income_band
      AND military_family = OLD.military_family AND only_child_family = OLD.only_child_family
      AND two_daughters_family = OLD.two_daughters_family;

DELETE FROM household_tallies;
INSERT INTO household_tallies (village_code, status, main_cause, poverty_type, income_band, military_family,
                               only_child_family, two_daughters_family, households, people)
SELECT village_code, status, main_cause, poverty_type, income_band, military_family, only_child_family,
       two_daughters_family, COUNT(*), SUM(member_count)
FROM households
GROUP BY village_code, status, main_cause, poverty_type, income_band, military_family, only_child_family,
         two_daughters_family;
