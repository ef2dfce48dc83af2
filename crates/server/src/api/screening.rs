//! `/v1/screening`: the imported sanctions lists and name search against them.

use crate::api::json_ok;
use crate::auth::Caller;
use crate::error::{ApiError, ApiResult};
use crate::extract::Json;
use crate::state::AppState;
use axum::extract::State;
use axum::response::Response;
use serde::Deserialize;
use serde_json::{Value, json};
use signet_core::time::{format, from_millis};
use signet_screening::{DEFAULT_THRESHOLD, PartialDate, Query, SearchOptions, country_code};

const MAX_NAME_CHARS: usize = 512;
const DEFAULT_LIMIT: usize = 10;
const MAX_LIMIT: usize = 100;

/// A name to screen, with optional supporting facts.
#[derive(Debug, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct SearchRequest {
    /// The name as written, in any script and word order.
    pub name: String,
    /// `YYYY`, `YYYY-MM` or `YYYY-MM-DD`: supports or contradicts a match.
    pub birth_date: Option<String>,
    /// ISO 3166-1 alpha-2 code or country name: supports or contradicts a match.
    pub nationality: Option<String>,
    /// Lowest score returned, from 0 to 1 (default 0.80).
    pub threshold: Option<f64>,
    /// At most this many matches, best first (1 to 100, default 10).
    pub limit: Option<usize>,
}

/// An imported sanctions list.
#[allow(dead_code)]
#[derive(serde::Serialize, utoipa::ToSchema)]
#[schema(as = ScreeningList)]
pub struct ListSchema {
    /// The publisher: `ofac-sdn`, `eu-fsf`, `un-sc`, `uk-sanctions-list` or `opensanctions`.
    id: String,
    source: String,
    /// The file format it was last imported from (`ofac-sdn-xml`, …).
    format: String,
    /// The publication date or content hash the file declared.
    version: String,
    entry_count: i64,
    /// Wall clock.
    imported_at: String,
}

/// One list entry that matched.
#[allow(dead_code)]
#[derive(serde::Serialize, utoipa::ToSchema)]
#[schema(as = ScreeningMatch)]
pub struct MatchSchema {
    /// The list's id.
    list: String,
    /// The list's own id of the entry (OFAC `ent_num`, EU `logicalId`, …).
    entry_id: String,
    /// The entry's primary name.
    name: String,
    /// The name or alias that matched.
    matched_name: String,
    /// From 0 to 1.
    score: f64,
    /// Which tokens and fields matched and why: `summary`, `normalized_query`,
    /// `normalized_name`, `tokens`, `unmatched_query_tokens`, `unmatched_list_tokens`,
    /// `birth_date`, `nationality`, `name_score`, `adjustments`.
    #[schema(value_type = Object)]
    explanation: Value,
}

/// Search results.
#[allow(dead_code)]
#[derive(serde::Serialize, utoipa::ToSchema)]
#[schema(as = ScreeningSearchResult)]
pub struct SearchSchema {
    matches: Vec<MatchSchema>,
}

/// List the imported sanctions lists.
///
/// Lists are imported with `signet lists import PATH --format F` and shared by all tenants.
/// A bare array, like every other list of the API.
#[utoipa::path(get, path = "/v1/screening/lists", tag = "screening",
    responses((status = 200, body = [ListSchema])))]
pub async fn lists(State(state): State<AppState>, _caller: Caller) -> ApiResult<Response> {
    let rows = state.store.screening_lists().await?;
    let data: Vec<Value> = rows
        .iter()
        .map(|l| {
            json!({
                "id": l.id,
                "source": l.source,
                "format": l.format,
                "version": l.version,
                "entry_count": l.entry_count,
                "imported_at": format(&from_millis(l.imported_at)),
            })
        })
        .collect();
    Ok(json_ok(Value::Array(data)))
}

fn query_from(body: SearchRequest) -> ApiResult<(Query, SearchOptions)> {
    let name = body.name.trim().to_owned();
    if name.is_empty() {
        return Err(ApiError::field("name", "must not be empty"));
    }
    if name.chars().count() > MAX_NAME_CHARS {
        return Err(ApiError::field("name", "must be at most 512 characters"));
    }
    let birth_date = match body.birth_date.as_deref().map(str::trim) {
        None | Some("") => None,
        Some(d) => Some(d.parse::<PartialDate>().map_err(|_| {
            ApiError::field("birth_date", "must be a date: YYYY, YYYY-MM or YYYY-MM-DD")
        })?),
    };
    let nationality = match body.nationality.as_deref().map(str::trim) {
        None | Some("") => None,
        Some(n) => {
            if country_code(n).is_none() {
                return Err(ApiError::field(
                    "nationality",
                    "must be an ISO 3166-1 alpha-2 code or a country name",
                ));
            }
            Some(n.to_owned())
        }
    };
    let threshold = body.threshold.unwrap_or(DEFAULT_THRESHOLD);
    if !(0.0..=1.0).contains(&threshold) {
        return Err(ApiError::field("threshold", "must be between 0 and 1"));
    }
    let limit = body.limit.unwrap_or(DEFAULT_LIMIT);
    if !(1..=MAX_LIMIT).contains(&limit) {
        return Err(ApiError::field("limit", "must be between 1 and 100"));
    }
    Ok((
        Query {
            name,
            birth_date,
            nationality,
        },
        SearchOptions { threshold, limit },
    ))
}

/// Screen a name against every imported list.
///
/// Names are compared token by token after normalisation (case, accents, other scripts, word
/// order, honorifics, company suffixes); birth date and nationality adjust the score. Each
/// match explains which tokens and fields matched and why.
#[utoipa::path(post, path = "/v1/screening/search", tag = "screening",
    request_body = SearchRequest,
    responses((status = 200, body = SearchSchema), (status = 400, body = crate::error::ErrorBody)))]
pub async fn search(
    State(state): State<AppState>,
    _caller: Caller,
    Json(body): Json<SearchRequest>,
) -> ApiResult<Response> {
    let (query, opts) = query_from(body)?;
    let index = state.screening.index(&state.store).await?;
    let matches = tokio::task::spawn_blocking(move || index.search(&query, &opts))
        .await
        .map_err(|e| ApiError::internal(&e))?;
    let matches = serde_json::to_value(&matches).map_err(|e| ApiError::internal(&e))?;
    Ok(json_ok(json!({ "matches": matches })))
}
