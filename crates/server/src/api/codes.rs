//! `GET /v1/codes`: the published catalog.

use crate::api::json_ok;
use crate::extract::query_pairs;
use axum::extract::OriginalUri;
use axum::response::Response;
use signet_app::error::{AppError, AppResult};
use signet_app::views::CodeView;
use signet_core::catalog::{self, CodeKind};

crate::openapi::error_responses!(
    /// `kind` is not a kind of code.
    CodesErrors = [InvalidModel]
);

/// Every status, status code, failure reason, response code and return
/// code of the seeds, and Signet's error codes; `?kind=` filters.
#[utoipa::path(get, path = "/v1/codes", operation_id = "listCodes", tag = "codes", security(()),
    params(("kind" = inline(Option<crate::openapi::CodeKindWord>), Query, description = "Only the codes of one kind, e.g. identification_reason")),
    responses((status = 200, description = "The codes", body = Vec<CodeView>), CodesErrors))]
pub async fn list(OriginalUri(uri): OriginalUri) -> AppResult<Response> {
    let kind = query_pairs(uri.query())
        .into_iter()
        .find(|(k, _)| k == "kind")
        .map(|(_, v)| v);
    let entries: Vec<CodeView> = match kind {
        None => catalog::all().iter().map(CodeView::new).collect(),
        Some(k) => {
            let kind: CodeKind = k
                .parse()
                .map_err(|_| AppError::field("kind", "is not a kind of code"))?;
            catalog::by_kind(kind).map(CodeView::new).collect()
        }
    };
    Ok(json_ok(entries))
}
