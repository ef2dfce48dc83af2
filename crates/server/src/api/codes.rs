//! `GET /v1/codes`: the published catalog.

use crate::api::json_ok;
use crate::extract::query_pairs;
use axum::extract::OriginalUri;
use axum::response::Response;
use signet_app::error::{AppError, AppResult};
use signet_core::catalog::{self, CodeKind};

/// Every status, status code, failure reason, response code and return
/// code of the seeds, and Signet's error codes; `?kind=` filters.
#[utoipa::path(get, path = "/v1/codes", tag = "codes",
    params(("kind" = Option<String>, Query, description = "One kind, e.g. identification_reason")),
    responses((status = 200, body = Vec<crate::openapi::CodeSchema>), (status = 400, body = signet_app::error::ErrorBody)))]
pub async fn list(OriginalUri(uri): OriginalUri) -> AppResult<Response> {
    let kind = query_pairs(uri.query())
        .into_iter()
        .find(|(k, _)| k == "kind")
        .map(|(_, v)| v);
    let entries: Vec<_> = match kind {
        None => catalog::all().iter().collect(),
        Some(k) => {
            let kind: CodeKind = k
                .parse()
                .map_err(|_| AppError::field("kind", "is not a kind of code"))?;
            catalog::by_kind(kind).collect()
        }
    };
    Ok(json_ok(
        serde_json::to_value(entries).map_err(|e| AppError::internal(&e))?,
    ))
}
