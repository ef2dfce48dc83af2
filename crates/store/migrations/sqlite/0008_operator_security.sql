-- Failed back-office sign-ins, counted per email address (as a SHA-256, so unknown
-- addresses are counted too and the table names no one) and per client address. A key
-- that failed too often within its window is locked until `locked_until`.
-- Times are Unix milliseconds.

CREATE TABLE login_throttle (
    key TEXT PRIMARY KEY,
    failures BIGINT NOT NULL,
    window_start BIGINT NOT NULL,
    locked_until BIGINT
);

-- An operator who may no longer sign in (`signet admin disable`); their sessions end too.
ALTER TABLE operators ADD COLUMN disabled_at BIGINT;
