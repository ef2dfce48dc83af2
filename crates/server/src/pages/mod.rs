//! The hosted pages: server-rendered HTML served by the binary, with no front-end build.
//! Every step is a form that works without script; the signer's page alone loads one script
//! of Signet's own (`/assets/sign.js`: drawing or typing a signature, checking fields before
//! approval). The signer's page (`/sign/{token}`) is authenticated by the token in its URL,
//! so every page sends `Referrer-Policy: no-referrer` (the token must not leak to other
//! sites), forbids framing and allows resources from Signet only.

pub mod admin;
mod i18n;
pub mod identify;
mod messages;
mod sign;

pub use i18n::Lang;
pub use messages::Messages;

use axum::Router;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use signet_app::state::AppState;

/// The routes of the hosted pages (no API key).
pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/sign/{token}", get(sign::page))
        .route("/sign/{token}/approve", post(sign::approve))
        .route("/sign/{token}/confirm", post(sign::confirm))
        .route("/sign/{token}/reject", post(sign::reject))
        .route("/sign/{token}/selfie", post(sign::selfie))
        .route("/sign/{token}/file", get(sign::file))
        .route("/sign/{token}/pages/{page}", get(sign::page_image))
        .route("/sign/{token}/fields.css", get(sign::fields_stylesheet))
        .route("/identify/{token}", get(identify::page))
        .route("/identify/{token}/consent", post(identify::consent))
        .route("/identify/{token}/abort", post(identify::abort))
        .route("/identify/{token}/refuse", post(identify::refuse))
        .route("/identify/{token}/document", post(identify::document))
        .route("/identify/{token}/images/{slot}", post(identify::image))
        .route("/identify/{token}/mrz", post(identify::mrz))
        .route("/identify/{token}/phone", post(identify::phone))
        .route("/identify/{token}/phone/code", post(identify::code))
        .route("/identify/{token}/submit", post(identify::submit))
        .route("/identify/{token}/sandbox", post(identify::sandbox))
        .route("/admin", get(admin::index))
        .route("/admin/login", get(admin::login_form).post(admin::login))
        .route("/admin/logout", post(admin::logout))
        .route("/admin/selfies/{signer_id}", get(admin::selfie_image))
        .route(
            "/admin/selfies/{signer_id}/accept",
            post(admin::accept_selfie),
        )
        .route(
            "/admin/selfies/{signer_id}/reject",
            post(admin::reject_selfie),
        )
        .route("/admin/blocked/{signer_id}/unblock", post(admin::unblock))
        .route("/admin/hits/{hit_id}/confirm", post(admin::confirm_hit))
        .route("/admin/hits/{hit_id}/clear", post(admin::clear_hit))
        .merge(admin::records::routes())
        .merge(admin::editor::routes())
        .merge(admin::identifications::routes())
        .route("/assets/signet.css", get(stylesheet))
        .route("/assets/sign.js", get(sign_script))
        .route("/assets/fonts/{file}", get(font))
        // Chromium sends the device model only to sites that ask for it (seed 000's 3541
        // compares the identification's device with the signing session's).
        .layer(axum::middleware::map_response(
            |mut response: Response| async move {
                response.headers_mut().insert(
                    header::HeaderName::from_static("accept-ch"),
                    HeaderValue::from_static("Sec-CH-UA-Model"),
                );
                response
            },
        ))
}

/// The device model of the page's client: its `Sec-CH-UA-Model` hint, else its user agent.
pub fn device_model(headers: &axum::http::HeaderMap) -> Option<String> {
    let text = |name: &str| headers.get(name).and_then(|v| v.to_str().ok());
    signet_core::device::device_model(text("sec-ch-ua-model"), text("user-agent"))
}

const CSS: &str = include_str!("signet.css");

async fn stylesheet() -> Response {
    (
        [
            (header::CONTENT_TYPE, "text/css; charset=utf-8"),
            (header::CACHE_CONTROL, "public, max-age=3600"),
        ],
        CSS,
    )
        .into_response()
}

const SIGN_JS: &str = include_str!("../../assets/sign.js");

async fn sign_script() -> Response {
    (
        [
            (header::CONTENT_TYPE, "text/javascript; charset=utf-8"),
            (header::CACHE_CONTROL, "public, max-age=3600"),
            (header::X_CONTENT_TYPE_OPTIONS, "nosniff"),
        ],
        SIGN_JS,
    )
        .into_response()
}

/// The handwriting font a typed signature is drawn in (Dancing Script, SIL Open Font
/// License 1.1, `assets/fonts/OFL-DancingScript.txt`).
const FONTS: &[(&str, &[u8])] = &[
    (
        "dancing-script-latin-400-normal.woff2",
        include_bytes!("../../assets/fonts/dancing-script-latin-400-normal.woff2"),
    ),
    (
        "dancing-script-latin-ext-400-normal.woff2",
        include_bytes!("../../assets/fonts/dancing-script-latin-ext-400-normal.woff2"),
    ),
];

async fn font(axum::extract::Path(file): axum::extract::Path<String>) -> Response {
    match FONTS.iter().find(|(name, _)| *name == file) {
        Some((_, bytes)) => (
            [
                (header::CONTENT_TYPE, "font/woff2"),
                (header::CACHE_CONTROL, "public, max-age=86400"),
            ],
            *bytes,
        )
            .into_response(),
        None => StatusCode::NOT_FOUND.into_response(),
    }
}

/// The templates' escaper (`askama.toml`): text for HTML content and attribute values.
#[derive(Debug, Clone, Copy)]
pub struct Html;

impl askama::filters::Escaper for Html {
    fn write_escaped_str<W: std::fmt::Write>(&self, mut dest: W, s: &str) -> std::fmt::Result {
        let mut rest = s;
        while let Some(at) = rest.find(['&', '<', '>', '"', '\'']) {
            dest.write_str(&rest[..at])?;
            dest.write_str(match rest.as_bytes()[at] {
                b'&' => "&amp;",
                b'<' => "&lt;",
                b'>' => "&gt;",
                b'"' => "&quot;",
                _ => "&#39;",
            })?;
            rest = &rest[at + 1..];
        }
        dest.write_str(rest)
    }
}

/// Escapes text for HTML content and attribute values, as the templates do (for HTML built
/// outside them, such as the API's docs page).
pub fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    // Writing to a String does not fail.
    let _ = askama::filters::Escaper::write_escaped_str(&Html, &mut out, s);
    out
}

/// A page rendered from its template (templates under `crates/server/templates/`, HTML
/// escaped unless marked `|safe`), as an HTML response with the pages' security headers.
pub fn render(status: StatusCode, page: &impl askama::Template) -> Response {
    match page.render() {
        Ok(body) => html(status, body),
        // Only a failing `Display` of a value can get here.
        Err(e) => {
            tracing::error!(error = %e, "could not render a page");
            html(
                StatusCode::INTERNAL_SERVER_ERROR,
                "The page could not be shown.".to_owned(),
            )
        }
    }
}

/// The page that says one thing: a title and a status line (`data-status` names it).
#[derive(askama::Template)]
#[template(path = "notice.html")]
pub struct Notice<'a> {
    pub lang: Lang,
    pub m: &'static Messages,
    pub title: &'a str,
    pub status: &'a str,
    pub text: &'a str,
}

/// An HTML response with the pages' security headers.
pub fn html(status: StatusCode, body: String) -> Response {
    let mut r = (status, body).into_response();
    secure(&mut r, "text/html; charset=utf-8");
    r
}

/// The signer's page's policy: the pages' own, plus Signet's own script and fonts.
const SIGN_PAGE_CSP: &str = "default-src 'none'; script-src 'self'; font-src 'self'; style-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

/// Lets a page run Signet's own script and load its fonts (the signer's page), nothing else.
pub fn allow_own_script(r: &mut Response) {
    r.headers_mut().insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(SIGN_PAGE_CSP),
    );
}

/// The headers every page response carries.
pub fn secure(r: &mut Response, content_type: &'static str) {
    let h = r.headers_mut();
    h.insert(header::CONTENT_TYPE, HeaderValue::from_static(content_type));
    h.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(
            "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
        ),
    );
    h.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("no-referrer"),
    );
    h.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    h.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
}
