//! Documents, signers, the hash-chained audit trail and the installation's trust store.

use crate::{Mode, Result, Store, StoreError, Tx};
use signet_core::ids::{DocumentId, PersonId, SignerId, TenantId};
use signet_core::signing::{Document, Signer, Workflow};

/// The job kind of a document's workflow timers (the app's `signing::JOB_SIGNING_TIMER`).
const JOB_SIGNING_TIMER: &str = "signing_timer";
/// The job kind of a document's reminders (the app's `signers::JOB_REMINDER`).
pub const JOB_DOCUMENT_REMINDER: &str = "document_reminder";
use signet_core::time::{Timestamp, from_millis, to_millis};
use sqlx::Row;
use sqlx::any::AnyRow;

/// One audit entry as stored. `hash` = SHA-256(`prev_hash` ‖ canonical content); the caller
/// computes it (see the server's audit module), the store keeps the chain in order.
#[derive(Debug, Clone, PartialEq)]
pub struct AuditRow {
    pub seq: i64,
    pub at: Timestamp,
    pub action: String,
    pub actor: String,
    pub signer_id: Option<String>,
    pub ip: Option<String>,
    pub user_agent: Option<String>,
    pub document_sha256: String,
    pub details: serde_json::Value,
    pub prev_hash: String,
    pub hash: String,
}

fn document_from_row(row: &AnyRow) -> Result<(Document, Mode)> {
    let doc: String = row.try_get("doc")?;
    let mode: String = row.try_get("mode")?;
    Ok((
        serde_json::from_str(&doc)?,
        Mode::parse(&mode).ok_or_else(|| StoreError::Corrupt("mode".into()))?,
    ))
}

/// An audit entry's columns sealed under the document's data key: what it says about people
/// (the details, the signer's address and browser). The hash chain covers them in the clear.
const AUDIT_SEALED_COLUMNS: [&str; 3] = ["details", "ip", "user_agent"];

fn audit_context(column: &str, document: &str, seq: i64) -> String {
    format!("document_audit.{column}:{document}:{seq}")
}

impl Store {
    /// An audit row whose sealed columns' keys are loaded ([`Store::audit_trail`]).
    fn audit_from_row(&self, document: &str, row: &AnyRow) -> Result<AuditRow> {
        let seq: i64 = row.try_get("seq")?;
        let open = |column: &str, stored: Option<String>| -> Result<Option<String>> {
            let Some(stored) = stored else {
                return Ok(None);
            };
            if !crate::keyring::is_sealed_text(&stored) {
                return Ok(Some(stored));
            }
            let keyring = self.keyring.as_ref().ok_or_else(|| {
                StoreError::Corrupt("an audit entry is encrypted and no keyring is open".into())
            })?;
            keyring
                .open_person_text(&stored, &audit_context(column, document, seq), None)
                .map(Some)
        };
        let details = open("details", row.try_get("details")?)?.unwrap_or_default();
        Ok(AuditRow {
            seq,
            at: from_millis(row.try_get("at")?),
            action: row.try_get("action")?,
            actor: row.try_get("actor")?,
            signer_id: row.try_get("signer_id")?,
            ip: open("ip", row.try_get("ip")?)?,
            user_agent: open("user_agent", row.try_get("user_agent")?)?,
            document_sha256: row.try_get("document_sha256")?,
            details: serde_json::from_str(&details)?,
            prev_hash: row.try_get("prev_hash")?,
            hash: row.try_get("hash")?,
        })
    }

    /// Seals an audit column under the document's data key (the tenant read from the
    /// document's row, which the caller's transaction holds).
    async fn seal_audit_column(
        &self,
        tenant: &str,
        document: &DocumentId,
        seq: i64,
        column: &str,
        plain: Option<String>,
    ) -> Result<Option<String>> {
        match (&self.keyring, plain) {
            (Some(keyring), Some(plain)) => Ok(Some(
                keyring
                    .seal_document_text(
                        tenant,
                        document.as_str(),
                        &audit_context(column, document.as_str(), seq),
                        &plain,
                    )
                    .await?,
            )),
            (_, plain) => Ok(plain),
        }
    }
}

/// The conflict a taken document number raises (`StoreError::Conflict`'s text).
pub const DOCUMENT_NUMBER_TAKEN: &str = "document number taken";

/// What is left of a deleted document: whose it was, and when and by whom it went.
#[derive(Debug, Clone, PartialEq)]
pub struct Tombstone {
    pub document_id: DocumentId,
    pub number: Option<String>,
    pub deleted_at: Timestamp,
    pub deleted_by: String,
}

/// A signer's personal fields, sealed one by one under the document's data key (the signer's
/// name, email and phone live as long as the document does, as evidence for every signer).
const SIGNER_PERSONAL_FIELDS: &[&str] =
    &["name", "email", "phone", "message", "certificate_subject"];

impl Store {
    /// A signer's `doc` column: its link token sealed (the installation's secret key) and,
    /// with a keyring, its personal fields sealed under the document's data key.
    pub(crate) async fn seal_signer(&self, tenant: &TenantId, s: &Signer) -> Result<String> {
        let mut v = serde_json::to_value(s)?;
        self.seal_fields(
            &mut v,
            crate::sealed::SIGNER_DOC,
            crate::sealed::SIGNER_SECRET_FIELDS,
        )?;
        if let Some(keyring) = &self.keyring {
            for field in SIGNER_PERSONAL_FIELDS {
                if let Some(serde_json::Value::String(text)) = v.get_mut(*field) {
                    *text = keyring
                        .seal_document_text(
                            tenant.as_str(),
                            s.document_id.as_str(),
                            &signer_field_context(field, s.id.as_str()),
                            text,
                        )
                        .await?;
                }
            }
        }
        Ok(serde_json::to_string(&v)?)
    }

    /// Loads the data keys the `doc` columns of these signers' rows name, so that
    /// [`Store::open_signer`] opens them without I/O.
    pub(crate) async fn load_signer_keys(&self, docs: &[String]) -> Result<()> {
        if let Some(keyring) = &self.keyring {
            for doc in docs {
                keyring.load_keys_within(doc).await?;
            }
        }
        Ok(())
    }

    /// A signer from its `doc` column (keys loaded by [`Store::load_signer_keys`]), the link
    /// token and personal fields opened.
    pub(crate) fn open_signer(&self, doc: &str) -> Result<Signer> {
        let mut v: serde_json::Value = serde_json::from_str(doc)?;
        let id = v
            .get("id")
            .and_then(|i| i.as_str())
            .unwrap_or_default()
            .to_owned();
        for field in SIGNER_PERSONAL_FIELDS {
            if let Some(serde_json::Value::String(text)) = v.get_mut(*field)
                && crate::keyring::is_sealed_text(text)
            {
                let keyring = self.keyring.as_ref().ok_or_else(|| {
                    StoreError::Corrupt(
                        "a signer's data is encrypted and no keyring is open".into(),
                    )
                })?;
                *text = keyring.open_person_text(text, &signer_field_context(field, &id), None)?;
            }
        }
        self.open_fields(
            v,
            crate::sealed::SIGNER_DOC,
            crate::sealed::SIGNER_SECRET_FIELDS,
        )
    }

    /// Seals the personal fields of signers stored before they were sealed (see
    /// [`Store::encrypt_legacy_rows`]), a batch per transaction, each row rewritten only if
    /// it is still as read.
    pub(crate) async fn encrypt_legacy_signers(&self) -> Result<u64> {
        let mut done = 0;
        loop {
            // A sealed name is the mark of a sealed signer (serde writes no spaces).
            let rows = sqlx::query(
                "SELECT id, tenant_id, doc FROM signers WHERE doc NOT LIKE '%\"name\":\"enc1:%' LIMIT 200",
            )
            .fetch_all(&self.read)
            .await?;
            if rows.is_empty() {
                break;
            }
            let mut tx = self.begin().await?;
            let mut rewritten = 0;
            for row in &rows {
                let tenant: String = row.try_get("tenant_id")?;
                let tenant = TenantId::parse(&tenant)
                    .ok_or_else(|| StoreError::Corrupt("signer tenant".into()))?;
                let old: String = row.try_get("doc")?;
                let signer = self.open_signer(&old)?;
                rewritten += sqlx::query("UPDATE signers SET doc = $1 WHERE id = $2 AND doc = $3")
                    .bind(self.seal_signer(&tenant, &signer).await?)
                    .bind(signer.id.as_str())
                    .bind(&old)
                    .execute(&mut *tx)
                    .await?
                    .rows_affected();
            }
            tx.commit().await?;
            done += rewritten;
        }
        Ok(done)
    }

    /// Seals the audit entries stored before they were sealed (see
    /// [`Store::encrypt_legacy_rows`]); the chain's hashes, over the clear text, stay.
    pub(crate) async fn encrypt_legacy_audit(&self) -> Result<u64> {
        let mut done = 0;
        loop {
            let rows = sqlx::query(
                "SELECT a.document_id, a.seq, a.details, a.ip, a.user_agent, d.tenant_id FROM document_audit a \
                 JOIN documents d ON d.id = a.document_id WHERE a.details NOT LIKE 'enc1:%' LIMIT 500",
            )
            .fetch_all(&self.read)
            .await?;
            if rows.is_empty() {
                break;
            }
            let mut tx = self.begin().await?;
            for row in &rows {
                let tenant: String = row.try_get("tenant_id")?;
                let document: String = row.try_get("document_id")?;
                let id = DocumentId::parse(&document)
                    .ok_or_else(|| StoreError::Corrupt("audit document id".into()))?;
                let seq: i64 = row.try_get("seq")?;
                let old: String = row.try_get("details")?;
                let [c_details, c_ip, c_agent] = AUDIT_SEALED_COLUMNS;
                let details = self
                    .seal_audit_column(&tenant, &id, seq, c_details, Some(old.clone()))
                    .await?;
                let ip = self
                    .seal_audit_column(&tenant, &id, seq, c_ip, row.try_get("ip")?)
                    .await?;
                let agent = self
                    .seal_audit_column(&tenant, &id, seq, c_agent, row.try_get("user_agent")?)
                    .await?;
                done += sqlx::query(
                    "UPDATE document_audit SET details = $1, ip = $2, user_agent = $3 \
                     WHERE document_id = $4 AND seq = $5 AND details = $6",
                )
                .bind(details)
                .bind(ip)
                .bind(agent)
                .bind(&document)
                .bind(seq)
                .bind(&old)
                .execute(&mut *tx)
                .await?
                .rows_affected();
            }
            tx.commit().await?;
        }
        Ok(done)
    }

    async fn signers_from_rows(&self, rows: &[AnyRow]) -> Result<Vec<Signer>> {
        let docs: Vec<String> = rows
            .iter()
            .map(|r| r.try_get::<String, _>("doc"))
            .collect::<std::result::Result<_, _>>()?;
        self.load_signer_keys(&docs).await?;
        docs.iter().map(|d| self.open_signer(d)).collect()
    }

    /// Stores a new workflow: the document, its tags and its signers.
    pub async fn insert_workflow(
        &self,
        tx: &mut Tx,
        tenant: &TenantId,
        mode: Mode,
        wf: &Workflow,
    ) -> Result<()> {
        let d = &wf.document;
        sqlx::query(
            "INSERT INTO documents (id, tenant_id, mode, status, doc, created_at, updated_at, number) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
        )
        .bind(d.id.as_str())
        .bind(tenant.as_str())
        .bind(mode.as_str())
        .bind(d.status.as_str())
        .bind(serde_json::to_string(d)?)
        .bind(to_millis(&d.created_at))
        .bind(to_millis(&d.updated_at))
        .bind(d.number.clone())
        .execute(&mut **tx)
        .await
        // The id is 128 random bits: the unique index a new document can hit is the number's.
        .map_err(|e| StoreError::on_constraint(e, DOCUMENT_NUMBER_TAKEN))?;
        for tag in &d.tags {
            sqlx::query(
                "INSERT INTO document_tags (document_id, tag) VALUES ($1, $2) ON CONFLICT DO NOTHING",
            )
            .bind(d.id.as_str())
            .bind(tag)
            .execute(&mut **tx)
            .await?;
        }
        for s in &wf.signers {
            sqlx::query(
                "INSERT INTO signers (id, tenant_id, document_id, position, token, person_id, status, doc) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
            )
            .bind(s.id.as_str())
            .bind(tenant.as_str())
            .bind(d.id.as_str())
            .bind(i64::from(s.position))
            // The link token is looked up by digest and kept only sealed in the document.
            .bind(crate::sealed::token_digest(&s.token))
            .bind(s.person_id.as_ref().map(|p| p.as_str().to_owned()))
            .bind(s.status.as_str())
            .bind(self.seal_signer(tenant, s).await?)
            .execute(&mut **tx)
            .await
            .map_err(|e| StoreError::on_constraint(e, "token collision"))?;
        }
        Ok(())
    }

    /// Saves a workflow after a transition (the document and every signer).
    pub async fn update_workflow(
        &self,
        tx: &mut Tx,
        tenant: &TenantId,
        wf: &Workflow,
    ) -> Result<()> {
        let d = &wf.document;
        let done = sqlx::query(
            "UPDATE documents SET status = $1, doc = $2, updated_at = $3 WHERE id = $4 AND tenant_id = $5",
        )
        .bind(d.status.as_str())
        .bind(serde_json::to_string(d)?)
        .bind(to_millis(&d.updated_at))
        .bind(d.id.as_str())
        .bind(tenant.as_str())
        .execute(&mut **tx)
        .await?;
        if done.rows_affected() == 0 {
            return Err(StoreError::NotFound);
        }
        for s in &wf.signers {
            sqlx::query("UPDATE signers SET status = $1, doc = $2 WHERE id = $3")
                .bind(s.status.as_str())
                .bind(self.seal_signer(tenant, s).await?)
                .bind(s.id.as_str())
                .execute(&mut **tx)
                .await?;
        }
        Ok(())
    }

    async fn signers_of(
        &self,
        conn: &mut sqlx::AnyConnection,
        id: &DocumentId,
    ) -> Result<Vec<Signer>> {
        let rows = sqlx::query("SELECT doc FROM signers WHERE document_id = $1 ORDER BY position")
            .bind(id.as_str())
            .fetch_all(conn)
            .await?;
        self.signers_from_rows(&rows).await
    }

    /// Locks a document (and so its signers: every signer change goes through it).
    pub async fn workflow_for_update(
        &self,
        tx: &mut Tx,
        tenant: &TenantId,
        id: &DocumentId,
    ) -> Result<(Workflow, Mode)> {
        let row = sqlx::query(sqlx::AssertSqlSafe(format!(
            "SELECT doc, mode FROM documents WHERE id = $1 AND tenant_id = $2{}",
            self.backend.for_update()
        )))
        .bind(id.as_str())
        .bind(tenant.as_str())
        .fetch_optional(&mut **tx)
        .await?
        .ok_or(StoreError::NotFound)?;
        let (document, mode) = document_from_row(&row)?;
        let signers = self.signers_of(tx, id).await?;
        Ok((Workflow { document, signers }, mode))
    }

    pub async fn workflow(
        &self,
        tenant: &TenantId,
        mode: Mode,
        id: &DocumentId,
    ) -> Result<Workflow> {
        let mut conn = self.read.acquire().await?;
        let row = sqlx::query(
            "SELECT doc, mode FROM documents WHERE id = $1 AND tenant_id = $2 AND mode = $3",
        )
        .bind(id.as_str())
        .bind(tenant.as_str())
        .bind(mode.as_str())
        .fetch_optional(&mut *conn)
        .await?
        .ok_or(StoreError::NotFound)?;
        let (document, _) = document_from_row(&row)?;
        let signers = self.signers_of(&mut conn, id).await?;
        Ok(Workflow { document, signers })
    }

    /// The document and signer a hosted-page token opens, with the tenant and mode.
    pub async fn signer_by_token(
        &self,
        token: &str,
    ) -> Result<(TenantId, Mode, DocumentId, SignerId)> {
        let row = sqlx::query(
            "SELECT s.tenant_id, s.document_id, s.id, d.mode FROM signers s JOIN documents d ON d.id = s.document_id WHERE s.token = $1",
        )
        .bind(crate::sealed::token_digest(token))
        .fetch_optional(&self.read)
        .await?
        .ok_or(StoreError::NotFound)?;
        let corrupt = |w: &str| StoreError::Corrupt(w.into());
        let tenant: String = row.try_get("tenant_id")?;
        let doc: String = row.try_get("document_id")?;
        let signer: String = row.try_get("id")?;
        let mode: String = row.try_get("mode")?;
        Ok((
            TenantId::parse(&tenant).ok_or_else(|| corrupt("tenant id"))?,
            Mode::parse(&mode).ok_or_else(|| corrupt("mode"))?,
            DocumentId::parse(&doc).ok_or_else(|| corrupt("document id"))?,
            SignerId::parse(&signer).ok_or_else(|| corrupt("signer id"))?,
        ))
    }

    /// Documents newest first, optionally by status, tag and number.
    #[allow(clippy::too_many_arguments)]
    pub async fn list_documents(
        &self,
        tenant: &TenantId,
        mode: Mode,
        status: Option<&str>,
        tag: Option<&str>,
        number: Option<&str>,
        page: u32,
        size: u32,
    ) -> Result<Vec<Workflow>> {
        // $1 to $4 are fixed; each filter given takes the next placeholder, in this order.
        let mut next = 4;
        let mut param = || {
            next += 1;
            format!("${next}")
        };
        let mut sql = String::from("SELECT d.doc, d.mode FROM documents d");
        if tag.is_some() {
            sql.push_str(&format!(
                " JOIN document_tags t ON t.document_id = d.id AND t.tag = {}",
                param()
            ));
        }
        sql.push_str(" WHERE d.tenant_id = $1 AND d.mode = $2");
        if status.is_some() {
            sql.push_str(&format!(" AND d.status = {}", param()));
        }
        if number.is_some() {
            sql.push_str(&format!(" AND d.number = {}", param()));
        }
        sql.push_str(" ORDER BY d.created_at DESC, d.id DESC LIMIT $3 OFFSET $4");
        let mut q = sqlx::query(sqlx::AssertSqlSafe(sql))
            .bind(tenant.as_str())
            .bind(mode.as_str())
            .bind(i64::from(size))
            .bind(i64::from(page.saturating_sub(1)) * i64::from(size));
        for v in [tag, status, number].into_iter().flatten() {
            q = q.bind(v.to_owned());
        }
        let mut conn = self.read.acquire().await?;
        let rows = q.fetch_all(&mut *conn).await?;
        let mut out = Vec::with_capacity(rows.len());
        for row in &rows {
            let (document, _) = document_from_row(row)?;
            let signers = self.signers_of(&mut conn, &document.id).await?;
            out.push(Workflow { document, signers });
        }
        Ok(out)
    }

    /// Whether a document of the tenant in this mode has `number` (the insert's unique index
    /// decides in the end; this spares storing a file for a request that cannot succeed).
    pub async fn document_number_taken(
        &self,
        tenant: &TenantId,
        mode: Mode,
        number: &str,
    ) -> Result<bool> {
        let row = sqlx::query(
            "SELECT 1 FROM documents WHERE tenant_id = $1 AND mode = $2 AND number = $3",
        )
        .bind(tenant.as_str())
        .bind(mode.as_str())
        .bind(number)
        .fetch_optional(&self.read)
        .await?;
        Ok(row.is_some())
    }

    /// The reminders a new document of the tenant in this mode gets when its request names
    /// none (`None`: none).
    pub async fn reminder_default(
        &self,
        tenant: &TenantId,
        mode: Mode,
    ) -> Result<Option<signet_core::signing::Reminders>> {
        let row = sqlx::query(
            "SELECT reminders FROM tenant_document_settings WHERE tenant_id = $1 AND mode = $2",
        )
        .bind(tenant.as_str())
        .bind(mode.as_str())
        .fetch_optional(&self.read)
        .await?;
        let Some(row) = row else {
            return Ok(None);
        };
        let json: Option<String> = row.try_get("reminders")?;
        json.map(|j| Ok(serde_json::from_str(&j)?)).transpose()
    }

    /// Sets the tenant's default reminders in this mode (`None`: none).
    pub async fn set_reminder_default(
        &self,
        tenant: &TenantId,
        mode: Mode,
        reminders: Option<signet_core::signing::Reminders>,
        now: Timestamp,
    ) -> Result<()> {
        let json = reminders.map(|r| serde_json::to_string(&r)).transpose()?;
        sqlx::query(
            "INSERT INTO tenant_document_settings (tenant_id, mode, reminders, updated_at) VALUES ($1, $2, $3, $4) \
             ON CONFLICT (tenant_id, mode) DO UPDATE SET reminders = excluded.reminders, updated_at = excluded.updated_at",
        )
        .bind(tenant.as_str())
        .bind(mode.as_str())
        .bind(json)
        .bind(to_millis(&now))
        .execute(&mut *self.write_conn().await?)
        .await?;
        Ok(())
    }

    /// Whether the tenant requires a signature picture on approval in this mode.
    pub async fn signature_picture_required(&self, tenant: &TenantId, mode: Mode) -> Result<bool> {
        let row = sqlx::query(
            "SELECT require_signature_picture FROM tenant_document_settings WHERE tenant_id = $1 AND mode = $2",
        )
        .bind(tenant.as_str())
        .bind(mode.as_str())
        .fetch_optional(&self.read)
        .await?;
        Ok(match row {
            Some(row) => row.try_get::<i64, _>("require_signature_picture")? != 0,
            None => false,
        })
    }

    /// Sets whether the tenant requires a signature picture on approval in this mode.
    pub async fn set_signature_picture_required(
        &self,
        tenant: &TenantId,
        mode: Mode,
        required: bool,
        now: Timestamp,
    ) -> Result<()> {
        sqlx::query(
            "INSERT INTO tenant_document_settings (tenant_id, mode, reminders, require_signature_picture, updated_at) VALUES ($1, $2, NULL, $3, $4) \
             ON CONFLICT (tenant_id, mode) DO UPDATE SET require_signature_picture = excluded.require_signature_picture, updated_at = excluded.updated_at",
        )
        .bind(tenant.as_str())
        .bind(mode.as_str())
        .bind(i64::from(required))
        .bind(to_millis(&now))
        .execute(&mut *self.write_conn().await?)
        .await?;
        Ok(())
    }

    /// Deletes a document locked in `tx` ([`Store::workflow_for_update`]): its signers (and
    /// so their link tokens and one-time codes), fields and their values, tags, pending
    /// workflow timers and row, and leaves a tombstone (pending reminders go too). The audit trail stays; the caller has closed it with the deletion's
    /// entry. The files are the caller's to delete once this commits.
    pub async fn delete_workflow(
        &self,
        tx: &mut Tx,
        tenant: &TenantId,
        mode: Mode,
        document: &Document,
        deleted_by: &str,
        now: Timestamp,
    ) -> Result<()> {
        let id = document.id.as_str();
        // Timers carry the document's id in their JSON payload; ids are random and unique,
        // so the quoted id matches this document's timers only.
        sqlx::query(
            "DELETE FROM jobs WHERE tenant_id = $1 AND kind IN ($2, $3) AND payload LIKE $4",
        )
        .bind(tenant.as_str())
        .bind(JOB_SIGNING_TIMER)
        .bind(JOB_DOCUMENT_REMINDER)
        .bind(format!("%\"{id}\"%"))
        .execute(&mut **tx)
        .await?;
        for sql in [
            "DELETE FROM signers WHERE document_id = $1",
            "DELETE FROM document_tags WHERE document_id = $1",
            "DELETE FROM document_fields WHERE document_id = $1",
        ] {
            sqlx::query(sql).bind(id).execute(&mut **tx).await?;
        }
        let done = sqlx::query("DELETE FROM documents WHERE id = $1 AND tenant_id = $2")
            .bind(id)
            .bind(tenant.as_str())
            .execute(&mut **tx)
            .await?;
        if done.rows_affected() == 0 {
            return Err(StoreError::NotFound);
        }
        sqlx::query(
            "INSERT INTO document_tombstones (document_id, tenant_id, mode, number, deleted_at, deleted_by) VALUES ($1, $2, $3, $4, $5, $6)",
        )
        .bind(id)
        .bind(tenant.as_str())
        .bind(mode.as_str())
        .bind(document.number.clone())
        .bind(to_millis(&now))
        .bind(deleted_by)
        .execute(&mut **tx)
        .await?;
        Ok(())
    }

    /// The tombstone of a document of the tenant deleted in this mode, if it was.
    pub async fn tombstone(
        &self,
        tenant: &TenantId,
        mode: Mode,
        id: &DocumentId,
    ) -> Result<Option<Tombstone>> {
        let row = sqlx::query(
            "SELECT number, deleted_at, deleted_by FROM document_tombstones WHERE document_id = $1 AND tenant_id = $2 AND mode = $3",
        )
        .bind(id.as_str())
        .bind(tenant.as_str())
        .bind(mode.as_str())
        .fetch_optional(&self.read)
        .await?;
        row.map(|r| {
            Ok(Tombstone {
                document_id: id.clone(),
                number: r.try_get("number")?,
                deleted_at: from_millis(r.try_get("deleted_at")?),
                deleted_by: r.try_get("deleted_by")?,
            })
        })
        .transpose()
    }

    /// Documents with a signer of this person in one of `statuses` (for hooks that follow an
    /// identification or a screening).
    pub async fn documents_with_signer_of(
        &self,
        tx: &mut Tx,
        tenant: &TenantId,
        person: &PersonId,
        statuses: &[&str],
    ) -> Result<Vec<DocumentId>> {
        let rows = sqlx::query(
            "SELECT DISTINCT document_id, status FROM signers WHERE tenant_id = $1 AND person_id = $2",
        )
        .bind(tenant.as_str())
        .bind(person.as_str())
        .fetch_all(&mut **tx)
        .await?;
        let mut out = Vec::new();
        for r in rows {
            let status: String = r.try_get("status")?;
            if statuses.contains(&status.as_str()) {
                let id: String = r.try_get("document_id")?;
                let id = DocumentId::parse(&id)
                    .ok_or_else(|| StoreError::Corrupt("document id".into()))?;
                if !out.contains(&id) {
                    out.push(id);
                }
            }
        }
        Ok(out)
    }

    /// The newest audit entry's sequence number and hash, if any (read under the document's
    /// lock, so the next entry chains onto it).
    pub async fn audit_head(&self, tx: &mut Tx, id: &DocumentId) -> Result<Option<(i64, String)>> {
        let row = sqlx::query(
            "SELECT seq, hash FROM document_audit WHERE document_id = $1 ORDER BY seq DESC LIMIT 1",
        )
        .bind(id.as_str())
        .fetch_optional(&mut **tx)
        .await?;
        row.map(|r| Ok((r.try_get("seq")?, r.try_get("hash")?)))
            .transpose()
    }

    /// When `action` was last recorded for a signer of the document (read under the
    /// document's lock, so two concurrent requests cannot both decide it is due).
    pub async fn last_audit_at(
        &self,
        tx: &mut Tx,
        id: &DocumentId,
        action: &str,
        signer_id: &str,
    ) -> Result<Option<Timestamp>> {
        let row = sqlx::query(
            "SELECT at FROM document_audit WHERE document_id = $1 AND action = $2 AND signer_id = $3 ORDER BY seq DESC LIMIT 1",
        )
        .bind(id.as_str())
        .bind(action)
        .bind(signer_id)
        .fetch_optional(&mut **tx)
        .await?;
        row.map(|r| Ok(from_millis(r.try_get("at")?))).transpose()
    }

    /// How many times `action` was recorded for a signer of the document (read under the
    /// document's lock).
    pub async fn audit_count(
        &self,
        tx: &mut Tx,
        id: &DocumentId,
        action: &str,
        signer_id: &str,
    ) -> Result<i64> {
        let row = sqlx::query(
            "SELECT COUNT(*) AS n FROM document_audit WHERE document_id = $1 AND action = $2 AND signer_id = $3",
        )
        .bind(id.as_str())
        .bind(action)
        .bind(signer_id)
        .fetch_one(&mut **tx)
        .await?;
        Ok(row.try_get("n")?)
    }

    pub async fn insert_audit(&self, tx: &mut Tx, id: &DocumentId, e: &AuditRow) -> Result<()> {
        let (details, ip, user_agent) = if self.keyring.is_some() {
            let tenant: String = sqlx::query("SELECT tenant_id FROM documents WHERE id = $1")
                .bind(id.as_str())
                .fetch_optional(&mut **tx)
                .await?
                .ok_or(StoreError::NotFound)?
                .try_get("tenant_id")?;
            let [c_details, c_ip, c_agent] = AUDIT_SEALED_COLUMNS;
            (
                self.seal_audit_column(
                    &tenant,
                    id,
                    e.seq,
                    c_details,
                    Some(serde_json::to_string(&e.details)?),
                )
                .await?
                .unwrap_or_default(),
                self.seal_audit_column(&tenant, id, e.seq, c_ip, e.ip.clone())
                    .await?,
                self.seal_audit_column(&tenant, id, e.seq, c_agent, e.user_agent.clone())
                    .await?,
            )
        } else {
            (
                serde_json::to_string(&e.details)?,
                e.ip.clone(),
                e.user_agent.clone(),
            )
        };
        sqlx::query(
            "INSERT INTO document_audit (document_id, seq, at, action, actor, signer_id, ip, user_agent, document_sha256, details, prev_hash, hash) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)",
        )
        .bind(id.as_str())
        .bind(e.seq)
        .bind(to_millis(&e.at))
        .bind(e.action.clone())
        .bind(e.actor.clone())
        .bind(e.signer_id.clone())
        .bind(ip)
        .bind(user_agent)
        .bind(e.document_sha256.clone())
        .bind(details)
        .bind(e.prev_hash.clone())
        .bind(e.hash.clone())
        .execute(&mut **tx)
        .await
        .map_err(|e| StoreError::on_constraint(e, "audit sequence"))?;
        Ok(())
    }

    pub async fn audit_trail(&self, id: &DocumentId) -> Result<Vec<AuditRow>> {
        let rows = sqlx::query("SELECT * FROM document_audit WHERE document_id = $1 ORDER BY seq")
            .bind(id.as_str())
            .fetch_all(&self.read)
            .await?;
        if let Some(keyring) = &self.keyring {
            let mut sealed = Vec::new();
            for row in &rows {
                for column in AUDIT_SEALED_COLUMNS {
                    if let Some(text) = row.try_get::<Option<String>, _>(column)? {
                        sealed.push(text);
                    }
                }
            }
            keyring
                .load_keys_of(sealed.iter().map(String::as_str))
                .await?;
        }
        rows.iter()
            .map(|r| self.audit_from_row(id.as_str(), r))
            .collect()
    }

    /// The sealed trust store `id` (`default` is the live one, `test` the test-mode one), if
    /// one was created.
    pub async fn trust_store(&self, id: &str) -> Result<Option<String>> {
        let row = sqlx::query("SELECT sealed FROM trust_store WHERE id = $1")
            .bind(id)
            .fetch_optional(&self.read)
            .await?;
        row.map(|r| Ok(r.try_get("sealed")?)).transpose()
    }

    /// Stores a sealed trust store unless another process stored one first; returns the one
    /// that is kept, so every process of an installation signs under the same root.
    pub async fn insert_trust_store(
        &self,
        id: &str,
        sealed: &str,
        now: Timestamp,
    ) -> Result<String> {
        sqlx::query(
            "INSERT INTO trust_store (id, sealed, created_at) VALUES ($1, $2, $3) ON CONFLICT (id) DO NOTHING",
        )
        .bind(id)
        .bind(sealed)
        .bind(to_millis(&now))
        .execute(&mut *self.write_conn().await?)
        .await?;
        let row = sqlx::query("SELECT sealed FROM trust_store WHERE id = $1")
            .bind(id)
            .fetch_one(&mut *self.write_conn().await?)
            .await?;
        Ok(row.try_get("sealed")?)
    }
}

impl Store {
    /// Runs a statement as is. Signet never calls this: tests use it to play an attacker who
    /// edits the database behind Signet's back (e.g. an audit entry).
    #[doc(hidden)]
    pub async fn raw_execute(&self, sql: &str) -> Result<()> {
        sqlx::raw_sql(sqlx::AssertSqlSafe(sql.to_owned()))
            .execute(&mut *self.write_conn().await?)
            .await?;
        Ok(())
    }
}

/// The associated data of a signer's sealed field (with the tenant, added by the keyring).
fn signer_field_context(field: &str, signer: &str) -> String {
    crate::sealed::context(crate::sealed::SIGNER_DOC, field, signer)
}
