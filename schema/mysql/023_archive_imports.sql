-- 023 imports of a county's existing archive from a spreadsheet (docs/imports.md). An import is staged batch by
-- batch (each batch checked as it arrives) and written in one transaction at its commit, or dropped: a file goes
-- in whole or not at all.

CREATE TABLE IF NOT EXISTS archive_imports (
    id            BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
    area_code     VARCHAR(15) NOT NULL,
    file_name     VARCHAR(400) NOT NULL,
    state         VARCHAR(16) NOT NULL,  -- open | committed | abandoned
    households    BIGINT NOT NULL DEFAULT 0,
    people        BIGINT NOT NULL DEFAULT 0,
    problems      BIGINT NOT NULL DEFAULT 0,
    created_by    VARCHAR(64) NOT NULL,
    created_at_ms BIGINT NOT NULL,
    closed_at_ms  BIGINT NOT NULL DEFAULT 0
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE IF NOT EXISTS archive_import_households (
    import_id  BIGINT NOT NULL,
    seq        BIGINT NOT NULL,
    first_row  BIGINT NOT NULL,
    body       MEDIUMTEXT NOT NULL,
    PRIMARY KEY (import_id, seq),
    CONSTRAINT archive_import_households_fk FOREIGN KEY (import_id) REFERENCES archive_imports (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE IF NOT EXISTS archive_import_people (
    import_id  BIGINT NOT NULL,
    id_number  VARCHAR(18) CHARACTER SET ascii COLLATE ascii_general_ci NOT NULL,  -- as members.id_number
    file_row   BIGINT NOT NULL,
    PRIMARY KEY (import_id, id_number),
    CONSTRAINT archive_import_people_fk FOREIGN KEY (import_id) REFERENCES archive_imports (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE IF NOT EXISTS archive_import_pairings (
    import_id BIGINT NOT NULL,
    helper_id BIGINT NOT NULL,
    file_row  BIGINT NOT NULL,
    PRIMARY KEY (import_id, helper_id, file_row),
    CONSTRAINT archive_import_pairings_fk FOREIGN KEY (import_id) REFERENCES archive_imports (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
