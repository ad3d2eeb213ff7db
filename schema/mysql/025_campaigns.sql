-- 025 the year's campaign of 建档立卡: its four phases with their dates (准备, 识别, 建档帮扶, 总结), set by the
-- county; each township's progress is counted against them (docs/protocol.md "The campaign").

CREATE TABLE IF NOT EXISTS campaign_phases (
    year      BIGINT NOT NULL,
    phase     VARCHAR(32) NOT NULL,
    seq       BIGINT NOT NULL,
    starts_on VARCHAR(10) NOT NULL,
    ends_on   VARCHAR(10) NOT NULL,
    set_by    VARCHAR(64) NOT NULL,
    set_at_ms BIGINT NOT NULL,
    PRIMARY KEY (year, phase)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
