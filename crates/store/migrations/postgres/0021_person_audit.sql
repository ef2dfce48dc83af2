-- Who saw or took a person's data: back-office views of the person, their identification
-- and its images, and exports. One hash chain per person, apart from the documents' trails
-- (a view must not wait for a document's lock, nor change a signed file's trail). No
-- reference to persons: the trail outlives an erased person.
CREATE TABLE person_audit (
    person_id TEXT NOT NULL,
    seq BIGINT NOT NULL,
    tenant_id TEXT NOT NULL REFERENCES tenants(id),
    mode TEXT NOT NULL,
    at BIGINT NOT NULL,
    action TEXT NOT NULL,
    actor TEXT NOT NULL,
    ip TEXT,
    user_agent TEXT,
    details TEXT NOT NULL,
    prev_hash TEXT NOT NULL,
    hash TEXT NOT NULL,
    PRIMARY KEY (person_id, seq)
);
