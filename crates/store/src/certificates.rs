//! Certificates issued to signers, and their revocation (CRL and OCSP read them).

use crate::{Result, Store, StoreError, Tx};
use sqlx::Row;

/// One issued certificate as recorded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IssuedCertificate {
    /// `live` or `test`.
    pub ca: String,
    /// Serial number, lowercase hex of the INTEGER's content bytes.
    pub serial: String,
    pub subject: String,
    pub tenant_id: String,
    pub document_id: String,
    pub signer_id: String,
    /// Wall-clock Unix milliseconds.
    pub issued_at: i64,
    pub not_after: i64,
    pub revoked_at: Option<i64>,
    pub revocation_reason: Option<String>,
}

/// The associated data of a certificate's sealed subject (it names the signer).
fn subject_context(ca: &str, serial: &str) -> String {
    format!("issued_certificates.subject:{ca}:{serial}")
}

fn from_row(r: &sqlx::any::AnyRow) -> Result<IssuedCertificate> {
    Ok(IssuedCertificate {
        ca: r.try_get("ca")?,
        serial: r.try_get("serial")?,
        subject: r.try_get("subject")?,
        tenant_id: r.try_get("tenant_id")?,
        document_id: r.try_get("document_id")?,
        signer_id: r.try_get("signer_id")?,
        issued_at: r.try_get("issued_at")?,
        not_after: r.try_get("not_after")?,
        revoked_at: r.try_get("revoked_at")?,
        revocation_reason: r.try_get("revocation_reason")?,
    })
}

impl Store {
    /// Certificates from rows, each subject opened (sealed under its document's key, which is
    /// loaded first). A subject that no longer opens reads as empty: revocation status never
    /// depends on it.
    async fn certificates_from_rows(
        &self,
        rows: &[sqlx::any::AnyRow],
    ) -> Result<Vec<IssuedCertificate>> {
        let mut certs = rows.iter().map(from_row).collect::<Result<Vec<_>>>()?;
        let Some(keyring) = &self.keyring else {
            return Ok(certs);
        };
        let subjects: Vec<String> = certs.iter().map(|c| c.subject.clone()).collect();
        keyring
            .load_keys_of(subjects.iter().map(String::as_str))
            .await?;
        for c in &mut certs {
            if crate::keyring::is_sealed_text(&c.subject) {
                c.subject = keyring
                    .open_person_text(&c.subject, &subject_context(&c.ca, &c.serial), None)
                    .unwrap_or_default();
            }
        }
        Ok(certs)
    }

    /// Seals the subjects of certificates recorded before they were sealed (see
    /// [`Store::encrypt_legacy_rows`]).
    pub(crate) async fn encrypt_legacy_certificate_subjects(&self) -> Result<u64> {
        let Some(keyring) = &self.keyring else {
            return Ok(0);
        };
        let mut done = 0;
        loop {
            let rows = sqlx::query(
                "SELECT * FROM issued_certificates WHERE subject NOT LIKE 'enc1:%' LIMIT 500",
            )
            .fetch_all(&self.read)
            .await?;
            if rows.is_empty() {
                break;
            }
            let mut tx = self.begin().await?;
            for cert in rows.iter().map(from_row) {
                let cert = cert?;
                let sealed = keyring
                    .seal_document_text(
                        &cert.tenant_id,
                        &cert.document_id,
                        &subject_context(&cert.ca, &cert.serial),
                        &cert.subject,
                    )
                    .await?;
                done += sqlx::query(
                    "UPDATE issued_certificates SET subject = $1 WHERE ca = $2 AND serial = $3 AND subject = $4",
                )
                .bind(sealed)
                .bind(&cert.ca)
                .bind(&cert.serial)
                .bind(&cert.subject)
                .execute(&mut *tx)
                .await?
                .rows_affected();
            }
            tx.commit().await?;
        }
        Ok(done)
    }

    /// Records a certificate issued for a signature, in the signature's transaction; the
    /// subject (the signer's name) sealed under the document's key.
    pub async fn record_certificate(&self, tx: &mut Tx, cert: &IssuedCertificate) -> Result<()> {
        let subject = match &self.keyring {
            Some(keyring) => {
                keyring
                    .seal_document_text(
                        &cert.tenant_id,
                        &cert.document_id,
                        &subject_context(&cert.ca, &cert.serial),
                        &cert.subject,
                    )
                    .await?
            }
            None => cert.subject.clone(),
        };
        sqlx::query(
            "INSERT INTO issued_certificates (ca, serial, subject, tenant_id, document_id, \
             signer_id, issued_at, not_after, revoked_at, revocation_reason) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, NULL, NULL)",
        )
        .bind(&cert.ca)
        .bind(&cert.serial)
        .bind(&subject)
        .bind(&cert.tenant_id)
        .bind(&cert.document_id)
        .bind(&cert.signer_id)
        .bind(cert.issued_at)
        .bind(cert.not_after)
        .execute(&mut **tx)
        .await
        .map_err(|e| StoreError::on_constraint(e, "certificate serial"))?;
        Ok(())
    }

    /// The certificate `serial` of CA `ca`, if Signet issued it to a signer.
    pub async fn issued_certificate(
        &self,
        ca: &str,
        serial: &str,
    ) -> Result<Option<IssuedCertificate>> {
        let row = sqlx::query("SELECT * FROM issued_certificates WHERE ca = $1 AND serial = $2")
            .bind(ca)
            .bind(serial)
            .fetch_optional(&self.read)
            .await?;
        Ok(self.certificates_from_rows(row.as_slice()).await?.pop())
    }

    /// The certificates issued to a signer (normally one).
    pub async fn certificates_of_signer(
        &self,
        tx: &mut Tx,
        signer_id: &str,
    ) -> Result<Vec<IssuedCertificate>> {
        let rows = sqlx::query(
            "SELECT * FROM issued_certificates WHERE signer_id = $1 ORDER BY issued_at",
        )
        .bind(signer_id)
        .fetch_all(&mut **tx)
        .await?;
        self.certificates_from_rows(&rows).await
    }

    /// The unrevoked certificates issued to signers of `person` (any document of the tenant)
    /// from `from` up to, not including, `until` (wall-clock Unix milliseconds): those an
    /// identification of that span grounded.
    pub async fn unrevoked_certificates_of_person(
        &self,
        tx: &mut Tx,
        tenant: &str,
        person: &str,
        from: i64,
        until: i64,
    ) -> Result<Vec<IssuedCertificate>> {
        let rows = sqlx::query(
            "SELECT c.* FROM issued_certificates c JOIN signers s ON s.id = c.signer_id \
             WHERE s.tenant_id = $1 AND s.person_id = $2 AND c.tenant_id = $1 \
             AND c.issued_at >= $3 AND c.issued_at < $4 AND c.revoked_at IS NULL \
             ORDER BY c.issued_at, c.serial",
        )
        .bind(tenant)
        .bind(person)
        .bind(from)
        .bind(until)
        .fetch_all(&mut **tx)
        .await?;
        self.certificates_from_rows(&rows).await
    }

    /// Revokes a certificate unless it is revoked already; returns whether this call did.
    pub async fn revoke_certificate(
        &self,
        tx: &mut Tx,
        ca: &str,
        serial: &str,
        reason: &str,
        at: i64,
    ) -> Result<bool> {
        let done = sqlx::query(
            "UPDATE issued_certificates SET revoked_at = $1, revocation_reason = $2 \
             WHERE ca = $3 AND serial = $4 AND revoked_at IS NULL",
        )
        .bind(at)
        .bind(reason)
        .bind(ca)
        .bind(serial)
        .execute(&mut **tx)
        .await?;
        Ok(done.rows_affected() == 1)
    }

    /// Revoked certificates of CA `ca` that have not expired by `now` (an expired
    /// certificate may leave the CRL, RFC 5280 §3.3), oldest revocation first.
    pub async fn revoked_certificates(&self, ca: &str, now: i64) -> Result<Vec<IssuedCertificate>> {
        let rows = sqlx::query(
            "SELECT * FROM issued_certificates WHERE ca = $1 AND revoked_at IS NOT NULL \
             AND not_after > $2 ORDER BY revoked_at, serial",
        )
        .bind(ca)
        .bind(now)
        .fetch_all(&self.read)
        .await?;
        self.certificates_from_rows(&rows).await
    }
}

impl Store {
    /// Replaces the sealed trust store `id` if it still holds `old` (a store that gained its
    /// OCSP responder); returns the one kept, so processes that raced agree on one.
    pub async fn replace_trust_store(&self, id: &str, old: &str, new: &str) -> Result<String> {
        sqlx::query("UPDATE trust_store SET sealed = $1 WHERE id = $2 AND sealed = $3")
            .bind(new)
            .bind(id)
            .bind(old)
            .execute(&mut *self.write_conn().await?)
            .await?;
        let row = sqlx::query("SELECT sealed FROM trust_store WHERE id = $1")
            .bind(id)
            .fetch_one(&mut *self.write_conn().await?)
            .await?;
        Ok(row.try_get("sealed")?)
    }
}
