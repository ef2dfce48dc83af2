-- A document's form fields (`fields` on POST /v1/documents), in the order given. `field` is
-- the field as placed (JSON: type, signer, required, area, anchor, options, prefilled value);
-- `value` what its signer gave on approval (JSON), kept until and after their revision.
CREATE TABLE document_fields (
    document_id TEXT NOT NULL REFERENCES documents(id),
    position BIGINT NOT NULL,
    name TEXT NOT NULL,
    signer_position BIGINT NOT NULL,
    field TEXT NOT NULL,
    value TEXT,
    PRIMARY KEY (document_id, position)
);
CREATE UNIQUE INDEX document_fields_by_name ON document_fields (document_id, name);
