//! A person's business relationship, the records kept after it ends, and erasure.
//!
//! `person_retention` holds when the relationship ended, when erasure was asked and until
//! when the customer-due-diligence records stay; once the person's rows are gone its row is
//! the tombstone (`erased_at`, and the report of what had been kept). The rows a person's
//! erasure removes are listed in [`Store::erase_person_rows`].

use crate::{Mode, Result, Store, StoreError, Tx};
use signet_core::ids::{EventId, PersonId, TenantId};
use signet_core::time::{Timestamp, from_millis, to_millis};
use sqlx::Row;
use sqlx::any::AnyRow;

/// Years a tenant keeps customer-due-diligence records after a relationship ends, unless it
/// sets its own (AMLD4 Art. 40, AMLR Art. 77).
pub const DEFAULT_RETENTION_YEARS: u32 = 5;

/// The job that erases a person when their records' retention ends.
pub const JOB_PERSON_ERASURE: &str = "person_erasure";

/// The job that takes what an erasure request erases at once beyond the person's own row:
/// webhook payloads naming them and documents nobody signed.
pub const JOB_ERASURE_CLEANUP: &str = "person_erasure_cleanup";

/// A person's relationship and erasure as stored.
#[derive(Debug, Clone, PartialEq)]
pub struct PersonRetention {
    pub person_id: PersonId,
    pub tenant_id: TenantId,
    pub mode: Mode,
    pub relationship_ended_at: Option<Timestamp>,
    pub erasure_requested_at: Option<Timestamp>,
    /// When the records kept after the relationship go.
    pub retained_until: Option<Timestamp>,
    /// Set once the person's rows are gone and their key destroyed: the tombstone.
    pub erased_at: Option<Timestamp>,
    /// What the erasure request answered (`{erased, retained}`).
    pub report: Option<serde_json::Value>,
}

impl PersonRetention {
    pub fn new(tenant: &TenantId, mode: Mode, person: &PersonId) -> PersonRetention {
        PersonRetention {
            person_id: person.clone(),
            tenant_id: tenant.clone(),
            mode,
            relationship_ended_at: None,
            erasure_requested_at: None,
            retained_until: None,
            erased_at: None,
            report: None,
        }
    }
}

/// How many rows of each kind a person's erasure removed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ErasedRows {
    pub identifications: u64,
    pub attempts: u64,
    pub person_files: u64,
    pub screenings: u64,
    pub screening_hits: u64,
    pub jobs: u64,
}

const COLUMNS: &str = "person_id, tenant_id, mode, relationship_ended_at, erasure_requested_at, retained_until, erased_at, report";

fn from_row(row: &AnyRow) -> Result<PersonRetention> {
    let corrupt = |what: &str| StoreError::Corrupt(format!("person retention {what}"));
    let person: String = row.try_get("person_id")?;
    let tenant: String = row.try_get("tenant_id")?;
    let mode: String = row.try_get("mode")?;
    let at = |name: &str| -> Result<Option<Timestamp>> {
        Ok(row.try_get::<Option<i64>, _>(name)?.map(from_millis))
    };
    let report: Option<String> = row.try_get("report")?;
    Ok(PersonRetention {
        person_id: PersonId::parse(&person).ok_or_else(|| corrupt("person"))?,
        tenant_id: TenantId::parse(&tenant).ok_or_else(|| corrupt("tenant"))?,
        mode: Mode::parse(&mode).ok_or_else(|| corrupt("mode"))?,
        relationship_ended_at: at("relationship_ended_at")?,
        erasure_requested_at: at("erasure_requested_at")?,
        retained_until: at("retained_until")?,
        erased_at: at("erased_at")?,
        report: report.map(|r| serde_json::from_str(&r)).transpose()?,
    })
}

impl Store {
    /// The tenant's retention in years for a mode ([`DEFAULT_RETENTION_YEARS`] unless set).
    pub async fn retention_years(&self, tenant: &TenantId, mode: Mode) -> Result<u32> {
        let row =
            sqlx::query("SELECT years FROM tenant_retention WHERE tenant_id = $1 AND mode = $2")
                .bind(tenant.as_str())
                .bind(mode.as_str())
                .fetch_optional(&self.read)
                .await?;
        match row {
            Some(r) => u32::try_from(r.try_get::<i64, _>("years")?)
                .map_err(|_| StoreError::Corrupt("retention years".into())),
            None => Ok(DEFAULT_RETENTION_YEARS),
        }
    }

    pub async fn set_retention_years(
        &self,
        tenant: &TenantId,
        mode: Mode,
        years: u32,
        now: Timestamp,
    ) -> Result<()> {
        sqlx::query(
            "INSERT INTO tenant_retention (tenant_id, mode, years, updated_at) VALUES ($1, $2, $3, $4) \
             ON CONFLICT (tenant_id, mode) DO UPDATE SET years = excluded.years, updated_at = excluded.updated_at",
        )
        .bind(tenant.as_str())
        .bind(mode.as_str())
        .bind(i64::from(years))
        .bind(to_millis(&now))
        .execute(&mut *self.write_conn().await?)
        .await?;
        Ok(())
    }

    /// A person's retention row, if any (the tombstone of an erased person included).
    pub async fn person_retention(
        &self,
        tenant: &TenantId,
        mode: Mode,
        person: &PersonId,
    ) -> Result<Option<PersonRetention>> {
        let row = sqlx::query(sqlx::AssertSqlSafe(format!(
            "SELECT {COLUMNS} FROM person_retention WHERE person_id = $1 AND tenant_id = $2 AND mode = $3"
        )))
        .bind(person.as_str())
        .bind(tenant.as_str())
        .bind(mode.as_str())
        .fetch_optional(&self.read)
        .await?;
        row.as_ref().map(from_row).transpose()
    }

    /// The same in `tx`, locked until it ends (PostgreSQL; SQLite's writer serialises).
    pub async fn person_retention_for_update(
        &self,
        tx: &mut Tx,
        tenant: &TenantId,
        mode: Mode,
        person: &PersonId,
    ) -> Result<Option<PersonRetention>> {
        let row = sqlx::query(sqlx::AssertSqlSafe(format!(
            "SELECT {COLUMNS} FROM person_retention WHERE person_id = $1 AND tenant_id = $2 AND mode = $3{}",
            self.backend.for_update()
        )))
        .bind(person.as_str())
        .bind(tenant.as_str())
        .bind(mode.as_str())
        .fetch_optional(&mut **tx)
        .await?;
        row.as_ref().map(from_row).transpose()
    }

    /// Writes a person's retention row in `tx`, whole.
    pub async fn put_person_retention(&self, tx: &mut Tx, r: &PersonRetention) -> Result<()> {
        let report = r.report.as_ref().map(serde_json::to_string).transpose()?;
        sqlx::query(
            "INSERT INTO person_retention (person_id, tenant_id, mode, relationship_ended_at, erasure_requested_at, retained_until, erased_at, report) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (person_id) DO UPDATE SET \
             relationship_ended_at = excluded.relationship_ended_at, erasure_requested_at = excluded.erasure_requested_at, \
             retained_until = excluded.retained_until, erased_at = excluded.erased_at, report = excluded.report",
        )
        .bind(r.person_id.as_str())
        .bind(r.tenant_id.as_str())
        .bind(r.mode.as_str())
        .bind(r.relationship_ended_at.as_ref().map(to_millis))
        .bind(r.erasure_requested_at.as_ref().map(to_millis))
        .bind(r.retained_until.as_ref().map(to_millis))
        .bind(r.erased_at.as_ref().map(to_millis))
        .bind(report)
        .execute(&mut **tx)
        .await?;
        Ok(())
    }

    /// Erasure requests across tenants, newest first, for the back office.
    pub async fn erasure_requests(&self, limit: u32, offset: u64) -> Result<Vec<PersonRetention>> {
        let rows = sqlx::query(sqlx::AssertSqlSafe(format!(
            "SELECT {COLUMNS} FROM person_retention WHERE erasure_requested_at IS NOT NULL \
             ORDER BY erasure_requested_at DESC, person_id LIMIT $1 OFFSET $2"
        )))
        .bind(i64::from(limit))
        .bind(i64::try_from(offset).unwrap_or(i64::MAX))
        .fetch_all(&self.read)
        .await?;
        rows.iter().map(from_row).collect()
    }

    /// Whether any customer-due-diligence record of the person exists: an identification, a
    /// screening, or a signature of theirs.
    pub async fn person_has_records(
        &self,
        tx: &mut Tx,
        tenant: &TenantId,
        mode: Mode,
        person: &PersonId,
    ) -> Result<bool> {
        let row = sqlx::query(
            "SELECT (SELECT COUNT(*) FROM identifications WHERE tenant_id = $1 AND person_id = $3) \
             + (SELECT COUNT(*) FROM screenings WHERE tenant_id = $1 AND mode = $2 AND person_id = $3) \
             + (SELECT COUNT(*) FROM signers WHERE tenant_id = $1 AND person_id = $3 AND status = 'signed') AS n",
        )
        .bind(tenant.as_str())
        .bind(mode.as_str())
        .bind(person.as_str())
        .fetch_one(&mut **tx)
        .await?;
        Ok(row.try_get::<i64, _>("n")? > 0)
    }

    /// How many documents the person signed (their signature is evidence kept with each).
    pub async fn documents_signed_by(
        &self,
        tx: &mut Tx,
        tenant: &TenantId,
        person: &PersonId,
    ) -> Result<u64> {
        let row = sqlx::query(
            "SELECT COUNT(DISTINCT document_id) AS n FROM signers WHERE tenant_id = $1 AND person_id = $2 AND status = 'signed'",
        )
        .bind(tenant.as_str())
        .bind(person.as_str())
        .fetch_one(&mut **tx)
        .await?;
        Ok(u64::try_from(row.try_get::<i64, _>("n")?).unwrap_or(0))
    }

    /// Whether erasure was asked for the person (then no new data about them is taken).
    pub async fn erasure_requested(
        &self,
        tenant: &TenantId,
        mode: Mode,
        person: &PersonId,
    ) -> Result<bool> {
        let row = sqlx::query(
            "SELECT 1 FROM person_retention WHERE person_id = $1 AND tenant_id = $2 AND mode = $3 AND erasure_requested_at IS NOT NULL",
        )
        .bind(person.as_str())
        .bind(tenant.as_str())
        .bind(mode.as_str())
        .fetch_optional(&self.read)
        .await?;
        Ok(row.is_some())
    }

    /// The events of a tenant whose payload names `needle` (a person's id), found by reading
    /// every payload still kept, a page at a time: payloads are sealed, so no index can look
    /// into them. Erasure is rare; it pays this scan once.
    pub async fn events_naming(
        &self,
        tenant: &TenantId,
        mode: Mode,
        needle: &str,
    ) -> Result<Vec<EventId>> {
        const PAGE: u32 = 1000;
        let quoted = format!("\"{needle}\"");
        let mut found = Vec::new();
        let mut after = 0;
        loop {
            let page = self.events_after(tenant, mode, after, PAGE).await?;
            for e in &page {
                if e.data.to_string().contains(&quoted) {
                    found.push(e.id.clone());
                }
            }
            match page.last() {
                Some(last) if page.len() == PAGE as usize => after = last.seq,
                _ => return Ok(found),
            }
        }
    }

    /// Removes these events' payloads (copies that no basis keeps), pending messages of
    /// them ending as failed, in one transaction. Returns how many payloads went.
    pub async fn erase_event_payloads(
        &self,
        tenant: &TenantId,
        events: &[EventId],
        now: Timestamp,
    ) -> Result<u64> {
        let mut tx = self.begin().await?;
        let mut removed = 0;
        for id in events {
            let done = sqlx::query(
                "UPDATE events SET data = '{}', payload_removed_at = $1 \
                 WHERE id = $2 AND tenant_id = $3 AND payload_removed_at IS NULL",
            )
            .bind(to_millis(&now))
            .bind(id.as_str())
            .bind(tenant.as_str())
            .execute(&mut *tx)
            .await?;
            if done.rows_affected() == 0 {
                continue;
            }
            removed += 1;
            sqlx::query(
                "UPDATE webhook_messages SET status = 'failed', last_error = 'payload erased', lease_owner = NULL, \
                 lease_until = NULL, fence = fence + 1, updated_at = $1 WHERE event_id = $2 AND status = 'pending'",
            )
            .bind(to_millis(&now))
            .bind(id.as_str())
            .execute(&mut *tx)
            .await?;
            sqlx::query("UPDATE webhook_attempts SET response_excerpt = NULL WHERE event_id = $1")
                .bind(id.as_str())
                .execute(&mut *tx)
                .await?;
        }
        tx.commit().await?;
        Ok(removed)
    }

    /// Removes every row that holds the person's data: their identifications and attempts,
    /// their files' rows, screenings and hits, the jobs of their identifications, and the
    /// person. Their files are left to the sweeper (no row refers to them any more) and
    /// cannot be read meanwhile once their key is destroyed. Documents are not touched: a
    /// signed document stays under its own retention, for its other signers too.
    pub async fn erase_person_rows(
        &self,
        tx: &mut Tx,
        tenant: &TenantId,
        mode: Mode,
        person: &PersonId,
    ) -> Result<ErasedRows> {
        let ids: Vec<String> =
            sqlx::query("SELECT id FROM identifications WHERE tenant_id = $1 AND person_id = $2")
                .bind(tenant.as_str())
                .bind(person.as_str())
                .fetch_all(&mut **tx)
                .await?
                .iter()
                .map(|r| r.try_get::<String, _>("id"))
                .collect::<std::result::Result<_, _>>()?;
        let mut erased = ErasedRows::default();
        for id in &ids {
            erased.jobs += sqlx::query("DELETE FROM jobs WHERE tenant_id = $1 AND payload LIKE $2")
                .bind(tenant.as_str())
                .bind(format!("%\"{id}\"%"))
                .execute(&mut **tx)
                .await?
                .rows_affected();
            erased.attempts += sqlx::query("DELETE FROM attempts WHERE identification_id = $1")
                .bind(id)
                .execute(&mut **tx)
                .await?
                .rows_affected();
        }
        let scoped =
            |sql: &'static str| sqlx::query(sql).bind(tenant.as_str()).bind(person.as_str());
        erased.person_files =
            scoped("DELETE FROM person_documents WHERE tenant_id = $1 AND person_id = $2")
                .execute(&mut **tx)
                .await?
                .rows_affected();
        erased.identifications =
            scoped("DELETE FROM identifications WHERE tenant_id = $1 AND person_id = $2")
                .execute(&mut **tx)
                .await?
                .rows_affected();
        erased.screening_hits =
            scoped("DELETE FROM screening_hits WHERE tenant_id = $1 AND person_id = $2")
                .execute(&mut **tx)
                .await?
                .rows_affected();
        erased.screenings =
            scoped("DELETE FROM screenings WHERE tenant_id = $1 AND person_id = $2")
                .execute(&mut **tx)
                .await?
                .rows_affected();
        let gone =
            sqlx::query("DELETE FROM persons WHERE id = $1 AND tenant_id = $2 AND mode = $3")
                .bind(person.as_str())
                .bind(tenant.as_str())
                .bind(mode.as_str())
                .execute(&mut **tx)
                .await?;
        if gone.rows_affected() == 0 {
            return Err(StoreError::NotFound);
        }
        Ok(erased)
    }
}
