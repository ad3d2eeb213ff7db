-- 001 initial: areas, household files with their members, idempotency keys.
-- MySQL DDL commits on its own, so every statement here is safe to run again (IF NOT EXISTS, indexes
-- inside CREATE TABLE): a migration cut short is finished by the next start.
-- utf8mb4_bin: text comes back byte for byte and codes compare exactly. Money in fen (BIGINT), land in DOUBLE.

CREATE TABLE IF NOT EXISTS schema_version (
    version       INT          NOT NULL PRIMARY KEY,
    name          VARCHAR(200) NOT NULL,
    applied_at_ms BIGINT       NOT NULL
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- The county's administrative tree. parent_code is '' for the county itself.
CREATE TABLE IF NOT EXISTS areas (
    code        VARCHAR(15)  NOT NULL PRIMARY KEY,
    parent_code VARCHAR(15)  NOT NULL DEFAULT '',
    level       VARCHAR(10)  NOT NULL CHECK (level IN ('county', 'township', 'village', 'group')),
    name        VARCHAR(100) NOT NULL,
    KEY areas_parent (parent_code, code)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE IF NOT EXISTS households (
    id                             BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    version                        BIGINT       NOT NULL,
    status                         VARCHAR(32)  NOT NULL,
    township_code                  VARCHAR(15)  NOT NULL,
    village_code                   VARCHAR(15)  NOT NULL,
    group_code                     VARCHAR(15)  NOT NULL,
    head_name                      VARCHAR(100) NOT NULL,
    address                        VARCHAR(500) NOT NULL,
    phone                          VARCHAR(32)  NOT NULL,
    bank_name                      VARCHAR(100) NOT NULL,
    bank_account                   VARCHAR(64)  NOT NULL,
    land_contracted_mu             DOUBLE       NOT NULL,
    land_transferred_mu            DOUBLE       NOT NULL,
    land_abandoned_mu              DOUBLE       NOT NULL,
    housing                        VARCHAR(32)  NOT NULL,
    housing_area_m2                DOUBLE       NOT NULL,
    drinking_water                 VARCHAR(32)  NOT NULL,
    electricity                    VARCHAR(32)  NOT NULL,
    road_access                    VARCHAR(32)  NOT NULL,
    consumption_level              VARCHAR(32)  NOT NULL,
    assets_value_fen               BIGINT       NOT NULL,
    assets_note                    TEXT         NOT NULL,
    income_year                    INT          NOT NULL,
    income_wages_fen               BIGINT       NOT NULL,
    income_production_business_fen BIGINT       NOT NULL,
    income_property_fen            BIGINT       NOT NULL,
    income_transfers_fen           BIGINT       NOT NULL,
    per_capita_net_income_fen      BIGINT       NOT NULL,
    main_cause                     VARCHAR(32)  NOT NULL,
    other_cause_1                  VARCHAR(32)  NULL,
    other_cause_2                  VARCHAR(32)  NULL,
    five_guarantee                 SMALLINT     NOT NULL CHECK (five_guarantee IN (0, 1)),
    minimum_allowance              SMALLINT     NOT NULL CHECK (minimum_allowance IN (0, 1)),
    created_at_ms                  BIGINT       NOT NULL,
    updated_at_ms                  BIGINT       NOT NULL,
    -- Lists are newest change first under one area and/or status; keyset paging on (updated_at_ms, id).
    KEY households_updated          (updated_at_ms, id),
    KEY households_township_updated (township_code, updated_at_ms, id),
    KEY households_township_status  (township_code, status, updated_at_ms, id),
    KEY households_village_updated  (village_code, updated_at_ms, id),
    KEY households_group_updated    (group_code, updated_at_ms, id),
    KEY households_status_updated   (status, updated_at_ms, id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE IF NOT EXISTS members (
    household_id            BIGINT       NOT NULL,
    seq                     INT          NOT NULL,  -- order within the household, from 1
    name                    VARCHAR(100) NOT NULL,
    -- ascii_general_ci: 'x' and 'X' are the same check digit.
    id_number               VARCHAR(18)  CHARACTER SET ascii COLLATE ascii_general_ci NOT NULL,
    sex                     VARCHAR(10)  NOT NULL,
    birth_date              VARCHAR(10)  NOT NULL,
    relation                VARCHAR(32)  NOT NULL,
    education               VARCHAR(32)  NOT NULL,
    health                  VARCHAR(32)  NOT NULL,
    disability_grade        INT          NOT NULL,
    labour_capacity         VARCHAR(32)  NOT NULL,
    migrant_work_months     INT          NOT NULL,
    migrant_work_income_fen BIGINT       NOT NULL,
    PRIMARY KEY (household_id, seq),
    -- The real guarantee that a person belongs to at most one household file in the county.
    UNIQUE KEY uq_members_id_number (id_number),
    CONSTRAINT fk_members_household FOREIGN KEY (household_id) REFERENCES households (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- Create requests already answered, per caller area, so a retry never makes a second household.
CREATE TABLE IF NOT EXISTS idempotency_keys (
    scope         VARCHAR(15)  NOT NULL,
    idem_key      VARCHAR(128) NOT NULL,
    request_hash  VARCHAR(128) NOT NULL,
    household_id  BIGINT       NOT NULL,
    created_at_ms BIGINT       NOT NULL,
    PRIMARY KEY (scope, idem_key)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
