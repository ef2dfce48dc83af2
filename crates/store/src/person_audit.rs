//! A person's access trail (who saw or exported their data, `person_audit`) and the reads
//! a person's export needs beyond the API's own.

use crate::{Mode, Result, Store, StoreError, Tx};
use signet_core::ids::{DocumentId, PersonId, TenantId};
use signet_core::time::{Timestamp, from_millis, to_millis};
use sqlx::Row;
use sqlx::any::AnyRow;

/// One entry of a person's access trail. `hash` = SHA-256(`prev_hash` ‖ canonical content);
/// the app computes it (`signet_app::access_audit`), the store keeps the chain in order.
#[derive(Debug, Clone, PartialEq)]
pub struct PersonAuditRow {
    pub seq: i64,
    pub at: Timestamp,
    pub action: String,
    pub actor: String,
    pub ip: Option<String>,
    pub user_agent: Option<String>,
    pub details: serde_json::Value,
    pub prev_hash: String,
    pub hash: String,
}

fn person_audit_from_row(row: &AnyRow) -> Result<PersonAuditRow> {
    let details: String = row.try_get("details")?;
    Ok(PersonAuditRow {
        seq: row.try_get("seq")?,
        at: from_millis(row.try_get("at")?),
        action: row.try_get("action")?,
        actor: row.try_get("actor")?,
        ip: row.try_get("ip")?,
        user_agent: row.try_get("user_agent")?,
        details: serde_json::from_str(&details)?,
        prev_hash: row.try_get("prev_hash")?,
        hash: row.try_get("hash")?,
    })
}

/// The conflict two entries racing for one place in a person's trail raise.
pub const PERSON_AUDIT_RACE: &str = "person audit sequence";

impl Store {
    /// The newest entry's sequence number and hash of a person's access trail, if any.
    pub async fn person_audit_head(
        &self,
        tx: &mut Tx,
        person: &PersonId,
    ) -> Result<Option<(i64, String)>> {
        let row = sqlx::query(
            "SELECT seq, hash FROM person_audit WHERE person_id = $1 ORDER BY seq DESC LIMIT 1",
        )
        .bind(person.as_str())
        .fetch_optional(&mut **tx)
        .await?;
        row.map(|r| Ok((r.try_get("seq")?, r.try_get("hash")?)))
            .transpose()
    }

    /// Locks the person's row until the transaction ends, if it is still there, so that
    /// entries of one person queue for their place in the trail instead of racing for it.
    pub async fn lock_person_row(
        &self,
        tx: &mut Tx,
        tenant: &TenantId,
        mode: Mode,
        person: &PersonId,
    ) -> Result<bool> {
        let row = sqlx::query(sqlx::AssertSqlSafe(format!(
            "SELECT id FROM persons WHERE id = $1 AND tenant_id = $2 AND mode = $3{}",
            self.backend.for_update()
        )))
        .bind(person.as_str())
        .bind(tenant.as_str())
        .bind(mode.as_str())
        .fetch_optional(&mut **tx)
        .await?;
        Ok(row.is_some())
    }

    /// Appends an entry; one that lost the race for its sequence number is a
    /// `Conflict(PERSON_AUDIT_RACE)`, and the caller chains it again.
    pub async fn insert_person_audit(
        &self,
        tx: &mut Tx,
        tenant: &TenantId,
        mode: Mode,
        person: &PersonId,
        e: &PersonAuditRow,
    ) -> Result<()> {
        sqlx::query(
            "INSERT INTO person_audit (person_id, seq, tenant_id, mode, at, action, actor, ip, user_agent, details, prev_hash, hash) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)",
        )
        .bind(person.as_str())
        .bind(e.seq)
        .bind(tenant.as_str())
        .bind(mode.as_str())
        .bind(to_millis(&e.at))
        .bind(&e.action)
        .bind(&e.actor)
        .bind(e.ip.clone())
        .bind(e.user_agent.clone())
        .bind(serde_json::to_string(&e.details)?)
        .bind(&e.prev_hash)
        .bind(&e.hash)
        .execute(&mut **tx)
        .await
        .map_err(|e| StoreError::on_constraint(e, PERSON_AUDIT_RACE))?;
        Ok(())
    }

    /// Up to `limit` entries of a person's trail after `after_seq`, oldest first (0 for the
    /// start): the whole trail in bounded pages.
    pub async fn person_audit_after(
        &self,
        tenant: &TenantId,
        mode: Mode,
        person: &PersonId,
        after_seq: i64,
        limit: u32,
    ) -> Result<Vec<PersonAuditRow>> {
        let rows = sqlx::query(
            "SELECT * FROM person_audit WHERE person_id = $1 AND tenant_id = $2 AND mode = $3 AND seq > $4 ORDER BY seq LIMIT $5",
        )
        .bind(person.as_str())
        .bind(tenant.as_str())
        .bind(mode.as_str())
        .bind(after_seq)
        .bind(i64::from(limit))
        .fetch_all(&self.read)
        .await?;
        rows.iter().map(person_audit_from_row).collect()
    }

    /// Up to `limit` entries of a person's trail before `before_seq` (all when `None`),
    /// newest first: the back office's list of who saw what.
    pub async fn person_audit_before(
        &self,
        tenant: &TenantId,
        mode: Mode,
        person: &PersonId,
        before_seq: Option<i64>,
        limit: u32,
    ) -> Result<Vec<PersonAuditRow>> {
        let rows = sqlx::query(
            "SELECT * FROM person_audit WHERE person_id = $1 AND tenant_id = $2 AND mode = $3 AND seq < $4 ORDER BY seq DESC LIMIT $5",
        )
        .bind(person.as_str())
        .bind(tenant.as_str())
        .bind(mode.as_str())
        .bind(before_seq.unwrap_or(i64::MAX))
        .bind(i64::from(limit))
        .fetch_all(&self.read)
        .await?;
        rows.iter().map(person_audit_from_row).collect()
    }

    /// The documents with a signer of this person, in any status, oldest first.
    pub async fn documents_of_person(
        &self,
        tenant: &TenantId,
        mode: Mode,
        person: &PersonId,
    ) -> Result<Vec<DocumentId>> {
        let rows = sqlx::query(
            "SELECT d.id, d.created_at FROM documents d WHERE d.tenant_id = $1 AND d.mode = $2 \
             AND d.id IN (SELECT s.document_id FROM signers s WHERE s.tenant_id = $1 AND s.person_id = $3) \
             ORDER BY d.created_at, d.id",
        )
        .bind(tenant.as_str())
        .bind(mode.as_str())
        .bind(person.as_str())
        .fetch_all(&self.read)
        .await?;
        rows.iter()
            .map(|r| {
                let id: String = r.try_get("id")?;
                DocumentId::parse(&id).ok_or_else(|| StoreError::Corrupt("document id".into()))
            })
            .collect()
    }
}

impl Store {
    /// Up to `limit` screening hits of a person after the `skip` oldest, oldest first, read
    /// outside any transaction (an export holds no lock).
    pub async fn hits_of_person(
        &self,
        tenant: &TenantId,
        mode: Mode,
        person: &PersonId,
        skip: u32,
        limit: u32,
    ) -> Result<Vec<crate::ScreeningHitRow>> {
        let rows = sqlx::query(sqlx::AssertSqlSafe(format!(
            "SELECT {} FROM screening_hits WHERE tenant_id = $1 AND mode = $2 AND person_id = $3 ORDER BY created_at, id LIMIT $4 OFFSET $5",
            crate::screening::HIT_COLUMNS
        )))
        .bind(tenant.as_str())
        .bind(mode.as_str())
        .bind(person.as_str())
        .bind(i64::from(limit))
        .bind(i64::from(skip))
        .fetch_all(&self.read)
        .await?;
        rows.iter().map(crate::screening::hit_from_row).collect()
    }
}
