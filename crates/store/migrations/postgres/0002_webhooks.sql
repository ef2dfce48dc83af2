-- Webhooks: subscriptions, one outbound message per (event, endpoint) and
-- the log of every delivery attempt. Times are Unix milliseconds; tenant-clock
-- columns follow the tenant's test clock, `run_at` is the wall-clock instant a
-- worker may take a message (shifted when the test clock advances, like jobs).

CREATE TABLE webhook_endpoints (
    id TEXT PRIMARY KEY,
    tenant_id TEXT NOT NULL REFERENCES tenants(id),
    mode TEXT NOT NULL,
    url TEXT NOT NULL,
    -- JSON array of event types; "*" subscribes to every type.
    event_types TEXT NOT NULL,
    description TEXT,
    status TEXT NOT NULL CHECK (status IN ('enabled', 'disabled')),
    secret TEXT NOT NULL,
    -- The secret before the last rotation; it keeps signing until
    -- previous_secret_until (tenant clock).
    previous_secret TEXT,
    previous_secret_until BIGINT,
    disabled_reason TEXT,
    -- Tenant time of the first failure since the last success.
    failing_since BIGINT,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);
CREATE INDEX webhook_endpoints_by_tenant ON webhook_endpoints (tenant_id, mode, status);

-- One row per (endpoint, event): written by the fan-out in the transaction
-- that writes the event. `event_id` is the `webhook-id` of every attempt.
CREATE TABLE webhook_messages (
    endpoint_id TEXT NOT NULL,
    event_id TEXT NOT NULL,
    tenant_id TEXT NOT NULL,
    mode TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('pending', 'delivered', 'failed')),
    -- Attempts made in the current schedule (resend and recover restart it).
    attempts_made BIGINT NOT NULL DEFAULT 0,
    next_attempt_at BIGINT,
    run_at BIGINT,
    lease_owner TEXT,
    lease_until BIGINT,
    fence BIGINT NOT NULL DEFAULT 0,
    last_error TEXT,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    PRIMARY KEY (endpoint_id, event_id)
);
CREATE INDEX webhook_messages_due ON webhook_messages (status, run_at);
CREATE INDEX webhook_messages_by_tenant ON webhook_messages (tenant_id, mode, status, run_at);
CREATE INDEX webhook_messages_by_endpoint ON webhook_messages (endpoint_id, status, created_at);

-- The delivery log: every attempt, successful or not.
CREATE TABLE webhook_attempts (
    seq BIGSERIAL PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    endpoint_id TEXT NOT NULL,
    event_id TEXT NOT NULL,
    event_type TEXT NOT NULL,
    attempt BIGINT NOT NULL,
    attempted_at BIGINT NOT NULL,
    webhook_timestamp BIGINT NOT NULL,
    status_code BIGINT,
    latency_us BIGINT NOT NULL,
    error TEXT,
    response_excerpt TEXT,
    outcome TEXT NOT NULL
);
CREATE INDEX webhook_attempts_by_endpoint ON webhook_attempts (endpoint_id, seq);
