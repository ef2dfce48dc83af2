//! The transactional outbox: events are written with the change they report.

use crate::{Backend, Mode, Result, Store, StoreError, Tx};
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

/// An event's row: id, tenant, mode, type, created_at, data.
pub(crate) const EVENT: &str = "INSERT INTO events (id, tenant_id, mode, type, created_at, data) VALUES ($1, $2, $3, $4, $5, $6)";
/// Its fan-out (`$1` the event, `$5` its time, `$7` the wall clock's now), completed by
/// [`SUBSCRIBED`].
pub(crate) const FAN_OUT: &str = "INSERT INTO webhook_messages (endpoint_id, event_id, tenant_id, mode, status, attempts_made, next_attempt_at, run_at, fence, created_at, updated_at) \
     SELECT ep.id, $1, ep.tenant_id, ep.mode, 'pending', 0, $5, $7, 0, $5, $5 FROM webhook_endpoints ep";
/// The endpoints subscribed to the event (`$2` tenant, `$3` mode, `$8` the type quoted for LIKE).
pub(crate) const SUBSCRIBED: &str = "ep.tenant_id = $2 AND ep.mode = $3 AND ep.status = 'enabled' \
     AND (ep.event_types LIKE '%\"*\"%' OR ep.event_types LIKE $8 ESCAPE '\\')";

/// An event to write with the change it reports ([`Store::insert_event`]'s arguments).
pub struct NewEvent<'a> {
    pub id: &'a EventId,
    pub event_type: &'a str,
    pub data: &'a serde_json::Value,
    /// On the tenant's clock.
    pub created_at: Timestamp,
    /// When its webhook messages are due (the wall clock).
    pub wall_now: Timestamp,
}

impl Store {
    /// [`Store::insert_event`] for a [`NewEvent`].
    pub(crate) async fn insert_new_event(
        &self,
        tx: &mut Tx,
        tenant: &TenantId,
        mode: Mode,
        event: &NewEvent<'_>,
    ) -> Result<u64> {
        self.insert_event(
            tx,
            event.id,
            tenant,
            mode,
            event.event_type,
            event.created_at,
            event.data,
            event.wall_now,
        )
        .await
    }

    /// On SQLite's writer: `row` and `event` with its fan-out, as one transaction sent as data
    /// and batched with the others of the moment ([`crate::writer::Writer::run_batched`]).
    /// `row`'s statements number their own values from `$9` and may use `$2` (the tenant),
    /// `$3` (the mode) and `$5` (the event's time); the event is written only if row's last
    /// statement changed a row (`changes()`), its fan-out only with it. `None` when the event
    /// was not written; else how many webhook messages were.
    pub(crate) async fn batched_with_event(
        &self,
        writer: &std::sync::Arc<crate::writer::Writer>,
        tenant: &TenantId,
        mode: Mode,
        row: crate::writer::Batched,
        event: &NewEvent<'_>,
    ) -> Result<Option<u64>> {
        use crate::writer::{Arg, Batched};
        let data = self
            .seal_event_data(
                tenant.as_str(),
                event.id.as_str(),
                event_person(event.event_type, event.data),
                &serde_json::to_string(event.data)?,
            )
            .await?;
        let mut args = vec![
            Arg::Text(event.id.as_str().to_owned()),
            Arg::Text(tenant.as_str().to_owned()),
            Arg::Text(mode.as_str().to_owned()),
            Arg::Text(event.event_type.to_owned()),
            Arg::Int(to_millis(&event.created_at)),
            Arg::Text(data),
            Arg::Int(to_millis(&event.wall_now)),
            Arg::Text(crate::webhooks::like_quoted(event.event_type)),
        ];
        args.extend(row.args);
        let rows = writer
            .run_batched(Batched {
                sql: format!(
                    "{}; INSERT INTO events (id, tenant_id, mode, type, created_at, data) \
                     SELECT $1, $2, $3, $4, $5, $6 WHERE changes() = 1 RETURNING 0; \
                     {FAN_OUT} WHERE changes() = 1 AND {SUBSCRIBED} RETURNING 1",
                    row.sql
                ),
                args,
            })
            .await?;
        // A row for the event, then one per message.
        Ok((rows.len() as u64).checked_sub(1))
    }
}

impl Store {
    /// Writes an event to the outbox and, in the same round trip to the database, its
    /// fan-out: one pending message per enabled endpoint of the tenant and mode subscribed to
    /// its type (or to `*`), due at `wall_now`. Returns how many messages were written, so the
    /// caller can wake a delivery worker.
    ///
    /// On SQLite, two statements sent as one query, run by one hand-off to the connection's
    /// worker thread. Each request's writes on SQLite's single writer are a
    /// series of such hand-offs, so their number is what limits write throughput there.
    #[allow(clippy::too_many_arguments)] // the event's columns and the two clocks
    pub async fn insert_event(
        &self,
        tx: &mut Tx,
        id: &EventId,
        tenant: &TenantId,
        mode: Mode,
        event_type: &str,
        created_at: Timestamp,
        data: &serde_json::Value,
        wall_now: Timestamp,
    ) -> Result<u64> {
        // Payloads carry persons' data: a person's events are sealed under the person's key
        // (shredded with it at the erasure, in backups too), others under the tenant's.
        let data_column = self
            .seal_event_data(
                tenant.as_str(),
                id.as_str(),
                event_person(event_type, data),
                &serde_json::to_string(data)?,
            )
            .await?;
        match self.backend {
            // Two statements on PostgreSQL: the event's INSERT in a WITH made one statement of
            // them, but webhook delivery under a backlog then measured far slower, for a reason
            // not found yet, so the two stay apart there.
            Backend::Postgres => {
                sqlx::query(EVENT)
                    .bind(id.as_str())
                    .bind(tenant.as_str())
                    .bind(mode.as_str())
                    .bind(event_type)
                    .bind(to_millis(&created_at))
                    .bind(&data_column)
                    .execute(&mut **tx)
                    .await?;
                let done = sqlx::query(
                    "INSERT INTO webhook_messages (endpoint_id, event_id, tenant_id, mode, status, attempts_made, next_attempt_at, run_at, fence, created_at, updated_at) \
                     SELECT ep.id, $1, ep.tenant_id, ep.mode, 'pending', 0, $2, $3, 0, $2, $2 FROM webhook_endpoints ep \
                     WHERE ep.tenant_id = $4 AND ep.mode = $5 AND ep.status = 'enabled' \
                     AND (ep.event_types LIKE '%\"*\"%' OR ep.event_types LIKE $6 ESCAPE '\\')",
                )
                .bind(id.as_str())
                .bind(to_millis(&created_at))
                .bind(to_millis(&wall_now))
                .bind(tenant.as_str())
                .bind(mode.as_str())
                .bind(crate::webhooks::like_quoted(event_type))
                .execute(&mut **tx)
                .await?;
                Ok(done.rows_affected())
            }
            Backend::Sqlite => {
                let done = sqlx::query(sqlx::AssertSqlSafe(format!(
                    "{EVENT}; {FAN_OUT} WHERE {SUBSCRIBED}"
                )))
                .bind(id.as_str())
                .bind(tenant.as_str())
                .bind(mode.as_str())
                .bind(event_type)
                .bind(to_millis(&created_at))
                .bind(&data_column)
                .bind(to_millis(&wall_now))
                .bind(crate::webhooks::like_quoted(event_type))
                .execute(&mut **tx)
                .await?;
                // The event's own row is counted too.
                Ok(done.rows_affected().saturating_sub(1))
            }
        }
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
        self.load_sealed_keys(&rows, "data").await?;
        rows.iter()
            .map(|row| {
                let id: String = row.try_get("id")?;
                let tenant: String = row.try_get("tenant_id")?;
                let mode: String = row.try_get("mode")?;
                let data = self.open_event_data(&row.try_get::<String, _>("data")?, &id)?;
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

/// Table and field of an event's payload as sealed (associated data, with the event's id).
const EVENT_DATA: &str = "events.data";

/// The person an event's payload is about: the person of a `person.*` event, or the
/// `person_id` the payload names (identifications, screenings, hits).
fn event_person<'a>(event_type: &str, data: &'a serde_json::Value) -> Option<&'a str> {
    let field = if event_type.starts_with("person.") {
        "id"
    } else {
        "person_id"
    };
    data.get(field)
        .and_then(|v| v.as_str())
        .filter(|p| signet_core::ids::PersonId::parse(p).is_some())
}

impl Store {
    /// An event's `data` column: with a keyring sealed under the person's key when it is about
    /// one (the tenant's if that person's key is gone), else under the tenant's key.
    async fn seal_event_data(
        &self,
        tenant: &str,
        id: &str,
        person: Option<&str>,
        json: &str,
    ) -> Result<String> {
        let Some(keyring) = &self.keyring else {
            return Ok(json.to_owned());
        };
        let context = format!("{EVENT_DATA}:{id}");
        if let Some(person) = person {
            match keyring
                .seal_person_text(tenant, person, &context, json)
                .await
            {
                Err(StoreError::NotFound) => {}
                sealed => return sealed,
            }
        }
        keyring.seal_tenant_text(tenant, &context, json).await
    }

    /// An event's payload as JSON text (its key loaded: `load_sealed_keys`); one stored in the
    /// clear before encryption is returned as it is.
    pub(crate) fn open_event_data(&self, stored: &str, id: &str) -> Result<String> {
        if !crate::keyring::is_sealed_text(stored) {
            return Ok(stored.to_owned());
        }
        let keyring = self.keyring.as_ref().ok_or_else(|| {
            StoreError::Corrupt("an event is encrypted and no keyring is open".into())
        })?;
        match keyring.open_person_text(stored, &format!("{EVENT_DATA}:{id}"), None) {
            // Sealed under a person's key that was destroyed (their erasure): the payload is
            // gone, as a removed one is.
            Err(StoreError::NotFound) => Ok("{}".to_owned()),
            opened => opened,
        }
    }

    /// Event payloads stored in the clear before encryption at rest, sealed as new ones are
    /// (see [`Store::encrypt_legacy_rows`]).
    pub(crate) async fn encrypt_legacy_events(&self) -> Result<u64> {
        let mut done = 0;
        loop {
            let rows = sqlx::query(
                "SELECT id, tenant_id, type, data FROM events WHERE data NOT LIKE 'enc1:%' LIMIT 500",
            )
            .fetch_all(&self.read)
            .await?;
            if rows.is_empty() {
                return Ok(done);
            }
            let mut tx = self.begin().await?;
            for row in &rows {
                let id: String = row.try_get("id")?;
                let tenant: String = row.try_get("tenant_id")?;
                let event_type: String = row.try_get("type")?;
                let data: String = row.try_get("data")?;
                let parsed: serde_json::Value =
                    serde_json::from_str(&data).unwrap_or(serde_json::Value::Null);
                let sealed = self
                    .seal_event_data(&tenant, &id, event_person(&event_type, &parsed), &data)
                    .await?;
                done += sqlx::query("UPDATE events SET data = $1 WHERE id = $2 AND data = $3")
                    .bind(sealed)
                    .bind(&id)
                    .bind(&data)
                    .execute(&mut *tx)
                    .await?
                    .rows_affected();
            }
            tx.commit().await?;
        }
    }
}
