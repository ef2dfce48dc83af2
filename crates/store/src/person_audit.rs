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

/// The columns of an entry sealed under the tenant's data key: the viewer's address and
/// browser (personal data of the operator; the chain's hash covers them in the clear).
const SEALED_COLUMNS: [&str; 2] = ["ip", "user_agent"];

fn sealed_context(column: &str, person: &str, seq: i64) -> String {
    format!("person_audit.{column}:{person}:{seq}")
}

fn person_audit_from_row(
    keyring: Option<&crate::Keyring>,
    person: &PersonId,
    row: &AnyRow,
) -> Result<PersonAuditRow> {
    let details: String = row.try_get("details")?;
    let seq: i64 = row.try_get("seq")?;
    let open = |column: &str| -> Result<Option<String>> {
        let stored: Option<String> = row.try_get(column)?;
        match (stored, keyring) {
            (Some(text), Some(keyring)) if crate::keyring::is_sealed_text(&text) => keyring
                .open_person_text(&text, &sealed_context(column, person.as_str(), seq), None)
                .map(Some),
            (stored, _) => Ok(stored),
        }
    };
    Ok(PersonAuditRow {
        seq,
        at: from_millis(row.try_get("at")?),
        action: row.try_get("action")?,
        actor: row.try_get("actor")?,
        ip: open("ip")?,
        user_agent: open("user_agent")?,
        details: serde_json::from_str(&details)?,
        prev_hash: row.try_get("prev_hash")?,
        hash: row.try_get("hash")?,
    })
}

/// The conflict two entries racing for one place in a person's trail raise.
pub const PERSON_AUDIT_RACE: &str = "person audit sequence";

impl Store {
    async fn person_audit_rows(
        &self,
        person: &PersonId,
        rows: &[AnyRow],
    ) -> Result<Vec<PersonAuditRow>> {
        if let Some(keyring) = &self.keyring {
            let mut sealed = Vec::new();
            for row in rows {
                for column in SEALED_COLUMNS {
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
            .map(|r| person_audit_from_row(self.keyring.as_deref(), person, r))
            .collect()
    }

    async fn seal_person_audit_column(
        &self,
        tenant: &TenantId,
        person: &PersonId,
        seq: i64,
        column: &str,
        plain: Option<String>,
    ) -> Result<Option<String>> {
        match (&self.keyring, plain) {
            (Some(keyring), Some(plain)) => Ok(Some(
                keyring
                    .seal_tenant_text(
                        tenant.as_str(),
                        &sealed_context(column, person.as_str(), seq),
                        &plain,
                    )
                    .await?,
            )),
            (_, plain) => Ok(plain),
        }
    }

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
        let [c_ip, c_agent] = SEALED_COLUMNS;
        let ip = self
            .seal_person_audit_column(tenant, person, e.seq, c_ip, e.ip.clone())
            .await?;
        let user_agent = self
            .seal_person_audit_column(tenant, person, e.seq, c_agent, e.user_agent.clone())
            .await?;
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
        .bind(ip)
        .bind(user_agent)
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
        self.person_audit_rows(person, &rows).await
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
        self.person_audit_rows(person, &rows).await
    }

    /// Every person with an access trail (erased or not), by tenant and mode.
    pub async fn audited_persons(&self) -> Result<Vec<(TenantId, Mode, PersonId)>> {
        let rows = sqlx::query(
            "SELECT DISTINCT tenant_id, mode, person_id FROM person_audit ORDER BY tenant_id, mode, person_id",
        )
        .fetch_all(&self.read)
        .await?;
        let corrupt = |w: &str| StoreError::Corrupt(format!("person_audit {w}"));
        rows.iter()
            .map(|r| {
                let tenant: String = r.try_get("tenant_id")?;
                let mode: String = r.try_get("mode")?;
                let person: String = r.try_get("person_id")?;
                Ok((
                    TenantId::parse(&tenant).ok_or_else(|| corrupt("tenant id"))?,
                    Mode::parse(&mode).ok_or_else(|| corrupt("mode"))?,
                    PersonId::parse(&person).ok_or_else(|| corrupt("person id"))?,
                ))
            })
            .collect()
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
        self.hits_from_rows(&rows).await
    }
}
