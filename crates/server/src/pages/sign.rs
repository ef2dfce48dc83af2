//! `/sign/{token}`: the signer's page. It runs the same workflow operations as the API's
//! signer endpoints, as the signer (actor `signer:…` in the audit trail), with the signer's
//! address and browser recorded.

use super::i18n::Lang;
use super::messages::{Messages, fill};
use super::{Notice, secure};
use crate::extract::ClientMeta;
use axum::extract::{FromRequest, Multipart, Path, Request, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use signet_app::error::AppError;
use signet_app::signers::{self, Acting, By, DocumentAt, SignerAt};
use signet_app::state::AppState;
use signet_core::catalog::ErrorCode;
use signet_core::identification::Status as IdentStatus;
use signet_core::ids::SignerId;
use signet_core::signing::fields::FieldType;
use signet_core::signing::{ConfirmOutcome, DocumentStatus, SignerStatus, Workflow};
use signet_core::time::Timestamp;
use signet_store::{Mode, StoredField, Tenant};
use std::collections::HashMap;

/// Width of the rendered page images, in pixels (sharp on a phone, light enough to load).
const PAGE_WIDTH_PX: u32 = signet_app::signers::PAGE_IMAGE_WIDTH_PX;

/// A signer's page, loaded by token.
struct Ctx {
    tenant: Tenant,
    mode: Mode,
    wf: Workflow,
    sid: SignerId,
    lang: Lang,
    token: String,
    /// The link to the signer's open identification, when that is what stands in the way.
    identify_url: Option<String>,
    /// The document's form fields.
    fields: Vec<StoredField>,
    /// What the signer typed into their fields, shown again with a refusal.
    given: HashMap<String, String>,
    /// The tenant requires a signature picture.
    picture_required: bool,
    /// Today on the tenant's clock, as a `date` field shows it.
    today: String,
}

impl Ctx {
    /// The signer of this page, for the use cases in `signet_app::signers`.
    fn at(&self) -> SignerAt<'_> {
        SignerAt {
            doc: DocumentAt {
                tenant: &self.tenant,
                mode: self.mode,
                document: &self.wf.document.id,
            },
            signer: &self.sid,
        }
    }
}

/// The signer acting through their link, from `meta`'s client.
fn acting(meta: &ClientMeta) -> Acting {
    Acting {
        by: By::SignerLink,
        ip: meta.ip.clone(),
        user_agent: meta.user_agent.clone(),
    }
}

fn lang_of(headers: &HeaderMap) -> Lang {
    Lang::from_accept_language(
        headers
            .get(header::ACCEPT_LANGUAGE)
            .and_then(|v| v.to_str().ok()),
    )
}

/// Tokens are 32 lowercase hex digits; anything else is not looked up.
fn plausible(token: &str) -> bool {
    token.len() == 32
        && token
            .bytes()
            .all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'))
}

async fn load(state: &AppState, token: &str, lang: Lang) -> Result<Ctx, Response> {
    load_ctx(state, token, lang, true).await
}

/// The signer's page without what only the page itself shows (the fields, the tenant's
/// picture setting): for the file and the page images, requested once per page.
async fn load_bare(state: &AppState, token: &str, lang: Lang) -> Result<Ctx, Response> {
    load_ctx(state, token, lang, false).await
}

async fn load_ctx(
    state: &AppState,
    token: &str,
    lang: Lang,
    with_form: bool,
) -> Result<Ctx, Response> {
    if !plausible(token) {
        return Err(not_found(lang));
    }
    let (tenant_id, mode, doc_id, sid) = match state.store.signer_by_token(token).await {
        Ok(found) => found,
        Err(signet_store::StoreError::NotFound) => return Err(not_found(lang)),
        Err(e) => return Err(failure(lang, &AppError::from(e))),
    };
    let tenant = state
        .store
        .tenant(&tenant_id)
        .await
        .map_err(|e| failure(lang, &AppError::from(e)))?;
    let wf = state
        .store
        .workflow(&tenant_id, mode, &doc_id)
        .await
        .map_err(|e| failure(lang, &AppError::from(e)))?;
    if link_expired(state, &tenant, mode, &wf) {
        return Err(expired_link(lang));
    }
    let identify_url = identification_to_finish(state, &tenant, mode, &wf, &sid).await;
    let (fields, picture_required) = if with_form {
        let fields = state
            .store
            .fields(&wf.document.id)
            .await
            .map_err(|e| failure(lang, &AppError::from(e)))?;
        let required = state
            .store
            .signature_picture_required(&tenant.id, mode)
            .await
            .map_err(|e| failure(lang, &AppError::from(e)))?;
        (fields, required)
    } else {
        (Vec::new(), false)
    };
    let today = signet_app::fields::date_text(&tenant.now(mode, state.wall_now()));
    Ok(Ctx {
        tenant,
        mode,
        wf,
        sid,
        lang,
        token: token.to_owned(),
        identify_url,
        fields,
        given: HashMap::new(),
        picture_required,
        today,
    })
}

/// A signer held at `kyc_required` for want of an identification (1201) whose person has one
/// the applicant can still complete: its hosted page, so the signer goes there from here.
async fn identification_to_finish(
    state: &AppState,
    tenant: &Tenant,
    mode: Mode,
    wf: &Workflow,
    sid: &SignerId,
) -> Option<String> {
    let s = wf.signer(sid)?;
    if s.status != SignerStatus::KycRequired || s.status_codes != [1201] {
        return None;
    }
    let person = s.person_id.as_ref()?;
    let ident = state
        .store
        .latest_identification_of(&tenant.id, person)
        .await
        .ok()??;
    let now = tenant.now(mode, state.wall_now());
    let open = matches!(
        ident.status,
        IdentStatus::Pending | IdentStatus::Aborted | IdentStatus::Canceled
    ) && ident.url_is_valid(now)
        && ident.capture.submitted_at.is_none();
    if open { ident.url } else { None }
}

/// A link stops opening `signing_link_ttl_after_close` after its document closed (on the
/// tenant's clock): a closed document's page has nothing left to do, and a link lying in a
/// mailbox should not show the document for ever. The API still serves the file.
fn link_expired(state: &AppState, tenant: &Tenant, mode: Mode, wf: &Workflow) -> bool {
    let d = &wf.document;
    let closed_at = match d.status {
        DocumentStatus::Pending | DocumentStatus::Blocked => return false,
        DocumentStatus::Finished => d.finished_at.unwrap_or(d.updated_at),
        DocumentStatus::Rejected | DocumentStatus::Expired | DocumentStatus::Canceled => {
            d.updated_at
        }
    };
    let now = tenant.now(mode, state.wall_now());
    now >= closed_at + state.config.signing_link_ttl_after_close.0
}

/// The page of a link that has expired: 410, it will not come back.
fn expired_link(lang: Lang) -> Response {
    let m = lang.messages();
    let page = Notice {
        lang,
        m,
        title: m.sign_link_expired_title,
        status: "link_expired",
        text: m.sign_link_expired,
    };
    super::render(StatusCode::GONE, &page)
}

fn not_found(lang: Lang) -> Response {
    let m = lang.messages();
    let page = Notice {
        lang,
        m,
        title: m.sign_not_found_title,
        status: "not_found",
        text: m.sign_not_found,
    };
    super::render(StatusCode::NOT_FOUND, &page)
}

#[derive(askama::Template)]
#[template(path = "sign_failure.html")]
struct Failure<'a> {
    lang: Lang,
    m: &'static Messages,
    title: &'a str,
    detail: &'a str,
    request_id: &'a str,
}

/// An unexpected failure, as a page (the request id is in the logs).
fn failure(lang: Lang, e: &AppError) -> Response {
    let m = lang.messages();
    let page = Failure {
        lang,
        m,
        title: m.sign_title,
        detail: &e.detail,
        request_id: &signet_app::error::current_request_id(),
    };
    let status = if e.status.is_server_error() {
        StatusCode::SERVICE_UNAVAILABLE
    } else {
        e.status
    };
    super::render(status, &page)
}

/// The word the page shows for the signer: the signer's status, or the document's when the
/// document closed for another reason.
fn display_status(wf: &Workflow, sid: &SignerId) -> (String, Vec<u32>) {
    let Some(s) = wf.signer(sid) else {
        return ("not_found".into(), vec![]);
    };
    let own = (s.status.as_str().to_owned(), s.status_codes.clone());
    match wf.document.status {
        DocumentStatus::Pending => own,
        DocumentStatus::Finished => {
            if s.status == SignerStatus::Signed {
                own
            } else {
                ("finished".into(), vec![])
            }
        }
        DocumentStatus::Expired => ("expired".into(), vec![]),
        DocumentStatus::Canceled => ("canceled".into(), vec![]),
        DocumentStatus::Rejected if s.status == SignerStatus::Rejected => own,
        DocumentStatus::Rejected => ("document_rejected".into(), vec![]),
        DocumentStatus::Blocked if s.status == SignerStatus::Blocked => own,
        DocumentStatus::Blocked => ("document_blocked".into(), vec![]),
    }
}

fn format_time(lang: Lang, t: &Timestamp) -> String {
    t.format(lang.messages().sign_time_format).to_string()
}

/// What the signer can do on the page now.
enum SignAction<'a> {
    Nothing,
    Approve,
    Confirm,
    /// Go to the open identification at this link.
    Identify(&'a str),
    Selfie,
}

/// One of the signer's fields as the page shows it, over its place on the page image (the
/// place is in `fields.css`, by `id`).
struct PageField {
    /// `f{n}`: the field's place in the document's list.
    id: String,
    /// The form's name for it: `field.` and the field's name.
    input: String,
    /// The field's name, as its accessible label.
    label: String,
    /// `text`, `number`, `email`, `checkbox`, `select`, `image`; `shown` for what Signet
    /// fills (name, date); `signature` for where the signature goes.
    kind: &'static str,
    required: bool,
    options: Vec<String>,
    /// The value shown: what the signer gave, or Signet's own (name, date).
    value: String,
}

/// A page of the document with the signer's fields on it.
struct PageView {
    alt: String,
    fields: Vec<PageField>,
}

/// The signer's fields on their pages, while they can fill them (before approval).
fn page_fields(ctx: &Ctx, pages: u32) -> Vec<Vec<PageField>> {
    let mut out: Vec<Vec<PageField>> = (0..pages).map(|_| Vec::new()).collect();
    let Some(s) = ctx.wf.signer(&ctx.sid) else {
        return out;
    };
    for (i, stored) in ctx.fields.iter().enumerate() {
        let f = &stored.field;
        if f.signer != s.position || f.readonly() {
            continue;
        }
        let Some(page) = out.get_mut(f.area.page.saturating_sub(1) as usize) else {
            continue;
        };
        let input = format!("field.{}", f.name);
        let (kind, value) = match f.kind {
            FieldType::Signature => ("signature", String::new()),
            FieldType::Name => ("shown", s.name.clone()),
            FieldType::Date => ("shown", ctx.today.clone()),
            FieldType::Text | FieldType::Initials => ("text", String::new()),
            FieldType::Number => ("number", String::new()),
            FieldType::Email => ("email", String::new()),
            FieldType::Checkbox => ("checkbox", String::new()),
            FieldType::Select => ("select", String::new()),
            FieldType::Image => ("image", String::new()),
        };
        let value = ctx.given.get(&input).cloned().unwrap_or(value);
        page.push(PageField {
            id: format!("f{i}"),
            input,
            label: f.name.clone(),
            kind,
            required: f.required,
            options: f.options.clone(),
            value,
        });
    }
    out
}

#[derive(askama::Template)]
#[template(path = "sign.html")]
struct SignPage<'a> {
    lang: Lang,
    m: &'static Messages,
    /// The document's name.
    title: &'a str,
    tenant: &'a str,
    /// The document is still open for signatures.
    open: bool,
    /// The status word (`data-status`) and what it means for the signer.
    shown: &'a str,
    status_text: &'static str,
    /// The deadlines that apply: what is due, and when.
    deadlines: Vec<(&'static str, String)>,
    error: Option<&'a str>,
    sandbox_hint: bool,
    action: SignAction<'a>,
    download: bool,
    base: &'a str,
    /// The document's pages, with the signer's fields while they can fill them.
    pages: Vec<PageView>,
    /// The signer has fields to fill on the pages.
    has_fields: bool,
    /// The tenant requires a signature picture.
    picture_required: bool,
    /// What the code field asks for: Signet's code, or the trust service provider's.
    code_label: &'static str,
    page_width: u32,
    /// The document before the actions (the signer is asked to agree to it).
    pages_first: bool,
    can_reject: bool,
}

/// The page for the signer's current state, with an optional error line.
fn render(ctx: &Ctx, error: Option<&str>, status: StatusCode) -> Response {
    let lang = ctx.lang;
    let m = lang.messages();
    let wf = &ctx.wf;
    let d = &wf.document;
    let Some(s) = wf.signer(&ctx.sid) else {
        return not_found(lang);
    };
    let (shown, codes) = display_status(wf, &ctx.sid);
    let base = format!("/sign/{}", ctx.token);
    let open = d.status == DocumentStatus::Pending;
    let mut deadlines = Vec::new();
    if open {
        let due = match s.status {
            SignerStatus::UserConsentRequired => s.approve_by.map(|t| (m.sign_approve_by, t)),
            SignerStatus::ConfirmationRequired => s.confirm_by.map(|t| (m.sign_confirm_by, t)),
            _ => None,
        };
        deadlines.extend(due.map(|(label, t)| (label, format_time(lang, &t))));
        if let Some(exp) = d.expires_at {
            deadlines.push((m.sign_document_expires, format_time(lang, &exp)));
        }
    }
    let action = match s.status {
        _ if !open => SignAction::Nothing,
        SignerStatus::UserConsentRequired => SignAction::Approve,
        SignerStatus::ConfirmationRequired => SignAction::Confirm,
        SignerStatus::KycRequired => ctx
            .identify_url
            .as_deref()
            .map_or(SignAction::Nothing, SignAction::Identify),
        SignerStatus::SelfieRequired if s.selfie.as_ref().is_none_or(|x| x.accepted.is_some()) => {
            SignAction::Selfie
        }
        _ => SignAction::Nothing,
    };
    let pages = d.pages.max(1);
    let mut fields = if matches!(action, SignAction::Approve) {
        page_fields(ctx, pages)
    } else {
        Vec::new()
    };
    fields.resize_with(pages as usize, Vec::new);
    let has_fields = fields.iter().any(|f| !f.is_empty());
    let pages: Vec<PageView> = fields
        .into_iter()
        .enumerate()
        .map(|(i, fields)| PageView {
            alt: fill(
                m.sign_page_of,
                &[("n", &(i + 1).to_string()), ("m", &pages.to_string())],
            ),
            fields,
        })
        .collect();
    let page = SignPage {
        lang,
        m,
        title: &d.name,
        tenant: &ctx.tenant.name,
        open,
        shown: &shown,
        status_text: m.sign_status(&shown, &codes),
        deadlines,
        error,
        sandbox_hint: ctx.mode == Mode::Test
            && open
            && s.status == SignerStatus::ConfirmationRequired,
        action,
        download: s.status == SignerStatus::Signed || d.status == DocumentStatus::Finished,
        base: &base,
        pages,
        has_fields,
        picture_required: ctx.picture_required,
        code_label: if s
            .otp
            .as_ref()
            .is_some_and(|o| signet_app::signing::qualified::provider_checks(&o.hash))
        {
            m.sign_code_label_provider
        } else {
            m.sign_code_label
        },
        page_width: PAGE_WIDTH_PX,
        pages_first: s.status == SignerStatus::UserConsentRequired,
        can_reject: open
            && !matches!(
                s.status,
                SignerStatus::Signed | SignerStatus::Rejected | SignerStatus::Blocked
            ),
    };
    let mut r = super::render(status, &page);
    super::allow_own_script(&mut r);
    r
}

/// The page again with a refusal in the signer's words; a rate limit keeps its
/// `Retry-After`.
fn refusal(ctx: &Ctx, lang: Lang, e: &AppError) -> Response {
    let mut r = render(ctx, Some(&words(lang, e)), e.status);
    if let Some(s) = e.retry_after {
        r.headers_mut()
            .insert(header::RETRY_AFTER, axum::http::HeaderValue::from(s));
    }
    r
}

/// A refused action in the signer's language.
fn words(lang: Lang, e: &AppError) -> String {
    let m = lang.messages();
    match e.code.as_str() {
        "approval_window_expired" | "confirmation_window_expired" => m.sign_window_expired,
        "otp_expired" => m.sign_otp_expired,
        "otp_missing" => m.sign_otp_missing,
        "code_limit_reached" => m.sign_code_limit_reached,
        "rate_limited" => m.sign_rate_limited,
        "sms_limit_reached" => m.sign_sms_limit_reached,
        "signature_flow_not_initialized" => m.sign_approve_first,
        "signature_image_invalid" => m.sign_picture_invalid,
        "signature_image_too_large" => m.sign_picture_too_large,
        "signature_image_missing" => m.sign_picture_missing,
        // The fields to look at again are named.
        "field_values_invalid" => {
            let names: Vec<&str> = e
                .fields
                .iter()
                .map(|f| f.field.strip_prefix("values.").unwrap_or(&f.field))
                .collect();
            return fill(m.sign_fields_missing, &[("detail", &names.join(", "))]);
        }
        _ if e.status.is_server_error() => m.sign_try_again,
        _ => return e.detail.clone(),
    }
    .to_owned()
}

fn back(ctx: &Ctx) -> Response {
    let mut r = Redirect::to(&format!("/sign/{}", ctx.token)).into_response();
    secure(&mut r, "text/html; charset=utf-8");
    r
}

/// The signer's page.
pub async fn page(
    State(state): State<AppState>,
    Path(token): Path<String>,
    headers: HeaderMap,
    meta: ClientMeta,
) -> Response {
    let lang = lang_of(&headers);
    let device = crate::pages::device_model(&headers);
    let mut ctx = match load(&state, &token, lang).await {
        Ok(c) => c,
        Err(r) => return r,
    };
    // Opening the page while there is something to do, or something holding the signer, is
    // recorded ("viewed"), and the session is judged (where it comes from: 4145; the device
    // it runs on: 3541).
    let at_work = ctx.wf.signer(&ctx.sid).is_some_and(|s| {
        matches!(
            s.status,
            SignerStatus::UserConsentRequired
                | SignerStatus::ConfirmationRequired
                | SignerStatus::SelfieRequired
                | SignerStatus::KycRequired
                | SignerStatus::Pending
        )
    }) && ctx.wf.document.status == DocumentStatus::Pending;
    if at_work {
        match signers::record_view(&state, ctx.at(), &acting(&meta), device.as_deref()).await {
            Ok(wf) => ctx.wf = wf,
            Err(e) => tracing::warn!(code = e.code.as_str(), "could not record a page view"),
        }
    }
    render(&ctx, None, StatusCode::OK)
}

/// What the approval form sent: its text inputs and its files (multipart, when it carries
/// fields or a signature picture; URL-encoded from the "new code" button).
#[derive(Default)]
struct Posted {
    text: HashMap<String, String>,
    files: HashMap<String, Vec<u8>>,
}

impl Posted {
    async fn read(req: Request, state: &AppState) -> Option<Posted> {
        let multipart = req
            .headers()
            .get(header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|v| v.starts_with("multipart/form-data"));
        let mut posted = Posted::default();
        if multipart {
            let mut mp = Multipart::from_request(req, state).await.ok()?;
            while let Ok(Some(field)) = mp.next_field().await {
                let Some(name) = field.name().map(str::to_owned) else {
                    continue;
                };
                if field.file_name().is_some() {
                    let bytes = field.bytes().await.ok()?;
                    if !bytes.is_empty() {
                        posted.files.insert(name, bytes.to_vec());
                    }
                } else {
                    posted.text.insert(name, field.text().await.ok()?);
                }
            }
        } else {
            let form = axum::Form::<Vec<(String, String)>>::from_request(req, state)
                .await
                .ok()?;
            posted.text.extend(form.0);
        }
        Some(posted)
    }
}

/// The approval the form asks for: the signer's fields as the API's `values` (by each
/// field's type; the checks are the use case's), and the signature picture uploaded or
/// drawn (a PNG data URL from the page's script).
fn approval(ctx: &Ctx, posted: &Posted) -> Result<signers::Approval, AppError> {
    use base64::Engine;
    use serde_json::Value;
    let b64 = base64::engine::general_purpose::STANDARD;
    let mut values = serde_json::Map::new();
    let position = ctx.wf.signer(&ctx.sid).map(|s| s.position);
    for f in ctx.fields.iter().map(|s| &s.field) {
        if Some(f.signer) != position || f.readonly() || f.kind.filled_by_signet() {
            continue;
        }
        let input = format!("field.{}", f.name);
        let text = posted.text.get(&input).map(|t| t.trim()).unwrap_or("");
        let value = match f.kind {
            FieldType::Checkbox => Some(Value::Bool(text == "on")),
            FieldType::Image => posted
                .files
                .get(&input)
                .map(|bytes| Value::String(b64.encode(bytes))),
            _ if text.is_empty() => None,
            // A number as the API takes it; anything else is refused there as not a number.
            FieldType::Number => Some(
                text.parse::<i64>()
                    .ok()
                    .map(Value::from)
                    .or_else(|| {
                        text.parse::<f64>()
                            .ok()
                            .and_then(serde_json::Number::from_f64)
                            .map(Value::Number)
                    })
                    .unwrap_or_else(|| Value::String(text.to_owned())),
            ),
            _ => Some(Value::String(text.to_owned())),
        };
        if let Some(v) = value {
            values.insert(f.name.clone(), v);
        }
    }
    let drawn = posted
        .text
        .get("signature_drawn")
        .map(|t| t.trim())
        .filter(|t| !t.is_empty());
    let signature_picture = match (posted.files.get("signature_upload"), drawn) {
        (Some(bytes), _) => Some(bytes.clone()),
        (None, Some(url)) => {
            let data = url
                .strip_prefix("data:image/png;base64,")
                .or_else(|| url.strip_prefix("data:image/jpeg;base64,"))
                .unwrap_or(url);
            Some(signet_app::fields::decode_signature_image(data)?)
        }
        (None, None) => None,
    };
    Ok(signers::Approval {
        values,
        signature_picture,
        new_code_only: posted.text.get("new_code").map(String::as_str) == Some("1"),
    })
}

pub async fn approve(
    State(state): State<AppState>,
    Path(token): Path<String>,
    headers: HeaderMap,
    meta: ClientMeta,
    req: Request,
) -> Response {
    let lang = lang_of(&headers);
    let mut ctx = match load(&state, &token, lang).await {
        Ok(c) => c,
        Err(r) => return r,
    };
    let posted = Posted::read(req, &state).await.unwrap_or_default();
    // What the signer typed stays in their fields if the page comes back with a refusal.
    let typed: HashMap<String, String> = posted
        .text
        .iter()
        .filter(|(k, _)| k.starts_with("field."))
        .map(|(k, v)| (k.clone(), v.clone()))
        .collect();
    if posted.text.get("consent").map(String::as_str) != Some("on") {
        ctx.given = typed;
        return render(
            &ctx,
            Some(lang.messages().sign_consent_missing),
            StatusCode::UNPROCESSABLE_ENTITY,
        );
    }
    let result = match approval(&ctx, &posted) {
        Ok(given) => signers::approve(&state, ctx.at(), &acting(&meta), &given).await,
        Err(e) => Err(e),
    };
    match result {
        Ok(approved) => ctx.wf = approved.wf,
        // Refused, or approved and the code could not be handed over: the page as it is now.
        Err(e) => {
            if let Ok(fresh) = load(&state, &token, lang).await {
                ctx = fresh;
            }
            ctx.given = typed;
            return refusal(&ctx, lang, &e);
        }
    }
    back(&ctx)
}

/// Where each of the signer's fields sits on its page image, as a stylesheet: positions are
/// fractions of the page, so each input is placed in percent of the image it lies on and
/// scales with it, on a phone as on a desktop (the page's policy allows no inline style).
pub async fn fields_stylesheet(
    State(state): State<AppState>,
    Path(token): Path<String>,
    headers: HeaderMap,
) -> Response {
    let lang = lang_of(&headers);
    let ctx = match load(&state, &token, lang).await {
        Ok(c) => c,
        Err(r) => return r,
    };
    let position = ctx.wf.signer(&ctx.sid).map(|s| s.position);
    let mut css = String::new();
    for (i, f) in ctx.fields.iter().map(|s| &s.field).enumerate() {
        if Some(f.signer) != position {
            continue;
        }
        let pct = |v: f64| (v * 100.0).clamp(0.0, 100.0);
        css.push_str(&format!(
            "#f{i}{{left:{:.4}%;top:{:.4}%;width:{:.4}%;height:{:.4}%}}\n",
            pct(f.area.x),
            pct(f.area.y),
            pct(f.area.w),
            pct(f.area.h)
        ));
    }
    let mut r = css.into_response();
    secure(&mut r, "text/css; charset=utf-8");
    r
}

#[derive(serde::Deserialize)]
pub struct ConfirmForm {
    otp: String,
}

pub async fn confirm(
    State(state): State<AppState>,
    Path(token): Path<String>,
    headers: HeaderMap,
    meta: ClientMeta,
    req: Request,
) -> Response {
    let lang = lang_of(&headers);
    let mut ctx = match load(&state, &token, lang).await {
        Ok(c) => c,
        Err(r) => return r,
    };
    let code = match axum::Form::<ConfirmForm>::from_request(req, &state).await {
        Ok(f) => f.otp.trim().to_owned(),
        Err(_) => String::new(),
    };
    let m = lang.messages();
    let outcome = match signers::confirm(&state, ctx.at(), &acting(&meta), &code).await {
        Ok((wf, outcome)) => {
            ctx.wf = wf;
            outcome
        }
        Err(e) if e.code == ErrorCode::InvalidModel => {
            return render(
                &ctx,
                Some(m.sign_bad_code),
                StatusCode::UNPROCESSABLE_ENTITY,
            );
        }
        Err(e) => return render(&ctx, Some(&words(lang, &e)), e.status),
    };
    let message = match outcome {
        ConfirmOutcome::Accepted | ConfirmOutcome::Blocked => return back(&ctx),
        ConfirmOutcome::WrongCode { remaining } => {
            fill(m.sign_wrong_code, &[("remaining", &remaining.to_string())])
        }
        ConfirmOutcome::CodeKilled => m.sign_code_killed.to_owned(),
    };
    render(&ctx, Some(&message), StatusCode::UNPROCESSABLE_ENTITY)
}

#[derive(serde::Deserialize)]
pub struct RejectForm {
    message: String,
}

pub async fn reject(
    State(state): State<AppState>,
    Path(token): Path<String>,
    headers: HeaderMap,
    meta: ClientMeta,
    req: Request,
) -> Response {
    let lang = lang_of(&headers);
    let mut ctx = match load(&state, &token, lang).await {
        Ok(c) => c,
        Err(r) => return r,
    };
    let message = match axum::Form::<RejectForm>::from_request(req, &state).await {
        Ok(f) => f.message.trim().chars().take(2000).collect::<String>(),
        Err(_) => String::new(),
    };
    if message.is_empty() {
        return render(
            &ctx,
            Some(lang.messages().sign_message_missing),
            StatusCode::UNPROCESSABLE_ENTITY,
        );
    }
    match signers::reject(&state, ctx.at(), &acting(&meta), &message).await {
        Ok(wf) => ctx.wf = wf,
        Err(e) => return render(&ctx, Some(&words(lang, &e)), e.status),
    }
    back(&ctx)
}

pub async fn selfie(
    State(state): State<AppState>,
    Path(token): Path<String>,
    headers: HeaderMap,
    meta: ClientMeta,
    req: Request,
) -> Response {
    let lang = lang_of(&headers);
    let mut ctx = match load(&state, &token, lang).await {
        Ok(c) => c,
        Err(r) => return r,
    };
    let m = lang.messages();
    let invalid = m.sign_selfie_invalid;
    let mut image = None;
    if let Ok(mut mp) = Multipart::from_request(req, &state).await {
        while let Ok(Some(field)) = mp.next_field().await {
            if field.name() == Some("selfie") {
                image = field.bytes().await.ok();
                break;
            }
        }
    }
    let Some(bytes) = image else {
        return render(&ctx, Some(invalid), StatusCode::UNPROCESSABLE_ENTITY);
    };
    match signers::submit_selfie(&state, ctx.at(), &acting(&meta), &bytes).await {
        Ok(wf) => ctx.wf = wf,
        // The image itself was refused (format, size, pixels): say why.
        Err(e) if e.code == ErrorCode::InvalidModel => {
            let detail = e.fields.first().map_or(e.detail.as_str(), |f| &f.message);
            let text = fill(m.sign_selfie_refused, &[("detail", detail)]);
            return render(&ctx, Some(&text), StatusCode::UNPROCESSABLE_ENTITY);
        }
        Err(e) => return render(&ctx, Some(&words(lang, &e)), e.status),
    }
    back(&ctx)
}

/// The document as signed so far, for the signer to keep.
pub async fn file(
    State(state): State<AppState>,
    Path(token): Path<String>,
    headers: HeaderMap,
) -> Response {
    let lang = lang_of(&headers);
    let ctx = match load_bare(&state, &token, lang).await {
        Ok(c) => c,
        Err(r) => return r,
    };
    match state.blobs.get(&ctx.wf.document.file_key).await {
        Ok(bytes) => {
            let mut r = crate::api::documents::pdf_response(
                bytes,
                &format!("{}.pdf", ctx.wf.document.id.as_str()),
                &ctx.wf.document.current_sha256,
            );
            r.headers_mut().insert(
                header::REFERRER_POLICY,
                header::HeaderValue::from_static("no-referrer"),
            );
            r
        }
        Err(e) => failure(lang, &AppError::internal(&e)),
    }
}

/// Where the image of page `n` of the document's current revision is kept
/// ([`signet_app::signers::page_image_key`]: deleting a document deletes them too).
pub fn page_image_key(ctx_tenant: &str, document: &str, revision: u32, n: usize) -> String {
    signet_app::signers::page_image_key(ctx_tenant, document, revision, n)
}

/// Draws page `n` of the file as signed so far (what the signer approves, earlier signature
/// boxes included) on the bounded pool and stores the PNG under `key`. The file passed intake
/// when it was uploaded, so the renderer only sees bounded input.
async fn render_page(
    state: &AppState,
    ctx: &Ctx,
    n: usize,
    key: &str,
) -> Result<Result<Vec<u8>, signet_pdf::PdfError>, signet_app::heavy::HeavyError> {
    let pdf = match state.blobs.get(&ctx.wf.document.file_key).await {
        Ok(b) => b,
        Err(e) => return Err(signet_app::heavy::HeavyError::from_io(&e)),
    };
    let png = state
        .heavy
        .run(move || signet_pdf::render_page_png(&pdf, n - 1, PAGE_WIDTH_PX))
        .await?;
    if let Ok(png) = &png
        && let Err(e) = state.blobs.put(key, png).await
    {
        // Not kept, still shown: the next request draws it again.
        tracing::warn!(error = %e, "could not store a page image");
    }
    Ok(png)
}

/// One page of the document as a PNG (1-based, as in the page's `alt` text).
pub async fn page_image(
    State(state): State<AppState>,
    Path((token, page)): Path<(String, String)>,
    headers: HeaderMap,
) -> Response {
    let lang = lang_of(&headers);
    let ctx = match load_bare(&state, &token, lang).await {
        Ok(c) => c,
        Err(r) => return r,
    };
    let Some(n) = page
        .parse::<usize>()
        .ok()
        .filter(|n| *n >= 1 && *n <= ctx.wf.document.pages as usize)
    else {
        return not_found(lang);
    };
    let key = page_image_key(
        ctx.tenant.id.as_str(),
        ctx.wf.document.id.as_str(),
        ctx.wf.document.revisions,
        n,
    );
    let png = match state.blobs.get(&key).await {
        Ok(png) => Ok(Ok(png)),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            render_page(&state, &ctx, n, &key).await
        }
        Err(e) => return failure(lang, &AppError::internal(&e)),
    };
    match png {
        Ok(Ok(png)) => {
            let mut r = png.into_response();
            secure(&mut r, "image/png");
            r.headers_mut().insert(
                header::CACHE_CONTROL,
                header::HeaderValue::from_static("private, max-age=3600"),
            );
            r
        }
        Ok(Err(e)) => failure(
            lang,
            &AppError::new(signet_core::catalog::ErrorCode::RenderFailed, e.to_string()),
        ),
        Err(e) => failure(lang, &AppError::internal(&e)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_refused_code_reads_in_the_signers_language() {
        let limit = AppError::new(ErrorCode::SmsLimitReached, "limit of 2 reached");
        assert_eq!(
            words(Lang::De, &limit),
            Lang::De.messages().sign_sms_limit_reached
        );
        let other = AppError::new(ErrorCode::Conflict, "the detail");
        assert_eq!(words(Lang::En, &other), "the detail");
    }
}
