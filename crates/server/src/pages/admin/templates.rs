//! `/admin/templates`: the templates of every tenant waiting for review (where the tenant
//! requires it, `PUT /v1/settings/template_review`), oldest first, and their approval; then
//! every template, the last changed first, each with its editor. An approved template may send
//! documents; the approval is stored with the operator's address and raises
//! `template.updated`.

use super::{Bar, LANG, Section, failure, format_time, messages, signed_in, signed_in_form};
use crate::pages::{Lang, Messages, render, secure};
use axum::extract::rejection::{FormRejection, QueryRejection};
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use axum::{Form, Router, routing::get, routing::post};
use serde::Deserialize;
use signet_app::error::AppError;
use signet_app::scope::KeyAt;
use signet_app::state::AppState;
use signet_core::ids::{TemplateId, TenantId};
use signet_store::{Mode, QueuedTemplate};

/// Rows per page.
const PAGE_SIZE: u32 = 50;

pub fn routes() -> Router<AppState> {
    Router::new().route("/admin/templates", get(queue)).route(
        "/admin/templates/{tenant_id}/{mode}/{template_id}/approve",
        post(approve),
    )
}

/// `?page=N` (the review queue's page) and `?all=N` (the list of every template), taken as
/// text so that anything unreadable is the first page.
#[derive(Debug, Default, Deserialize)]
pub struct QueueQuery {
    page: Option<String>,
    all: Option<String>,
}

/// A page number as given, or 1.
fn page_number(given: Option<&str>) -> u32 {
    given
        .and_then(|p| p.trim().parse::<u32>().ok())
        .filter(|p| *p >= 1)
        .unwrap_or(1)
}

/// One template as the page shows it.
struct Row {
    id: String,
    tenant: String,
    tenant_id: String,
    mode: &'static str,
    status: &'static str,
    name: String,
    roles: String,
    fields: Vec<String>,
    pages: u32,
    created: String,
    updated: String,
    approve: String,
}

impl Row {
    fn new(q: &QueuedTemplate) -> Row {
        let t = &q.template;
        Row {
            id: t.id.as_str().to_owned(),
            tenant: q.tenant_name.clone(),
            tenant_id: t.tenant_id.as_str().to_owned(),
            mode: t.mode.as_str(),
            status: t.status.as_str(),
            name: t.name.clone(),
            roles: t.roles.join(", "),
            fields: t
                .fields
                .iter()
                .map(|f| {
                    format!(
                        "{} ({}, {}, page {})",
                        f.name,
                        f.kind.as_str(),
                        t.roles.get(f.signer as usize).map_or("", String::as_str),
                        f.area.page
                    )
                })
                .collect(),
            pages: t.pages,
            created: format_time(&t.created_at),
            updated: format_time(&t.updated_at),
            approve: format!(
                "/admin/templates/{}/{}/{}/approve",
                t.tenant_id.as_str(),
                t.mode.as_str(),
                t.id.as_str()
            ),
        }
    }
}

#[derive(askama::Template)]
#[template(path = "admin/templates.html")]
struct QueuePage<'a> {
    lang: Lang,
    m: &'static Messages,
    title: &'a str,
    bar: Bar<'a>,
    rows: Vec<Row>,
    page: u32,
    more: bool,
    /// Every template, the last changed first.
    all: Vec<Row>,
    all_page: u32,
    all_more: bool,
}

/// `GET /admin/templates`.
async fn queue(
    State(state): State<AppState>,
    headers: HeaderMap,
    query: Result<Query<QueueQuery>, QueryRejection>,
) -> Response {
    let s = match signed_in(&state, &headers).await {
        Ok(s) => s,
        Err(r) => return r,
    };
    let query = query.map(|Query(q)| q).unwrap_or_default();
    let page = page_number(query.page.as_deref());
    let all_page = page_number(query.all.as_deref());
    let offset = |n: u32| u64::from(n - 1) * u64::from(PAGE_SIZE);
    let rows = match state
        .store
        .draft_templates(PAGE_SIZE + 1, offset(page))
        .await
    {
        Ok(r) => r,
        Err(e) => return failure(&AppError::from(e)),
    };
    let all = match state
        .store
        .recent_templates(PAGE_SIZE + 1, offset(all_page))
        .await
    {
        Ok(r) => r,
        Err(e) => return failure(&AppError::from(e)),
    };
    let more = rows.len() > PAGE_SIZE as usize;
    let all_more = all.len() > PAGE_SIZE as usize;
    let page = QueuePage {
        lang: LANG,
        m: messages(),
        title: "Templates · Signet back office",
        bar: Bar::new(&s, Section::Templates),
        rows: rows.iter().take(PAGE_SIZE as usize).map(Row::new).collect(),
        page,
        more,
        all: all.iter().take(PAGE_SIZE as usize).map(Row::new).collect(),
        all_page,
        all_more,
    };
    render(StatusCode::OK, &page)
}

#[derive(Debug, Deserialize)]
pub struct ApproveForm {
    csrf: Option<String>,
}

/// `POST /admin/templates/{tenant_id}/{mode}/{template_id}/approve`: approve a draft, as the
/// operator; back to the queue.
async fn approve(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path((tenant, mode, id)): Path<(String, String, String)>,
    form: Result<Form<ApproveForm>, FormRejection>,
) -> Response {
    let csrf = form.ok().and_then(|Form(f)| f.csrf);
    let s = match signed_in_form(&state, &headers, csrf.as_deref()).await {
        Ok(s) => s,
        Err(r) => return r,
    };
    let not_found = || failure(&signet_app::templates::not_found(None));
    let (Some(tenant_id), Some(mode), Some(id)) = (
        TenantId::parse(&tenant),
        Mode::parse(&mode),
        TemplateId::parse(&id),
    ) else {
        return not_found();
    };
    let tenant = match state.store.tenant(&tenant_id).await {
        Ok(t) => t,
        Err(_) => return not_found(),
    };
    let at = KeyAt {
        tenant: &tenant,
        mode,
    };
    let by = format!("operator:{}", s.operator.email);
    match signet_app::templates::approve(&state, at, &id, &by).await {
        Ok(_) => {
            tracing::info!(operator = %s.operator.id, template = %id.as_str(), "template approved");
            let mut r = Redirect::to("/admin/templates").into_response();
            secure(&mut r, "text/html; charset=utf-8");
            r
        }
        Err(e) => failure(&e),
    }
}
