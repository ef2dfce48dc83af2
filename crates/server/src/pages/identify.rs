//! `/identify/{token}`: the applicant's page of an identification. Consent (terms and data
//! processing, each recorded with its time), then for the `document` method the ID
//! document's images and a selfie by camera or file, the machine-readable zone when the
//! applicant wants to type it, and the mobile number with a code; then submission for
//! review. For a video identification in test mode (`X-MANUALTEST-…`) the page plays the
//! applicant's part of the sandbox: the static ident code and the number.
//!
//! Server-rendered, no script: every step is a form that answers with a redirect back to
//! the page (or the page again with the error), so the browser's back button and a reload
//! never resend anything. English and German by the browser's language.

use super::i18n::Lang;
use super::messages::{Messages, fill};
use super::{Notice, secure};
use axum::Form;
use axum::extract::rejection::FormRejection;
use axum::extract::{FromRequest, Multipart, Path, Request, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;
use signet_app::error::AppError;
use signet_app::identifications;
use signet_app::identify::{self, Opened};
use signet_app::state::AppState;
use signet_core::identification::{
    CodeOutcome, IdDocumentKind, Identification, ImageSlot, Method, Missing, Status,
};
use signet_core::time::Timestamp;
use signet_store::Mode;

fn lang_of(headers: &HeaderMap, ident: Option<&Identification>) -> Lang {
    let browser = headers
        .get(header::ACCEPT_LANGUAGE)
        .and_then(|v| v.to_str().ok());
    match (browser, ident.and_then(|i| i.language.as_deref())) {
        // The browser's preference first; the integrator's `language` when it says nothing.
        (None, Some("DE")) => Lang::De,
        _ => Lang::from_accept_language(browser),
    }
}

fn not_found(lang: Lang) -> Response {
    let m = lang.messages();
    let page = Notice {
        lang,
        m,
        title: m.identify_not_found_title,
        status: "not_found",
        text: m.identify_not_found,
    };
    super::render(StatusCode::NOT_FOUND, &page)
}

/// A refused step in the applicant's words.
fn error_text(lang: Lang, e: &AppError) -> String {
    let m = lang.messages();
    if e.status.is_server_error() {
        return m.identify_later.into();
    }
    let text = match (e.code.as_str(), e.return_code()) {
        ("image_refused", Some(2026)) => m.identify_image_too_big,
        ("image_refused", _) => m.identify_image_refused,
        ("mrz_invalid", _) => m.identify_mrz_invalid,
        ("invalid_model", _) => m.identify_phone_invalid,
        ("otp_invalid", _) => m.identify_otp_invalid,
        ("too_many_codes", _) => m.identify_too_many_codes,
        ("code_limit_reached", _) => m.identify_code_limit_reached,
        ("rate_limited", _) => m.identify_rate_limited,
        ("sms_limit_reached", _) => m.identify_sms_limit_reached,
        ("sms_country_not_allowed", _) => m.identify_sms_country_not_allowed,
        _ => return e.detail.clone(),
    };
    fill(text, &[("detail", &e.detail)])
}

fn back(token: &str) -> Response {
    let mut r = Redirect::to(&format!("/identify/{token}")).into_response();
    secure(&mut r, "text/html; charset=utf-8");
    r
}

fn format_time(lang: Lang, t: &Timestamp) -> String {
    t.format(lang.messages().identify_time_format).to_string()
}

fn missing_text(m: &'static Messages, missing: Missing) -> &'static str {
    match missing {
        Missing::Consent => m.identify_start,
        Missing::DocumentKind => m.identify_document,
        Missing::Front => m.identify_front,
        Missing::Back => m.identify_back,
        Missing::Selfie => m.identify_selfie,
        Missing::Phone => m.identify_phone,
    }
}

/// Where the applicant stands, as the `data-status` word tests and assistive tools read.
fn stage(o: &Opened) -> &'static str {
    let i = &o.identification;
    match i.status {
        Status::Successful => "successful",
        Status::Failed => "failed",
        _ if !i.url_is_valid(o.now) && i.capture.submitted_at.is_none() => "expired",
        Status::Canceled => "canceled",
        Status::Aborted => "aborted",
        Status::PendingSuccessful | Status::PendingFailed => "under_review",
        Status::Pending if i.capture.submitted_at.is_some() => {
            if i.method == Method::Document {
                "under_review"
            } else {
                "in_progress"
            }
        }
        Status::Pending if i.capture.data_processing_consented_at.is_none() => "consent",
        Status::Pending => "capture",
        Status::Created => "expired",
    }
}

/// What the applicant has given so far, for the capture forms.
struct Capture<'a> {
    /// A video identification, played by the sandbox's form.
    idnow: bool,
    passport: bool,
    idcard: bool,
    kind_chosen: bool,
    back_needed: bool,
    front: bool,
    back: bool,
    selfie: bool,
    mrz: &'a str,
    phone_verified: Option<&'a str>,
    /// The number in the phone field: the one a code went to, else the verified one.
    phone_value: &'a str,
    code_sent_to: Option<&'a str>,
    test_mode: bool,
    missing: Vec<&'static str>,
}

#[derive(askama::Template)]
#[template(path = "identify.html")]
struct IdentifyPage<'a> {
    lang: Lang,
    m: &'static Messages,
    title: &'static str,
    tenant: &'a str,
    base: &'a str,
    /// Where the applicant stands (`data-status`) and what it means for them.
    stage: &'static str,
    text: &'static str,
    valid_until: Option<String>,
    error: Option<&'a str>,
    consent_form: bool,
    /// The consent starts the identification again.
    again: bool,
    /// The applicant may refuse instead of consenting (a fresh attempt, not a restart).
    refuse: bool,
    capture: Option<Capture<'a>>,
}

fn capture<'a>(o: &'a Opened, m: &'static Messages) -> Capture<'a> {
    let i = &o.identification;
    let c = &i.capture;
    Capture {
        idnow: i.method == Method::Idnow,
        passport: c.document_kind == Some(IdDocumentKind::Passport),
        idcard: c.document_kind == Some(IdDocumentKind::Idcard),
        kind_chosen: c.document_kind.is_some(),
        back_needed: c.document_kind.is_some_and(|k| k.needs_back()),
        front: c.front.is_some(),
        back: c.back.is_some(),
        selfie: c.selfie.is_some(),
        mrz: c.mrz.as_deref().unwrap_or(""),
        phone_verified: c.phone_verified.as_deref(),
        phone_value: c
            .phone_code
            .as_ref()
            .map(|p| p.number.as_str())
            .or(c.phone_verified.as_deref())
            .unwrap_or(""),
        code_sent_to: c.phone_code.as_ref().map(|p| p.number.as_str()),
        test_mode: o.mode == Mode::Test,
        missing: i.missing().iter().map(|x| missing_text(m, *x)).collect(),
    }
}

fn render(o: &Opened, lang: Lang, base: &str, error: Option<&str>, status: StatusCode) -> Response {
    let m = lang.messages();
    let i = &o.identification;
    let stage = stage(o);
    let text = match stage {
        "successful" => m.identify_successful,
        "failed" => m.identify_failed,
        "expired" => m.identify_expired,
        "canceled" => m.identify_canceled,
        "aborted" => m.identify_aborted,
        "under_review" => m.identify_under_review,
        "in_progress" => m.identify_in_progress,
        _ => m.identify_intro,
    };
    let valid_until = i
        .url_expires_at
        .filter(|_| matches!(stage, "consent" | "capture"))
        .map(|exp| format_time(lang, &exp));
    let page = IdentifyPage {
        lang,
        m,
        title: m.identify_title,
        tenant: &o.tenant.name,
        base,
        stage,
        text,
        valid_until,
        error,
        consent_form: matches!(stage, "consent" | "canceled" | "aborted"),
        again: matches!(stage, "canceled" | "aborted"),
        refuse: stage == "consent",
        capture: (stage == "capture").then(|| capture(o, m)),
    };
    super::render(status, &page)
}

#[derive(askama::Template)]
#[template(path = "identify_error.html")]
struct ErrorPage<'a> {
    lang: Lang,
    m: &'static Messages,
    title: &'a str,
    text: &'a str,
}

/// Loads the page's identification, or answers with the 404 page / the error page.
async fn opened(
    state: &AppState,
    token: &str,
    headers: &HeaderMap,
) -> Result<(Opened, Lang), Response> {
    match identify::open(state, token).await {
        Ok(o) => {
            let lang = lang_of(headers, Some(&o.identification));
            Ok((o, lang))
        }
        Err(e) if e.status == StatusCode::NOT_FOUND => Err(not_found(lang_of(headers, None))),
        Err(e) => {
            let lang = lang_of(headers, None);
            let m = lang.messages();
            let page = ErrorPage {
                lang,
                m,
                title: m.identify_title,
                text: &error_text(lang, &e),
            };
            Err(super::render(StatusCode::SERVICE_UNAVAILABLE, &page))
        }
    }
}

/// After a step: back to the page, or the page again with what went wrong.
async fn after(
    state: &AppState,
    token: &str,
    headers: &HeaderMap,
    result: Result<(), (AppError, Option<String>)>,
) -> Response {
    let (e, text) = match result {
        Ok(()) => return back(token),
        Err(err) => err,
    };
    match opened(state, token, headers).await {
        Ok((o, lang)) => {
            let status = if e.status.is_server_error() {
                StatusCode::SERVICE_UNAVAILABLE
            } else {
                e.status
            };
            let text = text.unwrap_or_else(|| error_text(lang, &e));
            let mut r = render(&o, lang, &format!("/identify/{token}"), Some(&text), status);
            if let Some(s) = e.retry_after {
                r.headers_mut().insert(
                    axum::http::header::RETRY_AFTER,
                    axum::http::HeaderValue::from(s),
                );
            }
            r
        }
        Err(r) => r,
    }
}

/// The applicant's page.
pub async fn page(
    State(state): State<AppState>,
    Path(token): Path<String>,
    headers: HeaderMap,
) -> Response {
    match opened(&state, &token, &headers).await {
        Ok((o, lang)) => render(
            &o,
            lang,
            &format!("/identify/{token}"),
            None,
            StatusCode::OK,
        ),
        Err(r) => r,
    }
}

#[derive(Deserialize)]
pub struct ConsentForm {
    terms: Option<String>,
    data: Option<String>,
}

pub async fn consent(
    State(state): State<AppState>,
    Path(token): Path<String>,
    headers: HeaderMap,
    form: Result<Form<ConsentForm>, FormRejection>,
) -> Response {
    let both = form.is_ok_and(|Form(f)| f.terms.is_some() && f.data.is_some());
    if !both {
        let lang = lang_of(&headers, None);
        let e = AppError::field(
            "consent",
            "both the terms and the data processing must be accepted",
        );
        return after(
            &state,
            &token,
            &headers,
            Err((e, Some(lang.messages().identify_consent_needed.to_owned()))),
        )
        .await;
    }
    let r = identifications::consent(&state, &token).await;
    after(&state, &token, &headers, r.map_err(|e| (e, None))).await
}

pub async fn abort(
    State(state): State<AppState>,
    Path(token): Path<String>,
    headers: HeaderMap,
) -> Response {
    let r = identifications::abort(&state, &token).await;
    after(&state, &token, &headers, r.map_err(|e| (e, None))).await
}

#[derive(Deserialize)]
pub struct RefuseForm {
    refusal: Option<String>,
}

/// "I do not agree" at the consent (`refusal=consent`), or "I do not allow the camera"
/// (`refusal=camera`): the attempt is `capture_refused`.
pub async fn refuse(
    State(state): State<AppState>,
    Path(token): Path<String>,
    headers: HeaderMap,
    form: Result<Form<RefuseForm>, FormRejection>,
) -> Response {
    let refusal = form.ok().and_then(|Form(f)| f.refusal).unwrap_or_default();
    let r = identifications::refuse(&state, &token, &refusal).await;
    after(&state, &token, &headers, r.map_err(|e| (e, None))).await
}

#[derive(Deserialize)]
pub struct DocumentForm {
    document_type: Option<String>,
}

pub async fn document(
    State(state): State<AppState>,
    Path(token): Path<String>,
    headers: HeaderMap,
    form: Result<Form<DocumentForm>, FormRejection>,
) -> Response {
    let kind = form
        .ok()
        .and_then(|Form(f)| f.document_type)
        .unwrap_or_default();
    let r = identifications::choose_document(&state, &token, &kind).await;
    after(&state, &token, &headers, r.map_err(|e| (e, None))).await
}

pub async fn image(
    State(state): State<AppState>,
    Path((token, slot)): Path<(String, String)>,
    headers: HeaderMap,
    req: Request,
) -> Response {
    let slot = match slot.as_str() {
        "front" => ImageSlot::Front,
        "back" => ImageSlot::Back,
        "selfie" => ImageSlot::Selfie,
        _ => return not_found(lang_of(&headers, None)),
    };
    let mut bytes = None;
    if let Ok(mut mp) = Multipart::from_request(req, &state).await {
        while let Ok(Some(field)) = mp.next_field().await {
            if field.name() == Some("image") {
                bytes = field.bytes().await.ok();
                break;
            }
        }
    }
    let r = match bytes {
        Some(b) => identifications::upload(&state, &token, slot, b.to_vec()).await,
        None => Err(AppError::new(
            signet_core::catalog::ErrorCode::ImageRefused,
            "Please choose a photo (JPEG or PNG, at most 10 MB).",
        )
        .with_return_code(match slot {
            ImageSlot::Front => 2001,
            ImageSlot::Back => 2003,
            ImageSlot::Selfie => 2004,
        })),
    };
    after(&state, &token, &headers, r.map_err(|e| (e, None))).await
}

#[derive(Deserialize)]
pub struct MrzForm {
    mrz: Option<String>,
}

pub async fn mrz(
    State(state): State<AppState>,
    Path(token): Path<String>,
    headers: HeaderMap,
    form: Result<Form<MrzForm>, FormRejection>,
) -> Response {
    let text = form.ok().and_then(|Form(f)| f.mrz).unwrap_or_default();
    let r = identifications::give_mrz(&state, &token, &text).await;
    after(&state, &token, &headers, r.map_err(|e| (e, None))).await
}

#[derive(Deserialize)]
pub struct PhoneForm {
    mobile_number: Option<String>,
}

pub async fn phone(
    State(state): State<AppState>,
    Path(token): Path<String>,
    headers: HeaderMap,
    form: Result<Form<PhoneForm>, FormRejection>,
) -> Response {
    let number = form
        .ok()
        .and_then(|Form(f)| f.mobile_number)
        .unwrap_or_default();
    let r = identifications::send_phone_code(&state, &token, &number).await;
    after(&state, &token, &headers, r.map_err(|e| (e, None))).await
}

#[derive(Deserialize)]
pub struct CodeForm {
    code: Option<String>,
}

pub async fn code(
    State(state): State<AppState>,
    Path(token): Path<String>,
    headers: HeaderMap,
    form: Result<Form<CodeForm>, FormRejection>,
) -> Response {
    let code = form.ok().and_then(|Form(f)| f.code).unwrap_or_default();
    let lang = lang_of(&headers, None);
    let m = lang.messages();
    let r = match identifications::enter_phone_code(&state, &token, &code).await {
        Ok(CodeOutcome::Verified) => Ok(()),
        Ok(CodeOutcome::Wrong { left }) => Err((
            AppError::new(signet_core::catalog::ErrorCode::OtpInvalid, "wrong code"),
            Some(fill(m.identify_wrong_code, &[("left", &left.to_string())])),
        )),
        Ok(CodeOutcome::Spent | CodeOutcome::NoCode) => Err((
            AppError::new(signet_core::catalog::ErrorCode::OtpMissing, "spent"),
            Some(m.identify_spent_code.to_owned()),
        )),
        Err(e) => Err((e, None)),
    };
    after(&state, &token, &headers, r).await
}

pub async fn submit(
    State(state): State<AppState>,
    Path(token): Path<String>,
    headers: HeaderMap,
) -> Response {
    let r = identifications::submit(&state, &token, crate::pages::device_model(&headers)).await;
    after(&state, &token, &headers, r.map_err(|e| (e, None))).await
}

#[derive(Deserialize)]
pub struct SandboxForm {
    ident_code: Option<String>,
    mobile_number: Option<String>,
}

pub async fn sandbox(
    State(state): State<AppState>,
    Path(token): Path<String>,
    headers: HeaderMap,
    form: Result<Form<SandboxForm>, FormRejection>,
) -> Response {
    let (code, number) = form
        .ok()
        .map(|Form(f)| (f.ident_code.unwrap_or_default(), f.mobile_number))
        .unwrap_or_default();
    let r = identifications::sandbox_complete(&state, &token, &code, number.as_deref()).await;
    after(&state, &token, &headers, r.map_err(|e| (e, None))).await
}

#[cfg(test)]
mod tests {
    use super::*;
    use signet_core::catalog::ErrorCode;

    #[test]
    fn a_refused_code_reads_in_the_applicants_language() {
        let limit = AppError::new(ErrorCode::SmsLimitReached, "limit of 2 reached");
        assert_eq!(
            error_text(Lang::De, &limit),
            Lang::De.messages().identify_sms_limit_reached
        );
        assert_eq!(
            error_text(Lang::En, &limit),
            Lang::En.messages().identify_sms_limit_reached
        );
        // A refusal without words of its own keeps the server's detail.
        let other = AppError::new(ErrorCode::Conflict, "the detail");
        assert_eq!(error_text(Lang::De, &other), "the detail");
    }
}
