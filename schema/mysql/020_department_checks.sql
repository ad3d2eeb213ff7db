-- 020 checks against other departments (数据比对): the lists the county imports (低保, 特困供养, disability
-- certificates, vehicles, commercial housing, business registrations, state payroll), each kept with its rows and
-- its import, and the flags its rows raise on the households whose members they name, open until a reviewer
-- clears them with a reason.

CREATE TABLE IF NOT EXISTS department_lists (
    id                 BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
    kind               VARCHAR(32) NOT NULL,
    year               BIGINT NOT NULL,
    source             VARCHAR(200) NOT NULL,
    file_name          VARCHAR(400) NOT NULL,
    file_sha256        CHAR(64) NOT NULL,  -- the same file is imported once per kind and year
    encoding           VARCHAR(16) NOT NULL,  -- utf-8 | gb18030
    excluding          BIGINT NOT NULL,  -- 1 for the kinds that rule a household out (common/department_check.cpp)
    row_count          BIGINT NOT NULL,
    flagged_households BIGINT NOT NULL DEFAULT 0,
    imported_by        VARCHAR(64) NOT NULL,
    imported_at_ms     BIGINT NOT NULL,
    UNIQUE KEY department_lists_file (kind, year, file_sha256)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE IF NOT EXISTS department_list_rows (
    list_id     BIGINT NOT NULL,
    line        BIGINT NOT NULL,
    id_number   VARCHAR(18) CHARACTER SET ascii COLLATE ascii_general_ci NOT NULL,  -- as members.id_number
    name        VARCHAR(200) NOT NULL,
    detail      VARCHAR(400) NOT NULL,
    recorded_on VARCHAR(10) NOT NULL,  -- 'YYYY-MM', 'YYYY-MM-DD' or ''
    PRIMARY KEY (list_id, line),
    KEY department_list_rows_person (id_number),
    CONSTRAINT department_list_rows_list_fk FOREIGN KEY (list_id) REFERENCES department_lists (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE IF NOT EXISTS household_flags (
    id            BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
    household_id  BIGINT NOT NULL,
    list_id       BIGINT NOT NULL,
    line          BIGINT NOT NULL,
    member_name   VARCHAR(200) NOT NULL,
    excluding     BIGINT NOT NULL,  -- the list's, kept here for the index of open excluding flags
    raised_at_ms  BIGINT NOT NULL,
    cleared_by    VARCHAR(64) NOT NULL DEFAULT '',
    cleared_at_ms BIGINT NOT NULL DEFAULT 0,
    clear_reason  TEXT NOT NULL,
    UNIQUE KEY household_flags_row (household_id, list_id, line),
    KEY household_flags_open (household_id, cleared_at_ms, excluding),
    KEY household_flags_list (list_id),
    CONSTRAINT household_flags_household_fk FOREIGN KEY (household_id) REFERENCES households (id),
    CONSTRAINT household_flags_row_fk FOREIGN KEY (list_id, line) REFERENCES department_list_rows (list_id, line)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
