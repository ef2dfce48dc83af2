-- Document templates (`/v1/templates`), per tenant and mode: a PDF kept in the blob store
-- (`file_key`), the roles its signers take (JSON list of names) and its fields (JSON list of
-- placed fields, each `signer` the index of its role in `roles`). `status` is `draft` until
-- a reviewer approves it where the tenant requires review, else `approved`.
CREATE TABLE templates (
    id TEXT PRIMARY KEY,
    tenant_id TEXT NOT NULL REFERENCES tenants(id),
    mode TEXT NOT NULL,
    name TEXT NOT NULL,
    status TEXT NOT NULL,
    roles TEXT NOT NULL,
    fields TEXT NOT NULL,
    file_key TEXT NOT NULL,
    pages BIGINT NOT NULL,
    size BIGINT NOT NULL,
    sha256 TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    reviewed_at BIGINT,
    reviewed_by TEXT
);
CREATE UNIQUE INDEX templates_by_name ON templates (tenant_id, mode, name);
CREATE INDEX templates_by_tenant ON templates (tenant_id, mode, created_at);
CREATE INDEX templates_by_status ON templates (status, created_at);
-- Whether a new or changed template waits for a reviewer's approval, per mode (0 = no).
ALTER TABLE tenant_document_settings ADD COLUMN require_template_review BIGINT NOT NULL DEFAULT 0;
