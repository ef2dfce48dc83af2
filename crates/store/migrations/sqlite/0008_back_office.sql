-- The back office. Failed sign-ins, counted per email address (as a SHA-256, so unknown
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

-- The back office's lists across tenants: documents newest first, and the last attempt
-- of each webhook message (the list shows its HTTP status).
CREATE INDEX documents_by_created ON documents (created_at, id);
CREATE INDEX webhook_attempts_by_message ON webhook_attempts (endpoint_id, event_id, seq);
