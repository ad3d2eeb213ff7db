-- 003 accounts: users with a role and an area, login sessions, and login throttling.
-- Re-runnable like every MySQL migration here (IF NOT EXISTS, indexes inside CREATE TABLE).

CREATE TABLE IF NOT EXISTS users (
    id            BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    username      VARCHAR(32)  NOT NULL,
    display_name  VARCHAR(100) NOT NULL,
    role          VARCHAR(32)  NOT NULL,
    area_code     VARCHAR(15)  NOT NULL,
    password_hash VARCHAR(255) NOT NULL,  -- Argon2id, encoded with its parameters and salt
    disabled      SMALLINT     NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)),
    created_at_ms BIGINT       NOT NULL,
    updated_at_ms BIGINT       NOT NULL,
    UNIQUE KEY uq_users_username (username)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- A session is known by the SHA-256 of its token; the token itself is never stored.
CREATE TABLE IF NOT EXISTS sessions (
    token_hash          CHAR(64)     NOT NULL PRIMARY KEY,
    user_id             BIGINT       NOT NULL,
    certificate_subject VARCHAR(512) NOT NULL,
    created_at_ms       BIGINT       NOT NULL,
    last_seen_ms        BIGINT       NOT NULL,
    expires_at_ms       BIGINT       NOT NULL,
    KEY sessions_user (user_id),
    CONSTRAINT fk_sessions_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- Failed logins per account ('user:NAME') and per certificate ('cert:SUBJECT').
CREATE TABLE IF NOT EXISTS login_throttle (
    throttle_key      VARCHAR(600) NOT NULL PRIMARY KEY,
    failures          INT          NOT NULL,
    last_failure_ms   BIGINT       NOT NULL,
    locked_until_ms   BIGINT       NOT NULL
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
