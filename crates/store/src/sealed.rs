//! Secrets at rest: hosted-page link tokens, webhook signing secrets and stored idempotent
//! responses are sealed (AES-256-GCM under a key the server derives from the master key), and
//! link tokens are looked up by their SHA-256 digest.
//!
//! A sealed value names what it seals (the table, the field and the row's id go in as
//! associated data), so a sealed secret copied into another row does not open there. A value
//! without the `sealed1:` mark is a plain value written before sealing existed: it is read as
//! it is and sealed by [`Store::seal_legacy_secrets`] at the next start.

use crate::{Result, Store, StoreError};
use aes_gcm::aead::{Aead, KeyInit, Payload};
use aes_gcm::{Aes256Gcm, Nonce};
use serde::Serialize;
use serde::de::DeserializeOwned;
use sha2::{Digest, Sha256};
use sqlx::Row;

/// The mark of a sealed text value (hex of nonce ‖ ciphertext follows).
const TEXT_MARK: &str = "sealed1:";
/// The mark of a sealed byte value (nonce ‖ ciphertext follows).
const BYTES_MARK: &[u8] = b"SGSEAL1\0";
const NONCE_LEN: usize = 12;

/// Table and field names of what is sealed, used as associated data.
pub(crate) const SIGNER_DOC: &str = "signers.doc";
pub(crate) const IDENTIFICATION_DOC: &str = "identifications.doc";
pub(crate) const SIGNER_SECRET_FIELDS: &[&str] = &["token"];
pub(crate) const IDENTIFICATION_SECRET_FIELDS: &[&str] = &["token", "url"];
pub(crate) const WEBHOOK_ENDPOINTS: &str = "webhook_endpoints";
pub(crate) const IDEMPOTENT_RESPONSE: &str = "idempotency_keys.response_body";

/// The key that seals secrets at rest.
pub struct Sealer {
    cipher: Aes256Gcm,
}

impl std::fmt::Debug for Sealer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Sealer")
    }
}

impl Sealer {
    pub fn new(key: &[u8; 32]) -> Sealer {
        Sealer {
            cipher: Aes256Gcm::new(key.into()),
        }
    }

    fn seal(&self, plain: &[u8], context: &str) -> Result<Vec<u8>> {
        let mut nonce = [0u8; NONCE_LEN];
        getrandom::fill(&mut nonce)
            .map_err(|e| StoreError::Corrupt(format!("no randomness to seal with: {e}")))?;
        let sealed = self
            .cipher
            .encrypt(
                &Nonce::from(nonce),
                Payload {
                    msg: plain,
                    aad: context.as_bytes(),
                },
            )
            .map_err(|_| StoreError::Corrupt(format!("cannot seal {context}")))?;
        let mut out = Vec::with_capacity(NONCE_LEN + sealed.len());
        out.extend_from_slice(&nonce);
        out.extend_from_slice(&sealed);
        Ok(out)
    }

    fn open(&self, sealed: &[u8], context: &str) -> Result<Vec<u8>> {
        let wrong = || {
            StoreError::Corrupt(format!(
                "{context} does not open (another master key, or edited)"
            ))
        };
        if sealed.len() < NONCE_LEN {
            return Err(wrong());
        }
        let (nonce, ct) = sealed.split_at(NONCE_LEN);
        let nonce: [u8; NONCE_LEN] = nonce.try_into().map_err(|_| wrong())?;
        self.cipher
            .decrypt(
                &Nonce::from(nonce),
                Payload {
                    msg: ct,
                    aad: context.as_bytes(),
                },
            )
            .map_err(|_| wrong())
    }

    /// A text secret as stored: `sealed1:` and hex. An already sealed value is kept as is.
    pub(crate) fn seal_text(&self, plain: &str, context: &str) -> Result<String> {
        if is_sealed_text(plain) {
            return Ok(plain.to_owned());
        }
        Ok(format!(
            "{TEXT_MARK}{}",
            hex::encode(self.seal(plain.as_bytes(), context)?)
        ))
    }

    /// A stored text secret in the clear (a value from before sealing is returned as is).
    pub(crate) fn open_text(&self, stored: &str, context: &str) -> Result<String> {
        let Some(body) = stored.strip_prefix(TEXT_MARK) else {
            return Ok(stored.to_owned());
        };
        let bytes =
            hex::decode(body).map_err(|_| StoreError::Corrupt(format!("{context} is damaged")))?;
        String::from_utf8(self.open(&bytes, context)?)
            .map_err(|_| StoreError::Corrupt(format!("{context} is damaged")))
    }

    pub(crate) fn seal_bytes(&self, plain: &[u8], context: &str) -> Result<Vec<u8>> {
        let mut out = BYTES_MARK.to_vec();
        out.extend(self.seal(plain, context)?);
        Ok(out)
    }

    pub(crate) fn open_bytes(&self, stored: &[u8], context: &str) -> Result<Vec<u8>> {
        match stored.strip_prefix(BYTES_MARK) {
            Some(body) => self.open(body, context),
            None => Ok(stored.to_vec()),
        }
    }
}

pub(crate) fn is_sealed_text(v: &str) -> bool {
    v.starts_with(TEXT_MARK)
}

pub(crate) fn is_sealed_bytes(v: &[u8]) -> bool {
    v.starts_with(BYTES_MARK)
}

/// What a link token is stored and looked up as: its SHA-256, hex. Tokens carry 128 random
/// bits, so a fast digest is enough (as for API keys).
pub fn token_digest(token: &str) -> String {
    hex::encode(Sha256::digest(token.as_bytes()))
}

/// Associated data of a sealed field: table and field, and the row it belongs to.
pub(crate) fn context(what: &str, field: &str, id: &str) -> String {
    format!("{what}.{field}:{id}")
}

impl Store {
    /// This store with the key that seals secrets at rest. Without it, reading or writing a
    /// secret fails rather than falling back to plain text.
    pub fn with_sealing_key(mut self, key: &[u8; 32]) -> Store {
        self.sealer = Some(std::sync::Arc::new(Sealer::new(key)));
        self
    }

    pub(crate) fn sealer(&self) -> Result<&Sealer> {
        self.sealer.as_deref().ok_or_else(|| {
            StoreError::Corrupt("secrets are sealed, and this store has no sealing key".into())
        })
    }

    /// A resource's JSON document with its secret `fields` sealed (for a `doc` column).
    pub(crate) fn seal_doc<T: Serialize>(
        &self,
        value: &T,
        what: &str,
        fields: &[&str],
    ) -> Result<String> {
        let mut v = serde_json::to_value(value)?;
        self.seal_fields(&mut v, what, fields)?;
        Ok(serde_json::to_string(&v)?)
    }

    pub(crate) fn seal_fields(
        &self,
        v: &mut serde_json::Value,
        what: &str,
        fields: &[&str],
    ) -> Result<()> {
        let id = v
            .get("id")
            .and_then(|i| i.as_str())
            .unwrap_or_default()
            .to_owned();
        for field in fields {
            if let Some(serde_json::Value::String(s)) = v.get_mut(*field) {
                *s = self.sealer()?.seal_text(s, &context(what, field, &id))?;
            }
        }
        Ok(())
    }

    /// Reads a `doc` column written by [`Store::seal_doc`] (or from before sealing).
    pub(crate) fn open_doc<T: DeserializeOwned>(
        &self,
        doc: &str,
        what: &str,
        fields: &[&str],
    ) -> Result<T> {
        self.open_fields(serde_json::from_str(doc)?, what, fields)
    }

    /// Opens the sealed `fields` of a parsed `doc` column and reads it as a `T`.
    pub(crate) fn open_fields<T: DeserializeOwned>(
        &self,
        mut v: serde_json::Value,
        what: &str,
        fields: &[&str],
    ) -> Result<T> {
        let id = v
            .get("id")
            .and_then(|i| i.as_str())
            .unwrap_or_default()
            .to_owned();
        for field in fields {
            if let Some(serde_json::Value::String(s)) = v.get_mut(*field)
                && is_sealed_text(s)
            {
                *s = self.sealer()?.open_text(s, &context(what, field, &id))?;
            }
        }
        Ok(serde_json::from_value(v)?)
    }

    /// Seals what an installation stored in the clear before secrets were sealed: signer and
    /// identification link tokens become digests (and the token kept in the document is
    /// sealed), webhook secrets and stored idempotent responses are sealed. Run at every
    /// start before serving; it finds nothing to do once done. Each row is rewritten in its
    /// own transaction under its row lock, so a concurrent change is never overwritten.
    pub async fn seal_legacy_secrets(&self) -> Result<u64> {
        let mut done = 0;
        done += self
            .seal_legacy_links(
                "signers",
                "SELECT id FROM signers WHERE length(token) <> 64",
                SIGNER_DOC,
                SIGNER_SECRET_FIELDS,
            )
            .await?;
        done += self
            .seal_legacy_links(
                "identifications",
                "SELECT id FROM identifications WHERE token IS NOT NULL AND length(token) <> 64",
                IDENTIFICATION_DOC,
                IDENTIFICATION_SECRET_FIELDS,
            )
            .await?;
        done += self.seal_legacy_webhook_secrets().await?;
        done += self.seal_legacy_idempotent_responses().await?;
        Ok(done)
    }

    async fn seal_legacy_links(
        &self,
        table: &str,
        find: &str,
        what: &str,
        fields: &[&str],
    ) -> Result<u64> {
        let ids: Vec<String> = sqlx::query(sqlx::AssertSqlSafe(find.to_owned()))
            .fetch_all(&mut *self.write_conn().await?)
            .await?
            .iter()
            .map(|r| r.try_get("id"))
            .collect::<Result<_, _>>()?;
        let mut done = 0;
        for id in ids {
            let mut tx = self.begin().await?;
            let row = sqlx::query(sqlx::AssertSqlSafe(format!(
                "SELECT token, doc FROM {table} WHERE id = $1{}",
                self.backend.for_update()
            )))
            .bind(&id)
            .fetch_optional(&mut *tx)
            .await?;
            let Some(row) = row else { continue };
            let token: Option<String> = row.try_get("token")?;
            let Some(token) = token.filter(|t| t.len() != 64) else {
                continue;
            };
            let doc: String = row.try_get("doc")?;
            let mut v: serde_json::Value = serde_json::from_str(&doc)?;
            self.seal_fields(&mut v, what, fields)?;
            sqlx::query(sqlx::AssertSqlSafe(format!(
                "UPDATE {table} SET token = $1, doc = $2 WHERE id = $3"
            )))
            .bind(token_digest(&token))
            .bind(serde_json::to_string(&v)?)
            .bind(&id)
            .execute(&mut *tx)
            .await?;
            tx.commit().await?;
            done += 1;
        }
        Ok(done)
    }

    async fn seal_legacy_webhook_secrets(&self) -> Result<u64> {
        let rows = sqlx::query(
            "SELECT id FROM webhook_endpoints WHERE secret NOT LIKE 'sealed1:%' \
             OR (previous_secret IS NOT NULL AND previous_secret NOT LIKE 'sealed1:%')",
        )
        .fetch_all(&mut *self.write_conn().await?)
        .await?;
        let mut done = 0;
        for r in rows {
            let id: String = r.try_get("id")?;
            let mut tx = self.begin().await?;
            let row = sqlx::query(sqlx::AssertSqlSafe(format!(
                "SELECT secret, previous_secret FROM webhook_endpoints WHERE id = $1{}",
                self.backend.for_update()
            )))
            .bind(&id)
            .fetch_one(&mut *tx)
            .await?;
            let secret: String = row.try_get("secret")?;
            let previous: Option<String> = row.try_get("previous_secret")?;
            let sealer = self.sealer()?;
            let secret = sealer.seal_text(&secret, &context(WEBHOOK_ENDPOINTS, "secret", &id))?;
            let previous = previous
                .map(|p| sealer.seal_text(&p, &context(WEBHOOK_ENDPOINTS, "previous_secret", &id)))
                .transpose()?;
            sqlx::query(
                "UPDATE webhook_endpoints SET secret = $1, previous_secret = $2 WHERE id = $3",
            )
            .bind(secret)
            .bind(previous)
            .bind(&id)
            .execute(&mut *tx)
            .await?;
            tx.commit().await?;
            done += 1;
        }
        Ok(done)
    }

    async fn seal_legacy_idempotent_responses(&self) -> Result<u64> {
        // Only the plain ones are read: this runs at every start.
        let rows = sqlx::query(
            "SELECT tenant_id, mode, key, response_body FROM idempotency_keys WHERE response_body IS NOT NULL AND substr(response_body, 1, 8) <> $1",
        )
        .bind(BYTES_MARK.to_vec())
        .fetch_all(&mut *self.write_conn().await?)
        .await?;
        let mut done = 0;
        for r in rows {
            let body: Vec<u8> = r.try_get("response_body")?;
            if is_sealed_bytes(&body) {
                continue;
            }
            let tenant: String = r.try_get("tenant_id")?;
            let mode: String = r.try_get("mode")?;
            let key: String = r.try_get("key")?;
            let sealed = self
                .sealer()?
                .seal_bytes(&body, &idempotency_context(&tenant, &mode, &key))?;
            // Only if still the same plain body: a record replaced meanwhile is sealed already.
            sqlx::query(
                "UPDATE idempotency_keys SET response_body = $1 WHERE tenant_id = $2 AND mode = $3 AND key = $4 AND response_body = $5",
            )
            .bind(sealed)
            .bind(&tenant)
            .bind(&mode)
            .bind(&key)
            .bind(body)
            .execute(&mut *self.write_conn().await?)
            .await?;
            done += 1;
        }
        Ok(done)
    }
}

/// Associated data of a stored idempotent response: the record's whole key.
pub(crate) fn idempotency_context(tenant: &str, mode: &str, key: &str) -> String {
    format!("{IDEMPOTENT_RESPONSE}:{tenant}:{mode}:{key}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sealed_values_open_only_in_their_place() {
        let s = Sealer::new(&[7u8; 32]);
        let sealed = s.seal_text("whsec_abc", "w.secret:1").unwrap();
        assert!(sealed.starts_with(TEXT_MARK) && !sealed.contains("whsec_abc"));
        assert_eq!(s.open_text(&sealed, "w.secret:1").unwrap(), "whsec_abc");
        assert!(s.open_text(&sealed, "w.secret:2").is_err());
        assert!(
            Sealer::new(&[8u8; 32])
                .open_text(&sealed, "w.secret:1")
                .is_err()
        );
        // Sealing twice is sealing once; a plain value from before reads as it is.
        assert_eq!(s.seal_text(&sealed, "w.secret:1").unwrap(), sealed);
        assert_eq!(s.open_text("plain", "w.secret:1").unwrap(), "plain");
        let b = s.seal_bytes(b"{\"secret\":1}", "i:1").unwrap();
        assert!(is_sealed_bytes(&b));
        assert_eq!(s.open_bytes(&b, "i:1").unwrap(), b"{\"secret\":1}");
        assert_eq!(s.open_bytes(b"{}", "i:1").unwrap(), b"{}");
    }

    #[test]
    fn digests_are_sha256_hex() {
        assert_eq!(token_digest("abc").len(), 64);
        assert_eq!(
            token_digest("abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
    }
}
