-- 025 the year's campaign of 建档立卡: its four phases with their dates (准备, 识别, 建档帮扶, 总结), set by the
-- county; each township's progress is counted against them (docs/protocol.md "The campaign").

CREATE TABLE IF NOT EXISTS campaign_phases (
    year      INTEGER NOT NULL,
    phase     TEXT    NOT NULL,
    seq       INTEGER NOT NULL,
    starts_on TEXT    NOT NULL,
    ends_on   TEXT    NOT NULL,
    set_by    TEXT    NOT NULL,
    set_at_ms INTEGER NOT NULL,
    PRIMARY KEY (year, phase)
);
