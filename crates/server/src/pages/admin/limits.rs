//! `/admin/limits`: a tenant's limits (signers per document, templates, stored bytes, SMS per
//! month; 0 = none), read and set by an operator as `signet tenant limits` does on the command
//! line. The tenant is named by its id or name.

use super::{Bar, LANG, Section, failure, messages, signed_in, signed_in_form};
use crate::pages::{Lang, Messages, render};
use axum::extract::rejection::{FormRejection, QueryRejection};
use axum::extract::{Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use axum::{Form, Router, routing::get};
use serde::Deserialize;
use signet_app::error::AppError;
use signet_app::state::AppState;
use signet_core::ids::TenantId;
use signet_store::{StoreError, Tenant, TenantLimits};

pub fn routes() -> Router<AppState> {
    Router::new().route("/admin/limits", get(show).post(save))
}

/// `?tenant=ID or name`.
#[derive(Debug, Default, Deserialize)]
pub struct LimitsQuery {
    tenant: Option<String>,
    saved: Option<String>,
}

#[derive(askama::Template)]
#[template(path = "admin/limits.html")]
struct LimitsPage<'a> {
    lang: Lang,
    m: &'static Messages,
    title: &'a str,
    bar: Bar<'a>,
    asked: String,
    tenant: Option<(String, String)>,
    limits: Option<TenantLimits>,
    saved: bool,
    problem: Option<String>,
}

/// The tenant an operator names by id or by name.
async fn find_tenant(state: &AppState, named: &str) -> Result<Option<Tenant>, StoreError> {
    let named = named.trim();
    if let Some(id) = TenantId::parse(named) {
        match state.store.tenant(&id).await {
            Ok(t) => return Ok(Some(t)),
            Err(StoreError::NotFound) => {}
            Err(e) => return Err(e),
        }
    }
    match state.store.tenant_by_name(named).await {
        Ok(t) => Ok(Some(t)),
        Err(StoreError::NotFound) => Ok(None),
        Err(e) => Err(e),
    }
}

/// `GET /admin/limits?tenant=…`.
async fn show(
    State(state): State<AppState>,
    headers: HeaderMap,
    query: Result<Query<LimitsQuery>, QueryRejection>,
) -> Response {
    let s = match signed_in(&state, &headers).await {
        Ok(s) => s,
        Err(r) => return r,
    };
    let query = query.map(|Query(q)| q).unwrap_or_default();
    let asked = query.tenant.unwrap_or_default();
    let mut page = LimitsPage {
        lang: LANG,
        m: messages(),
        title: "Limits · Signet back office",
        bar: Bar::new(&s, Section::Limits),
        asked: asked.clone(),
        tenant: None,
        limits: None,
        saved: query.saved.is_some(),
        problem: None,
    };
    if !asked.trim().is_empty() {
        match find_tenant(&state, &asked).await {
            Ok(Some(t)) => match state.store.tenant_limits(&t.id).await {
                Ok(l) => {
                    page.tenant = Some((t.id.as_str().to_owned(), t.name.clone()));
                    page.limits = Some(l);
                }
                Err(e) => return failure(&AppError::from(e)),
            },
            Ok(None) => page.problem = Some(format!("No tenant has the id or name {asked:?}.")),
            Err(e) => return failure(&AppError::from(e)),
        }
    }
    render(StatusCode::OK, &page)
}

#[derive(Debug, Deserialize)]
pub struct LimitsForm {
    csrf: Option<String>,
    tenant_id: String,
    signers_per_document: String,
    templates: String,
    stored_bytes: String,
    sms_per_month: String,
}

/// `POST /admin/limits`: sets every limit of the form's tenant, then shows them again.
async fn save(
    State(state): State<AppState>,
    headers: HeaderMap,
    form: Result<Form<LimitsForm>, FormRejection>,
) -> Response {
    let form = match form {
        Ok(Form(f)) => f,
        Err(_) => return StatusCode::BAD_REQUEST.into_response(),
    };
    let s = match signed_in_form(&state, &headers, form.csrf.as_deref()).await {
        Ok(s) => s,
        Err(r) => return r,
    };
    let Some(id) = TenantId::parse(form.tenant_id.trim()) else {
        return StatusCode::NOT_FOUND.into_response();
    };
    let tenant = match state.store.tenant(&id).await {
        Ok(t) => t,
        Err(StoreError::NotFound) => return StatusCode::NOT_FOUND.into_response(),
        Err(e) => return failure(&AppError::from(e)),
    };
    let numbers = [
        ("signers per document", &form.signers_per_document),
        ("templates", &form.templates),
        ("stored bytes", &form.stored_bytes),
        ("SMS per month", &form.sms_per_month),
    ]
    .map(|(what, text)| {
        text.trim()
            .parse::<u64>()
            .map_err(|_| format!("{what}: a whole number from 0 (0 = none)"))
    });
    let problems: Vec<String> = numbers.iter().filter_map(|n| n.clone().err()).collect();
    if !problems.is_empty() {
        let limits = state.store.tenant_limits(&tenant.id).await.ok();
        let page = LimitsPage {
            lang: LANG,
            m: messages(),
            title: "Limits · Signet back office",
            bar: Bar::new(&s, Section::Limits),
            asked: tenant.name.clone(),
            tenant: Some((tenant.id.as_str().to_owned(), tenant.name.clone())),
            limits,
            saved: false,
            problem: Some(problems.join("; ")),
        };
        return render(StatusCode::UNPROCESSABLE_ENTITY, &page);
    }
    let [signers, templates, bytes, sms] = numbers.map(|n| n.unwrap_or_default());
    let limits = TenantLimits {
        signers_per_document: signers,
        templates,
        stored_bytes: bytes,
        sms_per_month: sms,
    };
    if let Err(e) = state
        .store
        .set_tenant_limits(&tenant.id, &limits, state.wall_now())
        .await
    {
        return failure(&AppError::from(e));
    }
    tracing::info!(operator = %s.operator.id, tenant = %tenant.id.as_str(), "tenant limits set in the back office");
    Redirect::to(&format!(
        "/admin/limits?tenant={}&saved=1",
        tenant.id.as_str()
    ))
    .into_response()
}
