-- 006 lookup: the rate limit of the cross-township person lookup (GET /api/v1/people), shared by every server
-- process on this database. A rolling window: the times of each user's recent lookups, and one row per user
-- that a lookup locks first (SELECT … FOR UPDATE), so that concurrent lookups of one user are counted one after
-- the other. Re-runnable like every MySQL migration here (IF NOT EXISTS, indexes inside CREATE TABLE).

CREATE TABLE IF NOT EXISTS lookup_throttle (
    user_id        BIGINT NOT NULL PRIMARY KEY,
    last_lookup_ms BIGINT NOT NULL,
    CONSTRAINT fk_lookup_throttle_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- One row per lookup that was let through; rows older than the window are deleted as the user looks up again.
CREATE TABLE IF NOT EXISTS lookup_times (
    id      BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
    user_id BIGINT NOT NULL,
    at_ms   BIGINT NOT NULL,
    KEY lookup_times_user (user_id, at_ms),
    CONSTRAINT fk_lookup_times_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
