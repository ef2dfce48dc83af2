//! Webhook subscriptions, the outbound message queue and the delivery log.
//!
//! The fan-out runs inside the transaction that writes an event: one message per enabled
//! endpoint of the tenant and mode that subscribes to the event's type. A crash therefore
//! never loses a message nor invents one, and a future resource only has to write its events
//! through the outbox to be delivered.
//!
//! Messages are claimed like jobs: a lease with a fencing token, and `FOR UPDATE SKIP LOCKED`
//! on PostgreSQL, so with several `signet serve` processes each message is in flight in one
//! of them at a time, and a process that dies mid-delivery only delays its messages until the
//! lease runs out.

use crate::{Backend, Mode, Result, Store, StoreError, Tx};
use signet_core::ids::{DeliveryId, EventId, TenantId, WebhookEndpointId};
use signet_core::time::{Timestamp, from_millis, to_millis};
use sqlx::Row;
use sqlx::any::AnyRow;

/// Subscribes an endpoint to every event type.
pub const ALL_EVENT_TYPES: &str = "*";

/// A webhook endpoint as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WebhookEndpointRow {
    pub id: WebhookEndpointId,
    pub tenant_id: TenantId,
    pub mode: Mode,
    pub url: String,
    pub event_types: Vec<String>,
    pub description: Option<String>,
    /// `true` when deliveries go out; a disabled endpoint keeps its messages pending.
    pub enabled: bool,
    /// The `whsec_` secret that signs every delivery.
    pub secret: String,
    /// The secret before the last rotation, still signing until `previous_secret_until`.
    pub previous_secret: Option<String>,
    pub previous_secret_until: Option<Timestamp>,
    pub disabled_reason: Option<String>,
    /// Tenant time of the first failed attempt since the last success.
    pub failing_since: Option<Timestamp>,
    pub created_at: Timestamp,
    pub updated_at: Timestamp,
}

/// A message a delivery worker holds, with everything one attempt needs.
#[derive(Debug, Clone)]
pub struct ClaimedMessage {
    pub endpoint_id: WebhookEndpointId,
    /// The event's id: the `webhook-id` header, the same on every attempt.
    pub event_id: EventId,
    pub event_type: String,
    pub tenant_id: TenantId,
    pub mode: Mode,
    /// Attempts already made in the current schedule (0 before the first).
    pub attempts_made: u32,
    pub fence: i64,
    pub url: String,
    pub secret: String,
    pub previous_secret: Option<String>,
    pub previous_secret_until: Option<Timestamp>,
    /// Whether the endpoint had a failure streak running when the message was claimed (a
    /// success then has a streak to clear).
    pub endpoint_failing: bool,
    /// The tenant's test-clock offset when the message was claimed (0 in live mode).
    pub clock_offset_ms: i64,
    /// The JSON envelope `{id, type, created_at, data}`, sent and signed byte for byte.
    pub body: Vec<u8>,
}

impl ClaimedMessage {
    /// The tenant's clock for this message's mode at wall time `wall`.
    pub fn tenant_now(&self, wall: Timestamp) -> Timestamp {
        wall + chrono::Duration::milliseconds(self.clock_offset_ms)
    }
}

/// One attempt for the delivery log.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DeliveryAttemptRow {
    pub id: DeliveryId,
    pub endpoint_id: WebhookEndpointId,
    pub event_id: EventId,
    pub event_type: String,
    /// Position in the message's current schedule (1 for the first attempt).
    pub attempt: u32,
    /// Tenant time of the attempt.
    pub attempted_at: Timestamp,
    /// The `webhook-timestamp` sent: wall-clock Unix seconds.
    pub webhook_timestamp: i64,
    pub status_code: Option<u16>,
    pub latency_us: i64,
    pub error: Option<String>,
    pub response_excerpt: Option<String>,
    /// `delivered`, `retrying`, `failed` or `endpoint_disabled`.
    pub outcome: String,
}

/// Where a message goes after an attempt.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MessageSettlement {
    Delivered,
    /// Try again at this tenant time; `run_at` is the matching wall-clock time.
    Retry {
        next_attempt_at: Timestamp,
        run_at: Timestamp,
    },
    Failed,
}

/// A message of an endpoint, for operators and tests.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WebhookMessageRow {
    pub event_id: EventId,
    pub status: String,
    pub attempts_made: u32,
    pub next_attempt_at: Option<Timestamp>,
    pub created_at: Timestamp,
}

const ENDPOINT_COLUMNS: &str = "id, tenant_id, mode, url, event_types, description, status, secret, previous_secret, previous_secret_until, disabled_reason, failing_since, created_at, updated_at";

fn corrupt(what: &str) -> StoreError {
    StoreError::Corrupt(what.to_owned())
}

fn endpoint_from_row(store: &Store, row: &AnyRow) -> Result<WebhookEndpointRow> {
    let id: String = row.try_get("id")?;
    let (secret, previous_secret) = open_secrets(store, row, &id)?;
    let tenant: String = row.try_get("tenant_id")?;
    let mode: String = row.try_get("mode")?;
    let types: String = row.try_get("event_types")?;
    let status: String = row.try_get("status")?;
    let until: Option<i64> = row.try_get("previous_secret_until")?;
    let failing: Option<i64> = row.try_get("failing_since")?;
    Ok(WebhookEndpointRow {
        id: WebhookEndpointId::parse(&id).ok_or_else(|| corrupt("webhook endpoint id"))?,
        tenant_id: TenantId::parse(&tenant).ok_or_else(|| corrupt("webhook endpoint tenant"))?,
        mode: Mode::parse(&mode).ok_or_else(|| corrupt("webhook endpoint mode"))?,
        url: row.try_get("url")?,
        event_types: serde_json::from_str(&types)?,
        description: row.try_get("description")?,
        enabled: status == "enabled",
        secret,
        previous_secret,
        previous_secret_until: until.map(from_millis),
        disabled_reason: row.try_get("disabled_reason")?,
        failing_since: failing.map(from_millis),
        created_at: from_millis(row.try_get("created_at")?),
        updated_at: from_millis(row.try_get("updated_at")?),
    })
}

/// An endpoint's signing secrets in the clear (they are stored sealed under the master key).
fn open_secrets(store: &Store, row: &AnyRow, id: &str) -> Result<(String, Option<String>)> {
    use crate::sealed::{WEBHOOK_ENDPOINTS, context};
    let secret: String = row.try_get("secret")?;
    let previous: Option<String> = row.try_get("previous_secret")?;
    let sealer = store.sealer()?;
    Ok((
        sealer.open_text(&secret, &context(WEBHOOK_ENDPOINTS, "secret", id))?,
        previous
            .map(|p| sealer.open_text(&p, &context(WEBHOOK_ENDPOINTS, "previous_secret", id)))
            .transpose()?,
    ))
}

/// The sealed forms of an endpoint's signing secrets, for writing.
fn seal_secrets(store: &Store, e: &WebhookEndpointRow) -> Result<(String, Option<String>)> {
    use crate::sealed::{WEBHOOK_ENDPOINTS, context};
    let id = e.id.as_str();
    let sealer = store.sealer()?;
    Ok((
        sealer.seal_text(&e.secret, &context(WEBHOOK_ENDPOINTS, "secret", id))?,
        e.previous_secret
            .as_deref()
            .map(|p| sealer.seal_text(p, &context(WEBHOOK_ENDPOINTS, "previous_secret", id)))
            .transpose()?,
    ))
}

fn status_str(enabled: bool) -> &'static str {
    if enabled { "enabled" } else { "disabled" }
}

/// `LIKE` pattern matching `"TYPE"` inside the JSON array of event types, with the
/// wildcards of the type escaped (`_` is common in type names).
pub(crate) fn like_quoted(event_type: &str) -> String {
    let mut p = String::from("%\"");
    for c in event_type.chars() {
        if matches!(c, '\\' | '%' | '_') {
            p.push('\\');
        }
        p.push(c);
    }
    p.push_str("\"%");
    p
}

fn opt_u16(v: Option<i64>) -> Option<u16> {
    v.and_then(|c| u16::try_from(c).ok())
}

fn u32_of(v: i64) -> u32 {
    u32::try_from(v.max(0)).unwrap_or(u32::MAX)
}

impl Store {
    pub async fn insert_webhook_endpoint(&self, e: &WebhookEndpointRow) -> Result<()> {
        let mut tx = self.begin().await?;
        self.insert_webhook_endpoint_in(&mut tx, e).await?;
        tx.commit().await?;
        Ok(())
    }

    /// Inserts an endpoint unless its tenant already has `cap` in its mode; `false` when it
    /// has. The count and the insert happen under the tenant's row lock (SQLite's single
    /// writer serialises them anyway), so creations at once never take a tenant over its cap
    /// and never refuse one that fits.
    pub async fn insert_webhook_endpoint_capped(
        &self,
        e: &WebhookEndpointRow,
        cap: i64,
    ) -> Result<bool> {
        let mut tx = self.begin().await?;
        sqlx::query(sqlx::AssertSqlSafe(format!(
            "SELECT id FROM tenants WHERE id = $1{}",
            self.backend.for_no_key_update()
        )))
        .bind(e.tenant_id.as_str())
        .fetch_optional(&mut *tx)
        .await?;
        let row = sqlx::query(
            "SELECT COUNT(*) AS n FROM webhook_endpoints WHERE tenant_id = $1 AND mode = $2",
        )
        .bind(e.tenant_id.as_str())
        .bind(e.mode.as_str())
        .fetch_one(&mut *tx)
        .await?;
        let n: i64 = row.try_get("n")?;
        if n >= cap {
            tx.rollback().await?;
            return Ok(false);
        }
        self.insert_webhook_endpoint_in(&mut tx, e).await?;
        tx.commit().await?;
        Ok(true)
    }

    async fn insert_webhook_endpoint_in(&self, tx: &mut Tx, e: &WebhookEndpointRow) -> Result<()> {
        let (secret, previous_secret) = seal_secrets(self, e)?;
        sqlx::query(sqlx::AssertSqlSafe(format!(
            "INSERT INTO webhook_endpoints ({ENDPOINT_COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)"
        )))
        .bind(e.id.as_str())
        .bind(e.tenant_id.as_str())
        .bind(e.mode.as_str())
        .bind(&e.url)
        .bind(serde_json::to_string(&e.event_types)?)
        .bind(e.description.clone())
        .bind(status_str(e.enabled))
        .bind(secret)
        .bind(previous_secret)
        .bind(e.previous_secret_until.as_ref().map(to_millis))
        .bind(e.disabled_reason.clone())
        .bind(e.failing_since.as_ref().map(to_millis))
        .bind(to_millis(&e.created_at))
        .bind(to_millis(&e.updated_at))
        .execute(&mut **tx)
        .await
        .map_err(|e| StoreError::on_constraint(e, "webhook endpoint id collision"))?;
        Ok(())
    }

    /// One endpoint of a tenant and mode.
    pub async fn webhook_endpoint(
        &self,
        tenant: &TenantId,
        mode: Mode,
        id: &WebhookEndpointId,
    ) -> Result<WebhookEndpointRow> {
        let row = sqlx::query(sqlx::AssertSqlSafe(format!(
            "SELECT {ENDPOINT_COLUMNS} FROM webhook_endpoints WHERE id = $1 AND tenant_id = $2 AND mode = $3"
        )))
        .bind(id.as_str())
        .bind(tenant.as_str())
        .bind(mode.as_str())
        .fetch_optional(&mut *self.write_conn().await?)
        .await?
        .ok_or(StoreError::NotFound)?;
        endpoint_from_row(self, &row)
    }

    /// Endpoints of a tenant and mode, oldest first.
    pub async fn list_webhook_endpoints(
        &self,
        tenant: &TenantId,
        mode: Mode,
        page_number: u32,
        page_size: u32,
    ) -> Result<Vec<WebhookEndpointRow>> {
        let offset = i64::from(page_number.saturating_sub(1)) * i64::from(page_size);
        let rows = sqlx::query(sqlx::AssertSqlSafe(format!(
            "SELECT {ENDPOINT_COLUMNS} FROM webhook_endpoints WHERE tenant_id = $1 AND mode = $2 ORDER BY created_at, id LIMIT $3 OFFSET $4"
        )))
        .bind(tenant.as_str())
        .bind(mode.as_str())
        .bind(i64::from(page_size))
        .bind(offset)
        .fetch_all(&self.read)
        .await?;
        rows.iter().map(|r| endpoint_from_row(self, r)).collect()
    }

    /// Writes every mutable column of an endpoint (update, rotation, enable/disable).
    pub async fn update_webhook_endpoint(&self, e: &WebhookEndpointRow) -> Result<()> {
        let (secret, previous_secret) = seal_secrets(self, e)?;
        let done = sqlx::query(
            "UPDATE webhook_endpoints SET url = $1, event_types = $2, description = $3, status = $4, secret = $5, \
             previous_secret = $6, previous_secret_until = $7, disabled_reason = $8, failing_since = $9, updated_at = $10 \
             WHERE id = $11 AND tenant_id = $12 AND mode = $13",
        )
        .bind(&e.url)
        .bind(serde_json::to_string(&e.event_types)?)
        .bind(e.description.clone())
        .bind(status_str(e.enabled))
        .bind(secret)
        .bind(previous_secret)
        .bind(e.previous_secret_until.as_ref().map(to_millis))
        .bind(e.disabled_reason.clone())
        .bind(e.failing_since.as_ref().map(to_millis))
        .bind(to_millis(&e.updated_at))
        .bind(e.id.as_str())
        .bind(e.tenant_id.as_str())
        .bind(e.mode.as_str())
        .execute(&mut *self.write_conn().await?)
        .await?;
        if done.rows_affected() == 0 {
            return Err(StoreError::NotFound);
        }
        Ok(())
    }

    /// Deletes an endpoint with its messages and its delivery log.
    pub async fn delete_webhook_endpoint(
        &self,
        tenant: &TenantId,
        mode: Mode,
        id: &WebhookEndpointId,
    ) -> Result<()> {
        let mut tx = self.begin().await?;
        let done = sqlx::query(
            "DELETE FROM webhook_endpoints WHERE id = $1 AND tenant_id = $2 AND mode = $3",
        )
        .bind(id.as_str())
        .bind(tenant.as_str())
        .bind(mode.as_str())
        .execute(&mut *tx)
        .await?;
        if done.rows_affected() == 0 {
            return Err(StoreError::NotFound);
        }
        for table in ["webhook_messages", "webhook_attempts"] {
            sqlx::query(sqlx::AssertSqlSafe(format!(
                "DELETE FROM {table} WHERE endpoint_id = $1"
            )))
            .bind(id.as_str())
            .execute(&mut *tx)
            .await?;
        }
        tx.commit().await?;
        Ok(())
    }

    /// Is any message due (optionally of one tenant)? A cheap read that spares the writer an
    /// empty claim. `include_leased` also counts due messages another worker holds, which a
    /// drain after a clock advance waits for.
    pub async fn has_due_webhook_messages(
        &self,
        wall_now: Timestamp,
        tenant: Option<&TenantId>,
        include_leased: bool,
    ) -> Result<bool> {
        let tenant_filter = if tenant.is_some() {
            " AND m.tenant_id = $2"
        } else {
            ""
        };
        let lease_filter = if include_leased {
            ""
        } else {
            " AND (m.lease_until IS NULL OR m.lease_until < $1)"
        };
        let sql = format!(
            "SELECT 1 FROM webhook_messages m JOIN webhook_endpoints ep ON ep.id = m.endpoint_id \
             WHERE m.status = 'pending' AND m.run_at <= $1{lease_filter} AND ep.status = 'enabled'{tenant_filter} LIMIT 1"
        );
        let mut q = sqlx::query(sqlx::AssertSqlSafe(sql)).bind(to_millis(&wall_now));
        if let Some(t) = tenant {
            q = q.bind(t.as_str());
        }
        // The writer: on SQLite a reader connection can be left on an old snapshot by a
        // statement another query did not step to its end, and would miss new messages.
        Ok(!q
            .fetch_all(&mut *self.write_conn().await?)
            .await?
            .is_empty())
    }

    /// Claims up to `limit` due messages of enabled endpoints for `lease`, under the claim
    /// token `owner` (unique per claim), and loads what their attempts need. Messages of the
    /// tenants in `skip` (those using their share of the delivery slots) are left alone.
    pub async fn claim_webhook_messages(
        &self,
        owner: &str,
        wall_now: Timestamp,
        lease: chrono::Duration,
        limit: u32,
        tenant: Option<&TenantId>,
        skip: &[TenantId],
    ) -> Result<Vec<ClaimedMessage>> {
        let now = to_millis(&wall_now);
        let mut tenant_filter = if tenant.is_some() {
            " AND m.tenant_id = $5".to_owned()
        } else {
            String::new()
        };
        if !skip.is_empty() {
            let first = if tenant.is_some() { 6 } else { 5 };
            let list: Vec<String> = (0..skip.len()).map(|i| format!("${}", first + i)).collect();
            tenant_filter.push_str(&format!(" AND m.tenant_id NOT IN ({})", list.join(", ")));
        }
        // What an attempt needs, found by the keys the UPDATE returned (in the same statement
        // on PostgreSQL, read back on SQLite), not by the lease owner, which has no index and
        // would scan every message ever sent.
        const LOADED: &str = "m.endpoint_id, m.event_id, m.tenant_id, m.mode, m.attempts_made, m.fence, \
             ep.url, ep.secret, ep.previous_secret, ep.previous_secret_until, ep.failing_since, t.clock_offset_ms, \
             e.type, e.created_at, e.data";
        const JOINS: &str = "JOIN webhook_endpoints ep ON ep.id = m.endpoint_id \
             JOIN events e ON e.id = m.event_id \
             JOIN tenants t ON t.id = m.tenant_id";
        let update = format!(
            "UPDATE webhook_messages SET lease_owner = $1, lease_until = $2, fence = fence + 1 \
             WHERE (endpoint_id, event_id) IN (SELECT m.endpoint_id, m.event_id FROM webhook_messages m \
             WHERE m.status = 'pending' AND m.run_at <= $3 AND (m.lease_until IS NULL OR m.lease_until < $3) \
             AND EXISTS (SELECT 1 FROM webhook_endpoints ep WHERE ep.id = m.endpoint_id AND ep.status = 'enabled'){tenant_filter} \
             ORDER BY m.run_at LIMIT $4{})",
            self.backend.skip_locked()
        );
        // SQLite reads back by the keys the UPDATE returned (it takes no UPDATE in a WITH).
        // PostgreSQL claims and loads in one statement: the read-back cost it a planning and
        // a walk per key on every claim (1.3 ms a claim in a backlog, more than the claim).
        let sql = match self.backend {
            Backend::Sqlite => format!("{update} RETURNING endpoint_id, event_id"),
            Backend::Postgres => format!(
                "WITH m AS ({update} RETURNING endpoint_id, event_id, tenant_id, mode, attempts_made, fence, run_at) \
                 SELECT {LOADED}, m.run_at FROM m {JOINS}"
            ),
        };
        let mut q = sqlx::query(sqlx::AssertSqlSafe(sql))
            .bind(owner)
            .bind(now + lease.num_milliseconds())
            .bind(now)
            .bind(i64::from(limit));
        if let Some(t) = tenant {
            q = q.bind(t.as_str());
        }
        for t in skip {
            q = q.bind(t.as_str());
        }
        // SQLite's read-back by primary key walks a `VALUES` list of the keys (the same
        // list as an `IN` or a chain of `OR`s sharing one endpoint scanned every message).
        // Unordered: the rows are put in `run_at` order below.
        let load = |keys: &[AnyRow]| -> Result<_> {
            let list: Vec<String> = (0..keys.len())
                .map(|i| format!("(${}, ${})", 2 * i + 1, 2 * i + 2))
                .collect();
            let sql = format!(
                "SELECT {LOADED}, m.run_at FROM (VALUES {}) AS k \
                 JOIN webhook_messages m ON m.endpoint_id = k.column1 AND m.event_id = k.column2 {JOINS}",
                list.join(", ")
            );
            let mut q = sqlx::query(sqlx::AssertSqlSafe(sql));
            for row in keys {
                q = q
                    .bind(row.try_get::<String, _>("endpoint_id")?)
                    .bind(row.try_get::<String, _>("event_id")?);
            }
            Ok(q)
        };
        let mut rows = match self.backend {
            Backend::Sqlite => {
                // `fetch_all`: SQLite commits an UPDATE … RETURNING once it is stepped to its
                // end.
                let mut rows = q.fetch_all(&mut *self.write_conn().await?).await?;
                if !rows.is_empty() {
                    rows = load(&rows)?
                        .fetch_all(&mut *self.write_conn().await?)
                        .await?;
                }
                rows
            }
            Backend::Postgres => {
                // Until the table has statistics (a new database, or a backlog far larger
                // than when it was last analysed) the planner takes the pending messages for
                // a handful and sorts all of them for every claim, milliseconds per claim
                // under a backlog of thousands (EXPLAIN ANALYZE: 12 ms for 16 of 10,000).
                // With sorting disabled for the claim it walks the due index in order and
                // stops at the limit, whatever the statistics say.
                let mut tx = self.begin().await?;
                sqlx::query("SET LOCAL enable_sort = off")
                    .execute(&mut *tx)
                    .await?;
                let rows = q.fetch_all(&mut *tx).await?;
                tx.commit().await?;
                rows
            }
        };
        rows.sort_by_key(|r| r.try_get::<Option<i64>, _>("run_at").ok().flatten());
        self.load_sealed_keys(&rows, "data").await?;
        rows.iter()
            .map(|row| {
                let endpoint: String = row.try_get("endpoint_id")?;
                let event: String = row.try_get("event_id")?;
                let tenant: String = row.try_get("tenant_id")?;
                let mode: String = row.try_get("mode")?;
                let mode = Mode::parse(&mode).ok_or_else(|| corrupt("webhook message mode"))?;
                let data = self.open_event_data(&row.try_get::<String, _>("data")?, &event)?;
                let event_id =
                    EventId::parse(&event).ok_or_else(|| corrupt("webhook message event id"))?;
                let event_type: String = row.try_get("type")?;
                let data: serde_json::Value = serde_json::from_str(&data)?;
                let envelope = serde_json::json!({
                    "id": event_id.as_str(),
                    "type": event_type,
                    "created_at": signet_core::time::format(&from_millis(row.try_get("created_at")?)),
                    "data": data,
                });
                let until: Option<i64> = row.try_get("previous_secret_until")?;
                let offset: i64 = row.try_get("clock_offset_ms")?;
                let failing: Option<i64> = row.try_get("failing_since")?;
                let (secret, previous_secret) = open_secrets(self, row, &endpoint)?;
                Ok(ClaimedMessage {
                    endpoint_id: WebhookEndpointId::parse(&endpoint)
                        .ok_or_else(|| corrupt("webhook message endpoint"))?,
                    event_id,
                    event_type,
                    tenant_id: TenantId::parse(&tenant)
                        .ok_or_else(|| corrupt("webhook message tenant"))?,
                    mode,
                    attempts_made: u32_of(row.try_get("attempts_made")?),
                    fence: row.try_get("fence")?,
                    url: row.try_get("url")?,
                    secret,
                    previous_secret,
                    previous_secret_until: until.map(from_millis),
                    endpoint_failing: failing.is_some(),
                    clock_offset_ms: if mode == Mode::Test { offset } else { 0 },
                    body: serde_json::to_vec(&envelope)?,
                })
            })
            .collect()
    }

    /// Appends an attempt to the delivery log.
    pub async fn insert_delivery_attempt(&self, tx: &mut Tx, a: &DeliveryAttemptRow) -> Result<()> {
        sqlx::query(
            "INSERT INTO webhook_attempts (id, endpoint_id, event_id, event_type, attempt, attempted_at, webhook_timestamp, status_code, latency_us, error, response_excerpt, outcome) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)",
        )
        .bind(a.id.as_str())
        .bind(a.endpoint_id.as_str())
        .bind(a.event_id.as_str())
        .bind(&a.event_type)
        .bind(i64::from(a.attempt))
        .bind(to_millis(&a.attempted_at))
        .bind(a.webhook_timestamp)
        .bind(a.status_code.map(i64::from))
        .bind(a.latency_us)
        .bind(a.error.clone())
        .bind(a.response_excerpt.clone())
        .bind(&a.outcome)
        .execute(&mut **tx)
        .await?;
        Ok(())
    }

    /// Moves a claimed message on after an attempt, if the claim is still ours. Returns
    /// `false` when the lease was lost (another worker took the message over).
    pub async fn settle_webhook_message(
        &self,
        tx: &mut Tx,
        m: &ClaimedMessage,
        settlement: MessageSettlement,
        error: Option<&str>,
        tenant_now: Timestamp,
    ) -> Result<bool> {
        let (status, next, run_at) = match settlement {
            MessageSettlement::Delivered => ("delivered", None, None),
            MessageSettlement::Failed => ("failed", None, None),
            MessageSettlement::Retry {
                next_attempt_at,
                run_at,
            } => (
                "pending",
                Some(to_millis(&next_attempt_at)),
                Some(to_millis(&run_at)),
            ),
        };
        let done = sqlx::query(
            "UPDATE webhook_messages SET status = $1, attempts_made = attempts_made + 1, next_attempt_at = $2, run_at = $3, \
             lease_owner = NULL, lease_until = NULL, last_error = $4, updated_at = $5 \
             WHERE endpoint_id = $6 AND event_id = $7 AND fence = $8",
        )
        .bind(status)
        .bind(next)
        .bind(run_at)
        .bind(error)
        .bind(to_millis(&tenant_now))
        .bind(m.endpoint_id.as_str())
        .bind(m.event_id.as_str())
        .bind(m.fence)
        .execute(&mut **tx)
        .await?;
        Ok(done.rows_affected() == 1)
    }

    /// Records a batch of successful attempts in two statements (one multi-row insert into the
    /// log, one update of the messages), for the common case of a healthy endpoint: per-row
    /// statements make the database's statement overhead the limit of delivery throughput.
    /// Each message is settled only if its claim is still ours; returns how many were.
    pub async fn record_deliveries(
        &self,
        tx: &mut Tx,
        done: &[(&ClaimedMessage, DeliveryAttemptRow)],
        tenant_now: Timestamp,
    ) -> Result<u64> {
        if done.is_empty() {
            return Ok(0);
        }
        let mut sql = String::from(
            "INSERT INTO webhook_attempts (id, endpoint_id, event_id, event_type, attempt, attempted_at, webhook_timestamp, status_code, latency_us, error, response_excerpt, outcome) VALUES ",
        );
        for i in 0..done.len() {
            let b = i * 12;
            if i > 0 {
                sql.push_str(", ");
            }
            sql.push('(');
            for k in 1..=12 {
                if k > 1 {
                    sql.push_str(", ");
                }
                sql.push_str(&format!("${}", b + k));
            }
            sql.push(')');
        }
        let mut q = sqlx::query(sqlx::AssertSqlSafe(sql));
        for (_, a) in done {
            q = q
                .bind(a.id.as_str().to_owned())
                .bind(a.endpoint_id.as_str().to_owned())
                .bind(a.event_id.as_str().to_owned())
                .bind(a.event_type.clone())
                .bind(i64::from(a.attempt))
                .bind(to_millis(&a.attempted_at))
                .bind(a.webhook_timestamp)
                .bind(a.status_code.map(i64::from))
                .bind(a.latency_us)
                .bind(a.error.clone())
                .bind(a.response_excerpt.clone())
                .bind(a.outcome.clone());
        }
        q.execute(&mut **tx).await?;

        // A join with a VALUES list (its columns are column1..column3 on both backends).
        let mut sql = String::from(
            "UPDATE webhook_messages SET status = 'delivered', attempts_made = attempts_made + 1, next_attempt_at = NULL, run_at = NULL, \
             lease_owner = NULL, lease_until = NULL, last_error = NULL, updated_at = $1 FROM (VALUES ",
        );
        for i in 0..done.len() {
            let b = 2 + i * 3;
            if i > 0 {
                sql.push_str(", ");
            }
            sql.push_str(&format!("(${b}, ${}, ${})", b + 1, b + 2));
        }
        sql.push_str(
            ") AS v WHERE webhook_messages.endpoint_id = v.column1 AND webhook_messages.event_id = v.column2 AND webhook_messages.fence = v.column3",
        );
        let mut q = sqlx::query(sqlx::AssertSqlSafe(sql)).bind(to_millis(&tenant_now));
        for (m, _) in done {
            q = q
                .bind(m.endpoint_id.as_str().to_owned())
                .bind(m.event_id.as_str().to_owned())
                .bind(m.fence);
        }
        Ok(q.execute(&mut **tx).await?.rows_affected())
    }

    /// A successful delivery clears the endpoint's failure streak.
    pub async fn endpoint_succeeded(&self, tx: &mut Tx, id: &WebhookEndpointId) -> Result<()> {
        sqlx::query(
            "UPDATE webhook_endpoints SET failing_since = NULL WHERE id = $1 AND failing_since IS NOT NULL",
        )
        .bind(id.as_str())
        .execute(&mut **tx)
        .await?;
        Ok(())
    }

    /// A failed attempt starts the endpoint's failure streak if none is running. Returns the
    /// streak's start (tenant time), for the five-day rule.
    pub async fn endpoint_failed(
        &self,
        tx: &mut Tx,
        id: &WebhookEndpointId,
        tenant_now: Timestamp,
    ) -> Result<Timestamp> {
        sqlx::query(
            "UPDATE webhook_endpoints SET failing_since = $1 WHERE id = $2 AND failing_since IS NULL",
        )
        .bind(to_millis(&tenant_now))
        .bind(id.as_str())
        .execute(&mut **tx)
        .await?;
        let since: Option<i64> =
            sqlx::query("SELECT failing_since FROM webhook_endpoints WHERE id = $1")
                .bind(id.as_str())
                .fetch_optional(&mut **tx)
                .await?
                .map(|r| r.try_get(0))
                .transpose()?
                .flatten();
        Ok(since.map(from_millis).unwrap_or(tenant_now))
    }

    /// Disables an enabled endpoint. Returns `true` only for the call that disabled it, so
    /// the `webhook.endpoint_disabled` event is raised once however many deliveries race.
    pub async fn disable_webhook_endpoint(
        &self,
        tx: &mut Tx,
        id: &WebhookEndpointId,
        reason: &str,
        tenant_now: Timestamp,
    ) -> Result<bool> {
        let done = sqlx::query(
            "UPDATE webhook_endpoints SET status = 'disabled', disabled_reason = $1, updated_at = $2 WHERE id = $3 AND status = 'enabled'",
        )
        .bind(reason)
        .bind(to_millis(&tenant_now))
        .bind(id.as_str())
        .execute(&mut **tx)
        .await?;
        Ok(done.rows_affected() == 1)
    }

    /// An endpoint inside a transaction (locked on PostgreSQL).
    pub async fn webhook_endpoint_in_tx(
        &self,
        tx: &mut Tx,
        id: &WebhookEndpointId,
    ) -> Result<WebhookEndpointRow> {
        let row = sqlx::query(sqlx::AssertSqlSafe(format!(
            "SELECT {ENDPOINT_COLUMNS} FROM webhook_endpoints WHERE id = $1{}",
            self.backend.for_update()
        )))
        .bind(id.as_str())
        .fetch_optional(&mut **tx)
        .await?
        .ok_or(StoreError::NotFound)?;
        endpoint_from_row(self, &row)
    }

    /// The delivery log of an endpoint, newest first.
    pub async fn delivery_attempts(
        &self,
        endpoint: &WebhookEndpointId,
        page_number: u32,
        page_size: u32,
    ) -> Result<Vec<DeliveryAttemptRow>> {
        let offset = i64::from(page_number.saturating_sub(1)) * i64::from(page_size);
        let rows = sqlx::query(
            "SELECT id, endpoint_id, event_id, event_type, attempt, attempted_at, webhook_timestamp, status_code, latency_us, error, response_excerpt, outcome \
             FROM webhook_attempts WHERE endpoint_id = $1 ORDER BY seq DESC LIMIT $2 OFFSET $3",
        )
        .bind(endpoint.as_str())
        .bind(i64::from(page_size))
        .bind(offset)
        .fetch_all(&mut *self.write_conn().await?)
        .await?;
        rows.iter()
            .map(|row| {
                let id: String = row.try_get("id")?;
                let endpoint: String = row.try_get("endpoint_id")?;
                let event: String = row.try_get("event_id")?;
                Ok(DeliveryAttemptRow {
                    id: DeliveryId::parse(&id).ok_or_else(|| corrupt("delivery id"))?,
                    endpoint_id: WebhookEndpointId::parse(&endpoint)
                        .ok_or_else(|| corrupt("delivery endpoint"))?,
                    event_id: EventId::parse(&event).ok_or_else(|| corrupt("delivery event"))?,
                    event_type: row.try_get("event_type")?,
                    attempt: u32_of(row.try_get("attempt")?),
                    attempted_at: from_millis(row.try_get("attempted_at")?),
                    webhook_timestamp: row.try_get("webhook_timestamp")?,
                    status_code: opt_u16(row.try_get("status_code")?),
                    latency_us: row.try_get("latency_us")?,
                    error: row.try_get("error")?,
                    response_excerpt: row.try_get("response_excerpt")?,
                    outcome: row.try_get("outcome")?,
                })
            })
            .collect()
    }

    /// The messages of an endpoint, oldest first.
    pub async fn webhook_messages(
        &self,
        endpoint: &WebhookEndpointId,
    ) -> Result<Vec<WebhookMessageRow>> {
        let rows = sqlx::query(
            "SELECT event_id, status, attempts_made, next_attempt_at, created_at FROM webhook_messages \
             WHERE endpoint_id = $1 ORDER BY created_at, event_id",
        )
        .bind(endpoint.as_str())
        .fetch_all(&mut *self.write_conn().await?)
        .await?;
        rows.iter()
            .map(|row| {
                let event: String = row.try_get("event_id")?;
                let next: Option<i64> = row.try_get("next_attempt_at")?;
                Ok(WebhookMessageRow {
                    event_id: EventId::parse(&event).ok_or_else(|| corrupt("message event"))?,
                    status: row.try_get("status")?,
                    attempts_made: u32_of(row.try_get("attempts_made")?),
                    next_attempt_at: next.map(from_millis),
                    created_at: from_millis(row.try_get("created_at")?),
                })
            })
            .collect()
    }

    /// Sends one message again, whatever its state, with a fresh schedule starting now;
    /// [`Resend::PayloadRemoved`] when the event's payload is gone (after
    /// `webhook_payload_retention`), since there is nothing left to send.
    pub async fn resend_webhook_message(
        &self,
        endpoint: &WebhookEndpointId,
        event: &EventId,
        tenant_now: Timestamp,
        wall_now: Timestamp,
    ) -> Result<Resend> {
        let mut tx = self.begin().await?;
        // The event's row is locked against the payload purge, which locks it too: either
        // the purge saw no pending message and removed the payload first (then this finds it
        // gone), or it waits and then finds this message pending.
        let payload = sqlx::query(sqlx::AssertSqlSafe(format!(
            "SELECT payload_removed_at FROM events WHERE id = $1{}",
            self.backend.for_update()
        )))
        .bind(event.as_str())
        .fetch_optional(&mut *tx)
        .await?;
        let Some(payload) = payload else {
            return Err(StoreError::NotFound);
        };
        let removed: Option<i64> = payload.try_get("payload_removed_at")?;
        let done = sqlx::query(
            "UPDATE webhook_messages SET status = 'pending', attempts_made = 0, next_attempt_at = $1, run_at = $2, \
             lease_owner = NULL, lease_until = NULL, fence = fence + 1, updated_at = $1 WHERE endpoint_id = $3 AND event_id = $4 \
             AND $5 = 0",
        )
        .bind(to_millis(&tenant_now))
        .bind(to_millis(&wall_now))
        .bind(endpoint.as_str())
        .bind(event.as_str())
        .bind(i64::from(removed.is_some()))
        .execute(&mut *tx)
        .await?;
        let exists = done.rows_affected() > 0
            || sqlx::query(
                "SELECT 1 FROM webhook_messages WHERE endpoint_id = $1 AND event_id = $2",
            )
            .bind(endpoint.as_str())
            .bind(event.as_str())
            .fetch_optional(&mut *tx)
            .await?
            .is_some();
        tx.commit().await?;
        match (exists, removed) {
            (false, _) => Err(StoreError::NotFound),
            (true, Some(_)) => Ok(Resend::PayloadRemoved),
            (true, None) => Ok(Resend::Queued),
        }
    }

    /// Puts every failed message of an endpoint created at or after `since` (tenant time)
    /// back in the queue with a fresh schedule, leaving those whose payload is gone. Returns
    /// how many.
    pub async fn recover_webhook_messages(
        &self,
        endpoint: &WebhookEndpointId,
        since: Timestamp,
        tenant_now: Timestamp,
        wall_now: Timestamp,
    ) -> Result<u64> {
        let mut tx = self.begin().await?;
        // Locks the events whose payloads are still there against the purge (see
        // `resend_webhook_message`); the UPDATE's own check then sees the purge's outcome.
        if self.backend == Backend::Postgres {
            sqlx::query(
                "SELECT e.id FROM events e WHERE e.payload_removed_at IS NULL AND e.id IN \
                 (SELECT m.event_id FROM webhook_messages m WHERE m.endpoint_id = $1 AND m.status = 'failed' AND m.created_at >= $2) \
                 FOR SHARE",
            )
            .bind(endpoint.as_str())
            .bind(to_millis(&since))
            .fetch_all(&mut *tx)
            .await?;
        }
        let done = sqlx::query(
            "UPDATE webhook_messages SET status = 'pending', attempts_made = 0, next_attempt_at = $1, run_at = $2, \
             lease_owner = NULL, lease_until = NULL, fence = fence + 1, updated_at = $1 \
             WHERE endpoint_id = $3 AND status = 'failed' AND created_at >= $4 \
             AND EXISTS (SELECT 1 FROM events e WHERE e.id = webhook_messages.event_id AND e.payload_removed_at IS NULL)",
        )
        .bind(to_millis(&tenant_now))
        .bind(to_millis(&wall_now))
        .bind(endpoint.as_str())
        .bind(to_millis(&since))
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(done.rows_affected())
    }

    /// Removes the payloads of up to `limit` events whose messages are all settled (none
    /// pending) and that are older than `retention` on their tenant's clock; the delivery log
    /// keeps who, when and the outcome, without the receivers' response excerpts. Returns
    /// how many payloads went.
    pub async fn remove_webhook_payloads(
        &self,
        wall: Timestamp,
        retention: chrono::Duration,
        limit: u32,
    ) -> Result<u64> {
        const SETTLED: &str = "NOT EXISTS (SELECT 1 FROM webhook_messages m WHERE m.event_id = events.id AND m.status = 'pending')";
        let mut tx = self.begin().await?;
        // Test-mode events are on their tenant's test clock, which may run ahead.
        let due = sqlx::query(sqlx::AssertSqlSafe(format!(
            "SELECT id FROM events WHERE payload_removed_at IS NULL AND created_at <= $1 - $2 + CASE WHEN mode = 'test' THEN \
             COALESCE((SELECT t.clock_offset_ms FROM tenants t WHERE t.id = events.tenant_id), 0) ELSE 0 END \
             AND {SETTLED} ORDER BY seq LIMIT $3{}",
            self.backend.skip_locked()
        )))
        .bind(to_millis(&wall))
        .bind(retention.num_milliseconds())
        .bind(i64::from(limit))
        .fetch_all(&mut *tx)
        .await?;
        if due.is_empty() {
            return Ok(0);
        }
        let ids: Vec<String> = due
            .iter()
            .map(|r| r.try_get::<String, _>("id"))
            .collect::<std::result::Result<_, _>>()?;
        let list: Vec<String> = (0..ids.len()).map(|i| format!("${}", i + 2)).collect();
        let list = list.join(", ");
        // Checked again in this statement: a resend or recovery that committed since the
        // SELECT above made its message pending, and that event keeps its payload.
        let mut removed = sqlx::query(sqlx::AssertSqlSafe(format!(
            "UPDATE events SET data = '{{}}', payload_removed_at = $1 WHERE id IN ({list}) AND {SETTLED} RETURNING id"
        )))
        .bind(to_millis(&wall));
        for id in &ids {
            removed = removed.bind(id.as_str());
        }
        let removed = removed.fetch_all(&mut *tx).await?;
        if !removed.is_empty() {
            let list: Vec<String> = (0..removed.len()).map(|i| format!("${}", i + 1)).collect();
            let mut excerpts = sqlx::query(sqlx::AssertSqlSafe(format!(
                "UPDATE webhook_attempts SET response_excerpt = NULL WHERE event_id IN ({})",
                list.join(", ")
            )));
            for row in &removed {
                excerpts = excerpts.bind(row.try_get::<String, _>("id")?);
            }
            excerpts.execute(&mut *tx).await?;
        }
        tx.commit().await?;
        Ok(removed.len() as u64)
    }
}

/// What [`Store::resend_webhook_message`] did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Resend {
    /// The message is pending again.
    Queued,
    /// The event's payload was removed after `webhook_payload_retention`: nothing was queued.
    PayloadRemoved,
}

#[cfg(test)]
mod tests {
    use super::like_quoted;

    #[test]
    fn like_patterns_escape_the_wildcards_of_type_names() {
        assert_eq!(
            like_quoted("identification.status_changed"),
            "%\"identification.status\\_changed\"%"
        );
        assert_eq!(like_quoted("a%b\\"), "%\"a\\%b\\\\\"%");
    }
}
