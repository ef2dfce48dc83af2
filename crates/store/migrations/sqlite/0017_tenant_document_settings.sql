-- A tenant's defaults for its new documents, per mode: the reminders a document gets
-- when its request names none (JSON `{after, every, max}`, or NULL for none).
CREATE TABLE tenant_document_settings (
    tenant_id TEXT NOT NULL REFERENCES tenants(id),
    mode TEXT NOT NULL,
    reminders TEXT,
    updated_at BIGINT NOT NULL,
    PRIMARY KEY (tenant_id, mode)
);
