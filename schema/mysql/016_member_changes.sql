-- 016 member changes: the natural changes of a household's members (人口自然变更: births, deaths, marriages in and
-- out, moves in and out, a member's new ID number), each on its date with its reason, as the file's history. The
-- member list itself changes in members; these rows are never changed.

CREATE TABLE IF NOT EXISTS member_changes (
    id             BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    household_id   BIGINT       NOT NULL,
    kind           VARCHAR(32)  NOT NULL,
    effective_on   CHAR(10)     NOT NULL,
    reason         TEXT         NOT NULL,
    name           VARCHAR(100) NOT NULL,
    id_number      VARCHAR(18)  NOT NULL,
    new_id_number  VARCHAR(18)  NOT NULL DEFAULT '',
    new_head_name  VARCHAR(100) NOT NULL DEFAULT '',
    size_before    INT          NOT NULL,
    size_after     INT          NOT NULL,
    income_removed_fen BIGINT   NOT NULL DEFAULT 0,
    recorded_by    VARCHAR(64)  NOT NULL,
    recorded_at_ms BIGINT       NOT NULL,
    KEY member_changes_household (household_id, id),
    CONSTRAINT member_changes_household_fk FOREIGN KEY (household_id) REFERENCES households (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
