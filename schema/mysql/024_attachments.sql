-- 024 attachments of household files (资料: the signed application, the appraisal minutes, photos of the house),
-- kept in the database beside the file they belong to, so one backup and every server of a cluster hold them.
-- Never changed once stored.

CREATE TABLE IF NOT EXISTS attachments (
    id              BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
    household_id    BIGINT NOT NULL,
    application_id  BIGINT NULL,
    kind            VARCHAR(32) NOT NULL,
    file_name       VARCHAR(400) NOT NULL,
    content_type    VARCHAR(32) NOT NULL,
    size            BIGINT NOT NULL,
    sha256          CHAR(64) NOT NULL,
    content         MEDIUMBLOB NOT NULL,
    uploaded_by     VARCHAR(64) NOT NULL,
    uploaded_at_ms  BIGINT NOT NULL,
    KEY attachments_household (household_id, id),
    CONSTRAINT attachments_household_fk FOREIGN KEY (household_id) REFERENCES households (id),
    CONSTRAINT attachments_application_fk FOREIGN KEY (application_id) REFERENCES applications (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
