-- 014 helper accounts: a helper (帮扶责任人) may log in, with an account of the role `helper`, and then sees and
-- records only the households paired with him now. The account is named on the helper; NULL when the helper has
-- none. One account answers for one helper. MySQL commits DDL statement by statement, so this runs again after a
-- failure (IF NOT EXISTS).

ALTER TABLE helpers ADD COLUMN IF NOT EXISTS username VARCHAR(32) NULL;
CREATE UNIQUE INDEX IF NOT EXISTS helpers_username ON helpers (username);
