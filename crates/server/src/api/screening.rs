//! `/v1/screening`: the imported sanctions lists, name search against them,
//! persons' screenings and the review of their hits.

use crate::api::{created, json_ok};
use crate::auth::Caller;
use crate::extract::{IdPath, Json, LongPage, parse_id, query_pairs};
use axum::extract::State;
use axum::http::Uri;
use axum::response::Response;
use serde::Deserialize;
use serde_json::{Value, json};
use signet_app::error::{AppError, AppResult};
use signet_app::scope::KeyAt;
use signet_app::screening::HIT_STATUSES;
use signet_app::screenings;
use signet_app::state::AppState;
use signet_app::views::{hit_json, screening_json};
use signet_core::ids::{PersonId, ScreeningHitId};
use signet_core::screening::Decider;
use signet_core::time::{format, from_millis};
use signet_screening::{PartialDate, Query, SearchOptions, country_code};

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
    /// Lowest score returned, from 0 to 1 (default: the installation's `screening_threshold`,
    /// 0.80 unless configured).
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
    /// The entry's risk topics: FollowTheMoney's `sanction`, `role.pep`, `role.rca`, `crime`, …;
    /// `sanction` for every entry of a list that gives none (the official sanctions lists).
    topics: Vec<String>,
    /// The source datasets the list names for the entry (`us_ofac_sdn`, …); often empty.
    datasets: Vec<String>,
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
/// A bare array, like every other list of the API (`page[number]`, `page[size]`).
#[utoipa::path(get, path = "/v1/screening/lists", tag = "screening",
    params(("page[number]" = Option<u32>, Query), ("page[size]" = Option<u32>, Query, description = "1 to 1000, default 100")),
    responses((status = 200, body = [ListSchema])))]
pub async fn lists(
    State(state): State<AppState>,
    _caller: Caller,
    LongPage(page): LongPage,
) -> AppResult<Response> {
    // A handful of rows (one per publisher): paged in memory.
    let rows = state.store.screening_lists().await?;
    let data: Vec<Value> = page
        .slice(&rows)
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

fn query_from(body: SearchRequest, default_threshold: f64) -> AppResult<(Query, SearchOptions)> {
    let name = body.name.trim().to_owned();
    if name.is_empty() {
        return Err(AppError::field("name", "must not be empty"));
    }
    if name.chars().count() > MAX_NAME_CHARS {
        return Err(AppError::field("name", "must be at most 512 characters"));
    }
    let birth_date = match body.birth_date.as_deref().map(str::trim) {
        None | Some("") => None,
        Some(d) => Some(d.parse::<PartialDate>().map_err(|_| {
            AppError::field("birth_date", "must be a date: YYYY, YYYY-MM or YYYY-MM-DD")
        })?),
    };
    let nationality = match body.nationality.as_deref().map(str::trim) {
        None | Some("") => None,
        Some(n) => {
            if country_code(n).is_none() {
                return Err(AppError::field(
                    "nationality",
                    "must be an ISO 3166-1 alpha-2 code or a country name",
                ));
            }
            Some(n.to_owned())
        }
    };
    let threshold = body.threshold.unwrap_or(default_threshold);
    if !(0.0..=1.0).contains(&threshold) {
        return Err(AppError::field("threshold", "must be between 0 and 1"));
    }
    let limit = body.limit.unwrap_or(DEFAULT_LIMIT);
    if !(1..=MAX_LIMIT).contains(&limit) {
        return Err(AppError::field("limit", "must be between 1 and 100"));
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
    responses((status = 200, body = SearchSchema), (status = 400, body = signet_app::error::ErrorBody)))]
pub async fn search(
    State(state): State<AppState>,
    _caller: Caller,
    Json(body): Json<SearchRequest>,
) -> AppResult<Response> {
    let (query, opts) = query_from(body, state.config.screening_threshold)?;
    let index = state.screening.index(&state.store).await?;
    let matches = tokio::task::spawn_blocking(move || index.search(&query, &opts))
        .await
        .map_err(|e| AppError::internal(&e))?;
    let matches = serde_json::to_value(&matches).map_err(|e| AppError::internal(&e))?;
    Ok(json_ok(json!({ "matches": matches })))
}

/// A possible match of a person with a list entry.
#[allow(dead_code)]
#[derive(serde::Serialize, utoipa::ToSchema)]
#[schema(as = ScreeningHit)]
pub struct HitSchema {
    id: String,
    person_id: String,
    /// The list's id.
    list: String,
    /// The list's own id of the entry.
    entry_id: String,
    /// The entry's primary name.
    name: String,
    /// The name or alias that matched.
    matched_name: String,
    /// From 0 to 1.
    score: f64,
    /// Which tokens and fields matched and why (as in a search).
    #[schema(value_type = Object)]
    explanation: Value,
    /// `open`, `true_positive` or `false_positive`.
    status: String,
    /// Who decided, once decided: an API key id, or `operator:<email>` from the back office.
    decided_by: Option<String>,
    note: Option<String>,
    /// Tenant clock.
    decided_at: Option<String>,
    /// Tenant clock.
    created_at: String,
    /// The entry's risk topics, as in a search. A hit whose topics name a PEP (`role.pep`) or
    /// a PEP's relative or close associate (`role.rca`) and no sanction weighs on the person's
    /// `risk_classification_status` only; every other hit also holds `screening_progress`
    /// and signing.
    topics: Vec<String>,
    /// The source datasets the list names for the entry.
    datasets: Vec<String>,
}

/// One screening of a person.
#[allow(dead_code)]
#[derive(serde::Serialize, utoipa::ToSchema)]
#[schema(as = Screening)]
pub struct ScreeningSchema {
    id: String,
    person_id: String,
    /// Tenant clock.
    created_at: String,
    /// The person's `screening_progress` after this screening.
    screening_progress: String,
    /// The person's `risk_classification_status` after this screening.
    risk_classification_status: String,
    /// The lists screened against.
    lists: Vec<String>,
    /// The hits this screening found, as they stood then.
    hits: Vec<HitSchema>,
}

/// A reviewer's decision on a hit.
#[derive(Debug, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct DecisionRequest {
    /// `true_positive` (the person is the listed entry) or `false_positive`.
    pub decision: String,
    /// Why, for the audit trail (at most 2000 characters).
    pub note: Option<String>,
}

/// Screen a person now.
///
/// The person's names (first and last, first and birth name), birth date and nationality are
/// searched in every imported list; each match above the threshold is a hit, one per list entry,
/// and a hit found again keeps its decision. The person's `screening_progress` and
/// `risk_classification_status` follow from its hits. With no list imported there is nothing to
/// screen against: `409`, and the person stays `NOT_SCREENED`.
#[utoipa::path(post, path = "/v1/persons/{id}/screenings", tag = "screening",
    params(("id" = String, Path, description = "Person id")),
    responses((status = 201, body = ScreeningSchema), (status = 404, body = signet_app::error::ErrorBody),
              (status = 409, body = signet_app::error::ErrorBody)))]
pub async fn screen(
    State(state): State<AppState>,
    caller: Caller,
    IdPath(id): IdPath<String>,
) -> AppResult<Response> {
    let id = parse_id(&id, PersonId::parse, "person")?;
    let at = KeyAt {
        tenant: &caller.tenant,
        mode: caller.mode,
    };
    let screening = screenings::screen(&state, at, &id).await?;
    Ok(created(screening))
}

/// List a person's screenings, newest first (`page[number]`, `page[size]`).
#[utoipa::path(get, path = "/v1/persons/{id}/screenings", tag = "screening",
    params(("id" = String, Path, description = "Person id"), ("page[number]" = Option<u32>, Query), ("page[size]" = Option<u32>, Query, description = "1 to 1000, default 100")),
    responses((status = 200, body = [ScreeningSchema]), (status = 404, body = signet_app::error::ErrorBody)))]
pub async fn screenings(
    State(state): State<AppState>,
    caller: Caller,
    IdPath(id): IdPath<String>,
    LongPage(page): LongPage,
) -> AppResult<Response> {
    let id = parse_id(&id, PersonId::parse, "person")?;
    state
        .store
        .person(&caller.tenant.id, caller.mode, &id)
        .await
        .map_err(|e| AppError::unless_found(e, "person"))?;
    let rows = state
        .store
        .person_screenings(&caller.tenant.id, caller.mode, &id, page.number, page.size)
        .await?;
    Ok(json_ok(Value::Array(
        rows.iter().map(screening_json).collect(),
    )))
}

/// List screening hits, newest first (`page[number]`, `page[size]`).
///
/// `status` (`open`, `true_positive` or `false_positive`) keeps only hits in that status.
#[utoipa::path(get, path = "/v1/screening/hits", tag = "screening",
    params(("status" = Option<String>, Query, description = "open, true_positive or false_positive"), ("page[number]" = Option<u32>, Query), ("page[size]" = Option<u32>, Query, description = "1 to 1000, default 100")),
    responses((status = 200, body = [HitSchema]), (status = 400, body = signet_app::error::ErrorBody)))]
pub async fn hits(
    State(state): State<AppState>,
    caller: Caller,
    LongPage(page): LongPage,
    uri: Uri,
) -> AppResult<Response> {
    let mut status = None;
    for (k, v) in query_pairs(uri.query()) {
        if k == "status" {
            if !HIT_STATUSES.contains(&v.as_str()) {
                return Err(AppError::field(
                    "status",
                    "must be open, true_positive or false_positive",
                ));
            }
            status = Some(v);
        }
    }
    let rows = state
        .store
        .hits(
            &caller.tenant.id,
            caller.mode,
            status.as_deref(),
            page.number,
            page.size,
        )
        .await?;
    Ok(json_ok(Value::Array(rows.iter().map(hit_json).collect())))
}

/// Decide a screening hit.
///
/// `true_positive` confirms the person is the listed entry, `false_positive` dismisses the
/// match. The decision is recorded with the API key that made it and the note; deciding again
/// overwrites. The person's `screening_progress` and `risk_classification_status` follow.
#[utoipa::path(post, path = "/v1/screening/hits/{id}/decision", tag = "screening",
    params(("id" = String, Path, description = "Hit id")),
    request_body = DecisionRequest,
    responses((status = 200, body = HitSchema), (status = 400, body = signet_app::error::ErrorBody),
              (status = 404, body = signet_app::error::ErrorBody)))]
pub async fn decide(
    State(state): State<AppState>,
    caller: Caller,
    IdPath(id): IdPath<String>,
    Json(body): Json<DecisionRequest>,
) -> AppResult<Response> {
    let id = parse_id(&id, ScreeningHitId::parse, "hit")?;
    let by = Decider::ApiKey {
        key: caller.key_id.clone(),
        tenant: caller.tenant.id.clone(),
        mode: caller.mode,
    };
    let decided =
        screenings::decide_hit(&state, &id, &body.decision, body.note.as_deref(), &by).await?;
    Ok(json_ok(hit_json(&decided)))
}
