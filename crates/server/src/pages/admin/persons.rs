//! A person's record in the back office: who they are, where their screening stands, the
//! compliance flag, which an operator sets (with a reason) or clears, and who saw or
//! exported the person's data. The flag is set by the same use case as
//! `POST /v1/persons/{id}/compliance_flag`, as `operator:<email>`, and re-assesses the
//! person's signers at work as it does there. Opening the record is itself on the person's
//! access trail (`person.viewed`), written before the page is shown: a view that cannot be
//! recorded is not shown.

use super::{Bar, LANG, Section, failure, messages, signed_in, signed_in_form};
use crate::extract::ClientMeta;
use crate::pages::{Lang, Messages, secure};
use axum::extract::rejection::{FormRejection, QueryRejection};
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use axum::{Form, Router, routing::get, routing::post};
use serde::Deserialize;
use signet_app::access_audit::{self, PERSON_VIEWED};
use signet_app::audit::Actor;
use signet_app::error::AppError;
use signet_app::scope::KeyAt;
use signet_app::signers::{Acting, By};
use signet_app::state::AppState;
use signet_core::ids::{PersonId, TenantId};
use signet_core::person::{MAX_COMPLIANCE_REASON_CHARS, Person};
use signet_store::{Mode, OperatorSession, PersonAuditRow, Tenant};

/// Entries of the access trail on the person's record; the rest are a link away.
const TRAIL_ON_RECORD: u32 = 20;
/// Entries per page of the access trail's own page.
const TRAIL_PAGE: u32 = 50;

/// The routes of this section.
pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/admin/persons/{tenant_id}/{mode}/{person_id}", get(record))
        .route(
            "/admin/persons/{tenant_id}/{mode}/{person_id}/access",
            get(access_trail),
        )
        .route(
            "/admin/persons/{tenant_id}/{mode}/{person_id}/compliance_flag",
            post(set_flag),
        )
}

/// Where a person's record is: `/admin/persons/<tenant>/<mode>/<person>`.
pub(super) fn href(tenant: &TenantId, mode: Mode, person: &str) -> String {
    format!(
        "/admin/persons/{}/{}/{person}",
        tenant.as_str(),
        mode.as_str()
    )
}

#[derive(askama::Template)]
#[template(path = "admin/person.html")]
struct RecordPage<'a> {
    lang: Lang,
    m: &'static Messages,
    title: &'a str,
    bar: Bar<'a>,
    error: Option<&'a str>,
    id: &'a str,
    tenant: &'a str,
    mode: &'static str,
    action: String,
    flagged: bool,
    max_reason: usize,
    rows: Vec<(&'static str, String)>,
    access: Vec<AccessEntry>,
    /// The page of earlier access entries, when there are more.
    more: Option<String>,
}

/// One entry of the person's access trail as the back office lists it.
struct AccessEntry {
    seq: i64,
    at: String,
    actor: String,
    action: String,
    details: String,
}

impl AccessEntry {
    fn new(r: &PersonAuditRow) -> AccessEntry {
        let details = match r.details.as_object() {
            Some(m) => m
                .iter()
                .map(|(k, v)| match v.as_str() {
                    Some(text) => format!("{k}: {text}"),
                    None => format!("{k}: {v}"),
                })
                .collect::<Vec<_>>()
                .join(" · "),
            None => String::new(),
        };
        AccessEntry {
            seq: r.seq,
            at: signet_core::time::format(&r.at),
            actor: r.actor.clone(),
            action: r.action.clone(),
            details,
        }
    }
}

/// Up to `limit` access entries before `before` (newest first), and the link to the next
/// page when there are more.
async fn access_entries(
    state: &AppState,
    f: &Found,
    before: Option<i64>,
    limit: u32,
) -> Result<(Vec<AccessEntry>, Option<String>), AppError> {
    let mut rows = state
        .store
        .person_audit_before(&f.tenant.id, f.mode, &f.id, before, limit + 1)
        .await?;
    let more = if rows.len() > limit as usize {
        rows.truncate(limit as usize);
        rows.last().map(|last| {
            format!(
                "{}/access?before={}",
                href(&f.tenant.id, f.mode, f.id.as_str()),
                last.seq
            )
        })
    } else {
        None
    };
    Ok((rows.iter().map(AccessEntry::new).collect(), more))
}

/// The operator of a back-office request, as the audit trails name them.
fn operator(s: &OperatorSession, meta: &ClientMeta) -> Actor {
    Acting {
        by: By::Operator(s.operator.email.clone()),
        ip: meta.ip.clone(),
        user_agent: meta.user_agent.clone(),
    }
    .actor(None)
}

/// A person found for an operator: their tenant (any), mode and the person as stored.
struct Found {
    tenant: Tenant,
    mode: Mode,
    id: PersonId,
    person: Person,
}

async fn load(state: &AppState, tenant: &str, mode: &str, id: &str) -> Result<Found, AppError> {
    let not_found = || AppError::not_found("person");
    let tenant_id = TenantId::parse(tenant).ok_or_else(not_found)?;
    let mode = Mode::parse(mode).ok_or_else(not_found)?;
    let id = PersonId::parse(id).ok_or_else(not_found)?;
    let tenant = state
        .store
        .tenant(&tenant_id)
        .await
        .map_err(|e| AppError::unless_found(e, "person"))?;
    let person = state
        .store
        .person(&tenant.id, mode, &id)
        .await
        .map_err(|e| AppError::unless_found(e, "person"))?;
    Ok(Found {
        tenant,
        mode,
        id,
        person,
    })
}

async fn record_page(
    state: &AppState,
    s: &OperatorSession,
    f: &Found,
    error: Option<&str>,
    status: StatusCode,
) -> Response {
    let (access, more) = match access_entries(state, f, None, TRAIL_ON_RECORD).await {
        Ok(found) => found,
        Err(e) => return failure(&e),
    };
    let p = &f.person;
    let text = |name: &str| p.str_field(name).unwrap_or("—").to_owned();
    let name = format!("{} {}", p.first_name(), p.last_name());
    let rows = vec![
        ("Name", name.trim().to_owned()),
        ("Birth date", text("birth_date")),
        ("Nationality", text("nationality")),
        ("Screening", text("screening_progress")),
        ("Risk", text("risk_classification_status")),
        ("Verified mobile", text("verified_mobile_number")),
        ("Updated", text("updated_at")),
    ];
    let page = RecordPage {
        lang: LANG,
        m: messages(),
        title: "Person · Signet back office",
        bar: Bar::new(s, Section::Queues),
        error,
        id: f.id.as_str(),
        tenant: &f.tenant.name,
        mode: f.mode.as_str(),
        action: format!(
            "{}/compliance_flag",
            href(&f.tenant.id, f.mode, f.id.as_str())
        ),
        flagged: p.flagged_by_compliance(),
        max_reason: MAX_COMPLIANCE_REASON_CHARS,
        rows,
        access,
        more,
    };
    super::super::render(status, &page)
}

/// `GET /admin/persons/{tenant_id}/{mode}/{person_id}`: the person's record, once the view
/// is on the person's access trail.
pub async fn record(
    State(state): State<AppState>,
    headers: HeaderMap,
    meta: ClientMeta,
    Path((tenant, mode, id)): Path<(String, String, String)>,
) -> Response {
    let s = match signed_in(&state, &headers).await {
        Ok(s) => s,
        Err(r) => return r,
    };
    let f = match load(&state, &tenant, &mode, &id).await {
        Ok(f) => f,
        Err(e) => return failure(&e),
    };
    let at = KeyAt {
        tenant: &f.tenant,
        mode: f.mode,
    };
    let viewed = access_audit::record(
        &state,
        at,
        &f.id,
        &operator(&s, &meta),
        PERSON_VIEWED,
        serde_json::json!({}),
    )
    .await;
    if let Err(e) = viewed {
        return failure(&e);
    }
    record_page(&state, &s, &f, None, StatusCode::OK).await
}

#[derive(askama::Template)]
#[template(path = "admin/person_access.html")]
struct AccessPage<'a> {
    lang: Lang,
    m: &'static Messages,
    title: &'a str,
    bar: Bar<'a>,
    id: &'a str,
    tenant: &'a str,
    mode: &'static str,
    record: String,
    access: Vec<AccessEntry>,
    more: Option<String>,
}

#[derive(Debug, Deserialize)]
pub struct AccessQuery {
    before: Option<String>,
}

/// `GET /admin/persons/{tenant_id}/{mode}/{person_id}/access?before=<seq>`: earlier entries
/// of the person's access trail, newest first. It shows who saw the person, not the
/// person's data, so it is not itself a view on the trail.
pub async fn access_trail(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path((tenant, mode, id)): Path<(String, String, String)>,
    query: Result<Query<AccessQuery>, QueryRejection>,
) -> Response {
    let s = match signed_in(&state, &headers).await {
        Ok(s) => s,
        Err(r) => return r,
    };
    let bad_before = || {
        failure(&AppError::field(
            "before",
            "must be a positive whole number",
        ))
    };
    let before = match query {
        Ok(Query(q)) => match q.before.as_deref().map(str::parse::<i64>) {
            None => None,
            Some(Ok(n)) if n > 0 => Some(n),
            Some(_) => return bad_before(),
        },
        Err(_) => return bad_before(),
    };
    let f = match load(&state, &tenant, &mode, &id).await {
        Ok(f) => f,
        Err(e) => return failure(&e),
    };
    let (access, more) = match access_entries(&state, &f, before, TRAIL_PAGE).await {
        Ok(found) => found,
        Err(e) => return failure(&e),
    };
    let page = AccessPage {
        lang: LANG,
        m: messages(),
        title: "Access to a person's data · Signet back office",
        bar: Bar::new(&s, Section::Queues),
        id: f.id.as_str(),
        tenant: &f.tenant.name,
        mode: f.mode.as_str(),
        record: href(&f.tenant.id, f.mode, f.id.as_str()),
        access,
        more,
    };
    super::super::render(StatusCode::OK, &page)
}

#[derive(Debug, Deserialize)]
pub struct FlagForm {
    csrf: Option<String>,
    /// `flag` or `clear`.
    flag: Option<String>,
    reason: Option<String>,
}

/// `POST /admin/persons/{tenant_id}/{mode}/{person_id}/compliance_flag`: flag the person
/// (`flag=flag`, with a reason) or clear the flag (`flag=clear`), as the operator.
pub async fn set_flag(
    State(state): State<AppState>,
    headers: HeaderMap,
    meta: ClientMeta,
    Path((tenant, mode, id)): Path<(String, String, String)>,
    form: Result<Form<FlagForm>, FormRejection>,
) -> Response {
    let Ok(Form(form)) = form else {
        return match signed_in_form(&state, &headers, None).await {
            Ok(_) => failure(&AppError::field("flag", "must be flag or clear")),
            Err(r) => r,
        };
    };
    let s = match signed_in_form(&state, &headers, form.csrf.as_deref()).await {
        Ok(s) => s,
        Err(r) => return r,
    };
    let f = match load(&state, &tenant, &mode, &id).await {
        Ok(f) => f,
        Err(e) => return failure(&e),
    };
    let flagged = match form.flag.as_deref() {
        Some("flag") => true,
        Some("clear") => false,
        _ => {
            return record_page(
                &state,
                &s,
                &f,
                Some("Choose flag or clear."),
                StatusCode::BAD_REQUEST,
            )
            .await;
        }
    };
    let by = Acting {
        by: By::Operator(s.operator.email.clone()),
        ip: meta.ip.clone(),
        user_agent: meta.user_agent.clone(),
    };
    let at = KeyAt {
        tenant: &f.tenant,
        mode: f.mode,
    };
    match signet_app::persons::set_compliance_flag(
        &state,
        &by,
        at,
        &f.id,
        flagged,
        form.reason.as_deref(),
    )
    .await
    {
        Ok(_) => {
            tracing::info!(operator = %s.operator.id, person = %f.id.as_str(), flagged, "back-office decision");
            let mut r = Redirect::to(&href(&f.tenant.id, f.mode, f.id.as_str())).into_response();
            secure(&mut r, "text/html; charset=utf-8");
            r
        }
        Err(e) => {
            let fresh = load(&state, &tenant, &mode, &id).await.unwrap_or(f);
            record_page(&state, &s, &fresh, Some(&e.detail), e.status).await
        }
    }
}
