-- A person's business relationship and erasure (GDPR Art. 17; AMLD4 Art. 40, AMLR Art. 77).
-- The row outlives the person's data: once `erased_at` is set it is the tombstone that says
-- the person was erased, when, and what had been kept until then (`report`, JSON).
CREATE TABLE person_retention (
    person_id TEXT PRIMARY KEY,
    tenant_id TEXT NOT NULL,
    mode TEXT NOT NULL,
    -- Tenant time (the start of the day given).
    relationship_ended_at BIGINT,
    erasure_requested_at BIGINT,
    -- When the records kept for the retention period go (relationship end + retention).
    retained_until BIGINT,
    erased_at BIGINT,
    report TEXT
);
CREATE INDEX person_retention_by_request ON person_retention (tenant_id, mode, erasure_requested_at);

-- Years a tenant keeps customer-due-diligence records after a relationship ends (default 5).
CREATE TABLE tenant_retention (
    tenant_id TEXT NOT NULL,
    mode TEXT NOT NULL,
    years BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    PRIMARY KEY (tenant_id, mode)
);
