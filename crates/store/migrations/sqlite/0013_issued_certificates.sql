-- Every certificate Signet's issuing CAs made for a signer, so that OCSP can tell "good" from
-- "never issued" and a certificate can be revoked later. `ca` is `live` or `test` (the two
-- trust stores); `serial` is the serial number's content bytes in lowercase hex. Times are
-- wall-clock Unix milliseconds (what goes into CRLs and OCSP answers, judged by validators).
CREATE TABLE issued_certificates (
    ca TEXT NOT NULL,
    serial TEXT NOT NULL,
    subject TEXT NOT NULL,
    tenant_id TEXT NOT NULL,
    document_id TEXT NOT NULL,
    signer_id TEXT NOT NULL,
    issued_at BIGINT NOT NULL,
    not_after BIGINT NOT NULL,
    revoked_at BIGINT,
    revocation_reason TEXT,
    PRIMARY KEY (ca, serial)
);
CREATE INDEX issued_certificates_signer ON issued_certificates (signer_id);
CREATE INDEX issued_certificates_revoked ON issued_certificates (ca, revoked_at);
