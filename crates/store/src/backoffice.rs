//! Read models of the back office that look across tenants: documents with their signers,
//! and webhook deliveries.
//!
//! Operators are installation-wide, so these queries take no tenant: each row carries its
//! tenant's id, name and mode. Pages are read with `LIMIT`/`OFFSET`; callers ask for one row
//! more than they show to know whether a next page exists.

use crate::{Backend, DeliveryAttemptRow, Mode, Result, Store, StoreError};
use signet_core::ids::{DeliveryId, DocumentId, EventId, TenantId, WebhookEndpointId};
use signet_core::signing::{Document, Signer, Workflow};
use signet_core::time::{Timestamp, from_millis};
use sqlx::Row;
use sqlx::any::AnyRow;

fn corrupt(what: &str) -> StoreError {
    StoreError::Corrupt(what.to_owned())
}

fn tenant_of(row: &AnyRow) -> Result<(TenantId, String, Mode)> {
    let tenant: String = row.try_get("tenant_id")?;
    let name: String = row.try_get("tenant_name")?;
    let mode: String = row.try_get("mode")?;
    Ok((
        TenantId::parse(&tenant).ok_or_else(|| corrupt("tenant id"))?,
        name,
        Mode::parse(&mode).ok_or_else(|| corrupt("mode"))?,
    ))
}

/// `LIKE` pattern for a substring, its wildcards escaped (with `ESCAPE '\'`).
fn like_contains(s: &str) -> String {
    let mut p = String::from("%");
    for c in s.chars() {
        if matches!(c, '\\' | '%' | '_') {
            p.push('\\');
        }
        p.push(c);
    }
    p.push('%');
    p
}

fn offset_of(offset: u64) -> i64 {
    i64::try_from(offset).unwrap_or(i64::MAX)
}

// ---------------------------------------------------------------------------------------------
// Documents.

/// A document with its signers, and whose it is.
#[derive(Debug, Clone, PartialEq)]
pub struct BackofficeDocument {
    pub tenant_id: TenantId,
    pub tenant_name: String,
    pub mode: Mode,
    pub workflow: Workflow,
}

const DOCUMENT_SELECT: &str = "SELECT d.doc, d.mode, d.tenant_id, t.name AS tenant_name \
     FROM documents d JOIN tenants t ON t.id = d.tenant_id";

impl Store {
    /// The document's name as SQL: it lives in the JSON text of `doc`.
    fn document_name_sql(&self) -> &'static str {
        match self.backend {
            Backend::Sqlite => "json_extract(d.doc, '$.name')",
            Backend::Postgres => "(d.doc::json ->> 'name')",
        }
    }

    /// The signers of these documents, in position order, grouped by document.
    async fn signers_of_documents(
        &self,
        ids: &[DocumentId],
    ) -> Result<Vec<(DocumentId, Vec<Signer>)>> {
        let mut out: Vec<(DocumentId, Vec<Signer>)> =
            ids.iter().map(|id| (id.clone(), Vec::new())).collect();
        if ids.is_empty() {
            return Ok(out);
        }
        let placeholders = (1..=ids.len())
            .map(|i| format!("${i}"))
            .collect::<Vec<_>>()
            .join(", ");
        let mut q = sqlx::query(sqlx::AssertSqlSafe(format!(
            "SELECT document_id, doc FROM signers WHERE document_id IN ({placeholders}) ORDER BY document_id, position"
        )));
        for id in ids {
            q = q.bind(id.as_str().to_owned());
        }
        let rows = q.fetch_all(&self.read).await?;
        let docs: Vec<String> = rows
            .iter()
            .map(|r| r.try_get::<String, _>("doc"))
            .collect::<std::result::Result<_, _>>()?;
        self.load_signer_keys(&docs).await?;
        for (row, doc) in rows.iter().zip(&docs) {
            let doc_id: String = row.try_get("document_id")?;
            let signer: Signer = self.open_signer(doc)?;
            if let Some((_, signers)) = out.iter_mut().find(|(id, _)| id.as_str() == doc_id) {
                signers.push(signer);
            }
        }
        Ok(out)
    }

    async fn with_signers(&self, rows: &[AnyRow]) -> Result<Vec<BackofficeDocument>> {
        let mut docs = Vec::with_capacity(rows.len());
        for row in rows {
            let (tenant_id, tenant_name, mode) = tenant_of(row)?;
            let doc: String = row.try_get("doc")?;
            let document: Document = serde_json::from_str(&doc)?;
            docs.push((tenant_id, tenant_name, mode, document));
        }
        let ids: Vec<DocumentId> = docs.iter().map(|d| d.3.id.clone()).collect();
        let mut signers = self.signers_of_documents(&ids).await?;
        Ok(docs
            .into_iter()
            .map(|(tenant_id, tenant_name, mode, document)| {
                let at = signers.iter().position(|(id, _)| *id == document.id);
                let signers = at.map(|i| signers.swap_remove(i).1).unwrap_or_default();
                BackofficeDocument {
                    tenant_id,
                    tenant_name,
                    mode,
                    workflow: Workflow { document, signers },
                }
            })
            .collect())
    }

    /// Documents of every tenant and mode, newest first, optionally in one status and
    /// matching `search`: the exact document id, or a part of its name (case-insensitive).
    pub async fn backoffice_documents(
        &self,
        status: Option<&str>,
        search: Option<&str>,
        limit: u32,
        offset: u64,
    ) -> Result<Vec<BackofficeDocument>> {
        let mut sql = format!("{DOCUMENT_SELECT} WHERE 1 = 1");
        let mut n = 2;
        if status.is_some() {
            n += 1;
            sql.push_str(&format!(" AND d.status = ${n}"));
        }
        if search.is_some() {
            n += 1;
            sql.push_str(&format!(
                " AND (d.id = ${n} OR LOWER({}) LIKE ${} ESCAPE '\\')",
                self.document_name_sql(),
                n + 1
            ));
        }
        sql.push_str(" ORDER BY d.created_at DESC, d.id DESC LIMIT $1 OFFSET $2");
        let mut q = sqlx::query(sqlx::AssertSqlSafe(sql))
            .bind(i64::from(limit))
            .bind(offset_of(offset));
        if let Some(s) = status {
            q = q.bind(s.to_owned());
        }
        if let Some(s) = search {
            q = q.bind(s.to_owned()).bind(like_contains(&s.to_lowercase()));
        }
        let rows = q.fetch_all(&self.read).await?;
        self.with_signers(&rows).await
    }

    /// One document of whichever tenant holds it.
    pub async fn backoffice_document(&self, id: &DocumentId) -> Result<BackofficeDocument> {
        let row = sqlx::query(sqlx::AssertSqlSafe(format!(
            "{DOCUMENT_SELECT} WHERE d.id = $1"
        )))
        .bind(id.as_str())
        .fetch_optional(&self.read)
        .await?
        .ok_or(StoreError::NotFound)?;
        self.with_signers(std::slice::from_ref(&row))
            .await?
            .pop()
            .ok_or(StoreError::NotFound)
    }
}

// ---------------------------------------------------------------------------------------------
// Webhook deliveries.

/// Where a message stands, as an operator sees it: the stored status, refined by the
/// attempts made and by whether its endpoint still takes deliveries.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DeliveryState {
    /// Waiting for its first attempt.
    Pending,
    /// At least one attempt failed; another is scheduled.
    Retrying,
    /// Every attempt of the schedule failed.
    Failed,
    /// Not delivered, and its endpoint is disabled: nothing goes out until it is enabled.
    EndpointDisabled,
    Delivered,
}

impl DeliveryState {
    pub const ALL: &'static [DeliveryState] = &[
        DeliveryState::Failed,
        DeliveryState::EndpointDisabled,
        DeliveryState::Retrying,
        DeliveryState::Pending,
        DeliveryState::Delivered,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            DeliveryState::Pending => "pending",
            DeliveryState::Retrying => "retrying",
            DeliveryState::Failed => "failed",
            DeliveryState::EndpointDisabled => "endpoint_disabled",
            DeliveryState::Delivered => "delivered",
        }
    }

    pub fn parse(s: &str) -> Option<DeliveryState> {
        DeliveryState::ALL.iter().copied().find(|d| d.as_str() == s)
    }

    /// Does it need an operator's (or the tenant's) attention?
    pub fn needs_attention(self) -> bool {
        matches!(
            self,
            DeliveryState::Failed | DeliveryState::EndpointDisabled | DeliveryState::Retrying
        )
    }

    /// The condition selecting messages in this state (`m` the message, `ep` its endpoint).
    fn condition(self) -> &'static str {
        match self {
            DeliveryState::Delivered => "m.status = 'delivered'",
            DeliveryState::EndpointDisabled => "m.status <> 'delivered' AND ep.status = 'disabled'",
            DeliveryState::Failed => "m.status = 'failed' AND ep.status = 'enabled'",
            DeliveryState::Retrying => {
                "m.status = 'pending' AND m.attempts_made > 0 AND ep.status = 'enabled'"
            }
            DeliveryState::Pending => {
                "m.status = 'pending' AND m.attempts_made = 0 AND ep.status = 'enabled'"
            }
        }
    }

    fn of(status: &str, attempts_made: u32, endpoint_enabled: bool) -> DeliveryState {
        match status {
            "delivered" => DeliveryState::Delivered,
            _ if !endpoint_enabled => DeliveryState::EndpointDisabled,
            "failed" => DeliveryState::Failed,
            _ if attempts_made > 0 => DeliveryState::Retrying,
            _ => DeliveryState::Pending,
        }
    }
}

/// One webhook message (an event for an endpoint) with its endpoint and tenant.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BackofficeMessage {
    pub tenant_id: TenantId,
    pub tenant_name: String,
    pub mode: Mode,
    pub endpoint_id: WebhookEndpointId,
    pub endpoint_url: String,
    pub endpoint_enabled: bool,
    pub endpoint_disabled_reason: Option<String>,
    pub event_id: EventId,
    /// The event's type (empty if the event row is gone).
    pub event_type: String,
    pub state: DeliveryState,
    /// Attempts made in the current schedule.
    pub attempts_made: u32,
    /// Tenant time of the next attempt, while one is scheduled.
    pub next_attempt_at: Option<Timestamp>,
    pub last_error: Option<String>,
    /// The HTTP status of the latest attempt, if it got an answer.
    pub last_status_code: Option<u16>,
    /// Tenant time.
    pub created_at: Timestamp,
    pub updated_at: Timestamp,
}

/// Messages needing attention first, then the rest; newest first within each group.
const MESSAGE_SELECT: &str = "SELECT m.endpoint_id, m.event_id, m.tenant_id, m.mode, m.status, m.attempts_made, \
     m.next_attempt_at, m.last_error, m.created_at, m.updated_at, \
     ep.url, ep.status AS endpoint_status, ep.disabled_reason, t.name AS tenant_name, e.type AS event_type, \
     (SELECT a.status_code FROM webhook_attempts a WHERE a.endpoint_id = m.endpoint_id AND a.event_id = m.event_id \
      ORDER BY a.seq DESC LIMIT 1) AS last_status_code \
     FROM webhook_messages m \
     JOIN webhook_endpoints ep ON ep.id = m.endpoint_id \
     JOIN tenants t ON t.id = m.tenant_id \
     LEFT JOIN events e ON e.id = m.event_id";

const ATTENTION_ORDER: &str = "CASE WHEN m.status = 'delivered' THEN 2 \
     WHEN m.status = 'failed' OR ep.status = 'disabled' OR m.attempts_made > 0 THEN 0 ELSE 1 END";

fn message_from_row(row: &AnyRow) -> Result<BackofficeMessage> {
    let (tenant_id, tenant_name, mode) = tenant_of(row)?;
    let endpoint: String = row.try_get("endpoint_id")?;
    let event: String = row.try_get("event_id")?;
    let status: String = row.try_get("status")?;
    let endpoint_status: String = row.try_get("endpoint_status")?;
    let attempts: i64 = row.try_get("attempts_made")?;
    let attempts_made = u32::try_from(attempts.max(0)).unwrap_or(u32::MAX);
    let next: Option<i64> = row.try_get("next_attempt_at")?;
    let code: Option<i64> = row.try_get("last_status_code")?;
    let event_type: Option<String> = row.try_get("event_type")?;
    let endpoint_enabled = endpoint_status == "enabled";
    Ok(BackofficeMessage {
        tenant_id,
        tenant_name,
        mode,
        endpoint_id: WebhookEndpointId::parse(&endpoint)
            .ok_or_else(|| corrupt("webhook message endpoint"))?,
        endpoint_url: row.try_get("url")?,
        endpoint_enabled,
        endpoint_disabled_reason: row.try_get("disabled_reason")?,
        event_id: EventId::parse(&event).ok_or_else(|| corrupt("webhook message event"))?,
        event_type: event_type.unwrap_or_default(),
        state: DeliveryState::of(&status, attempts_made, endpoint_enabled),
        attempts_made,
        next_attempt_at: next.map(from_millis),
        last_error: row.try_get("last_error")?,
        last_status_code: code.and_then(|c| u16::try_from(c).ok()),
        created_at: from_millis(row.try_get("created_at")?),
        updated_at: from_millis(row.try_get("updated_at")?),
    })
}

impl Store {
    /// Webhook messages of every tenant and mode, optionally in one state: those needing
    /// attention (failed, endpoint disabled, retrying) first, then pending, then delivered;
    /// newest first within each group.
    pub async fn backoffice_messages(
        &self,
        state: Option<DeliveryState>,
        limit: u32,
        offset: u64,
    ) -> Result<Vec<BackofficeMessage>> {
        let filter = state
            .map(|s| format!(" WHERE {}", s.condition()))
            .unwrap_or_default();
        let sql = format!(
            "{MESSAGE_SELECT}{filter} ORDER BY {ATTENTION_ORDER}, m.created_at DESC, m.event_id DESC, m.endpoint_id \
             LIMIT $1 OFFSET $2"
        );
        let rows = sqlx::query(sqlx::AssertSqlSafe(sql))
            .bind(i64::from(limit))
            .bind(offset_of(offset))
            .fetch_all(&self.read)
            .await?;
        rows.iter().map(message_from_row).collect()
    }

    /// One message of whichever tenant holds it.
    pub async fn backoffice_message(
        &self,
        endpoint: &WebhookEndpointId,
        event: &EventId,
    ) -> Result<BackofficeMessage> {
        let row = sqlx::query(sqlx::AssertSqlSafe(format!(
            "{MESSAGE_SELECT} WHERE m.endpoint_id = $1 AND m.event_id = $2"
        )))
        .bind(endpoint.as_str())
        .bind(event.as_str())
        // The writer: a resend just made must be seen at once (see `has_due_webhook_messages`).
        .fetch_optional(&mut *self.write_conn().await?)
        .await?
        .ok_or(StoreError::NotFound)?;
        message_from_row(&row)
    }

    /// Every attempt made for one message, newest first (at most `limit`).
    pub async fn message_attempts(
        &self,
        endpoint: &WebhookEndpointId,
        event: &EventId,
        limit: u32,
    ) -> Result<Vec<DeliveryAttemptRow>> {
        let rows = sqlx::query(
            "SELECT id, endpoint_id, event_id, event_type, attempt, attempted_at, webhook_timestamp, status_code, latency_us, error, response_excerpt, outcome \
             FROM webhook_attempts WHERE endpoint_id = $1 AND event_id = $2 ORDER BY seq DESC LIMIT $3",
        )
        .bind(endpoint.as_str())
        .bind(event.as_str())
        .bind(i64::from(limit))
        .fetch_all(&self.read)
        .await?;
        rows.iter()
            .map(|row| {
                let id: String = row.try_get("id")?;
                let endpoint: String = row.try_get("endpoint_id")?;
                let event: String = row.try_get("event_id")?;
                let attempt: i64 = row.try_get("attempt")?;
                let code: Option<i64> = row.try_get("status_code")?;
                Ok(DeliveryAttemptRow {
                    id: DeliveryId::parse(&id).ok_or_else(|| corrupt("delivery id"))?,
                    endpoint_id: WebhookEndpointId::parse(&endpoint)
                        .ok_or_else(|| corrupt("delivery endpoint"))?,
                    event_id: EventId::parse(&event).ok_or_else(|| corrupt("delivery event"))?,
                    event_type: row.try_get("event_type")?,
                    attempt: u32::try_from(attempt.max(0)).unwrap_or(u32::MAX),
                    attempted_at: from_millis(row.try_get("attempted_at")?),
                    webhook_timestamp: row.try_get("webhook_timestamp")?,
                    status_code: code.and_then(|c| u16::try_from(c).ok()),
                    latency_us: row.try_get("latency_us")?,
                    error: row.try_get("error")?,
                    response_excerpt: row.try_get("response_excerpt")?,
                    outcome: row.try_get("outcome")?,
                })
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::{DeliveryState, like_contains};

    #[test]
    fn search_patterns_escape_like_wildcards() {
        assert_eq!(like_contains("50%_off"), "%50\\%\\_off%");
        assert_eq!(like_contains("a\\b"), "%a\\\\b%");
    }

    #[test]
    fn delivery_states_read_back_and_follow_the_endpoint() {
        for s in DeliveryState::ALL {
            assert_eq!(DeliveryState::parse(s.as_str()), Some(*s));
        }
        assert_eq!(DeliveryState::parse("nope"), None);
        assert_eq!(
            DeliveryState::of("pending", 0, true),
            DeliveryState::Pending
        );
        assert_eq!(
            DeliveryState::of("pending", 2, true),
            DeliveryState::Retrying
        );
        assert_eq!(DeliveryState::of("failed", 8, true), DeliveryState::Failed);
        assert_eq!(
            DeliveryState::of("failed", 1, false),
            DeliveryState::EndpointDisabled
        );
        assert_eq!(
            DeliveryState::of("delivered", 1, false),
            DeliveryState::Delivered
        );
    }
}
