//! `/v1/persons/{person_id}/identifications` (seeds 002 and 003).

use crate::api::{created, json_ok};
use crate::auth::Caller;
use crate::extract::{IdPath, Json, LongPage, Page, parse_id, query_flag};
use crate::openapi::error_responses;
use axum::extract::{OriginalUri, State};
use axum::response::Response;
use serde::Deserialize;
use signet_app::error::{AppError, AppResult};
use signet_app::identifications::{self, KeyAt};
use signet_app::state::AppState;
use signet_app::views::{
    AttemptView, IdentificationView, PersonDocumentView, SupportedDocumentView,
};
use signet_core::identification::create::CreateIdentificationInput;
use signet_core::identification::{self as ident, Identification};
use signet_core::ids::{IdentificationId, PersonId};

#[derive(Debug, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CreateIdentification {
    /// `idnow` (video identification; simulated by the sandbox in test mode) or `document`
    /// (Signet's own: ID images, a selfie and a verified number on the hosted page, checked
    /// by Signet and decided by a reviewer in the back office).
    #[schema(schema_with = method)]
    pub method: String,
    /// The applicant page's language (default `EN`).
    #[schema(schema_with = language)]
    pub language: Option<String>,
    /// Needed when the ID document carries no address.
    #[schema(schema_with = proof_of_address_type)]
    pub proof_of_address_type: Option<String>,
    /// The proof's date (`YYYY-MM-DD`): not older than 6 months.
    #[schema(value_type = Option<String>, format = Date)]
    pub proof_of_address_issued_at: Option<String>,
}

fn method() -> utoipa::openapi::schema::ObjectBuilder {
    signet_app::views::schema::words(ident::Method::ALL.iter().map(|m| m.as_str()))
}

fn language() -> utoipa::openapi::schema::ObjectBuilder {
    signet_app::views::schema::nullable_words(
        signet_core::identification::create::LANGUAGES
            .iter()
            .copied(),
    )
}

fn proof_of_address_type() -> utoipa::openapi::schema::ObjectBuilder {
    signet_app::views::schema::nullable_words(
        signet_core::identification::create::PROOF_OF_ADDRESS_TYPES
            .iter()
            .copied(),
    )
}

error_responses!(
    /// What a new identification can refuse: the input, an unknown person, a method that
    /// does not run in this mode, a person whose erasure was asked for.
    CreateErrors = [InvalidModel, NotFound, ProviderNotConfigured, InvalidState]
);

/// Create an identification for a person (status `created`).
///
/// This does not start the identification; `PATCH …/request` does.
#[utoipa::path(post, path = "/v1/persons/{person_id}/identifications", operation_id = "createIdentification", tag = "identifications",
    params(("person_id" = String, Path)),
    request_body = CreateIdentification,
    responses((status = 201, description = "The identification", body = IdentificationView), CreateErrors))]
pub async fn create(
    State(state): State<AppState>,
    caller: Caller,
    IdPath(person_id): IdPath<String>,
    Json(body): Json<CreateIdentification>,
) -> AppResult<Response> {
    let person_id = parse_id(&person_id, PersonId::parse, "person")?;
    let input = CreateIdentificationInput {
        method: body.method,
        language: body.language,
        proof_of_address_type: body.proof_of_address_type,
        proof_of_address_issued_at: body.proof_of_address_issued_at,
    };
    let identification =
        identifications::create(&state, key_at(&caller), &person_id, input).await?;
    Ok(created(IdentificationView::new(&identification)))
}

/// Where the caller's key reaches identifications: its tenant, in its mode.
fn key_at(caller: &Caller) -> KeyAt<'_> {
    KeyAt {
        tenant: &caller.tenant,
        mode: caller.mode,
    }
}

error_responses!(
    /// An identification not the caller's, or one that cannot be requested now.
    RequestErrors = [NotFound, InvalidState]
);

error_responses!(
    /// The identification (or its person) is not the caller's.
    IdentificationErrors = [NotFound]
);

/// Request an identification: status `pending`, with the `url` (valid 14
/// days) and `reference` the applicant uses. Retrying an `aborted` or
/// `canceled` identification opens a new attempt with the same URL; so does
/// asking again while the applicant has not finished, which closes the open
/// attempt (`closed`, `attempt_closed`) and starts the applicant afresh.
#[utoipa::path(patch, path = "/v1/persons/{person_id}/identifications/{id}/request", operation_id = "requestIdentification", tag = "identifications",
    params(("person_id" = String, Path), ("id" = String, Path)),
    responses((status = 200, description = "The identification, pending", body = IdentificationView), RequestErrors))]
pub async fn request(
    State(state): State<AppState>,
    caller: Caller,
    IdPath((person_id, id)): IdPath<(String, String)>,
) -> AppResult<Response> {
    let (person_id, id) = ids(&person_id, &id)?;
    let identification = identifications::request(&state, key_at(&caller), &person_id, &id).await?;
    let mut view = IdentificationView::new(&identification);
    view.estimated_waiting_time = Some(ident::ESTIMATED_WAITING_TIME_S);
    Ok(json_ok(view))
}

error_responses!(
    /// Not the caller's, or a bad `include_documents`.
    GetErrors = [InvalidModel, NotFound]
);

error_responses!(
    /// Not the caller's, or a bad page.
    ListErrors = [InvalidModel, NotFound]
);

/// Retrieve an identification; `include_documents=true` adds the files
/// collected during it.
#[utoipa::path(get, path = "/v1/persons/{person_id}/identifications/{id}", operation_id = "getIdentification", tag = "identifications",
    params(("person_id" = String, Path), ("id" = String, Path), ("include_documents" = Option<bool>, Query)),
    responses((status = 200, description = "The identification", body = IdentificationView), GetErrors))]
pub async fn get(
    State(state): State<AppState>,
    caller: Caller,
    IdPath((person_id, id)): IdPath<(String, String)>,
    OriginalUri(uri): OriginalUri,
) -> AppResult<Response> {
    let (person_id, id) = ids(&person_id, &id)?;
    let include = query_flag(uri.query(), "include_documents")?;
    let identification = load(&state, &caller, &person_id, &id).await?;
    let mut view = IdentificationView::new(&identification);
    if include {
        let person = state
            .store
            .person(&caller.tenant.id, caller.mode, &person_id)
            .await?;
        let address = person.as_json().get("address").cloned();
        let docs = state
            .store
            .identification_documents(&caller.tenant.id, &id)
            .await?;
        view = view.with_documents(address, docs.iter().map(PersonDocumentView::new).collect());
    }
    Ok(json_ok(view))
}

/// List a person's identifications, oldest first.
#[utoipa::path(get, path = "/v1/persons/{person_id}/identifications", operation_id = "listPersonIdentifications", tag = "identifications",
    params(("person_id" = String, Path), ("page[number]" = Option<u32>, Query), ("page[size]" = Option<u32>, Query)),
    responses((status = 200, description = "The person's identifications", body = Vec<IdentificationView>), ListErrors))]
pub async fn list(
    State(state): State<AppState>,
    caller: Caller,
    IdPath(person_id): IdPath<String>,
    page: Page,
) -> AppResult<Response> {
    let person_id = parse_id(&person_id, PersonId::parse, "person")?;
    state
        .store
        .person(&caller.tenant.id, caller.mode, &person_id)
        .await
        .map_err(|e| AppError::unless_found(e, "person"))?;
    let list = state
        .store
        .list_identifications(
            &caller.tenant.id,
            caller.mode,
            &person_id,
            page.number,
            page.size,
        )
        .await?;
    Ok(json_ok(
        list.iter().map(IdentificationView::new).collect::<Vec<_>>(),
    ))
}

/// The ID documents an applicant may use, with their issuing countries.
#[utoipa::path(get, path = "/v1/persons/{person_id}/identifications/{id}/supported_documents", operation_id = "listSupportedDocuments", tag = "identifications",
    params(("person_id" = String, Path), ("id" = String, Path)),
    responses((status = 200, description = "The accepted ID documents", body = Vec<SupportedDocumentView>), IdentificationErrors))]
pub async fn supported_documents(
    State(state): State<AppState>,
    caller: Caller,
    IdPath((person_id, id)): IdPath<(String, String)>,
) -> AppResult<Response> {
    let (person_id, id) = ids(&person_id, &id)?;
    load(&state, &caller, &person_id, &id).await?;
    Ok(json_ok(SupportedDocumentView::all()))
}

/// Every attempt of an identification (seed 003), oldest first (`page[number]`, `page[size]`).
#[utoipa::path(get, path = "/v1/persons/{person_id}/identifications/{id}/attempts", operation_id = "listIdentificationAttempts", tag = "identifications",
    params(("person_id" = String, Path), ("id" = String, Path), ("page[number]" = Option<u32>, Query), ("page[size]" = Option<u32>, Query, description = "1 to 1000, default 100")),
    responses((status = 200, description = "The attempts", body = Vec<AttemptView>), ListErrors))]
pub async fn attempts(
    State(state): State<AppState>,
    caller: Caller,
    IdPath((person_id, id)): IdPath<(String, String)>,
    LongPage(page): LongPage,
) -> AppResult<Response> {
    let (person_id, id) = ids(&person_id, &id)?;
    load(&state, &caller, &person_id, &id).await?;
    let attempts = state
        .store
        .attempts(&caller.tenant.id, &id, page.number, page.size)
        .await?;
    Ok(json_ok(
        attempts.iter().map(AttemptView::new).collect::<Vec<_>>(),
    ))
}

fn ids(person_id: &str, id: &str) -> AppResult<(PersonId, IdentificationId)> {
    Ok((
        parse_id(person_id, PersonId::parse, "identification")?,
        parse_id(id, IdentificationId::parse, "identification")?,
    ))
}

async fn load(
    state: &AppState,
    caller: &Caller,
    person_id: &PersonId,
    id: &IdentificationId,
) -> AppResult<Identification> {
    state
        .store
        .identification(&caller.tenant.id, caller.mode, person_id, id)
        .await
        .map_err(|e| AppError::unless_found(e, "identification"))
}
