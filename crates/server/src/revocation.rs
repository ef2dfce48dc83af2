//! The public revocation routes: the CRL of each CA (`GET /v1/trust/crl/{ca}.crl`) and the
//! OCSP responder (`POST /v1/trust/ocsp`, `GET /v1/trust/ocsp/{base64}`). No API key:
//! relying parties fetch them. What they answer is `signet_app::revocation`'s.

use axum::Router;
use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use base64::Engine;
use signet_app::error::{AppError, AppResult};
use signet_app::revocation;
use signet_app::state::AppState;
use signet_core::catalog::ErrorCode;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/v1/trust/crl/{name}", get(crl))
        .route("/v1/trust/ocsp", post(ocsp_post))
        .route("/v1/trust/ocsp/{*request}", get(ocsp_get))
        // An OCSP request is a few hundred bytes; the open endpoint takes no more than this.
        .layer(axum::extract::DefaultBodyLimit::max(64 * 1024))
}

/// `GET /v1/trust/crl/{ca}.crl`: the DER CRL of `live-issuing`, `live-root`, `test-issuing`
/// or `test-root`, or of a later generation of the issuing CA (`live-issuing-2`).
async fn crl(State(state): State<AppState>, Path(name): Path<String>) -> AppResult<Response> {
    let der = revocation::crl(&state, &name).await?;
    Ok((
        StatusCode::OK,
        [
            (header::CONTENT_TYPE, "application/pkix-crl"),
            (header::CACHE_CONTROL, "public, max-age=300"),
        ],
        der,
    )
        .into_response())
}

/// `POST /v1/trust/ocsp` with a DER OCSPRequest.
async fn ocsp_post(State(state): State<AppState>, body: Bytes) -> AppResult<Response> {
    Ok(ocsp_answer(revocation::ocsp(&state, &body).await?))
}

/// `GET /v1/trust/ocsp/{base64 of the DER request}` (RFC 6960 appendix A.1).
async fn ocsp_get(
    State(state): State<AppState>,
    Path(request): Path<String>,
) -> AppResult<Response> {
    let text = request.trim_start_matches('/');
    let der = base64::engine::general_purpose::STANDARD
        .decode(text)
        .or_else(|_| base64::engine::general_purpose::URL_SAFE.decode(text))
        .or_else(|_| base64::engine::general_purpose::URL_SAFE_NO_PAD.decode(text))
        .map_err(|_| {
            AppError::new(
                ErrorCode::OcspRequestMalformed,
                "the path is not the base64 of an OCSP request",
            )
        })?;
    Ok(ocsp_answer(revocation::ocsp(&state, &der).await?))
}

fn ocsp_answer(der: Vec<u8>) -> Response {
    (
        StatusCode::OK,
        [(header::CONTENT_TYPE, "application/ocsp-response")],
        der,
    )
        .into_response()
}
