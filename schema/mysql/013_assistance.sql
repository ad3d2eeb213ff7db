-- 013 assistance: what follows a household's registration (plan 四.5, 四.6): measures by category (分类分档) with
-- their funds by source in fen, projects that serve several households (each household's share is a measure
-- naming the project), each household's assistance plan for a year, and visits (走访) with the county's
-- unannounced checks (明察暗访). The 三到户三到人 view is computed from these rows. Times are UTC milliseconds,
-- dates China calendar days 'YYYY-MM-DD'. Re-runnable (IF NOT EXISTS).

CREATE TABLE IF NOT EXISTS projects (
    id            BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    name          VARCHAR(200) NOT NULL,
    category      VARCHAR(32)  NOT NULL,
    year          BIGINT       NOT NULL,
    area_code     VARCHAR(15)  NOT NULL,
    content       VARCHAR(2000) NOT NULL,
    version       BIGINT       NOT NULL,
    created_by    VARCHAR(64)  NOT NULL,
    created_at_ms BIGINT       NOT NULL,
    KEY projects_area (area_code, year)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE IF NOT EXISTS measures (
    id            BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    household_id  BIGINT        NOT NULL,
    village_code  VARCHAR(15)   NOT NULL,
    category      VARCHAR(32)   NOT NULL,
    plan_year     BIGINT        NOT NULL,
    content       VARCHAR(2000) NOT NULL,
    helper_id     BIGINT        NULL,
    project_id    BIGINT        NULL,
    status        VARCHAR(16)   NOT NULL,
    cancel_reason VARCHAR(2000) NOT NULL DEFAULT '',
    start_date    VARCHAR(10)   NOT NULL DEFAULT '',
    end_date      VARCHAR(10)   NOT NULL DEFAULT '',
    paid_total_fen BIGINT       NOT NULL DEFAULT 0,
    version       BIGINT        NOT NULL,
    updated_by    VARCHAR(64)   NOT NULL,
    updated_at_ms BIGINT        NOT NULL,
    KEY measures_household (household_id, plan_year),
    -- Covers what the 三到户三到人 view reads of a year's measures, so it scans this instead of the wide rows.
    KEY measures_year (plan_year, household_id, status, paid_total_fen, helper_id),
    KEY measures_project (project_id),
    CONSTRAINT measures_household_fk FOREIGN KEY (household_id) REFERENCES households (id),
    CONSTRAINT measures_helper_fk FOREIGN KEY (helper_id) REFERENCES helpers (id),
    CONSTRAINT measures_project_fk FOREIGN KEY (project_id) REFERENCES projects (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE IF NOT EXISTS measure_funds (
    measure_id  BIGINT      NOT NULL,
    source      VARCHAR(16) NOT NULL,
    planned_fen BIGINT      NOT NULL CHECK (planned_fen >= 0),
    paid_fen    BIGINT      NOT NULL CHECK (paid_fen >= 0),
    PRIMARY KEY (measure_id, source),
    CONSTRAINT measure_funds_measure_fk FOREIGN KEY (measure_id) REFERENCES measures (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE IF NOT EXISTS assistance_plans (
    household_id               BIGINT        NOT NULL,
    year                       BIGINT        NOT NULL,
    expected_income_effect_fen BIGINT        NOT NULL,
    acknowledged_on            VARCHAR(10)   NOT NULL DEFAULT '',
    note                       VARCHAR(2000) NOT NULL DEFAULT '',
    version                    BIGINT        NOT NULL,
    updated_by                 VARCHAR(64)   NOT NULL,
    updated_at_ms              BIGINT        NOT NULL,
    PRIMARY KEY (household_id, year),
    CONSTRAINT assistance_plans_household_fk FOREIGN KEY (household_id) REFERENCES households (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE IF NOT EXISTS visits (
    id             BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    household_id   BIGINT        NOT NULL,
    village_code   VARCHAR(15)   NOT NULL,
    helper_id      BIGINT        NULL,
    kind           VARCHAR(32)   NOT NULL,
    visited_on     VARCHAR(10)   NOT NULL,
    done           VARCHAR(2000) NOT NULL,
    situation      VARCHAR(2000) NOT NULL,
    follow_up      VARCHAR(2000) NOT NULL,
    recorded_by    VARCHAR(64)   NOT NULL,
    recorded_at_ms BIGINT        NOT NULL,
    KEY visits_household (household_id, visited_on),
    -- Covers the view's question "visited by a helper since": the recent entries only, not every visit's text.
    KEY visits_recent (visited_on, helper_id, household_id),
    CONSTRAINT visits_household_fk FOREIGN KEY (household_id) REFERENCES households (id),
    CONSTRAINT visits_helper_fk FOREIGN KEY (helper_id) REFERENCES helpers (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
