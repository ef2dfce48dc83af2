//! `/admin`: the reviewers' back office. Operators sign in with an email and a password
//! (argon2id; five failures lock the address for 15 minutes, thirty lock the client) and
//! clear the review queues of every tenant: `document` identifications
//! (`identifications.rs`), selfies waiting for a decision, signers blocked after failed
//! validations, and open screening hits; documents with their audit trails and webhook
//! deliveries are in `records.rs`, a person's record with the compliance flag in
//! `persons.rs`.
//!
//! A session is a 256-bit random cookie (`signet_admin`, `HttpOnly; SameSite=Strict;
//! Path=/admin`, `Secure` behind https); only its SHA-256 is stored. Every form carries the
//! session's CSRF token and a POST without it is refused (403). Decisions run the same
//! `Workflow` operations as the API, as `operator:<email>`, so each one lands in the
//! document's hash-chained audit trail with the operator's address and browser. A screening
//! hit is decided by the same function as `POST /v1/screening/hits/{id}/decision`, with
//! `decided_by` = `operator:<email>`.

use super::i18n::Lang;
use super::{Messages, secure};
use crate::extract::ClientMeta;
use argon2::Argon2;
use argon2::password_hash::phc::PasswordHash;
use argon2::password_hash::{PasswordHasher, PasswordVerifier};
use axum::Form;
use axum::extract::rejection::FormRejection;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;
use sha2::{Digest, Sha256};
use signet_app::error::AppError;
use signet_app::signers::{self, Acting, By, DocumentAt, SignerAt};
use signet_app::state::{AppState, fill_random, random16};
use signet_core::ids::{ScreeningHitId, SignerId};
use signet_core::screening::Decider;
use signet_core::signing::SignerStatus;
use signet_core::time::Timestamp;
use signet_store::{
    OperatorRow, OperatorSession, QueuedHit, QueuedSigner, Store, StoreError, ThrottleRule,
};
use std::sync::LazyLock;
use subtle::ConstantTimeEq;

pub mod editor;
pub mod erasures;
pub mod identifications;
pub mod jobs;
pub mod limits;
pub mod persons;
pub mod records;
pub mod templates;

/// The session cookie's name.
pub const COOKIE: &str = "signet_admin";
/// How long a session lasts: one working day.
const SESSION_SECONDS: i64 = 8 * 3600;
/// The shortest password `create_operator` accepts.
pub const MIN_PASSWORD_CHARS: usize = 12;
/// The most signers one queue shows at a time.
pub(super) const QUEUE_LIMIT: u32 = 200;
const FAILED_LOGIN: &str = "Wrong email or password.";
/// Five wrong passwords for one address within 15 minutes lock it for 15 minutes, whether
/// or not an operator has it (so the lock tells nothing about who exists).
const PER_EMAIL: ThrottleRule = ThrottleRule {
    max_failures: 5,
    window: chrono::Duration::minutes(15),
    lock: chrono::Duration::minutes(15),
};
/// One client may fail 30 times within 15 minutes across addresses (an office behind one
/// address has room), then waits 15 minutes.
const PER_CLIENT: ThrottleRule = ThrottleRule {
    max_failures: 30,
    window: chrono::Duration::minutes(15),
    lock: chrono::Duration::minutes(15),
};

/// Why an operator could not be created.
#[derive(Debug, thiserror::Error)]
pub enum CreateOperatorError {
    #[error("the email must look like name@example.org")]
    InvalidEmail,
    #[error("the password must have at least {MIN_PASSWORD_CHARS} characters")]
    WeakPassword,
    #[error("an operator with this email exists")]
    Exists,
    #[error("no operator has this email")]
    Unknown,
    #[error("hashing the password failed: {0}")]
    Hash(String),
    #[error("{0}")]
    Store(StoreError),
}

/// Hashes a password as an argon2id PHC string with a random salt (argon2's defaults:
/// 19 MiB, 2 passes, as OWASP recommends).
pub fn hash_password(password: &str) -> Result<String, String> {
    Argon2::default()
        .hash_password(password.as_bytes())
        .map(|h| h.to_string())
        .map_err(|e| e.to_string())
}

/// Does `password` match the PHC string `hash`? A malformed hash matches nothing.
pub fn verify_password(password: &str, hash: &str) -> bool {
    match PasswordHash::new(hash) {
        Ok(parsed) => Argon2::default()
            .verify_password(password.as_bytes(), &parsed)
            .is_ok(),
        Err(_) => false,
    }
}

/// Adds an operator (what `signet admin create` runs).
pub async fn create_operator(
    store: &Store,
    email: &str,
    password: &str,
    now: Timestamp,
) -> Result<OperatorRow, CreateOperatorError> {
    let email = email.trim().to_lowercase();
    let plausible = email.len() <= 254
        && !email.chars().any(|c| c.is_whitespace() || c.is_control())
        && email
            .split_once('@')
            .is_some_and(|(local, domain)| !local.is_empty() && domain.contains('.'));
    if !plausible {
        return Err(CreateOperatorError::InvalidEmail);
    }
    if password.chars().count() < MIN_PASSWORD_CHARS {
        return Err(CreateOperatorError::WeakPassword);
    }
    let hash = hash_password(password).map_err(CreateOperatorError::Hash)?;
    let id = format!("op_{}", hex::encode(random16()));
    store
        .create_operator(&id, &email, &hash, now)
        .await
        .map_err(|e| match e {
            StoreError::Conflict(_) => CreateOperatorError::Exists,
            e => CreateOperatorError::Store(e),
        })
}

async fn operator_named(store: &Store, email: &str) -> Result<OperatorRow, CreateOperatorError> {
    store
        .operator_by_email(email)
        .await
        .map_err(CreateOperatorError::Store)?
        .ok_or(CreateOperatorError::Unknown)
}

/// Gives an operator a new password (what `signet admin password` runs); their sessions end.
pub async fn set_operator_password(
    store: &Store,
    email: &str,
    password: &str,
) -> Result<OperatorRow, CreateOperatorError> {
    if password.chars().count() < MIN_PASSWORD_CHARS {
        return Err(CreateOperatorError::WeakPassword);
    }
    let operator = operator_named(store, email).await?;
    let hash = hash_password(password).map_err(CreateOperatorError::Hash)?;
    store
        .set_operator_password(&operator.id, &hash)
        .await
        .map_err(CreateOperatorError::Store)?;
    Ok(operator)
}

/// Disables an operator (`Some(now)`: no sign-in, sessions end) or enables them again
/// (`None`); what `signet admin disable` and `enable` run.
pub async fn set_operator_disabled(
    store: &Store,
    email: &str,
    disabled_at: Option<Timestamp>,
) -> Result<OperatorRow, CreateOperatorError> {
    let operator = operator_named(store, email).await?;
    store
        .set_operator_disabled(&operator.id, disabled_at)
        .await
        .map_err(CreateOperatorError::Store)?;
    Ok(operator)
}

/// Verified when the email is unknown, so a login costs the same whether or not it exists.
static DUMMY_HASH: LazyLock<String> = LazyLock::new(|| {
    let mut pw = [0u8; 32];
    fill_random(&mut pw);
    hash_password(&hex::encode(pw)).unwrap_or_default()
});

pub(super) fn digest(token: &str) -> String {
    hex::encode(Sha256::digest(token.as_bytes()))
}

fn random_token() -> String {
    let mut b = [0u8; 32];
    fill_random(&mut b);
    hex::encode(b)
}

fn cookie_value(headers: &HeaderMap) -> Option<String> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|kv| kv.trim().split_once('='))
        .find(|(k, _)| *k == COOKIE)
        .map(|(_, v)| v.to_owned())
        .filter(|v| v.len() == 64 && v.bytes().all(|b| b.is_ascii_hexdigit()))
}

pub(super) async fn session(
    state: &AppState,
    headers: &HeaderMap,
) -> Result<Option<OperatorSession>, Response> {
    let Some(token) = cookie_value(headers) else {
        return Ok(None);
    };
    state
        .store
        .operator_session(&digest(&token), state.wall_now())
        .await
        .map_err(|e| failure(&AppError::from(e)))
}

pub(super) fn csrf_ok(session: &OperatorSession, given: Option<&str>) -> bool {
    given.is_some_and(|g| bool::from(g.as_bytes().ct_eq(session.csrf.as_bytes())))
}

fn secure_flag(state: &AppState) -> &'static str {
    if state.config.public_url().starts_with("https://") {
        "; Secure"
    } else {
        ""
    }
}

fn set_cookie(r: &mut Response, value: &str) {
    if let Ok(v) = HeaderValue::from_str(value) {
        r.headers_mut().append(header::SET_COOKIE, v);
    }
}

pub(super) fn to_login() -> Response {
    let mut r = Redirect::to("/admin/login").into_response();
    secure(&mut r, "text/html; charset=utf-8");
    r
}

pub(super) fn to_dashboard() -> Response {
    let mut r = Redirect::to("/admin").into_response();
    secure(&mut r, "text/html; charset=utf-8");
    r
}

/// The back office speaks English.
pub(super) const LANG: Lang = Lang::En;

/// The back office's words around its pages (the footer).
pub(super) fn messages() -> &'static Messages {
    LANG.messages()
}

/// A page that says what went wrong, with the way back to the queues.
#[derive(askama::Template)]
#[template(path = "admin/message.html")]
struct MessagePage<'a> {
    lang: Lang,
    m: &'static Messages,
    title: &'a str,
    heading: &'a str,
    text: &'a str,
}

fn message(heading: &str, text: &str, status: StatusCode) -> Response {
    let page = MessagePage {
        lang: LANG,
        m: messages(),
        title: "Signet back office",
        heading,
        text,
    };
    super::render(status, &page)
}

pub(super) fn failure(e: &AppError) -> Response {
    message("Something went wrong", &e.detail, e.status)
}

pub(super) fn forbidden() -> Response {
    message(
        "Refused",
        "This form has expired. Reload the page and try again.",
        StatusCode::FORBIDDEN,
    )
}

pub(super) fn format_time(t: &Timestamp) -> String {
    t.format("%d %b %Y, %H:%M UTC").to_string()
}

#[derive(askama::Template)]
#[template(path = "admin/login.html")]
struct LoginPage<'a> {
    lang: Lang,
    m: &'static Messages,
    title: &'a str,
    error: Option<&'a str>,
    email: &'a str,
}

fn login_page(error: Option<&str>, email: &str, status: StatusCode) -> Response {
    let page = LoginPage {
        lang: LANG,
        m: messages(),
        title: "Sign in · Signet back office",
        error,
        email,
    };
    super::render(status, &page)
}

/// `GET /admin/login`.
pub async fn login_form(State(state): State<AppState>, headers: HeaderMap) -> Response {
    match session(&state, &headers).await {
        Ok(Some(_)) => to_dashboard(),
        Ok(None) => login_page(None, "", StatusCode::OK),
        Err(r) => r,
    }
}

#[derive(Debug, Deserialize)]
pub struct LoginForm {
    #[serde(default)]
    email: String,
    #[serde(default)]
    password: String,
}

/// `POST /admin/login`: a wrong email and a wrong password look the same and cost the same.
pub async fn login(
    State(state): State<AppState>,
    meta: ClientMeta,
    form: Result<Form<LoginForm>, FormRejection>,
) -> Response {
    let Ok(Form(form)) = form else {
        return login_page(Some(FAILED_LOGIN), "", StatusCode::UNAUTHORIZED);
    };
    // Guessing is slowed per address tried and per client (an IPv6 client by its /64). The
    // failure is reserved before the password is checked, so parallel guesses are counted
    // before any of them is judged: of forty at once, five are checked and the rest refused.
    let email_key = format!("email:{}", digest(&form.email.trim().to_lowercase()));
    let ip_key = format!(
        "ip:{}",
        signet_app::limits::client_key(meta.ip.as_deref().unwrap_or("unknown"))
    );
    let now = state.wall_now();
    match state
        .store
        .reserve_login_attempt(&[(&email_key, PER_EMAIL), (&ip_key, PER_CLIENT)], now)
        .await
    {
        Ok(None) => {}
        Ok(Some(until)) => {
            tracing::warn!(ip = ?meta.ip, "back-office sign-in throttled");
            let message = format!(
                "Too many failed sign-ins. Try again after {}.",
                until.format("%H:%M UTC")
            );
            let mut r = login_page(Some(&message), &form.email, StatusCode::TOO_MANY_REQUESTS);
            let seconds = (until - now).num_seconds().max(1);
            r.headers_mut()
                .insert(header::RETRY_AFTER, HeaderValue::from(seconds));
            return r;
        }
        Err(e) => return failure(&AppError::from(e)),
    }
    let operator = match state.store.operator_by_email(&form.email).await {
        Ok(o) => o,
        Err(e) => return failure(&AppError::from(e)),
    };
    let hash = operator.as_ref().map(|o| o.password_hash.clone());
    let password = form.password;
    // Off the async threads, and at most `password_hash_concurrency` at once: a
    // verification takes tens of milliseconds and 19 MiB. The dummy hash is touched on every
    // attempt, so even the first one costs the same either way.
    let matches = match state.password_checks.clone().acquire_owned().await {
        Ok(permit) => tokio::task::spawn_blocking(move || {
            let _permit = permit;
            let dummy: &str = &DUMMY_HASH;
            verify_password(&password, hash.as_deref().unwrap_or(dummy))
        })
        .await
        .unwrap_or(false),
        Err(_) => false,
    };
    // A disabled operator fails like a wrong password: the form says nothing more.
    let Some(operator) = operator.filter(|o| matches && o.disabled_at.is_none()) else {
        tracing::info!(ip = ?meta.ip, "back-office sign-in refused");
        for (key, rule) in [(&email_key, PER_EMAIL), (&ip_key, PER_CLIENT)] {
            if let Err(e) = state.store.login_failed(key, rule, now).await {
                return failure(&AppError::from(e));
            }
        }
        return login_page(Some(FAILED_LOGIN), &form.email, StatusCode::UNAUTHORIZED);
    };
    // The address's failures are forgotten; the client's reservation is given back.
    if let Err(e) = state.store.clear_login_failures(&email_key).await {
        return failure(&AppError::from(e));
    }
    if let Err(e) = state.store.release_login_attempt(&ip_key).await {
        return failure(&AppError::from(e));
    }
    let token = random_token();
    let expires = now + chrono::Duration::seconds(SESSION_SECONDS);
    if let Err(e) = state
        .store
        .insert_operator_session(&digest(&token), &operator.id, &random_token(), now, expires)
        .await
    {
        return failure(&AppError::from(e));
    }
    tracing::info!(operator = %operator.id, "back-office sign-in");
    let mut r = to_dashboard();
    set_cookie(
        &mut r,
        &format!(
            "{COOKIE}={token}; HttpOnly; SameSite=Strict; Path=/admin; Max-Age={SESSION_SECONDS}{}",
            secure_flag(&state)
        ),
    );
    r
}

#[derive(Debug, Deserialize)]
pub struct CsrfForm {
    pub(super) csrf: Option<String>,
}

/// `POST /admin/logout`.
pub async fn logout(
    State(state): State<AppState>,
    headers: HeaderMap,
    form: Result<Form<CsrfForm>, FormRejection>,
) -> Response {
    let s = match session(&state, &headers).await {
        Ok(Some(s)) => s,
        Ok(None) => return forbidden(),
        Err(r) => return r,
    };
    if !csrf_ok(&s, form.as_ref().ok().and_then(|f| f.csrf.as_deref())) {
        return forbidden();
    }
    if let Some(token) = cookie_value(&headers)
        && let Err(e) = state.store.delete_operator_session(&digest(&token)).await
    {
        return failure(&AppError::from(e));
    }
    let mut r = to_login();
    set_cookie(
        &mut r,
        &format!(
            "{COOKIE}=; HttpOnly; SameSite=Strict; Path=/admin; Max-Age=0{}",
            secure_flag(&state)
        ),
    );
    r
}

/// The back office's sections, for the navigation bar.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Section {
    Queues,
    Documents,
    Webhooks,
    Jobs,
    Erasures,
    Templates,
    Limits,
}

/// The bar at the top of every signed-in page: where one is, where one can go, who is
/// signed in and the sign-out button (`admin/macros.html`, `bar`).
pub(super) struct Bar<'a> {
    pub(super) email: &'a str,
    pub(super) csrf: &'a str,
    pub(super) current: Section,
}

impl<'a> Bar<'a> {
    pub(super) fn new(s: &'a OperatorSession, current: Section) -> Bar<'a> {
        Bar {
            email: &s.operator.email,
            csrf: &s.csrf,
            current,
        }
    }

    /// The sections: where each is and its name.
    pub(super) fn links(&self) -> [(Section, &'static str, &'static str); 7] {
        [
            (Section::Queues, "/admin", "Queues"),
            (Section::Documents, "/admin/documents", "Documents"),
            (Section::Webhooks, "/admin/webhooks", "Webhook deliveries"),
            (Section::Jobs, "/admin/jobs", "Dead jobs"),
            (Section::Erasures, "/admin/erasures", "Erasures"),
            (Section::Templates, "/admin/templates", "Templates"),
            (Section::Limits, "/admin/limits", "Limits"),
        ]
    }
}

/// The session of a signed-in operator for a page (GET), or the redirect to sign in.
pub(super) async fn signed_in(
    state: &AppState,
    headers: &HeaderMap,
) -> Result<OperatorSession, Response> {
    match session(state, headers).await {
        Ok(Some(s)) => Ok(s),
        Ok(None) => Err(to_login()),
        Err(r) => Err(r),
    }
}

/// The session of a signed-in operator for a form (POST) whose CSRF token matches it, or 403.
pub(super) async fn signed_in_form(
    state: &AppState,
    headers: &HeaderMap,
    csrf: Option<&str>,
) -> Result<OperatorSession, Response> {
    match session(state, headers).await {
        Ok(Some(s)) if csrf_ok(&s, csrf) => Ok(s),
        Ok(_) => Err(forbidden()),
        Err(r) => Err(r),
    }
}

/// An open screening hit as the queue shows it.
struct HitItem<'a> {
    id: &'a str,
    tenant: &'a str,
    mode: &'static str,
    person: String,
    person_id: &'a str,
    /// The person's record, where the compliance flag is set.
    person_href: String,
    list: &'a str,
    entry: &'a str,
    name: &'a str,
    matched: &'a str,
    score: String,
    summary: Option<String>,
    /// The entry's risk topics, comma-separated.
    topics: String,
    /// A PEP hit on a person who declared `self_declared_as_pep: false`.
    undeclared_pep: bool,
    /// When it was confirmed, for a confirmed hit.
    decided: Option<String>,
}

impl<'a> HitItem<'a> {
    fn new(q: &'a QueuedHit) -> HitItem<'a> {
        let h = &q.hit;
        let person = format!("{} {}", q.person.first_name(), q.person.last_name());
        HitItem {
            id: h.id.as_str(),
            tenant: &q.tenant_name,
            mode: q.mode.as_str(),
            person: person.trim().to_owned(),
            person_id: h.person_id.as_str(),
            person_href: persons::href(&q.tenant_id, q.mode, h.person_id.as_str()),
            list: &h.list_id,
            entry: &h.entry_id,
            name: &h.name,
            matched: &h.matched_name,
            score: format!("{:.2}", h.score),
            summary: serde_json::from_str::<serde_json::Value>(&h.explanation)
                .ok()
                .and_then(|e| e.get("summary").and_then(|v| v.as_str()).map(str::to_owned)),
            topics: h.topics.join(", "),
            undeclared_pep: signet_core::screening::is_pep_hit(&h.topics)
                && q.person
                    .as_json()
                    .get("self_declared_as_pep")
                    .and_then(serde_json::Value::as_bool)
                    == Some(false),
            decided: h
                .decided_at
                .map(|t| format_time(&signet_core::time::from_millis(t))),
        }
    }
}

#[derive(askama::Template)]
#[template(path = "admin/dashboard.html")]
struct Dashboard<'a> {
    lang: Lang,
    m: &'static Messages,
    title: &'a str,
    bar: Bar<'a>,
    error: Option<&'a str>,
    identifications: Vec<identifications::QueueItem<'a>>,
    /// Each with the time it was submitted.
    selfies: Vec<(&'a QueuedSigner, String)>,
    blocked: Vec<QueuedSigner>,
    hits: Vec<HitItem<'a>>,
    /// Confirmed PEP hits on persons who declared they are no PEP: flagged for review.
    undeclared_peps: Vec<HitItem<'a>>,
}

async fn dashboard(
    state: &AppState,
    s: &OperatorSession,
    error: Option<&str>,
    status: StatusCode,
) -> Response {
    let selfies = match state
        .store
        .signers_in_status(SignerStatus::SelfieRequired.as_str(), QUEUE_LIMIT)
        .await
    {
        Ok(rows) => rows
            .into_iter()
            .filter(|q| {
                q.signer
                    .selfie
                    .as_ref()
                    .is_some_and(|sf| sf.accepted.is_none())
            })
            .collect::<Vec<_>>(),
        Err(e) => return failure(&AppError::from(e)),
    };
    let blocked = match state
        .store
        .signers_in_status(SignerStatus::Blocked.as_str(), QUEUE_LIMIT)
        .await
    {
        Ok(rows) => rows,
        Err(e) => return failure(&AppError::from(e)),
    };
    let hits = match state.store.open_hits(QUEUE_LIMIT).await {
        Ok(rows) => rows,
        Err(e) => return failure(&AppError::from(e)),
    };
    let undeclared_peps = match state.store.undeclared_pep_hits(QUEUE_LIMIT).await {
        Ok(rows) => rows,
        Err(e) => return failure(&AppError::from(e)),
    };
    let identifications = match state
        .store
        .identifications_awaiting_review(QUEUE_LIMIT)
        .await
    {
        Ok(rows) => rows,
        Err(e) => return failure(&AppError::from(e)),
    };
    let page = Dashboard {
        lang: LANG,
        m: messages(),
        title: "Queues · Signet back office",
        bar: Bar::new(s, Section::Queues),
        error,
        identifications: identifications
            .iter()
            .map(identifications::QueueItem::new)
            .collect(),
        selfies: selfies
            .iter()
            .map(|q| {
                let submitted = q
                    .signer
                    .selfie
                    .as_ref()
                    .map(|sf| format_time(&sf.submitted_at))
                    .unwrap_or_default();
                (q, submitted)
            })
            .collect(),
        blocked,
        hits: hits.iter().map(HitItem::new).collect(),
        undeclared_peps: undeclared_peps
            .iter()
            .map(HitItem::new)
            .filter(|h| h.undeclared_pep)
            .collect(),
    };
    super::render(status, &page)
}

/// `GET /admin`: the queues, or the sign-in form for a browser without a session.
pub async fn index(State(state): State<AppState>, headers: HeaderMap) -> Response {
    match session(&state, &headers).await {
        Ok(Some(s)) => dashboard(&state, &s, None, StatusCode::OK).await,
        Ok(None) => to_login(),
        Err(r) => r,
    }
}

/// `GET /admin/selfies/{signer_id}`: the selfie a signer handed in, to signed-in operators.
pub async fn selfie_image(
    State(state): State<AppState>,
    headers: HeaderMap,
    meta: ClientMeta,
    Path(sid): Path<String>,
) -> Response {
    let s = match session(&state, &headers).await {
        Ok(Some(s)) => s,
        Ok(None) => return to_login(),
        Err(r) => return r,
    };
    let not_found = || failure(&AppError::not_found("selfie"));
    if SignerId::parse(&sid).is_none() {
        return not_found();
    }
    let q = match state.store.queued_signer(&sid).await {
        Ok(q) => q,
        Err(StoreError::NotFound) => return not_found(),
        Err(e) => return failure(&AppError::from(e)),
    };
    let Some(selfie) = &q.signer.selfie else {
        return not_found();
    };
    let bytes = match state.blobs.get(&selfie.blob_key).await {
        Ok(b) => b,
        Err(e) => return failure(&AppError::internal(&e)),
    };
    // On the access trail before it is shown (`access_audit::record_selfie_view`).
    let viewer = Acting {
        by: By::Operator(s.operator.email.clone()),
        ip: meta.ip.clone(),
        user_agent: meta.user_agent.clone(),
    }
    .actor(None);
    if let Err(e) = signet_app::access_audit::record_selfie_view(&state, &q, &viewer).await {
        return failure(&e);
    }
    let kind = if bytes.starts_with(b"\x89PNG") {
        "image/png"
    } else {
        "image/jpeg"
    };
    let mut r = bytes.into_response();
    secure(&mut r, kind);
    r
}

/// What an operator decided.
#[derive(Debug, Clone, Copy)]
enum Decision {
    AcceptSelfie,
    RejectSelfie,
    Unblock,
}

/// Runs a decision as the operator, through the same use case as the API.
async fn decide(
    state: &AppState,
    s: &OperatorSession,
    meta: &ClientMeta,
    sid: &str,
    decision: Decision,
) -> Result<(), AppError> {
    let sid = SignerId::parse(sid).ok_or_else(|| AppError::not_found("signer"))?;
    let q = state.store.queued_signer(sid.as_str()).await?;
    let tenant = state.store.tenant(&q.tenant_id).await?;
    let at = SignerAt {
        doc: DocumentAt {
            tenant: &tenant,
            mode: q.mode,
            document: &q.document.id,
        },
        signer: &sid,
    };
    let by = Acting {
        by: By::Operator(s.operator.email.clone()),
        ip: meta.ip.clone(),
        user_agent: meta.user_agent.clone(),
    };
    let done = match decision {
        Decision::AcceptSelfie => signers::review_selfie(state, at, &by, true).await,
        Decision::RejectSelfie => signers::review_selfie(state, at, &by, false).await,
        Decision::Unblock => signers::unblock(state, at, &by).await,
    };
    // The queue showed a case that someone else has decided since (or that moved on): for
    // the operator that is a conflict with the other decision (409), whatever the workflow
    // calls it.
    done.map_err(|e| match e.status {
        StatusCode::UNPROCESSABLE_ENTITY => {
            AppError::new(signet_core::catalog::ErrorCode::StepNotPossible, e.detail)
        }
        _ => e,
    })?;
    tracing::info!(operator = %s.operator.id, signer = %sid.as_str(), ?decision, "back-office decision");
    Ok(())
}

async fn decision_route(
    state: AppState,
    headers: HeaderMap,
    meta: ClientMeta,
    sid: String,
    form: Result<Form<CsrfForm>, FormRejection>,
    decision: Decision,
) -> Response {
    let s = match session(&state, &headers).await {
        Ok(Some(s)) => s,
        Ok(None) => return forbidden(),
        Err(r) => return r,
    };
    if !csrf_ok(&s, form.as_ref().ok().and_then(|f| f.csrf.as_deref())) {
        return forbidden();
    }
    match decide(&state, &s, &meta, &sid, decision).await {
        Ok(()) => to_dashboard(),
        Err(e) => dashboard(&state, &s, Some(&e.detail), e.status).await,
    }
}

/// `POST /admin/selfies/{signer_id}/accept`.
pub async fn accept_selfie(
    State(state): State<AppState>,
    headers: HeaderMap,
    meta: ClientMeta,
    Path(sid): Path<String>,
    form: Result<Form<CsrfForm>, FormRejection>,
) -> Response {
    decision_route(state, headers, meta, sid, form, Decision::AcceptSelfie).await
}

/// `POST /admin/selfies/{signer_id}/reject`.
pub async fn reject_selfie(
    State(state): State<AppState>,
    headers: HeaderMap,
    meta: ClientMeta,
    Path(sid): Path<String>,
    form: Result<Form<CsrfForm>, FormRejection>,
) -> Response {
    decision_route(state, headers, meta, sid, form, Decision::RejectSelfie).await
}

/// `POST /admin/blocked/{signer_id}/unblock`.
pub async fn unblock(
    State(state): State<AppState>,
    headers: HeaderMap,
    meta: ClientMeta,
    Path(sid): Path<String>,
    form: Result<Form<CsrfForm>, FormRejection>,
) -> Response {
    decision_route(state, headers, meta, sid, form, Decision::Unblock).await
}

#[derive(Debug, Deserialize)]
pub struct HitForm {
    csrf: Option<String>,
    note: Option<String>,
}

/// Decides a hit of whichever tenant holds it, as the API does, as the operator.
async fn decide_hit(
    state: &AppState,
    s: &OperatorSession,
    hid: &str,
    decision: &str,
    note: Option<String>,
) -> Result<(), AppError> {
    let hid = ScreeningHitId::parse(hid).ok_or_else(|| AppError::not_found("hit"))?;
    let by = Decider::Operator {
        email: s.operator.email.clone(),
    };
    signet_app::screenings::decide_hit(state, &hid, decision, note.as_deref(), &by).await?;
    tracing::info!(operator = %s.operator.id, hit = %hid.as_str(), decision, "back-office decision");
    Ok(())
}

async fn hit_route(
    state: AppState,
    headers: HeaderMap,
    hid: String,
    form: Result<Form<HitForm>, FormRejection>,
    decision: &str,
) -> Response {
    let s = match session(&state, &headers).await {
        Ok(Some(s)) => s,
        Ok(None) => return forbidden(),
        Err(r) => return r,
    };
    let Ok(Form(form)) = form else {
        return forbidden();
    };
    if !csrf_ok(&s, form.csrf.as_deref()) {
        return forbidden();
    }
    match decide_hit(&state, &s, &hid, decision, form.note).await {
        Ok(()) => to_dashboard(),
        Err(e) => dashboard(&state, &s, Some(&e.detail), e.status).await,
    }
}

/// `POST /admin/hits/{hit_id}/confirm`: the person is the listed entry (`true_positive`).
pub async fn confirm_hit(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path(hid): Path<String>,
    form: Result<Form<HitForm>, FormRejection>,
) -> Response {
    hit_route(state, headers, hid, form, "true_positive").await
}

/// `POST /admin/hits/{hit_id}/clear`: the match is dismissed (`false_positive`).
pub async fn clear_hit(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path(hid): Path<String>,
    form: Result<Form<HitForm>, FormRejection>,
) -> Response {
    hit_route(state, headers, hid, form, "false_positive").await
}
