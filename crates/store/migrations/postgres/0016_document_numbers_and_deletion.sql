-- The integrator's document number, unique in a tenant and mode (NULLs do not collide).
ALTER TABLE documents ADD COLUMN number TEXT;
CREATE UNIQUE INDEX documents_by_number ON documents (tenant_id, mode, number);

-- A document deleted before anyone signed leaves a tombstone: whose it was, when and by whom
-- it went. Its audit trail stays, closed by the deletion entry, so it no longer refers to
-- the documents row.
ALTER TABLE document_audit DROP CONSTRAINT IF EXISTS document_audit_document_id_fkey;

CREATE TABLE document_tombstones (
    document_id TEXT PRIMARY KEY,
    tenant_id TEXT NOT NULL REFERENCES tenants(id),
    mode TEXT NOT NULL,
    number TEXT,
    deleted_at BIGINT NOT NULL,
    deleted_by TEXT NOT NULL
);
