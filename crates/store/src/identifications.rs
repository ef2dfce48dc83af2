//! Identifications and their attempts.

use crate::{Mode, Result, Store, StoreError, Tx};
use signet_core::identification::{Attempt, AttemptStatus, Identification};
use signet_core::ids::{AttemptId, IdentificationId, PersonId, TenantId};
use signet_core::time::{from_millis, to_millis};
use sqlx::Row;
use sqlx::any::AnyRow;

/// Table and field of an identification's data as sealed (associated data, with its id).
const IDENTIFICATION_DOC: &str = "identifications.doc";

impl Store {
    /// An identification's `doc` column: the link token and the URL holding it sealed, and with
    /// a keyring the whole of it (document numbers, the zone, extracted data) sealed under the
    /// person's data key.
    async fn seal_identification(
        &self,
        tenant: &TenantId,
        ident: &Identification,
    ) -> Result<String> {
        let json = self.seal_doc(
            ident,
            crate::sealed::IDENTIFICATION_DOC,
            crate::sealed::IDENTIFICATION_SECRET_FIELDS,
        )?;
        let Some(keyring) = &self.keyring else {
            return Ok(json);
        };
        keyring
            .seal_person_text(
                tenant.as_str(),
                ident.person_id.as_str(),
                &format!("{IDENTIFICATION_DOC}:{}", ident.id.as_str()),
                &json,
            )
            .await
    }

    /// Reads a `doc` column (its person's key loaded first: `load_person_keys`); `id` is the
    /// row's, which a sealed doc must have been written for.
    fn open_identification(&self, doc: &str, id: &str) -> Result<Identification> {
        let json = if crate::keyring::is_sealed_text(doc) {
            let keyring = self.keyring.as_ref().ok_or_else(|| {
                StoreError::Corrupt("an identification is encrypted and no keyring is open".into())
            })?;
            keyring.open_person_text(doc, &format!("{IDENTIFICATION_DOC}:{id}"), None)?
        } else {
            doc.to_owned()
        };
        self.open_doc(
            &json,
            crate::sealed::IDENTIFICATION_DOC,
            crate::sealed::IDENTIFICATION_SECRET_FIELDS,
        )
    }

    fn ident_from_row(&self, row: &AnyRow) -> Result<(Identification, Mode)> {
        let doc: String = row.try_get("doc")?;
        let id: String = row.try_get("ident_row_id")?;
        let mode: String = row.try_get("mode")?;
        Ok((
            self.open_identification(&doc, &id)?,
            Mode::parse(&mode).ok_or_else(|| StoreError::Corrupt("mode".into()))?,
        ))
    }

    /// [`Store::ident_from_row`] of rows whose persons' keys are loaded here first.
    async fn idents_from_rows(&self, rows: &[AnyRow]) -> Result<Vec<(Identification, Mode)>> {
        self.load_sealed_keys(rows, "doc").await?;
        rows.iter().map(|r| self.ident_from_row(r)).collect()
    }

    async fn ident_from_fetched(&self, row: Option<AnyRow>) -> Result<(Identification, Mode)> {
        let row = row.ok_or(StoreError::NotFound)?;
        let mut all = self.idents_from_rows(std::slice::from_ref(&row)).await?;
        all.pop().ok_or(StoreError::NotFound)
    }
}

fn attempt_from_row(row: &AnyRow) -> Result<Attempt> {
    let id: String = row.try_get("id")?;
    let ident: String = row.try_get("identification_id")?;
    let status: String = row.try_get("status")?;
    Ok(Attempt {
        id: AttemptId::parse(&id).ok_or_else(|| StoreError::Corrupt("attempt id".into()))?,
        identification_id: IdentificationId::parse(&ident)
            .ok_or_else(|| StoreError::Corrupt("identification id".into()))?,
        status: AttemptStatus::parse(&status)
            .ok_or_else(|| StoreError::Corrupt("attempt status".into()))?,
        response_code: row.try_get("response_code")?,
        created_at: from_millis(row.try_get("created_at")?),
        updated_at: from_millis(row.try_get("updated_at")?),
    })
}

impl Store {
    pub async fn insert_identification(
        &self,
        tx: &mut Tx,
        tenant: &TenantId,
        mode: Mode,
        ident: &Identification,
    ) -> Result<()> {
        sqlx::query(
            "INSERT INTO identifications (id, tenant_id, mode, person_id, token, status, doc, created_at, updated_at, review_queued_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
        )
        .bind(ident.id.as_str())
        .bind(tenant.as_str())
        .bind(mode.as_str())
        .bind(ident.person_id.as_str())
        .bind(ident.token.as_deref().map(crate::sealed::token_digest))
        .bind(ident.status.as_str())
        .bind(self.seal_identification(tenant, ident).await?)
        .bind(to_millis(&ident.created_at))
        .bind(to_millis(&ident.updated_at))
        .bind(ident.awaiting_review_since().map(|t| to_millis(&t)))
        .execute(&mut **tx)
        .await?;
        Ok(())
    }

    /// Inserts an identification and announces it (`event`) as one transaction; on SQLite
    /// batched with the others of the moment ([`Store::batched_with_event`]). Returns how many
    /// webhook messages were written.
    pub async fn insert_identification_announced(
        &self,
        tenant: &TenantId,
        mode: Mode,
        ident: &Identification,
        event: &crate::NewEvent<'_>,
    ) -> Result<u64> {
        let Some(writer) = &self.writer else {
            let mut tx = self.begin().await?;
            self.insert_identification(&mut tx, tenant, mode, ident)
                .await?;
            let messages = self.insert_new_event(&mut tx, tenant, mode, event).await?;
            tx.commit().await?;
            return Ok(messages);
        };
        use crate::writer::{Arg, Batched};
        let row = Batched {
            sql: "INSERT INTO identifications (id, tenant_id, mode, person_id, token, status, doc, created_at, updated_at, review_queued_at) \
                  VALUES ($9, $2, $3, $10, $11, $12, $13, $14, $15, $16)"
                .to_owned(),
            args: vec![
                Arg::Text(ident.id.as_str().to_owned()),
                Arg::Text(ident.person_id.as_str().to_owned()),
                Arg::OptText(ident.token.as_deref().map(crate::sealed::token_digest)),
                Arg::Text(ident.status.as_str().to_owned()),
                Arg::Text(self.seal_identification(tenant, ident).await?),
                Arg::Int(to_millis(&ident.created_at)),
                Arg::Int(to_millis(&ident.updated_at)),
                Arg::OptInt(ident.awaiting_review_since().map(|t| to_millis(&t))),
            ],
        };
        self.batched_with_event(writer, tenant, mode, row, event)
            .await?
            .ok_or_else(|| StoreError::Corrupt("an identification was not inserted".into()))
    }

    pub async fn update_identification(
        &self,
        tx: &mut Tx,
        tenant: &TenantId,
        ident: &Identification,
    ) -> Result<()> {
        let done = sqlx::query(
            "UPDATE identifications SET token = $1, status = $2, doc = $3, updated_at = $4, review_queued_at = $7 WHERE id = $5 AND tenant_id = $6",
        )
        .bind(ident.token.as_deref().map(crate::sealed::token_digest))
        .bind(ident.status.as_str())
        .bind(self.seal_identification(tenant, ident).await?)
        .bind(to_millis(&ident.updated_at))
        .bind(ident.id.as_str())
        .bind(tenant.as_str())
        .bind(ident.awaiting_review_since().map(|t| to_millis(&t)))
        .execute(&mut **tx)
        .await
        .map_err(|e| StoreError::on_constraint(e, "token collision"))?;
        if done.rows_affected() == 0 {
            return Err(StoreError::NotFound);
        }
        Ok(())
    }

    /// An identification of this person; another tenant's or person's is `NotFound`.
    pub async fn identification(
        &self,
        tenant: &TenantId,
        mode: Mode,
        person: &PersonId,
        id: &IdentificationId,
    ) -> Result<Identification> {
        let row = sqlx::query(
            "SELECT id AS ident_row_id, doc, mode FROM identifications WHERE id = $1 AND tenant_id = $2 AND mode = $3 AND person_id = $4",
        )
        .bind(id.as_str())
        .bind(tenant.as_str())
        .bind(mode.as_str())
        .bind(person.as_str())
        .fetch_optional(&self.read)
        .await?;
        Ok(self.ident_from_fetched(row).await?.0)
    }

    /// Locks the identification for a transition (by tenant only: jobs know
    /// the tenant but not the caller's mode).
    pub async fn identification_for_update(
        &self,
        tx: &mut Tx,
        tenant: &TenantId,
        id: &IdentificationId,
    ) -> Result<(Identification, Mode)> {
        let row = sqlx::query(sqlx::AssertSqlSafe(format!(
            "SELECT id AS ident_row_id, doc, mode FROM identifications WHERE id = $1 AND tenant_id = $2{}",
            self.backend.for_update()
        )))
        .bind(id.as_str())
        .bind(tenant.as_str())
        .fetch_optional(&mut **tx)
        .await?;
        self.ident_from_fetched(row).await
    }

    /// The identification a hosted-page token opens, with its tenant.
    pub async fn identification_by_token(
        &self,
        token: &str,
    ) -> Result<(TenantId, Mode, Identification)> {
        let row = sqlx::query(
            "SELECT id AS ident_row_id, tenant_id, doc, mode FROM identifications WHERE token = $1",
        )
        .bind(crate::sealed::token_digest(token))
        .fetch_optional(&self.read)
        .await?
        .ok_or(StoreError::NotFound)?;
        let tenant: String = row.try_get("tenant_id")?;
        let (ident, mode) = self.ident_from_fetched(Some(row)).await?;
        Ok((
            TenantId::parse(&tenant).ok_or_else(|| StoreError::Corrupt("tenant id".into()))?,
            mode,
            ident,
        ))
    }

    pub async fn list_identifications(
        &self,
        tenant: &TenantId,
        mode: Mode,
        person: &PersonId,
        page: u32,
        size: u32,
    ) -> Result<Vec<Identification>> {
        let rows = sqlx::query(
            "SELECT id AS ident_row_id, doc, mode FROM identifications WHERE tenant_id = $1 AND mode = $2 AND person_id = $3 ORDER BY created_at, id LIMIT $4 OFFSET $5",
        )
        .bind(tenant.as_str())
        .bind(mode.as_str())
        .bind(person.as_str())
        .bind(i64::from(size))
        .bind(i64::from(page.saturating_sub(1)) * i64::from(size))
        .fetch_all(&self.read)
        .await?;
        Ok(self
            .idents_from_rows(&rows)
            .await?
            .into_iter()
            .map(|(i, _)| i)
            .collect())
    }

    pub async fn insert_attempt(
        &self,
        tx: &mut Tx,
        tenant: &TenantId,
        attempt: &Attempt,
    ) -> Result<()> {
        sqlx::query(
            "INSERT INTO attempts (id, tenant_id, identification_id, status, response_code, created_at, updated_at, seq) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, (SELECT COUNT(*) FROM attempts WHERE identification_id = $3) + 1)",
        )
        .bind(attempt.id.as_str())
        .bind(tenant.as_str())
        .bind(attempt.identification_id.as_str())
        .bind(attempt.status.as_str())
        .bind(attempt.response_code.clone())
        .bind(to_millis(&attempt.created_at))
        .bind(to_millis(&attempt.updated_at))
        .execute(&mut **tx)
        .await?;
        Ok(())
    }

    pub async fn update_attempt(&self, tx: &mut Tx, attempt: &Attempt) -> Result<()> {
        sqlx::query(
            "UPDATE attempts SET status = $1, response_code = $2, updated_at = $3 WHERE id = $4",
        )
        .bind(attempt.status.as_str())
        .bind(attempt.response_code.clone())
        .bind(to_millis(&attempt.updated_at))
        .bind(attempt.id.as_str())
        .execute(&mut **tx)
        .await?;
        Ok(())
    }

    /// The newest attempt of an identification, if any.
    pub async fn current_attempt(
        &self,
        tx: &mut Tx,
        ident: &IdentificationId,
    ) -> Result<Option<Attempt>> {
        let row = sqlx::query(
            "SELECT * FROM attempts WHERE identification_id = $1 ORDER BY seq DESC LIMIT 1",
        )
        .bind(ident.as_str())
        .fetch_optional(&mut **tx)
        .await?;
        row.as_ref().map(attempt_from_row).transpose()
    }

    /// One page (`page` from 1) of an identification's attempts, oldest first.
    pub async fn attempts(
        &self,
        tenant: &TenantId,
        ident: &IdentificationId,
        page: u32,
        size: u32,
    ) -> Result<Vec<Attempt>> {
        let rows = sqlx::query(
            "SELECT * FROM attempts WHERE tenant_id = $1 AND identification_id = $2 ORDER BY seq LIMIT $3 OFFSET $4",
        )
        .bind(tenant.as_str())
        .bind(ident.as_str())
        .bind(i64::from(size))
        .bind(i64::from(page.saturating_sub(1)) * i64::from(size))
        .fetch_all(&self.read)
        .await?;
        rows.iter().map(attempt_from_row).collect()
    }

    /// Used by tests and the hosted page: the timestamps of the newest attempt.
    pub async fn attempt_count(&self, ident: &IdentificationId) -> Result<i64> {
        Ok(
            sqlx::query("SELECT COUNT(*) FROM attempts WHERE identification_id = $1")
                .bind(ident.as_str())
                .fetch_one(&self.read)
                .await?
                .try_get(0)?,
        )
    }
}

impl Store {
    /// A person's newest identification, read in the caller's transaction.
    pub async fn latest_identification(
        &self,
        tx: &mut Tx,
        tenant: &TenantId,
        person: &PersonId,
    ) -> Result<Option<Identification>> {
        let row = sqlx::query(LATEST_IDENTIFICATION)
            .bind(tenant.as_str())
            .bind(person.as_str())
            .fetch_optional(&mut **tx)
            .await?;
        match row {
            Some(row) => Ok(Some(self.ident_from_fetched(Some(row)).await?.0)),
            None => Ok(None),
        }
    }

    /// [`Store::latest_identification`] outside a transaction, for pages that only show it.
    pub async fn latest_identification_of(
        &self,
        tenant: &TenantId,
        person: &PersonId,
    ) -> Result<Option<Identification>> {
        let row = sqlx::query(LATEST_IDENTIFICATION)
            .bind(tenant.as_str())
            .bind(person.as_str())
            .fetch_optional(&self.read)
            .await?;
        match row {
            Some(row) => Ok(Some(self.ident_from_fetched(Some(row)).await?.0)),
            None => Ok(None),
        }
    }
}

const LATEST_IDENTIFICATION: &str = "SELECT id AS ident_row_id, doc, mode FROM identifications WHERE tenant_id = $1 AND person_id = $2 ORDER BY created_at DESC, id DESC LIMIT 1";

/// A `document` identification waiting for a reviewer, with whom it concerns.
#[derive(Debug, Clone)]
pub struct QueuedIdentification {
    pub tenant_id: TenantId,
    pub tenant_name: String,
    pub mode: Mode,
    pub person: signet_core::person::Person,
    pub identification: Identification,
}

impl Store {
    /// The back office's queue: submitted `document` identifications not yet decided, oldest
    /// first, across tenants.
    pub async fn identifications_awaiting_review(
        &self,
        limit: u32,
    ) -> Result<Vec<QueuedIdentification>> {
        let rows = sqlx::query(
            "SELECT i.id AS ident_row_id, i.tenant_id, i.mode, i.doc AS ident_doc, t.name AS tenant_name, p.doc \
             FROM identifications i JOIN tenants t ON t.id = i.tenant_id \
             JOIN persons p ON p.id = i.person_id \
             WHERE i.review_queued_at IS NOT NULL ORDER BY i.review_queued_at, i.id LIMIT $1",
        )
        .bind(i64::from(limit))
        .fetch_all(&self.read)
        .await?;
        self.load_sealed_keys(&rows, "doc").await?;
        self.load_sealed_keys(&rows, "ident_doc").await?;
        rows.iter().map(|r| self.queued_from_row(r)).collect()
    }

    /// One identification of the queue (or decided since), by id, across tenants.
    pub async fn queued_identification(
        &self,
        id: &IdentificationId,
    ) -> Result<QueuedIdentification> {
        let row = sqlx::query(
            "SELECT i.id AS ident_row_id, i.tenant_id, i.mode, i.doc AS ident_doc, t.name AS tenant_name, p.doc \
             FROM identifications i JOIN tenants t ON t.id = i.tenant_id \
             JOIN persons p ON p.id = i.person_id WHERE i.id = $1",
        )
        .bind(id.as_str())
        .fetch_optional(&self.read)
        .await?
        .ok_or(StoreError::NotFound)?;
        self.load_sealed_keys(std::slice::from_ref(&row), "doc")
            .await?;
        self.load_sealed_keys(std::slice::from_ref(&row), "ident_doc")
            .await?;
        self.queued_from_row(&row)
    }
}

impl Store {
    fn queued_from_row(&self, row: &AnyRow) -> Result<QueuedIdentification> {
        let corrupt = |w: &str| StoreError::Corrupt(w.into());
        let tenant: String = row.try_get("tenant_id")?;
        let mode: String = row.try_get("mode")?;
        let doc: String = row.try_get("ident_doc")?;
        let id: String = row.try_get("ident_row_id")?;
        Ok(QueuedIdentification {
            tenant_id: TenantId::parse(&tenant).ok_or_else(|| corrupt("tenant id"))?,
            tenant_name: row.try_get("tenant_name")?,
            mode: Mode::parse(&mode).ok_or_else(|| corrupt("mode"))?,
            person: self.person_from_row(row)?,
            identification: self.open_identification(&doc, &id)?,
        })
    }
}

impl Store {
    /// Identifications stored in the clear before encryption at rest, sealed under their
    /// persons' keys (see [`Store::encrypt_legacy_rows`]).
    pub(crate) async fn encrypt_legacy_identifications(&self) -> Result<u64> {
        let mut done = 0;
        loop {
            let rows = sqlx::query(
                "SELECT id AS ident_row_id, tenant_id, doc, mode FROM identifications WHERE doc NOT LIKE 'enc1:%' LIMIT 200",
            )
            .fetch_all(&self.read)
            .await?;
            if rows.is_empty() {
                return Ok(done);
            }
            let mut tx = self.begin().await?;
            for row in &rows {
                let tenant: String = row.try_get("tenant_id")?;
                let old: String = row.try_get("doc")?;
                let (ident, _) = self.ident_from_row(row)?;
                let tenant = TenantId::parse(&tenant)
                    .ok_or_else(|| StoreError::Corrupt("identification tenant".into()))?;
                done +=
                    sqlx::query("UPDATE identifications SET doc = $1 WHERE id = $2 AND doc = $3")
                        .bind(self.seal_identification(&tenant, &ident).await?)
                        .bind(ident.id.as_str())
                        .bind(&old)
                        .execute(&mut *tx)
                        .await?
                        .rows_affected();
            }
            tx.commit().await?;
        }
    }
}
