-- 014 helper accounts: a helper (帮扶责任人) may log in, with an account of the role `helper`, and then sees and
-- records only the households paired with him now. The account is named on the helper; NULL when the helper has
-- none. One account answers for one helper.

ALTER TABLE helpers ADD COLUMN username TEXT;
CREATE UNIQUE INDEX IF NOT EXISTS helpers_username ON helpers (username);
