//! A person's business relationship, the tenant's retention and erasure (GDPR Art. 17,
//! AMLD4 Art. 40): `signet_app::retention` decides; this is its HTTP face.

use crate::api::documents::read_optional_json;
use crate::api::json_ok;
use crate::auth::Caller;
use crate::extract::{ClientMeta, IdPath, Json, parse_id};
use crate::openapi::error_responses;
use axum::extract::{Request, State};
use axum::http::StatusCode;
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use serde::{Deserialize, Serialize};
use signet_app::error::AppResult;
use signet_app::retention::{self, ErasureReport, RelationshipView};
use signet_app::scope::KeyAt;
use signet_app::state::AppState;
use signet_core::ids::PersonId;

fn key_at(caller: &Caller) -> KeyAt<'_> {
    KeyAt {
        tenant: &caller.tenant,
        mode: caller.mode,
    }
}

/// When the business relationship ended.
#[derive(Debug, Default, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct EndRelationship {
    /// The day it ended (`YYYY-MM-DD`, not after today); absent: the tenant's today.
    #[schema(example = "2026-11-30")]
    pub ended_at: Option<String>,
}

error_responses!(
    /// What recording a relationship's end can refuse.
    EndErrors = [InvalidModel, NotFound, InvalidState, PersonErased]
);

/// Record the day the business relationship with the person ended: their customer due
/// diligence records are kept from then for the tenant's retention (`GET
/// /v1/settings/retention`, default 5 years). The body is optional (the tenant's today).
/// Once erasure was asked for, the end it recorded stays (422 `invalid_state`).
#[utoipa::path(post, path = "/v1/persons/{id}/relationship/end", operation_id = "endRelationship", tag = "persons",
    params(("id" = String, Path, description = "Person id")),
    request_body(content = Option<EndRelationship>, content_type = "application/json"),
    responses((status = 200, description = "The relationship's end and until when the records stay", body = RelationshipView), EndErrors))]
pub async fn end_relationship(
    State(state): State<AppState>,
    caller: Caller,
    IdPath(id): IdPath<String>,
    req: Request,
) -> AppResult<Response> {
    let person = parse_id(&id, PersonId::parse, "person")?;
    let body = read_optional_json::<EndRelationship>(req, &state).await?;
    let view =
        retention::end_relationship(&state, key_at(&caller), &person, body.ended_at.as_deref())
            .await?;
    Ok(json_ok(view))
}

error_responses!(
    /// What an erasure request can refuse.
    ErasureErrors = [NotFound, PersonErased]
);

/// Ask for the person's erasure (GDPR Art. 17). What no legal basis keeps goes at once: their
/// contact data (email, mobile number, contact address, website) in this request, then, by
/// a job due now, webhook payloads that name them and documents they were to sign that
/// nobody signed. The answer lists what goes (`erased`) and what stays, why and until when
/// (`retained`): customer due diligence records stay until the relationship's end plus the
/// tenant's retention (the request ends the relationship today unless it ended before);
/// signed documents stay with the document. From the request on, no new data about the
/// person is taken (updates, identifications, documents to sign: 422). At the retention's
/// end the person's rows go and their data key is destroyed, so what was sealed under it
/// (their data, images and files, in backups too) never opens again; their routes answer
/// 410 `person_erased`. A person with nothing to keep is erased at once. Asking again
/// answers the first request's report.
#[utoipa::path(post, path = "/v1/persons/{id}/erasure", operation_id = "requestErasure", tag = "persons",
    params(("id" = String, Path, description = "Person id")),
    responses((status = 200, description = "What was erased and what is kept, until when and why", body = ErasureReport), ErasureErrors))]
pub async fn erasure(
    State(state): State<AppState>,
    caller: Caller,
    meta: ClientMeta,
    IdPath(id): IdPath<String>,
) -> AppResult<Response> {
    let person = parse_id(&id, PersonId::parse, "person")?;
    let report =
        retention::request_erasure(&state, key_at(&caller), &person, &caller.acting(&meta)).await?;
    Ok(json_ok(report))
}

/// The tenant's retention in the key's mode.
#[derive(Debug, Deserialize, Serialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct RetentionSetting {
    /// Whole years customer due diligence records are kept after a business relationship
    /// ends, 1 to 30. Default 5 (AMLD4 Art. 40, AMLR Art. 77).
    #[schema(example = 5)]
    pub years: i64,
}

/// How long the tenant keeps a person's records after the relationship ends.
#[utoipa::path(get, path = "/v1/settings/retention", operation_id = "getRetention", tag = "persons",
    responses((status = 200, description = "The setting", body = RetentionSetting)))]
pub async fn retention_setting(
    State(state): State<AppState>,
    caller: Caller,
) -> AppResult<Response> {
    let years = state
        .store
        .retention_years(&caller.tenant.id, caller.mode)
        .await?;
    Ok(json_ok(RetentionSetting {
        years: i64::from(years),
    }))
}

error_responses!(
    /// What setting the retention can refuse.
    RetentionErrors = [InvalidModel]
);

/// Set how long the tenant keeps a person's records after the relationship ends (for
/// erasures asked from now on; those asked keep their date).
#[utoipa::path(put, path = "/v1/settings/retention", operation_id = "setRetention", tag = "persons",
    request_body = RetentionSetting,
    responses((status = 200, description = "The setting", body = RetentionSetting), RetentionErrors))]
pub async fn set_retention_setting(
    State(state): State<AppState>,
    caller: Caller,
    Json(body): Json<RetentionSetting>,
) -> AppResult<Response> {
    let years = retention::set_retention_years(&state, key_at(&caller), body.years).await?;
    Ok(json_ok(RetentionSetting {
        years: i64::from(years),
    }))
}

/// A 404 from a person's route for a person who was erased becomes 410 `person_erased`: their
/// rows are gone, and the tombstone says so. Only 404s pay the look-up.
pub async fn erased_person_is_gone(
    State(state): State<AppState>,
    req: Request,
    next: Next,
) -> Response {
    let person = req
        .uri()
        .path()
        .strip_prefix("/v1/persons/")
        .and_then(|rest| rest.split('/').next())
        .and_then(PersonId::parse);
    let caller = req.extensions().get::<Caller>().cloned();
    let response = next.run(req).await;
    if response.status() != StatusCode::NOT_FOUND {
        return response;
    }
    let (Some(person), Some(caller)) = (person, caller) else {
        return response;
    };
    match retention::erasure_of(&state, &caller.tenant.id, caller.mode, &person).await {
        Ok(Some(gone)) => gone.into_response(),
        _ => response,
    }
}
