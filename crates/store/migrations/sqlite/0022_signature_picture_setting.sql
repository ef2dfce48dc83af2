-- Whether the tenant requires a signature picture on approval, per mode (0 = no, 1 = yes):
-- without one, approval is refused with seed 001's 26.
ALTER TABLE tenant_document_settings ADD COLUMN require_signature_picture BIGINT NOT NULL DEFAULT 0;
