-- A tenant's limits, set by `signet tenant limits` (0 = none). A tenant without a row has
-- the defaults: 20 signers per document and no other limit.
CREATE TABLE tenant_limits (
    tenant_id TEXT PRIMARY KEY REFERENCES tenants(id),
    signers_per_document BIGINT NOT NULL,
    templates BIGINT NOT NULL,
    stored_bytes BIGINT NOT NULL,
    sms_per_month BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);
