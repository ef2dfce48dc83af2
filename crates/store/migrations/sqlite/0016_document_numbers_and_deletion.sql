-- The integrator's document number, unique in a tenant and mode (NULLs do not collide).
ALTER TABLE documents ADD COLUMN number TEXT;
CREATE UNIQUE INDEX documents_by_number ON documents (tenant_id, mode, number);

-- A document deleted before anyone signed leaves a tombstone: whose it was, when and by whom
-- it went. Its audit trail stays, closed by the deletion entry, so it no longer refers to
-- the documents row: SQLite drops a foreign key only by rebuilding the table.
CREATE TABLE document_audit_kept (
    document_id TEXT NOT NULL,
    seq BIGINT NOT NULL,
    at BIGINT NOT NULL,
    action TEXT NOT NULL,
    actor TEXT NOT NULL,
    signer_id TEXT,
    ip TEXT,
    user_agent TEXT,
    document_sha256 TEXT NOT NULL,
    details TEXT NOT NULL,
    prev_hash TEXT NOT NULL,
    hash TEXT NOT NULL,
    PRIMARY KEY (document_id, seq)
);
INSERT INTO document_audit_kept SELECT document_id, seq, at, action, actor, signer_id, ip, user_agent, document_sha256, details, prev_hash, hash FROM document_audit;
DROP TABLE document_audit;
ALTER TABLE document_audit_kept RENAME TO document_audit;

CREATE TABLE document_tombstones (
    document_id TEXT PRIMARY KEY,
    tenant_id TEXT NOT NULL REFERENCES tenants(id),
    mode TEXT NOT NULL,
    number TEXT,
    deleted_at BIGINT NOT NULL,
    deleted_by TEXT NOT NULL
);
