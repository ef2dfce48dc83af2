//! `/v1/screening`: the imported sanctions lists, name search against them,
//! persons' screenings and the review of their hits.

use crate::api::{created, json_ok};
use crate::auth::Caller;
use crate::extract::{IdPath, Json, LongPage, parse_id, query_pairs};
use crate::openapi::error_responses;
use axum::extract::State;
use axum::http::Uri;
use axum::response::Response;
use serde::Deserialize;
use serde_json::{Value, json};
use signet_app::error::{AppError, AppResult};
use signet_app::scope::KeyAt;
use signet_app::screenings;
use signet_app::state::AppState;
use signet_app::views::schema::words;
use signet_app::views::{HitView, ScreeningListView, ScreeningView, screening_json};
use signet_core::ids::{PersonId, ScreeningHitId};
use signet_core::screening::{Decider, Decision, HitStatus};
use signet_screening::{PartialDate, Query, SearchOptions, country_code};
use utoipa::openapi::schema::ObjectBuilder;

const MAX_NAME_CHARS: usize = 512;
const DEFAULT_LIMIT: usize = 10;
const MAX_LIMIT: usize = 100;

/// A name to screen, with optional supporting facts.
#[derive(Debug, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct SearchRequest {
    /// The name as written, in any script and word order.
    #[schema(min_length = 1, max_length = 512)]
    pub name: String,
    /// `YYYY`, `YYYY-MM` or `YYYY-MM-DD`: supports or contradicts a match.
    #[schema(pattern = r"^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$")]
    pub birth_date: Option<String>,
    /// ISO 3166-1 alpha-2 code or country name: supports or contradicts a match.
    pub nationality: Option<String>,
    /// Lowest score returned, from 0 to 1 (default: the installation's `screening_threshold`,
    /// 0.80 unless configured).
    #[schema(minimum = 0, maximum = 1)]
    pub threshold: Option<f64>,
    /// At most this many matches, best first (1 to 100, default 10).
    #[schema(minimum = 1, maximum = 100)]
    pub limit: Option<usize>,
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
    /// Which tokens and fields matched and why.
    #[schema(value_type = signet_app::views::ExplanationView)]
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
#[utoipa::path(get, path = "/v1/screening/lists", operation_id = "listScreeningLists", tag = "screening",
    params(("page[number]" = Option<u32>, Query), ("page[size]" = Option<u32>, Query, description = "1 to 1000, default 100")),
    responses((status = 200, description = "The imported lists", body = [ScreeningListView])))]
pub async fn lists(
    State(state): State<AppState>,
    _caller: Caller,
    LongPage(page): LongPage,
) -> AppResult<Response> {
    // A handful of rows (one per publisher): paged in memory.
    let rows = state.store.screening_lists().await?;
    let data: Vec<ScreeningListView> = page
        .slice(&rows)
        .iter()
        .map(ScreeningListView::new)
        .collect();
    Ok(json_ok(data))
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
#[utoipa::path(post, path = "/v1/screening/search", operation_id = "searchScreeningLists", tag = "screening",
    request_body = SearchRequest,
    responses((status = 200, description = "The matches, best first", body = SearchSchema), SearchErrors))]
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

fn decision_word() -> ObjectBuilder {
    words(Decision::ALL.iter().map(|d| d.as_str()))
}

/// A reviewer's decision on a hit.
#[derive(Debug, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct DecisionRequest {
    /// `true_positive` (the person is the listed entry) or `false_positive`.
    #[schema(schema_with = decision_word)]
    pub decision: String,
    /// Why, for the audit trail (at most 2000 characters).
    #[schema(max_length = 2000)]
    pub note: Option<String>,
}

/// A hit's status, as the `status` filter takes it.
pub struct HitStatusWord;

impl utoipa::PartialSchema for HitStatusWord {
    fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::Schema> {
        words(HitStatus::ALL.iter().map(|s| s.as_str())).into()
    }
}

impl utoipa::ToSchema for HitStatusWord {
    fn name() -> std::borrow::Cow<'static, str> {
        "ScreeningHitStatus".into()
    }
}

error_responses!(
    /// A search's input out of its limits.
    SearchErrors = [InvalidModel]
);

error_responses!(
    /// An unknown person, or no list imported to screen against.
    ScreenErrors = [NotFound, Conflict]
);

error_responses!(
    /// An unknown person, or a bad page.
    ScreeningsErrors = [InvalidModel, NotFound]
);

error_responses!(
    /// A filter or page that cannot be read.
    HitsErrors = [InvalidModel]
);

error_responses!(
    /// A decision or note out of its limits, or a hit not the caller's.
    DecideErrors = [InvalidModel, NotFound]
);

/// Screen a person now.
///
/// The person's names (first and last, first and birth name), birth date and nationality are
/// searched in every imported list; each match above the threshold is a hit, one per list entry,
/// and a hit found again keeps its decision. The person's `screening_progress` and
/// `risk_classification_status` follow from its hits. With no list imported there is nothing to
/// screen against: `409`, and the person stays `NOT_SCREENED`.
#[utoipa::path(post, path = "/v1/persons/{id}/screenings", operation_id = "screenPerson", tag = "screening",
    params(("id" = String, Path, description = "Person id")),
    responses((status = 201, description = "The screening", body = ScreeningView), ScreenErrors))]
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
#[utoipa::path(get, path = "/v1/persons/{id}/screenings", operation_id = "listPersonScreenings", tag = "screening",
    params(("id" = String, Path, description = "Person id"), ("page[number]" = Option<u32>, Query), ("page[size]" = Option<u32>, Query, description = "1 to 1000, default 100")),
    responses((status = 200, description = "The person's screenings", body = [ScreeningView]), ScreeningsErrors))]
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
#[utoipa::path(get, path = "/v1/screening/hits", operation_id = "listScreeningHits", tag = "screening",
    params(("status" = inline(Option<HitStatusWord>), Query, description = "Only hits in this status"), ("page[number]" = Option<u32>, Query), ("page[size]" = Option<u32>, Query, description = "1 to 1000, default 100")),
    responses((status = 200, description = "The hits", body = [HitView]), HitsErrors))]
pub async fn hits(
    State(state): State<AppState>,
    caller: Caller,
    LongPage(page): LongPage,
    uri: Uri,
) -> AppResult<Response> {
    let mut status = None;
    for (k, v) in query_pairs(uri.query()) {
        if k == "status" {
            let parsed = HitStatus::parse_filter(&v).map_err(|e| AppError::invalid(vec![e]))?;
            status = Some(parsed.as_str());
        }
    }
    let rows = state
        .store
        .hits(
            &caller.tenant.id,
            caller.mode,
            status,
            page.number,
            page.size,
        )
        .await?;
    Ok(json_ok(rows.iter().map(HitView::new).collect::<Vec<_>>()))
}

/// Decide a screening hit.
///
/// `true_positive` confirms the person is the listed entry, `false_positive` dismisses the
/// match. The decision is recorded with the API key that made it and the note; deciding again
/// overwrites. The person's `screening_progress` and `risk_classification_status` follow.
#[utoipa::path(post, path = "/v1/screening/hits/{id}/decision", operation_id = "decideScreeningHit", tag = "screening",
    params(("id" = String, Path, description = "Hit id")),
    request_body = DecisionRequest,
    responses((status = 200, description = "The hit, decided", body = HitView), DecideErrors))]
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
    Ok(json_ok(HitView::new(&decided)))
}
