-- Signet's foundation: tenants, keys, persons, identifications, attempts,
-- person files, durable jobs, the event outbox and idempotency records.
-- Times are Unix milliseconds; documents are JSON text.

CREATE TABLE tenants (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    created_at BIGINT NOT NULL,
    -- The test clock: test-mode time is wall time plus this offset.
    clock_offset_ms BIGINT NOT NULL DEFAULT 0,
    -- JSON array of ISO country codes, or NULL for no restriction.
    residency_countries TEXT
);

CREATE TABLE api_keys (
    id TEXT PRIMARY KEY,
    tenant_id TEXT NOT NULL REFERENCES tenants(id),
    mode TEXT NOT NULL CHECK (mode IN ('test', 'live')),
    prefix TEXT NOT NULL UNIQUE,
    digest TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    revoked_at BIGINT
);

CREATE TABLE persons (
    id TEXT PRIMARY KEY,
    tenant_id TEXT NOT NULL REFERENCES tenants(id),
    mode TEXT NOT NULL,
    identity_key TEXT NOT NULL,
    doc TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);
CREATE INDEX persons_by_tenant ON persons (tenant_id, mode, created_at, id);
CREATE INDEX persons_by_identity ON persons (tenant_id, mode, identity_key);

CREATE TABLE identifications (
    id TEXT PRIMARY KEY,
    tenant_id TEXT NOT NULL REFERENCES tenants(id),
    mode TEXT NOT NULL,
    person_id TEXT NOT NULL REFERENCES persons(id),
    token TEXT UNIQUE,
    status TEXT NOT NULL,
    doc TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);
CREATE INDEX identifications_by_person ON identifications (tenant_id, person_id, created_at, id);

CREATE TABLE attempts (
    id TEXT PRIMARY KEY,
    tenant_id TEXT NOT NULL REFERENCES tenants(id),
    identification_id TEXT NOT NULL REFERENCES identifications(id),
    status TEXT NOT NULL,
    response_code TEXT,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    seq BIGINT NOT NULL
);
CREATE INDEX attempts_by_identification ON attempts (identification_id, seq);

CREATE TABLE person_documents (
    id TEXT PRIMARY KEY,
    tenant_id TEXT NOT NULL REFERENCES tenants(id),
    mode TEXT NOT NULL,
    person_id TEXT NOT NULL REFERENCES persons(id),
    identification_id TEXT,
    document_type TEXT NOT NULL,
    name TEXT NOT NULL,
    content_type TEXT NOT NULL,
    size BIGINT NOT NULL,
    sha256 TEXT NOT NULL,
    blob_key TEXT NOT NULL,
    created_at BIGINT NOT NULL
);
CREATE INDEX person_documents_by_person ON person_documents (tenant_id, person_id, created_at);

-- Durable jobs and timers. `due_at` is on the tenant clock (what the domain
-- reasons about); `run_at` is the wall-clock instant a worker may take it,
-- shifted when the test clock advances.
CREATE TABLE jobs (
    id TEXT PRIMARY KEY,
    tenant_id TEXT NOT NULL,
    mode TEXT NOT NULL,
    kind TEXT NOT NULL,
    payload TEXT NOT NULL,
    due_at BIGINT NOT NULL,
    run_at BIGINT NOT NULL,
    lease_owner TEXT,
    lease_until BIGINT,
    fence BIGINT NOT NULL DEFAULT 0,
    attempts BIGINT NOT NULL DEFAULT 0,
    last_error TEXT,
    created_at BIGINT NOT NULL
);
CREATE INDEX jobs_by_run_at ON jobs (run_at);
CREATE INDEX jobs_by_tenant ON jobs (tenant_id, mode, run_at);

-- The transactional outbox: every state change writes its event here in
-- the same transaction.
CREATE TABLE events (
    seq BIGSERIAL PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    tenant_id TEXT NOT NULL,
    mode TEXT NOT NULL,
    type TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    data TEXT NOT NULL
);
CREATE INDEX events_by_tenant ON events (tenant_id, mode, seq);

CREATE TABLE idempotency_keys (
    tenant_id TEXT NOT NULL,
    mode TEXT NOT NULL,
    key TEXT NOT NULL,
    request_hash TEXT NOT NULL,
    state TEXT NOT NULL,
    status_code BIGINT,
    response_body BYTEA,
    created_at BIGINT NOT NULL,
    PRIMARY KEY (tenant_id, mode, key)
);
