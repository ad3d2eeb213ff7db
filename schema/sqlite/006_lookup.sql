-- 006 lookup: the rate limit of the cross-township person lookup (GET /api/v1/people), shared by every server
-- process on this database. A rolling window: the times of each user's recent lookups, and one row per user
-- that a lookup locks first, so that concurrent lookups of one user are counted one after the other.

CREATE TABLE IF NOT EXISTS lookup_throttle (
    user_id        INTEGER NOT NULL PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
    last_lookup_ms INTEGER NOT NULL
);

-- One row per lookup that was let through; rows older than the window are deleted as the user looks up again.
CREATE TABLE IF NOT EXISTS lookup_times (
    id      INTEGER PRIMARY KEY AUTOINCREMENT,
    user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    at_ms   INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS lookup_times_user ON lookup_times (user_id, at_ms);
