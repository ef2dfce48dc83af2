//! The back office's template editor. `/admin/templates/new` uploads a PDF as a new template
//! of a tenant and mode; `/admin/templates/{tenant}/{mode}/{id}/edit` shows its pages with
//! its fields drawn over them, to move, resize, add, delete and describe (name, type, role,
//! required), and saves them all at once. Creating and saving run the same checks and the
//! same application functions as `POST /v1/templates` and `PATCH /v1/templates/{id}`, so a
//! field refused there is refused here with the same words, and what the editor saved is
//! what `GET /v1/templates/{id}` returns.

use super::{Bar, LANG, Section, failure, messages, signed_in, signed_in_form};
use crate::api::templates::{CreateTemplate, UpdateTemplate, create_template, update_template};
use crate::extract::Json;
use crate::pages::{Lang, Messages, render, secure};
use axum::extract::{FromRequest, Multipart, Path, Request, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use axum::{Router, routing::get};
use signet_app::error::AppError;
use signet_app::scope::KeyAt;
use signet_app::state::AppState;
use signet_app::templates::{self as app, TemplateView};
use signet_core::ids::{TemplateId, TenantId};
use signet_core::signing::fields::FieldType;
use signet_store::{Mode, TemplateRow, Tenant};

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/admin/templates/new", get(new_form).post(create))
        .route(
            "/admin/templates/{tenant_id}/{mode}/{template_id}/edit",
            get(edit).post(save),
        )
        .route(
            "/admin/templates/{tenant_id}/{mode}/{template_id}/pages/{page}",
            get(page_image),
        )
        .route("/assets/editor.js", get(script))
}

const EDITOR_JS: &str = include_str!("../../../assets/editor.js");

async fn script() -> Response {
    (
        [
            (header::CONTENT_TYPE, "text/javascript; charset=utf-8"),
            (header::CACHE_CONTROL, "public, max-age=3600"),
            (header::X_CONTENT_TYPE_OPTIONS, "nosniff"),
        ],
        EDITOR_JS,
    )
        .into_response()
}

#[derive(askama::Template)]
#[template(path = "admin/template_new.html")]
struct NewPage<'a> {
    lang: Lang,
    m: &'static Messages,
    title: &'a str,
    bar: Bar<'a>,
    error: String,
    tenant: String,
    mode: String,
    name: String,
    roles: String,
}

/// `GET /admin/templates/new`.
async fn new_form(State(state): State<AppState>, headers: HeaderMap) -> Response {
    let s = match signed_in(&state, &headers).await {
        Ok(s) => s,
        Err(r) => return r,
    };
    let page = NewPage {
        lang: LANG,
        m: messages(),
        title: "New template · Signet back office",
        bar: Bar::new(&s, Section::Templates),
        error: String::new(),
        tenant: String::new(),
        mode: "test".into(),
        name: String::new(),
        roles: String::new(),
    };
    render(StatusCode::OK, &page)
}

/// A tenant by its id or its name.
async fn find_tenant(state: &AppState, given: &str) -> Option<Tenant> {
    let given = given.trim();
    if let Some(id) = TenantId::parse(given)
        && let Ok(t) = state.store.tenant(&id).await
    {
        return Some(t);
    }
    state.store.tenant_by_name(given).await.ok()
}

/// `POST /admin/templates/new` (multipart: `csrf`, `tenant`, `mode`, `name`, `roles`,
/// `file`): creates the template as `POST /v1/templates` does, then opens its editor; a
/// refusal shows the form again with the reason.
async fn create(State(state): State<AppState>, headers: HeaderMap, req: Request) -> Response {
    let mut mp = match Multipart::from_request(req, &state).await {
        Ok(mp) => mp,
        Err(e) => return failure(&AppError::field("file", &e.body_text())),
    };
    let (mut csrf, mut tenant, mut mode, mut name, mut roles, mut pdf) = (
        None,
        String::new(),
        String::new(),
        String::new(),
        String::new(),
        None,
    );
    loop {
        let field = match mp.next_field().await {
            Ok(Some(f)) => f,
            Ok(None) => break,
            Err(e) => return failure(&AppError::field("file", &e.body_text())),
        };
        let part = field.name().unwrap_or("").to_owned();
        let bytes = match field.bytes().await {
            Ok(b) => b,
            Err(e) => return failure(&AppError::field("file", &e.body_text())),
        };
        let text = || String::from_utf8_lossy(&bytes).into_owned();
        match part.as_str() {
            "csrf" => csrf = Some(text()),
            "tenant" => tenant = text(),
            "mode" => mode = text(),
            "name" => name = text(),
            "roles" => roles = text(),
            "file" if !bytes.is_empty() => pdf = Some(bytes.to_vec()),
            _ => {}
        }
    }
    let s = match signed_in_form(&state, &headers, csrf.as_deref()).await {
        Ok(s) => s,
        Err(r) => return r,
    };
    let again = |error: String, status: StatusCode| {
        let page = NewPage {
            lang: LANG,
            m: messages(),
            title: "New template · Signet back office",
            bar: Bar::new(&s, Section::Templates),
            error,
            tenant: tenant.clone(),
            mode: mode.clone(),
            name: name.clone(),
            roles: roles.clone(),
        };
        render(status, &page)
    };
    let Some(t) = find_tenant(&state, &tenant).await else {
        return again(
            "No tenant has this id or name.".into(),
            StatusCode::UNPROCESSABLE_ENTITY,
        );
    };
    let Some(m) = Mode::parse(mode.trim()) else {
        return again(
            "The mode is test or live.".into(),
            StatusCode::UNPROCESSABLE_ENTITY,
        );
    };
    let body = CreateTemplate {
        name: name.clone(),
        file: None,
        html: None,
        roles: roles
            .split(',')
            .map(|r| r.trim().to_owned())
            .filter(|r| !r.is_empty())
            .collect(),
        fields: Vec::new(),
    };
    let at = KeyAt {
        tenant: &t,
        mode: m,
    };
    match create_template(&state, at, body, pdf).await {
        Ok(row) => {
            tracing::info!(operator = %s.operator.id, template = %row.id.as_str(), "template created in the back office");
            let mut r = Redirect::to(&edit_url(&row.tenant_id, m, &row.id)).into_response();
            secure(&mut r, "text/html; charset=utf-8");
            r
        }
        Err(e) => again(explain(&e), e.status),
    }
}

fn edit_url(tenant: &TenantId, mode: Mode, id: &TemplateId) -> String {
    format!(
        "/admin/templates/{}/{}/{}/edit",
        tenant.as_str(),
        mode.as_str(),
        id.as_str()
    )
}

/// An error as one line: its detail, what each field's error says, then its code and seed
/// number as the API gives them.
fn explain(e: &AppError) -> String {
    let mut out = e.detail.clone();
    for f in &e.fields {
        out.push_str(&format!(" {}: {}.", f.field, f.message));
    }
    if let Some(first) = e.body().errors.first() {
        out.push_str(&format!(" ({}", first.code));
        if let Some(n) = first.return_code {
            out.push_str(&format!(", {n}"));
        }
        out.push(')');
    }
    out
}

/// The tenant and mode of the path, loaded (the template's 404 when they are not).
async fn scope(
    state: &AppState,
    tenant: &str,
    mode: &str,
    id: &str,
) -> Result<(Tenant, Mode, TemplateId), AppError> {
    let not_found = || app::not_found(None);
    let (Some(tenant_id), Some(mode), Some(id)) = (
        TenantId::parse(tenant),
        Mode::parse(mode),
        TemplateId::parse(id),
    ) else {
        return Err(not_found());
    };
    let tenant = state
        .store
        .tenant(&tenant_id)
        .await
        .map_err(|_| not_found())?;
    Ok((tenant, mode, id))
}

/// The template of the path, loaded with its tenant and mode (404 when any is not there).
async fn scoped_template(
    state: &AppState,
    tenant: &str,
    mode: &str,
    id: &str,
) -> Result<(Tenant, Mode, TemplateRow), AppError> {
    let (tenant, mode, id) = scope(state, tenant, mode, id).await?;
    let at = KeyAt {
        tenant: &tenant,
        mode,
    };
    let row = app::get(state, at, &id).await?;
    Ok((tenant, mode, row))
}

struct EditPage {
    n: u32,
    alt: String,
}

#[derive(askama::Template)]
#[template(path = "admin/template_edit.html")]
struct EditView<'a> {
    lang: Lang,
    m: &'static Messages,
    title: &'a str,
    bar: Bar<'a>,
    name: String,
    id: String,
    tenant: String,
    mode: &'static str,
    status: &'static str,
    base: String,
    pages: Vec<EditPage>,
    page_width: u32,
    /// The template as `GET /v1/templates/{id}` returns it, as JSON.
    data: String,
    types: String,
    roles: String,
}

/// `GET /admin/templates/{tenant_id}/{mode}/{template_id}/edit`.
async fn edit(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path((tenant, mode, id)): Path<(String, String, String)>,
) -> Response {
    let s = match signed_in(&state, &headers).await {
        Ok(s) => s,
        Err(r) => return r,
    };
    let (tenant, mode, row) = match scoped_template(&state, &tenant, &mode, &id).await {
        Ok(x) => x,
        Err(e) => return failure(&e),
    };
    let base = format!(
        "/admin/templates/{}/{}/{}",
        tenant.id.as_str(),
        mode.as_str(),
        row.id.as_str()
    );
    let title = format!("{} · Template editor · Signet back office", row.name);
    let page = EditView {
        lang: LANG,
        m: messages(),
        title: &title,
        bar: Bar::new(&s, Section::Templates),
        name: row.name.clone(),
        id: row.id.as_str().to_owned(),
        tenant: tenant.name.clone(),
        mode: mode.as_str(),
        status: row.status.as_str(),
        base,
        pages: (1..=row.pages)
            .map(|n| EditPage {
                n,
                alt: format!("Page {n} of {}", row.pages),
            })
            .collect(),
        page_width: signet_app::signers::PAGE_IMAGE_WIDTH_PX,
        data: serde_json::to_string(&TemplateView::new(&row)).unwrap_or_default(),
        types: serde_json::to_string(
            &FieldType::ALL
                .iter()
                .map(|t| t.as_str())
                .collect::<Vec<_>>(),
        )
        .unwrap_or_default(),
        roles: serde_json::to_string(&row.roles).unwrap_or_default(),
    };
    let mut r = render(StatusCode::OK, &page);
    r.headers_mut().insert(
        header::CONTENT_SECURITY_POLICY,
        header::HeaderValue::from_static(EDITOR_CSP),
    );
    r
}

/// The editor's policy: the pages' own, plus Signet's own script and its saving to this
/// server.
const EDITOR_CSP: &str = "default-src 'none'; script-src 'self'; connect-src 'self'; style-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

/// `POST /admin/templates/{tenant_id}/{mode}/{template_id}/edit`: the body is
/// `PATCH /v1/templates/{id}`'s (the editor sends `fields`), the session's CSRF token in
/// `X-CSRF-Token`; the answer is the API's: the template, or the error with its code.
async fn save(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path((tenant, mode, id)): Path<(String, String, String)>,
    body: Result<Json<UpdateTemplate>, AppError>,
) -> Response {
    let csrf = headers.get("x-csrf-token").and_then(|v| v.to_str().ok());
    let s = match signed_in_form(&state, &headers, csrf).await {
        Ok(s) => s,
        Err(r) => return r,
    };
    let Json(body) = match body {
        Ok(b) => b,
        Err(e) => return e.into_response(),
    };
    let (tenant, mode, id) = match scope(&state, &tenant, &mode, &id).await {
        Ok(x) => x,
        Err(e) => return e.into_response(),
    };
    let at = KeyAt {
        tenant: &tenant,
        mode,
    };
    match update_template(&state, at, &id, body).await {
        Ok(row) => {
            tracing::info!(operator = %s.operator.id, template = %id.as_str(), "template saved in the back office");
            let mut r = axum::Json(TemplateView::new(&row)).into_response();
            secure(&mut r, "application/json");
            r
        }
        Err(e) => e.into_response(),
    }
}

/// `GET /admin/templates/{tenant_id}/{mode}/{template_id}/pages/{page}`: a page of the
/// template's PDF as a PNG, drawn as the signer's page draws a document's.
async fn page_image(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path((tenant, mode, id, page)): Path<(String, String, String, String)>,
) -> Response {
    if let Err(r) = signed_in(&state, &headers).await {
        return r;
    }
    let (_, _, row) = match scoped_template(&state, &tenant, &mode, &id).await {
        Ok(x) => x,
        Err(e) => return failure(&e),
    };
    let Some(n) = page
        .parse::<usize>()
        .ok()
        .filter(|n| *n >= 1 && *n <= row.pages as usize)
    else {
        return failure(&AppError::new(
            signet_core::catalog::ErrorCode::NotFound,
            "the template has no such page",
        ));
    };
    let pdf = match state.blobs.get(&row.file_key).await {
        Ok(b) => b,
        Err(e) => return failure(&AppError::internal(&e)),
    };
    let width = signet_app::signers::PAGE_IMAGE_WIDTH_PX;
    match state
        .heavy
        .run(move || signet_pdf::render_page_png(&pdf, n - 1, width))
        .await
    {
        Ok(Ok(png)) => {
            let mut r = png.into_response();
            secure(&mut r, "image/png");
            r.headers_mut().insert(
                header::CACHE_CONTROL,
                header::HeaderValue::from_static("private, no-cache"),
            );
            r
        }
        Ok(Err(e)) => failure(&AppError::new(
            signet_core::catalog::ErrorCode::RenderFailed,
            e.to_string(),
        )),
        Err(e) => failure(&AppError::internal(&e)),
    }
}
