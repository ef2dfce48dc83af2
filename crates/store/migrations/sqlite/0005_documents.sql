-- Documents sent for signature, their signers, the hash-chained audit trail,
-- and Signet's CA (one per installation). Times are Unix milliseconds; `doc`
-- is the domain object as JSON text; the PDF revisions live in the blob store.

CREATE TABLE documents (
    id TEXT PRIMARY KEY,
    tenant_id TEXT NOT NULL REFERENCES tenants(id),
    mode TEXT NOT NULL,
    status TEXT NOT NULL,
    doc TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);
CREATE INDEX documents_by_tenant ON documents (tenant_id, mode, created_at, id);

-- Tags as rows, so `GET /v1/documents?tag=` is an index lookup.
CREATE TABLE document_tags (
    document_id TEXT NOT NULL REFERENCES documents(id),
    tag TEXT NOT NULL,
    PRIMARY KEY (document_id, tag)
);
CREATE INDEX document_tags_by_tag ON document_tags (tag, document_id);

CREATE TABLE signers (
    id TEXT PRIMARY KEY,
    tenant_id TEXT NOT NULL REFERENCES tenants(id),
    document_id TEXT NOT NULL REFERENCES documents(id),
    position BIGINT NOT NULL,
    -- The secret of the hosted page's URL.
    token TEXT NOT NULL UNIQUE,
    person_id TEXT,
    status TEXT NOT NULL,
    doc TEXT NOT NULL
);
CREATE INDEX signers_by_document ON signers (document_id, position);
CREATE INDEX signers_by_person ON signers (person_id, status);

-- Each entry's hash is SHA-256 over the previous entry's hash and this
-- entry's canonical content, so editing or removing an entry breaks the chain.
CREATE TABLE document_audit (
    document_id TEXT NOT NULL REFERENCES documents(id),
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

-- The CA, timestamp authority and seal, private keys encrypted under the
-- operator's master key. One row, written once by whichever process starts first.
CREATE TABLE trust_store (
    id TEXT PRIMARY KEY,
    sealed TEXT NOT NULL,
    created_at BIGINT NOT NULL
);
