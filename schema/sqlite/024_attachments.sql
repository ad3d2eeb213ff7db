-- 024 attachments of household files (资料: the signed application, the appraisal minutes, photos of the house),
-- kept in the database beside the file they belong to, so one backup and every server of a cluster hold them.
-- Never changed once stored.

CREATE TABLE IF NOT EXISTS attachments (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    household_id    INTEGER NOT NULL REFERENCES households (id),
    application_id  INTEGER REFERENCES applications (id),  -- the case it belongs to, or NULL
    kind            TEXT    NOT NULL,
    file_name       TEXT    NOT NULL,
    content_type    TEXT    NOT NULL CHECK (content_type IN ('application/pdf', 'image/jpeg', 'image/png')),
    size            INTEGER NOT NULL,
    sha256          TEXT    NOT NULL,
    content         BLOB    NOT NULL,
    uploaded_by     TEXT    NOT NULL,
    uploaded_at_ms  INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS attachments_household ON attachments (household_id, id);
