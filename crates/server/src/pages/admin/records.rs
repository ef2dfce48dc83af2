//! `/admin/documents` and `/admin/webhooks`: documents with their audit trails, and webhook
//! deliveries with resend.
//!
//! Both look across every tenant and mode. A document's page shows its signers and its whole
//! audit trail with the verdict on the hash chain, computed as `GET /v1/documents/{id}/audit`
//! computes it ([`signet_app::audit::first_broken`]). A webhook message can be sent again with a fresh
//! schedule, as `POST /v1/webhooks/{id}/deliveries/{message_id}/resend` does; each resend is
//! logged with the operator (the audit trail is the documents').

use super::{Bar, LANG, Section, failure, format_time, messages, signed_in, signed_in_form};
use crate::pages::{Lang, Messages, render, secure};
use axum::extract::rejection::{FormRejection, QueryRejection};
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum::{Form, Router};
use serde::Deserialize;
use signet_app::error::AppError;
use signet_app::state::AppState;
use signet_core::ids::{DocumentId, EventId, WebhookEndpointId};
use signet_core::signing::DocumentStatus;
use signet_core::time::Timestamp;
use signet_store::{
    AuditRow, BackofficeDocument, BackofficeMessage, DeliveryState, OperatorSession,
};

/// Rows per page of a list.
const PAGE_SIZE: u32 = 50;
/// The most attempts a message's page shows (a schedule has 8; resends add more).
const ATTEMPTS_SHOWN: u32 = 200;
/// The longest search text taken.
const MAX_SEARCH_CHARS: usize = 200;

/// The routes of this section.
pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/admin/documents", get(documents))
        .route("/admin/documents/{document_id}", get(document))
        .route("/admin/webhooks", get(webhooks))
        .route("/admin/webhooks/{endpoint_id}/{event_id}", get(message))
        .route(
            "/admin/webhooks/{endpoint_id}/{event_id}/resend",
            post(resend),
        )
}

// ---------------------------------------------------------------------------------------------
// Shared bits.

/// A list's query string: every field optional and taken as text, so a bad value is a
/// message on the page rather than a bare rejection.
#[derive(Debug, Default, Deserialize)]
pub struct ListQuery {
    status: Option<String>,
    q: Option<String>,
    page: Option<String>,
}

impl ListQuery {
    fn status(&self) -> Option<&str> {
        self.status
            .as_deref()
            .map(str::trim)
            .filter(|s| !s.is_empty())
    }

    fn search(&self) -> Option<String> {
        self.q
            .as_deref()
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(|s| s.chars().take(MAX_SEARCH_CHARS).collect())
    }

    /// The page number, from 1; anything unreadable is the first page.
    fn page(&self) -> u32 {
        self.page
            .as_deref()
            .and_then(|p| p.trim().parse::<u32>().ok())
            .filter(|p| *p >= 1)
            .unwrap_or(1)
    }

    fn offset(&self) -> u64 {
        u64::from(self.page() - 1) * u64::from(PAGE_SIZE)
    }
}

/// Percent-encodes a query-string value.
fn enc(s: &str) -> String {
    s.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                (b as char).to_string()
            }
            b => format!("%{b:02X}"),
        })
        .collect()
}

/// `base?status=…&q=…&page=N`, keeping the filters that are set.
fn page_href(base: &str, status: Option<&str>, search: Option<&str>, page: u32) -> String {
    let mut params = Vec::new();
    if let Some(s) = status {
        params.push(format!("status={}", enc(s)));
    }
    if let Some(q) = search {
        params.push(format!("q={}", enc(q)));
    }
    params.push(format!("page={page}"));
    format!("{base}?{}", params.join("&"))
}

/// The previous and next page links (the next one only when a row beyond this page exists).
struct Pager {
    page: u32,
    previous: Option<String>,
    next: Option<String>,
}

fn pager(base: &str, status: Option<&str>, search: Option<&str>, page: u32, more: bool) -> Pager {
    Pager {
        page,
        previous: (page > 1).then(|| page_href(base, status, search, page - 1)),
        next: more.then(|| page_href(base, status, search, page.saturating_add(1))),
    }
}

/// The options of a status filter: each status, and whether it is the one chosen.
fn status_options<'a>(all: &[&'a str], current: Option<&str>) -> Vec<(&'a str, bool)> {
    all.iter().map(|s| (*s, current == Some(*s))).collect()
}

/// A status word as the badges show it.
pub(crate) fn spaced(status: &str) -> String {
    status.replace('_', " ")
}

/// To the second, for audit entries and delivery attempts.
fn format_precise(t: &Timestamp) -> String {
    t.format("%d %b %Y, %H:%M:%S UTC").to_string()
}

// ---------------------------------------------------------------------------------------------
// Documents.

/// `GET /admin/documents`: documents of every tenant, newest first; `?status=`, `?q=` (the
/// document id, or part of its name) and `?page=`.
async fn documents(
    State(state): State<AppState>,
    headers: HeaderMap,
    query: Result<Query<ListQuery>, QueryRejection>,
) -> Response {
    let s = match signed_in(&state, &headers).await {
        Ok(s) => s,
        Err(r) => return r,
    };
    let query = query.map(|Query(q)| q).unwrap_or_default();
    let status = query.status();
    let search = query.search();
    let statuses: Vec<&str> = DocumentStatus::ALL.iter().map(|d| d.as_str()).collect();
    let mut error = None;
    let mut http = StatusCode::OK;
    let filter = match status {
        Some(st) if DocumentStatus::parse(st).is_none() => {
            error = Some(format!("Unknown status “{st}”."));
            http = StatusCode::BAD_REQUEST;
            None
        }
        other => other,
    };
    let rows = if error.is_some() {
        Vec::new()
    } else {
        match state
            .store
            .backoffice_documents(filter, search.as_deref(), PAGE_SIZE + 1, query.offset())
            .await
        {
            Ok(rows) => rows,
            Err(e) => return failure(&AppError::from(e)),
        }
    };
    let more = rows.len() > PAGE_SIZE as usize;
    let shown = &rows[..rows.len().min(PAGE_SIZE as usize)];
    let page = DocumentsPage {
        lang: LANG,
        m: messages(),
        title: "Documents · Signet back office",
        bar: Bar::new(&s, Section::Documents),
        error: error.as_deref(),
        max_search: MAX_SEARCH_CHARS,
        search: search.as_deref().unwrap_or(""),
        options: status_options(&statuses, filter),
        rows: shown
            .iter()
            .map(|d| (d, format_time(&d.workflow.document.created_at)))
            .collect(),
        pager: pager(
            "/admin/documents",
            filter,
            search.as_deref(),
            query.page(),
            more,
        ),
    };
    render(http, &page)
}

#[derive(askama::Template)]
#[template(path = "admin/documents.html")]
struct DocumentsPage<'a> {
    lang: Lang,
    m: &'static Messages,
    title: &'a str,
    bar: Bar<'a>,
    error: Option<&'a str>,
    max_search: usize,
    search: &'a str,
    options: Vec<(&'a str, bool)>,
    /// Each with the time it was created.
    rows: Vec<(&'a BackofficeDocument, String)>,
    pager: Pager,
}

#[derive(askama::Template)]
#[template(path = "admin/document.html")]
struct DocumentPage<'a> {
    lang: Lang,
    m: &'static Messages,
    title: &'a str,
    bar: Bar<'a>,
    doc: &'a signet_core::signing::Document,
    tenant: &'a str,
    mode: &'static str,
    created: String,
    updated: String,
    finished: Option<String>,
    expires: Option<String>,
    signers: &'a [signet_core::signing::Signer],
    trail: &'a [AuditRow],
    /// Each entry with its time, and whether it is the first that does not chain.
    entries: Vec<(&'a AuditRow, String, bool)>,
    /// The first entry whose hash does not chain.
    broken: Option<i64>,
}

/// `GET /admin/documents/{document_id}`: the document, its signers and its audit trail with
/// the verdict on the hash chain.
async fn document(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path(id): Path<String>,
) -> Response {
    let s = match signed_in(&state, &headers).await {
        Ok(s) => s,
        Err(r) => return r,
    };
    let Some(id) = DocumentId::parse(&id) else {
        return failure(&AppError::not_found("document"));
    };
    let d = match state.store.backoffice_document(&id).await {
        Ok(d) => d,
        Err(e) => return failure(&AppError::unless_found(e, "document")),
    };
    let trail = match state.store.audit_trail(&id).await {
        Ok(t) => t,
        Err(e) => return failure(&AppError::from(e)),
    };
    let broken = signet_app::audit::first_broken(&trail);
    let doc = &d.workflow.document;
    let title = format!("{} · Documents · Signet back office", doc.name);
    let page = DocumentPage {
        lang: LANG,
        m: messages(),
        title: &title,
        bar: Bar::new(&s, Section::Documents),
        doc,
        tenant: &d.tenant_name,
        mode: d.mode.as_str(),
        created: format_time(&doc.created_at),
        updated: format_time(&doc.updated_at),
        finished: doc.finished_at.as_ref().map(format_time),
        expires: doc.expires_at.as_ref().map(format_time),
        signers: &d.workflow.signers,
        trail: &trail,
        entries: trail
            .iter()
            .map(|r| (r, format_precise(&r.at), Some(r.seq) == broken))
            .collect(),
        broken,
    };
    render(StatusCode::OK, &page)
}

// ---------------------------------------------------------------------------------------------
// Webhook deliveries.

fn message_href(m: &BackofficeMessage) -> String {
    format!(
        "/admin/webhooks/{}/{}",
        m.endpoint_id.as_str(),
        m.event_id.as_str()
    )
}

/// The resend button's form, or `None` when the endpoint is disabled. `back` is the list's
/// filter and page, to return to after the resend.
struct Resend<'a> {
    href: String,
    status: Option<&'a str>,
    page: Option<u32>,
}

/// A message as its row and its page show it.
struct MessageRow<'a> {
    message: &'a BackofficeMessage,
    href: String,
    last_error: String,
    next: Option<String>,
    resend: Option<Resend<'a>>,
}

impl<'a> MessageRow<'a> {
    fn new(m: &'a BackofficeMessage, back: &'a ListQuery) -> MessageRow<'a> {
        MessageRow {
            message: m,
            href: message_href(m),
            last_error: last_error(m),
            next: m.next_attempt_at.as_ref().map(format_time),
            resend: m.endpoint_enabled.then(|| Resend {
                href: message_href(m),
                status: back.status(),
                page: (back.page() > 1).then(|| back.page()),
            }),
        }
    }
}

fn last_error(m: &BackofficeMessage) -> String {
    let code = m.last_status_code.map(|c| format!("HTTP {c}"));
    match (m.last_error.as_deref(), code) {
        (None, None) => "—".to_owned(),
        (Some(e), Some(c)) if e.contains(&c) => e.to_owned(),
        (Some(e), Some(c)) => format!("{c} · {e}"),
        (Some(e), None) => e.to_owned(),
        (None, Some(c)) => c,
    }
}

#[derive(askama::Template)]
#[template(path = "admin/webhooks.html")]
struct WebhooksPage<'a> {
    lang: Lang,
    m: &'static Messages,
    title: &'a str,
    bar: Bar<'a>,
    error: Option<&'a str>,
    options: Vec<(&'a str, bool)>,
    rows: Vec<MessageRow<'a>>,
    pager: Pager,
}

/// One delivery attempt as the message's page shows it.
struct Attempt<'a> {
    id: &'a str,
    n: u32,
    at: String,
    outcome: &'a str,
    code: String,
    latency: String,
    error: Option<&'a str>,
    excerpt: &'a str,
}

#[derive(askama::Template)]
#[template(path = "admin/webhook_message.html")]
struct MessagePage<'a> {
    lang: Lang,
    m: &'static Messages,
    title: &'a str,
    bar: Bar<'a>,
    row: MessageRow<'a>,
    created: String,
    updated: String,
    attempts: Vec<Attempt<'a>>,
}

async fn webhooks_page(
    state: &AppState,
    s: &OperatorSession,
    query: &ListQuery,
    error: Option<&str>,
    mut http: StatusCode,
) -> Response {
    let status = query.status();
    let mut error = error.map(str::to_owned);
    let filter = match status.map(|st| (st, DeliveryState::parse(st))) {
        Some((st, None)) => {
            error = Some(format!("Unknown status “{st}”."));
            http = StatusCode::BAD_REQUEST;
            None
        }
        Some((_, Some(f))) => Some(f),
        None => None,
    };
    let bad_filter = status.is_some() && filter.is_none();
    let rows = if bad_filter {
        Vec::new()
    } else {
        match state
            .store
            .backoffice_messages(filter, PAGE_SIZE + 1, query.offset())
            .await
        {
            Ok(rows) => rows,
            Err(e) => return failure(&AppError::from(e)),
        }
    };
    let more = rows.len() > PAGE_SIZE as usize;
    let states: Vec<&str> = DeliveryState::ALL.iter().map(|d| d.as_str()).collect();
    let filter_word = filter.map(DeliveryState::as_str);
    let shown = &rows[..rows.len().min(PAGE_SIZE as usize)];
    let page = WebhooksPage {
        lang: LANG,
        m: messages(),
        title: "Webhook deliveries · Signet back office",
        bar: Bar::new(s, Section::Webhooks),
        error: error.as_deref(),
        options: status_options(&states, filter_word),
        rows: shown.iter().map(|m| MessageRow::new(m, query)).collect(),
        pager: pager("/admin/webhooks", filter_word, None, query.page(), more),
    };
    render(http, &page)
}

/// `GET /admin/webhooks`: webhook messages of every tenant, those needing attention first;
/// `?status=` (`failed`, `endpoint_disabled`, `retrying`, `pending`, `delivered`) and `?page=`.
async fn webhooks(
    State(state): State<AppState>,
    headers: HeaderMap,
    query: Result<Query<ListQuery>, QueryRejection>,
) -> Response {
    let s = match signed_in(&state, &headers).await {
        Ok(s) => s,
        Err(r) => return r,
    };
    let query = query.map(|Query(q)| q).unwrap_or_default();
    webhooks_page(&state, &s, &query, None, StatusCode::OK).await
}

fn parse_message_ids(ep: &str, ev: &str) -> Result<(WebhookEndpointId, EventId), AppError> {
    match (WebhookEndpointId::parse(ep), EventId::parse(ev)) {
        (Some(ep), Some(ev)) => Ok((ep, ev)),
        _ => Err(AppError::not_found("message")),
    }
}

/// `GET /admin/webhooks/{endpoint_id}/{event_id}`: one message and every attempt made for it.
async fn message(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path((ep, ev)): Path<(String, String)>,
) -> Response {
    let s = match signed_in(&state, &headers).await {
        Ok(s) => s,
        Err(r) => return r,
    };
    let (ep, ev) = match parse_message_ids(&ep, &ev) {
        Ok(ids) => ids,
        Err(e) => return failure(&e),
    };
    let m = match state.store.backoffice_message(&ep, &ev).await {
        Ok(m) => m,
        Err(e) => return failure(&AppError::unless_found(e, "message")),
    };
    let attempts = match state.store.message_attempts(&ep, &ev, ATTEMPTS_SHOWN).await {
        Ok(a) => a,
        Err(e) => return failure(&AppError::from(e)),
    };
    let back = ListQuery::default();
    let page = MessagePage {
        lang: LANG,
        m: messages(),
        title: "Webhook delivery · Signet back office",
        bar: Bar::new(&s, Section::Webhooks),
        row: MessageRow::new(&m, &back),
        created: format_time(&m.created_at),
        updated: format_time(&m.updated_at),
        attempts: attempts
            .iter()
            .map(|a| Attempt {
                id: a.id.as_str(),
                n: a.attempt,
                at: format_precise(&a.attempted_at),
                outcome: &a.outcome,
                code: a
                    .status_code
                    .map(|c| c.to_string())
                    .unwrap_or_else(|| "—".to_owned()),
                latency: format!("{:.1}", a.latency_us as f64 / 1000.0),
                error: a.error.as_deref(),
                excerpt: a.response_excerpt.as_deref().unwrap_or(""),
            })
            .collect(),
    };
    render(StatusCode::OK, &page)
}

/// Puts a message back in the queue with a fresh schedule, as the API's resend does: due now
/// on the tenant's clock, the worker woken.
async fn resend_message(
    state: &AppState,
    s: &OperatorSession,
    ep: &str,
    ev: &str,
) -> Result<(), AppError> {
    let (ep, ev) = parse_message_ids(ep, ev)?;
    let m = state
        .store
        .backoffice_message(&ep, &ev)
        .await
        .map_err(|e| AppError::unless_found(e, "message"))?;
    if !m.endpoint_enabled {
        return Err(AppError::invalid_state(
            "The endpoint is disabled; the tenant must enable it before anything is sent to it.",
        ));
    }
    let tenant = state.store.tenant(&m.tenant_id).await?;
    let wall = state.wall_now();
    let resent = state
        .store
        .resend_webhook_message(&ep, &ev, tenant.now(m.mode, wall), wall)
        .await
        .map_err(|e| AppError::unless_found(e, "message"))?;
    if resent == signet_store::Resend::PayloadRemoved {
        return Err(crate::api::webhooks::payload_expired());
    }
    state.webhooks_ready.notify_one();
    tracing::info!(
        operator = %s.operator.id,
        endpoint = %ep.as_str(),
        event = %ev.as_str(),
        tenant = %m.tenant_id.as_str(),
        "back-office webhook resend"
    );
    Ok(())
}

/// The resend form: the session's CSRF token, and the list's filter and page to return to.
#[derive(Debug, Deserialize)]
pub struct ResendForm {
    csrf: Option<String>,
    status: Option<String>,
    page: Option<String>,
}

/// Where a resend returns to: the list as it was filtered (a known status only) and paged.
fn back_to_list(form: Option<&ResendForm>) -> String {
    let back = ListQuery {
        status: form.and_then(|f| f.status.clone()),
        q: None,
        page: form.and_then(|f| f.page.clone()),
    };
    let status = back
        .status()
        .and_then(DeliveryState::parse)
        .map(DeliveryState::as_str);
    if status.is_none() && back.page() == 1 {
        return "/admin/webhooks".to_owned();
    }
    page_href("/admin/webhooks", status, None, back.page())
}

/// `POST /admin/webhooks/{endpoint_id}/{event_id}/resend`: sends one message again with a
/// fresh schedule, then back to the list (303).
async fn resend(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path((ep, ev)): Path<(String, String)>,
    form: Result<Form<ResendForm>, FormRejection>,
) -> Response {
    let form = form.ok().map(|Form(f)| f);
    let csrf = form.as_ref().and_then(|f| f.csrf.as_deref());
    let s = match signed_in_form(&state, &headers, csrf).await {
        Ok(s) => s,
        Err(r) => return r,
    };
    match resend_message(&state, &s, &ep, &ev).await {
        Ok(()) => {
            let mut r = Redirect::to(&back_to_list(form.as_ref())).into_response();
            secure(&mut r, "text/html; charset=utf-8");
            r
        }
        Err(e) if e.status == StatusCode::NOT_FOUND => failure(&e),
        Err(e) => webhooks_page(&state, &s, &ListQuery::default(), Some(&e.detail), e.status).await,
    }
}

#[cfg(test)]
mod tests {
    use super::{ListQuery, ResendForm, back_to_list, enc, page_href};

    #[test]
    fn page_links_keep_the_filters_encoded() {
        assert_eq!(
            page_href("/admin/documents", Some("pending"), Some("a&b c"), 2),
            "/admin/documents?status=pending&q=a%26b%20c&page=2"
        );
        assert_eq!(
            page_href("/admin/webhooks", None, None, 3),
            "/admin/webhooks?page=3"
        );
        assert_eq!(enc("é"), "%C3%A9");
    }

    #[test]
    fn a_resend_returns_to_the_list_as_it_was_filtered() {
        let form = |status: Option<&str>, page: Option<&str>| ResendForm {
            csrf: None,
            status: status.map(str::to_owned),
            page: page.map(str::to_owned),
        };
        assert_eq!(back_to_list(None), "/admin/webhooks");
        assert_eq!(back_to_list(Some(&form(None, None))), "/admin/webhooks");
        assert_eq!(
            back_to_list(Some(&form(Some("failed"), Some("2")))),
            "/admin/webhooks?status=failed&page=2"
        );
        // Anything else is dropped, never echoed into the redirect.
        assert_eq!(
            back_to_list(Some(&form(Some("//evil.example"), Some("x")))),
            "/admin/webhooks"
        );
    }

    #[test]
    fn unreadable_pages_are_the_first() {
        for p in ["0", "-1", "x", ""] {
            let q = ListQuery {
                page: Some(p.to_owned()),
                ..ListQuery::default()
            };
            assert_eq!(q.page(), 1, "{p}");
            assert_eq!(q.offset(), 0);
        }
        let q = ListQuery {
            page: Some("3".into()),
            ..ListQuery::default()
        };
        assert_eq!(q.offset(), 100);
    }
}
