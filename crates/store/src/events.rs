//! The transactional outbox: events are written with the change they report.

use crate::{Mode, Result, Store, StoreError, Tx};
use signet_core::ids::{EventId, TenantId};
use signet_core::time::{Timestamp, from_millis, to_millis};
use sqlx::Row;

/// An event as stored; its envelope is `{id, type, created_at, data}`.
#[derive(Debug, Clone)]
pub struct EventRow {
    pub seq: i64,
    pub id: EventId,
    pub tenant_id: TenantId,
    pub mode: Mode,
    pub event_type: String,
    pub created_at: Timestamp,
    pub data: serde_json::Value,
}

impl EventRow {
    /// The envelope sent to webhook endpoints.
    pub fn envelope(&self) -> serde_json::Value {
        serde_json::json!({
            "id": self.id.as_str(),
            "type": self.event_type,
            "created_at": signet_core::time::format(&self.created_at),
            "data": self.data,
        })
    }
}

impl Store {
    #[allow(clippy::too_many_arguments)] // one column each; a struct would only rename them
    pub async fn insert_event(
        &self,
        tx: &mut Tx,
        id: &EventId,
        tenant: &TenantId,
        mode: Mode,
        event_type: &str,
        created_at: Timestamp,
        data: &serde_json::Value,
    ) -> Result<()> {
        sqlx::query("INSERT INTO events (id, tenant_id, mode, type, created_at, data) VALUES ($1, $2, $3, $4, $5, $6)")
            .bind(id.as_str())
            .bind(tenant.as_str())
            .bind(mode.as_str())
            .bind(event_type)
            .bind(to_millis(&created_at))
            .bind(serde_json::to_string(data)?)
            .execute(&mut **tx)
            .await?;
        Ok(())
    }

    /// Events of a tenant after `after_seq`, oldest first.
    pub async fn events_after(
        &self,
        tenant: &TenantId,
        mode: Mode,
        after_seq: i64,
        limit: u32,
    ) -> Result<Vec<EventRow>> {
        let rows = sqlx::query(
            "SELECT seq, id, tenant_id, mode, type, created_at, data FROM events WHERE tenant_id = $1 AND mode = $2 AND seq > $3 ORDER BY seq LIMIT $4",
        )
        .bind(tenant.as_str())
        .bind(mode.as_str())
        .bind(after_seq)
        .bind(i64::from(limit))
        .fetch_all(&self.read)
        .await?;
        rows.iter()
            .map(|row| {
                let id: String = row.try_get("id")?;
                let tenant: String = row.try_get("tenant_id")?;
                let mode: String = row.try_get("mode")?;
                let data: String = row.try_get("data")?;
                Ok(EventRow {
                    seq: row.try_get("seq")?,
                    id: EventId::parse(&id)
                        .ok_or_else(|| StoreError::Corrupt("event id".into()))?,
                    tenant_id: TenantId::parse(&tenant)
                        .ok_or_else(|| StoreError::Corrupt("event tenant".into()))?,
                    mode: Mode::parse(&mode)
                        .ok_or_else(|| StoreError::Corrupt("event mode".into()))?,
                    event_type: row.try_get("type")?,
                    created_at: from_millis(row.try_get("created_at")?),
                    data: serde_json::from_str(&data)?,
                })
            })
            .collect()
    }
}
