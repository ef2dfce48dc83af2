-- Secrets at rest. No column changes: `signers.token` and `identifications.token` now hold
-- the SHA-256 (hex) of the link token, and the token kept in the row's `doc` is sealed, as are
-- `webhook_endpoints.secret`/`previous_secret` and `idempotency_keys.response_body`. SQL cannot
-- compute those, so rows written before this migration are converted in Rust when the server
-- starts (`Store::seal_legacy_secrets`).
--
-- Idempotency records expire after 24 hours; the purge walks them by age.
CREATE INDEX idempotency_keys_created ON idempotency_keys (created_at);
