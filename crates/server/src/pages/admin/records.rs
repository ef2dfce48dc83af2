//! `/admin/documents` and `/admin/webhooks`: documents with their audit trails, and webhook
//! deliveries with resend.
//!
//! Both look across every tenant and mode. A document's page shows its signers and its whole
//! audit trail with the verdict on the hash chain, computed as `GET /v1/documents/{id}/audit`
//! computes it ([`signing::first_broken`]). A webhook message can be sent again with a fresh
//! schedule, as `POST /v1/webhooks/{id}/deliveries/{message_id}/resend` does; each resend is
//! logged with the operator (the audit trail is the documents').

use super::{
    Section, admin_bar, failure, format_time, hidden_csrf, page, signed_in, signed_in_form,
};
use crate::error::ApiError;
use crate::pages::{esc, secure};
use crate::signing;
use crate::state::AppState;
use axum::extract::rejection::{FormRejection, QueryRejection};
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum::{Form, Router};
use serde::Deserialize;
use signet_core::ids::{DocumentId, EventId, WebhookEndpointId};
use signet_core::signing::DocumentStatus;
use signet_core::time::Timestamp;
use signet_store::{BackofficeMessage, DeliveryState, OperatorSession};

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
fn pager(base: &str, status: Option<&str>, search: Option<&str>, page: u32, more: bool) -> String {
    let mut links = Vec::new();
    if page > 1 {
        links.push(format!(
            r#"<a id="previous-page" rel="prev" href="{}">Previous page</a>"#,
            esc(&page_href(base, status, search, page - 1))
        ));
    }
    if more {
        links.push(format!(
            r#"<a id="next-page" rel="next" href="{}">Next page</a>"#,
            esc(&page_href(base, status, search, page.saturating_add(1)))
        ));
    }
    if links.is_empty() {
        return String::new();
    }
    format!(
        "<nav class=\"admin-pages\" aria-label=\"Pages\"><span>Page {page}</span> {}</nav>\n",
        links.join(" ")
    )
}

fn status_options(all: &[&str], current: Option<&str>) -> String {
    let mut out = String::from(r#"<option value="">Any</option>"#);
    for s in all {
        let selected = if current == Some(*s) { " selected" } else { "" };
        out.push_str(&format!(
            r#"<option value="{s}"{selected}>{label}</option>"#,
            s = esc(s),
            label = esc(&s.replace('_', " ")),
        ));
    }
    out
}

fn error_line(error: Option<&str>) -> String {
    error
        .map(|e| {
            format!(
                "<p id=\"admin-error\" class=\"error\" role=\"alert\">{}</p>\n",
                esc(e)
            )
        })
        .unwrap_or_default()
}

fn badge(status: &str) -> String {
    format!(
        r#"<span class="admin-status" data-status="{s}">{label}</span>"#,
        s = esc(status),
        label = esc(&status.replace('_', " ")),
    )
}

/// To the second, for audit entries and delivery attempts.
fn format_precise(t: &Timestamp) -> String {
    t.format("%d %b %Y, %H:%M:%S UTC").to_string()
}

fn opt(s: Option<&str>) -> String {
    s.map(esc).unwrap_or_else(|| "—".to_owned())
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
            Err(e) => return failure(&ApiError::from(e)),
        }
    };
    let more = rows.len() > PAGE_SIZE as usize;
    let mut body = admin_bar(&s, Section::Documents);
    body.push_str(&format!(
        r#"<section id="documents" class="admin-records">
<h2>Documents</h2>
{error}<form id="documents-filter" class="card admin-filter" method="get" action="/admin/documents">
<p><label for="q">Document id or name</label>
<input id="q" name="q" type="search" maxlength="{MAX_SEARCH_CHARS}" value="{q}"></p>
<p><label for="status">Status</label>
<select id="status" name="status">{options}</select></p>
<p><button type="submit">Filter</button> <a href="/admin/documents">Clear</a></p>
</form>
"#,
        error = error_line(error.as_deref()),
        q = esc(search.as_deref().unwrap_or("")),
        options = status_options(&statuses, filter),
    ));
    let shown = &rows[..rows.len().min(PAGE_SIZE as usize)];
    if shown.is_empty() {
        body.push_str("<p class=\"empty\">No document matches.</p>\n");
    } else {
        body.push_str(
            r#"<div class="admin-table"><table id="documents-table">
<thead><tr><th scope="col">Created</th><th scope="col">Tenant</th><th scope="col">Document</th><th scope="col">Status</th><th scope="col">Signers</th></tr></thead>
<tbody>
"#,
        );
        for d in shown {
            let doc = &d.workflow.document;
            let id = esc(doc.id.as_str());
            let signers = d
                .workflow
                .signers
                .iter()
                .map(|sg| format!("<li>{} {}</li>", esc(&sg.name), badge(sg.status.as_str())))
                .collect::<String>();
            body.push_str(&format!(
                r#"<tr class="admin-document" data-document="{id}">
<td>{created}</td>
<td><span class="admin-tenant">{tenant}</span><br><span class="admin-meta">{mode}</span></td>
<td><a href="/admin/documents/{id}">{name}</a><br><code>{id}</code></td>
<td>{status}</td>
<td><ul class="admin-signers">{signers}</ul></td>
</tr>
"#,
                created = esc(&format_time(&doc.created_at)),
                tenant = esc(&d.tenant_name),
                mode = d.mode.as_str(),
                name = esc(&doc.name),
                status = badge(doc.status.as_str()),
            ));
        }
        body.push_str("</tbody>\n</table></div>\n");
    }
    body.push_str(&pager(
        "/admin/documents",
        filter,
        search.as_deref(),
        query.page(),
        more,
    ));
    body.push_str("</section>\n");
    page("Documents · Signet back office", &body, http)
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
        return failure(&ApiError::not_found("document"));
    };
    let d = match state.store.backoffice_document(&id).await {
        Ok(d) => d,
        Err(e) => return failure(&ApiError::unless_found(e, "document")),
    };
    let trail = match state.store.audit_trail(&id).await {
        Ok(t) => t,
        Err(e) => return failure(&ApiError::from(e)),
    };
    let broken = signing::first_broken(&trail);
    let doc = &d.workflow.document;
    let did = esc(doc.id.as_str());
    let mut body = admin_bar(&s, Section::Documents);
    body.push_str(&format!(
        r#"<p><a href="/admin/documents">All documents</a></p>
<article id="document" class="card admin-record" data-document="{did}">
<h2>{name}</h2>
<p class="admin-meta"><span class="admin-tenant">{tenant}</span> · {mode} mode · <code>{did}</code></p>
<p>Status {status}{message}</p>
<dl class="admin-facts">
<dt>Created</dt><dd>{created}</dd>
<dt>Updated</dt><dd>{updated}</dd>
<dt>Finished</dt><dd>{finished}</dd>
<dt>Expires</dt><dd>{expires}</dd>
<dt>Level</dt><dd>{level} · {order} order</dd>
<dt>File</dt><dd>{pages} page(s), {size} bytes, {revisions} signature revision(s)</dd>
<dt>Original SHA-256</dt><dd><code class="admin-hash">{original}</code></dd>
<dt>Current SHA-256</dt><dd><code class="admin-hash">{current}</code></dd>
</dl>
</article>
"#,
        name = esc(&doc.name),
        tenant = esc(&d.tenant_name),
        mode = d.mode.as_str(),
        status = badge(doc.status.as_str()),
        message = doc
            .message
            .as_deref()
            .map(|m| format!(" · <span class=\"admin-reason\">{}</span>", esc(m)))
            .unwrap_or_default(),
        created = esc(&format_time(&doc.created_at)),
        updated = esc(&format_time(&doc.updated_at)),
        finished = opt(doc.finished_at.as_ref().map(format_time).as_deref()),
        expires = opt(doc.expires_at.as_ref().map(format_time).as_deref()),
        level = doc.level.as_str(),
        order = doc.order.as_str(),
        pages = doc.pages,
        size = doc.size,
        revisions = doc.revisions,
        original = esc(&doc.original_sha256),
        current = esc(&doc.current_sha256),
    ));

    body.push_str(&format!(
        "<section id=\"signers\" class=\"admin-records\">\n<h2>Signers <span class=\"count\">{}</span></h2>\n",
        d.workflow.signers.len()
    ));
    body.push_str(
        r#"<div class="admin-table"><table id="signers-table">
<thead><tr><th scope="col">#</th><th scope="col">Name</th><th scope="col">Email</th><th scope="col">Status</th><th scope="col">Message</th></tr></thead>
<tbody>
"#,
    );
    for sg in &d.workflow.signers {
        body.push_str(&format!(
            r#"<tr class="admin-signer" data-signer="{sid}"><td>{pos}</td><td>{name}<br><code>{sid}</code></td><td>{email}</td><td>{status}</td><td>{message}</td></tr>
"#,
            sid = esc(sg.id.as_str()),
            pos = sg.position + 1,
            name = esc(&sg.name),
            email = opt(sg.email.as_deref()),
            status = badge(sg.status.as_str()),
            message = opt(sg.message.as_deref()),
        ));
    }
    body.push_str("</tbody>\n</table></div>\n</section>\n");

    body.push_str(&format!(
        "<section id=\"audit\" class=\"admin-records\">\n<h2>Audit trail <span class=\"count\">{}</span></h2>\n",
        trail.len()
    ));
    match broken {
        None => body.push_str(&format!(
            r#"<p id="chain" class="admin-chain" data-chain="valid">Hash chain valid: every entry chains onto the one before it{head}.</p>
"#,
            head = trail
                .last()
                .map(|r| format!(
                    "; head <code class=\"admin-hash\">{}</code>",
                    esc(&r.hash)
                ))
                .unwrap_or_default(),
        )),
        Some(seq) => body.push_str(&format!(
            r#"<p id="chain" class="admin-chain error" data-chain="broken" data-first-broken="{seq}" role="alert">Hash chain broken at entry {seq}: the trail was changed there after it was written (an entry edited, or one removed or reordered at this point).</p>
"#
        )),
    }
    if trail.is_empty() {
        body.push_str("<p class=\"empty\">No audit entry.</p>\n");
    } else {
        body.push_str(
            r#"<div class="admin-table"><table id="audit-table">
<thead><tr><th scope="col">#</th><th scope="col">Time</th><th scope="col">Event</th><th scope="col">Actor</th><th scope="col">IP</th><th scope="col">User agent</th><th scope="col">Document SHA-256</th></tr></thead>
<tbody>
"#,
        );
        for r in &trail {
            let class = if Some(r.seq) == broken {
                " admin-broken"
            } else {
                ""
            };
            body.push_str(&format!(
                r#"<tr class="admin-audit{class}" data-seq="{seq}"><td>{seq}</td><td>{at}</td><td><code class="admin-action">{action}</code></td><td>{actor}</td><td>{ip}</td><td class="admin-ua">{ua}</td><td><code class="admin-hash">{sha}</code></td></tr>
"#,
                seq = r.seq,
                at = esc(&format_precise(&r.at)),
                action = esc(&r.action),
                actor = esc(&r.actor),
                ip = opt(r.ip.as_deref()),
                ua = opt(r.user_agent.as_deref()),
                sha = esc(&r.document_sha256),
            ));
        }
        body.push_str("</tbody>\n</table></div>\n");
    }
    body.push_str("</section>\n");
    page(
        &format!("{} · Documents · Signet back office", doc.name),
        &body,
        StatusCode::OK,
    )
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

/// The resend button, or why there is none. `back` is the list's filter and page, to return
/// to after the resend.
fn resend_control(s: &OperatorSession, m: &BackofficeMessage, back: &ListQuery) -> String {
    if m.endpoint_enabled {
        let mut keep = String::new();
        if let Some(st) = back.status() {
            keep.push_str(&format!(
                r#"<input type="hidden" name="status" value="{}">"#,
                esc(st)
            ));
        }
        if back.page() > 1 {
            keep.push_str(&format!(
                r#"<input type="hidden" name="page" value="{}">"#,
                back.page()
            ));
        }
        format!(
            r#"<form class="admin-resend" method="post" action="{href}/resend">{csrf}{keep}<button class="secondary" type="submit">Resend</button></form>"#,
            href = esc(&message_href(m)),
            csrf = hidden_csrf(s),
        )
    } else {
        r#"<span class="admin-meta">Endpoint disabled: the tenant must enable it first.</span>"#
            .to_owned()
    }
}

fn last_error(m: &BackofficeMessage) -> String {
    let code = m.last_status_code.map(|c| format!("HTTP {c}"));
    match (m.last_error.as_deref(), code) {
        (None, None) => "—".to_owned(),
        (Some(e), Some(c)) if e.contains(&c) => esc(e),
        (Some(e), Some(c)) => format!("{} · {}", esc(&c), esc(e)),
        (Some(e), None) => esc(e),
        (None, Some(c)) => esc(&c),
    }
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
            Err(e) => return failure(&ApiError::from(e)),
        }
    };
    let more = rows.len() > PAGE_SIZE as usize;
    let states: Vec<&str> = DeliveryState::ALL.iter().map(|d| d.as_str()).collect();
    let filter_word = filter.map(DeliveryState::as_str);
    let mut body = admin_bar(s, Section::Webhooks);
    body.push_str(&format!(
        r#"<section id="webhooks" class="admin-records">
<h2>Webhook deliveries</h2>
{error}<p class="admin-meta">Failed, retrying and endpoint-disabled messages first. Times are on each tenant's clock.</p>
<form id="webhooks-filter" class="card admin-filter" method="get" action="/admin/webhooks">
<p><label for="status">Status</label>
<select id="status" name="status">{options}</select></p>
<p><button type="submit">Filter</button> <a href="/admin/webhooks">Clear</a></p>
</form>
"#,
        error = error_line(error.as_deref()),
        options = status_options(&states, filter_word),
    ));
    let shown = &rows[..rows.len().min(PAGE_SIZE as usize)];
    if shown.is_empty() {
        body.push_str("<p class=\"empty\">No webhook message matches.</p>\n");
    } else {
        body.push_str(
            r#"<div class="admin-table"><table id="webhooks-table">
<thead><tr><th scope="col">Tenant</th><th scope="col">Endpoint</th><th scope="col">Event</th><th scope="col">Status</th><th scope="col">Attempts</th><th scope="col">Last error</th><th scope="col">Next attempt</th><th scope="col"><span class="visually-hidden">Actions</span></th></tr></thead>
<tbody>
"#,
        );
        for m in shown {
            body.push_str(&format!(
                r#"<tr class="admin-message" data-endpoint="{ep}" data-event="{ev}" data-status="{state}">
<td><span class="admin-tenant">{tenant}</span><br><span class="admin-meta">{mode}</span></td>
<td><span class="admin-url">{url}</span><br><code>{ep}</code></td>
<td><code>{etype}</code><br><a href="{href}"><code>{ev}</code></a></td>
<td>{badge}</td>
<td>{attempts}</td>
<td>{last_error}</td>
<td>{next}</td>
<td>{resend}</td>
</tr>
"#,
                ep = esc(m.endpoint_id.as_str()),
                ev = esc(m.event_id.as_str()),
                state = m.state.as_str(),
                tenant = esc(&m.tenant_name),
                mode = m.mode.as_str(),
                url = esc(&m.endpoint_url),
                etype = esc(&m.event_type),
                href = esc(&message_href(m)),
                badge = badge(m.state.as_str()),
                attempts = m.attempts_made,
                last_error = last_error(m),
                next = opt(m.next_attempt_at.as_ref().map(format_time).as_deref()),
                resend = resend_control(s, m, query),
            ));
        }
        body.push_str("</tbody>\n</table></div>\n");
    }
    body.push_str(&pager(
        "/admin/webhooks",
        filter_word,
        None,
        query.page(),
        more,
    ));
    body.push_str("</section>\n");
    page("Webhook deliveries · Signet back office", &body, http)
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

fn parse_message_ids(ep: &str, ev: &str) -> Result<(WebhookEndpointId, EventId), ApiError> {
    match (WebhookEndpointId::parse(ep), EventId::parse(ev)) {
        (Some(ep), Some(ev)) => Ok((ep, ev)),
        _ => Err(ApiError::not_found("message")),
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
        Err(e) => return failure(&ApiError::unless_found(e, "message")),
    };
    let attempts = match state.store.message_attempts(&ep, &ev, ATTEMPTS_SHOWN).await {
        Ok(a) => a,
        Err(e) => return failure(&ApiError::from(e)),
    };
    let mut body = admin_bar(&s, Section::Webhooks);
    body.push_str(&format!(
        r#"<p><a href="/admin/webhooks">All webhook deliveries</a></p>
<article id="message" class="card admin-record" data-endpoint="{ep}" data-event="{ev}" data-status="{state}">
<h2><code>{etype}</code></h2>
<p class="admin-meta"><span class="admin-tenant">{tenant}</span> · {mode} mode · event <code>{ev}</code></p>
<p>Status {badge}</p>
<dl class="admin-facts">
<dt>Endpoint</dt><dd><span class="admin-url">{url}</span> <code>{ep}</code>{disabled}</dd>
<dt>Attempts</dt><dd>{attempts} in the current schedule</dd>
<dt>Last error</dt><dd>{last_error}</dd>
<dt>Next attempt</dt><dd>{next}</dd>
<dt>Created</dt><dd>{created}</dd>
<dt>Updated</dt><dd>{updated}</dd>
</dl>
<div class="admin-actions">{resend}</div>
</article>
"#,
        ep = esc(m.endpoint_id.as_str()),
        ev = esc(m.event_id.as_str()),
        state = m.state.as_str(),
        etype = esc(&m.event_type),
        tenant = esc(&m.tenant_name),
        mode = m.mode.as_str(),
        badge = badge(m.state.as_str()),
        url = esc(&m.endpoint_url),
        disabled = if m.endpoint_enabled {
            String::new()
        } else {
            format!(
                " · <span class=\"admin-reason\">disabled: {}</span>",
                opt(m.endpoint_disabled_reason.as_deref())
            )
        },
        attempts = m.attempts_made,
        last_error = last_error(&m),
        next = opt(m.next_attempt_at.as_ref().map(format_time).as_deref()),
        created = esc(&format_time(&m.created_at)),
        updated = esc(&format_time(&m.updated_at)),
        resend = resend_control(&s, &m, &ListQuery::default()),
    ));
    body.push_str(&format!(
        "<section id=\"attempts\" class=\"admin-records\">\n<h2>Delivery attempts <span class=\"count\">{}</span></h2>\n",
        attempts.len()
    ));
    if attempts.is_empty() {
        body.push_str("<p class=\"empty\">No attempt yet.</p>\n");
    } else {
        body.push_str(
            r#"<div class="admin-table"><table id="attempts-table">
<thead><tr><th scope="col">#</th><th scope="col">Time</th><th scope="col">Outcome</th><th scope="col">HTTP status</th><th scope="col">Latency</th><th scope="col">Error</th><th scope="col">Response</th></tr></thead>
<tbody>
"#,
        );
        for a in &attempts {
            body.push_str(&format!(
                r#"<tr class="admin-attempt" data-delivery="{id}"><td>{n}</td><td>{at}</td><td>{outcome}</td><td>{code}</td><td>{latency:.1} ms</td><td>{error}</td><td><code class="admin-excerpt">{excerpt}</code></td></tr>
"#,
                id = esc(a.id.as_str()),
                n = a.attempt,
                at = esc(&format_precise(&a.attempted_at)),
                outcome = badge(&a.outcome),
                code = a
                    .status_code
                    .map(|c| c.to_string())
                    .unwrap_or_else(|| "—".to_owned()),
                latency = a.latency_us as f64 / 1000.0,
                error = opt(a.error.as_deref()),
                excerpt = esc(a.response_excerpt.as_deref().unwrap_or("")),
            ));
        }
        body.push_str("</tbody>\n</table></div>\n");
    }
    body.push_str("</section>\n");
    page(
        "Webhook delivery · Signet back office",
        &body,
        StatusCode::OK,
    )
}

/// Puts a message back in the queue with a fresh schedule, as the API's resend does: due now
/// on the tenant's clock, the worker woken.
async fn resend_message(
    state: &AppState,
    s: &OperatorSession,
    ep: &str,
    ev: &str,
) -> Result<(), ApiError> {
    let (ep, ev) = parse_message_ids(ep, ev)?;
    let m = state
        .store
        .backoffice_message(&ep, &ev)
        .await
        .map_err(|e| ApiError::unless_found(e, "message"))?;
    if !m.endpoint_enabled {
        return Err(ApiError::invalid_state(
            "The endpoint is disabled; the tenant must enable it before anything is sent to it.",
        ));
    }
    let tenant = state.store.tenant(&m.tenant_id).await?;
    let wall = state.wall_now();
    state
        .store
        .resend_webhook_message(&ep, &ev, tenant.now(m.mode, wall), wall)
        .await
        .map_err(|e| ApiError::unless_found(e, "message"))?;
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
