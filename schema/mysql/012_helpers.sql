-- 012 helpers: the units that send helpers (帮扶单位), the helpers who answer for households (帮扶责任人), the
-- volunteer service team (志愿服务队, a helper with a background), and the pairings of helpers with registered
-- households (结对帮扶, 一帮一 or 二帮一). A pairing is never deleted: it ends, with who, when and why, so the
-- household's helpers keep their history. Times are UTC milliseconds. Re-runnable (IF NOT EXISTS).

CREATE TABLE IF NOT EXISTS helper_units (
    id            BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    name          VARCHAR(200) NOT NULL,
    level         VARCHAR(16)  NOT NULL,
    area_code     VARCHAR(15)  NOT NULL,
    version       BIGINT       NOT NULL,
    created_at_ms BIGINT       NOT NULL,
    updated_at_ms BIGINT       NOT NULL,
    UNIQUE KEY helper_units_name (name)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE IF NOT EXISTS helpers (
    id                   BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    unit_id              BIGINT       NOT NULL,
    name                 VARCHAR(100) NOT NULL,
    post                 VARCHAR(100) NOT NULL,
    phone                VARCHAR(32)  NOT NULL,
    active               SMALLINT     NOT NULL CHECK (active IN (0, 1)),
    volunteer_background VARCHAR(32)  NOT NULL DEFAULT '',
    team_leader          SMALLINT     NOT NULL DEFAULT 0 CHECK (team_leader IN (0, 1)),
    version              BIGINT       NOT NULL,
    created_at_ms        BIGINT       NOT NULL,
    updated_at_ms        BIGINT       NOT NULL,
    KEY helpers_unit (unit_id, id),
    CONSTRAINT helpers_unit_fk FOREIGN KEY (unit_id) REFERENCES helper_units (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE IF NOT EXISTS pairings (
    id            BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    household_id  BIGINT       NOT NULL,
    helper_id     BIGINT       NOT NULL,
    village_code  VARCHAR(15)  NOT NULL,
    started_at_ms BIGINT       NOT NULL,
    started_by    VARCHAR(64)  NOT NULL,
    start_reason  VARCHAR(800) NOT NULL,
    ended_at_ms   BIGINT       NULL,
    ended_by      VARCHAR(64)  NOT NULL DEFAULT '',
    end_reason    VARCHAR(800) NOT NULL DEFAULT '',
    replaced_by   BIGINT       NULL,
    KEY pairings_household (household_id, ended_at_ms),
    KEY pairings_helper (helper_id, ended_at_ms),
    CONSTRAINT pairings_household_fk FOREIGN KEY (household_id) REFERENCES households (id),
    CONSTRAINT pairings_helper_fk FOREIGN KEY (helper_id) REFERENCES helpers (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
