//! Operations endpoints: health, readiness, metrics, the OpenAPI document
//! and its browsable page.

use axum::extract::State;
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{Html, IntoResponse, Response};
use sha2::{Digest, Sha256};
use signet_app::error::AppError;
use signet_app::state::AppState;
use signet_app::views::{HealthView, ReadyView, UnavailableView};
use subtle::ConstantTimeEq;

/// Liveness: the process answers.
#[utoipa::path(get, path = "/healthz", operation_id = "getHealth", tag = "operations", security(()),
    responses((status = 200, description = "The process answers", body = HealthView)))]
pub async fn healthz() -> Response {
    axum::Json(HealthView::OK).into_response()
}

/// Readiness: the database answers.
#[utoipa::path(get, path = "/readyz", operation_id = "getReadiness", tag = "operations", security(()),
    responses((status = 200, description = "Ready", body = ReadyView),
        (status = 503, description = "The database does not answer", body = UnavailableView)))]
pub async fn readyz(State(state): State<AppState>) -> Response {
    match state.store.ping().await {
        Ok(()) => axum::Json(ReadyView::new(state.store.backend())).into_response(),
        Err(e) => {
            tracing::warn!(error = %e, "database unavailable");
            (
                StatusCode::SERVICE_UNAVAILABLE,
                axum::Json(UnavailableView::NOW),
            )
                .into_response()
        }
    }
}

crate::openapi::error_responses!(
    /// `metrics_token` is configured and was not sent.
    MetricsErrors = [Unauthorized]
);

/// Prometheus metrics. With `metrics_token` configured, the scraper sends it as
/// `Authorization: Bearer <token>`; without one, anyone who reaches the port may read them.
#[utoipa::path(get, path = "/metrics", operation_id = "getMetrics", tag = "operations", security(()),
    responses((status = 200, description = "Prometheus metrics (OpenMetrics text format)", body = String,
                content_type = "application/openmetrics-text; version=1.0.0; charset=utf-8"),
        MetricsErrors))]
pub async fn metrics(State(state): State<AppState>, headers: HeaderMap) -> Response {
    if let Some(expected) = &state.config.metrics_token {
        let given = headers
            .get(header::AUTHORIZATION)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| {
                v.strip_prefix("Bearer ")
                    .or_else(|| v.strip_prefix("bearer "))
            })
            .map(str::trim)
            .unwrap_or_default();
        let matches: bool = Sha256::digest(given.as_bytes())
            .ct_eq(&Sha256::digest(expected.expose().as_bytes()))
            .into();
        if !matches {
            return AppError::unauthorized(
                "send the metrics token as Authorization: Bearer <token>",
            )
            .into_response();
        }
    }
    (
        [(
            header::CONTENT_TYPE,
            "application/openmetrics-text; version=1.0.0; charset=utf-8",
        )],
        state.metrics.encode(),
    )
        .into_response()
}

/// Where the SDKs are, on the reference page: each operation's id names its function in them.
const SDKS: &str = "<h2>SDKs</h2><p>Signet's repository carries SDKs generated from this document and checked against a running server on every change: Python in <code>clients/python</code> (<code>pip install ./clients/python</code>; module <code>signet_api</code>, with <code>signet_client</code> for typed errors, pagination and webhook verification) and TypeScript in <code>clients/typescript</code> (<code>npm install ./clients/typescript</code>; package <code>@signet/client</code>). Each operation below shows its operation id: the function that calls it is named after it (<code>create_person</code> in Python, <code>POST /v1/persons</code> typed by <code>createPerson</code> in TypeScript).</p>";

/// Renders the OpenAPI document as a self-contained HTML page (no scripts
/// from elsewhere: the docs work on an offline installation).
pub fn docs_page(doc: &serde_json::Value) -> Html<String> {
    let esc = |s: &str| {
        s.replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('>', "&gt;")
    };
    let mut body = String::new();
    let title = doc["info"]["title"].as_str().unwrap_or("API");
    body.push_str(&format!(
        "<h1>{}</h1><p>{}</p><p><a href=\"/openapi.json\">openapi.json</a></p>{SDKS}",
        esc(title),
        esc(doc["info"]["description"].as_str().unwrap_or(""))
    ));
    if let Some(paths) = doc["paths"].as_object() {
        let mut by_tag: std::collections::BTreeMap<String, Vec<String>> = Default::default();
        for (path, ops) in paths {
            for (method, op) in ops.as_object().into_iter().flatten() {
                let tag = op["tags"][0].as_str().unwrap_or("other").to_owned();
                let summary = op["summary"].as_str().unwrap_or("");
                let description = op["description"].as_str().unwrap_or("");
                let mut params = String::new();
                for p in op["parameters"].as_array().into_iter().flatten() {
                    params.push_str(&format!(
                        "<li><code>{}</code> ({})</li>",
                        esc(p["name"].as_str().unwrap_or("")),
                        esc(p["in"].as_str().unwrap_or(""))
                    ));
                }
                let responses: Vec<String> = op["responses"]
                    .as_object()
                    .into_iter()
                    .flatten()
                    .map(|(code, _)| format!("<code>{code}</code>"))
                    .collect();
                let operation = op["operationId"].as_str().unwrap_or("");
                by_tag.entry(tag).or_default().push(format!(
                    "<section id=\"{}\"><h3><span class=m>{}</span> <code>{}</code></h3><p><b>{}</b> <small>(<code>{}</code>)</small></p><p>{}</p>{}<p>Responses: {}</p></section>",
                    esc(operation),
                    method.to_uppercase(),
                    esc(path),
                    esc(summary),
                    esc(operation),
                    esc(description).replace("\n\n", "</p><p>"),
                    if params.is_empty() { String::new() } else { format!("<ul>{params}</ul>") },
                    responses.join(" ")
                ));
            }
        }
        for (tag, ops) in by_tag {
            body.push_str(&format!("<h2>{}</h2>{}", esc(&tag), ops.join("")));
        }
    }
    Html(format!(
        "<!doctype html><html lang=en><head><meta charset=utf-8><meta name=viewport content=\"width=device-width,initial-scale=1\"><title>{} reference</title><style>body{{font:16px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#1b1b1b}}section{{border-top:1px solid #ddd;padding:.5rem 0}}.m{{font:600 .8rem monospace;background:#eef;padding:.1rem .4rem;border-radius:3px}}code{{font-size:.95em}}</style></head><body>{}</body></html>",
        esc(title),
        body
    ))
}
