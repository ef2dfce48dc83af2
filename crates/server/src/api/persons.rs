//! `/v1/persons` (seed 002).

use crate::api::{created, json_ok};
use crate::auth::Caller;
use crate::extract::{ClientMeta, IdPath, Json, JsonObject, LongPage, Page, parse_id};
use crate::openapi::error_responses;
use axum::body::Body;
use axum::extract::State;
use axum::http::header;
use axum::response::{IntoResponse, Response};
use serde::Deserialize;
use serde_json::Value;
use signet_app::error::{AppError, AppResult};
use signet_app::persons;
use signet_app::scope::KeyAt;
use signet_app::state::AppState;
use signet_app::views::PersonDocumentView;
use signet_core::ids::{PersonDocumentId, PersonId};
use signet_core::person::Person;
use std::pin::Pin;
use std::task::{Context, Poll};
use tokio::sync::mpsc;

/// Where the caller's key reaches persons: its tenant, in its mode.
fn key_at(caller: &Caller) -> KeyAt<'_> {
    KeyAt {
        tenant: &caller.tenant,
        mode: caller.mode,
    }
}

error_responses!(
    /// What a new person can refuse: the fields, or too many persons of the same identity.
    CreateErrors = [InvalidModel, DuplicatePersonLimit]
);

error_responses!(
    /// The person is not the caller's (in this mode).
    PersonErrors = [NotFound]
);

error_responses!(
    /// What an update can refuse: the fields, an unknown person, a person whose erasure was
    /// asked for (no new data about them is taken).
    UpdateErrors = [InvalidModel, NotFound, InvalidState]
);

/// Create a person.
///
/// Only `first_name` and `last_name` are required. A first or last name
/// starting with `X-AUTOTEST-` or `X-MANUALTEST-` selects a sandbox case for
/// the person's identifications (test mode).
#[utoipa::path(post, path = "/v1/persons", operation_id = "createPerson", tag = "persons",
    request_body(content = crate::openapi::PersonCreateSchema, description = "Person fields (seed 002)"),
    responses((status = 201, description = "The person", body = crate::openapi::PersonSchema), CreateErrors))]
pub async fn create(
    State(state): State<AppState>,
    caller: Caller,
    JsonObject(input): JsonObject,
) -> AppResult<Response> {
    let person = persons::create(&state, key_at(&caller), &input).await?;
    Ok(created(person.into_json()))
}

/// Retrieve a person.
#[utoipa::path(get, path = "/v1/persons/{id}", operation_id = "getPerson", tag = "persons",
    params(("id" = String, Path, description = "Person id")),
    responses((status = 200, description = "The person", body = crate::openapi::PersonSchema), PersonErrors))]
pub async fn get(
    State(state): State<AppState>,
    caller: Caller,
    IdPath(id): IdPath<String>,
) -> AppResult<Response> {
    let id = parse_id(&id, PersonId::parse, "person")?;
    let person = state
        .store
        .person(&caller.tenant.id, caller.mode, &id)
        .await
        .map_err(not_found)?;
    Ok(json_ok(person.into_json()))
}

/// Update a person.
///
/// Only the fields seed 002 lists as updatable are accepted; any other field
/// is a `400` naming it. `employment_status` FREELANCER or SELF_EMPLOYED needs
/// `nace_code` in the same request, or `industry` and `industry_key` set to null.
#[utoipa::path(patch, path = "/v1/persons/{id}", operation_id = "updatePerson", tag = "persons",
    params(("id" = String, Path, description = "Person id")),
    request_body(content = crate::openapi::PersonUpdateSchema, description = "Updatable person fields"),
    responses((status = 200, description = "The person", body = crate::openapi::PersonSchema), UpdateErrors))]
pub async fn update(
    State(state): State<AppState>,
    caller: Caller,
    IdPath(id): IdPath<String>,
    JsonObject(input): JsonObject,
) -> AppResult<Response> {
    let id = parse_id(&id, PersonId::parse, "person")?;
    let updated = persons::update(&state, key_at(&caller), &id, &input).await?;
    Ok(json_ok(updated.into_json()))
}

/// A reviewer's compliance flag on a person.
#[derive(Debug, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ComplianceFlagRequest {
    /// `true` flags the person: their advanced signers at work are held at `kyc_required`
    /// with status code 1035, for good. `false` clears the flag for new workflows.
    pub flagged: bool,
    /// Why, for the record: required when flagging, 1 to 2000 characters once trimmed;
    /// optional when clearing.
    #[schema(max_length = 2000)]
    pub reason: Option<String>,
}

error_responses!(
    /// A missing or over-long reason, or a person not the caller's.
    ComplianceFlagErrors = [InvalidModel, NotFound]
);

/// Set or clear a person's compliance flag.
///
/// A flagged person (`flagged_by_compliance: true`) is not eligible for an advanced
/// signature: their signers at work move to `kyc_required` with status code 1035, which is
/// final (no resend), and a new one starts there. Once the flag is cleared, new workflows go
/// ahead. The API key that set the flag and the reason are logged; setting the flag the
/// person already has changes nothing.
#[utoipa::path(post, path = "/v1/persons/{id}/compliance_flag", operation_id = "setPersonComplianceFlag", tag = "persons",
    params(("id" = String, Path, description = "Person id")),
    request_body = ComplianceFlagRequest,
    responses((status = 200, description = "The person", body = crate::openapi::PersonSchema), ComplianceFlagErrors))]
pub async fn compliance_flag(
    State(state): State<AppState>,
    caller: Caller,
    meta: ClientMeta,
    IdPath(id): IdPath<String>,
    Json(body): Json<ComplianceFlagRequest>,
) -> AppResult<Response> {
    let id = parse_id(&id, PersonId::parse, "person")?;
    let person = persons::set_compliance_flag(
        &state,
        &caller.acting(&meta),
        key_at(&caller),
        &id,
        body.flagged,
        body.reason.as_deref(),
    )
    .await?;
    Ok(json_ok(person.into_json()))
}

/// List persons, oldest first (`page[number]`, `page[size]`).
#[utoipa::path(get, path = "/v1/persons", operation_id = "listPersons", tag = "persons",
    params(("page[number]" = Option<u32>, Query), ("page[size]" = Option<u32>, Query)),
    responses((status = 200, body = Vec<crate::openapi::PersonSchema>)))]
pub async fn list(
    State(state): State<AppState>,
    caller: Caller,
    page: Page,
) -> AppResult<Response> {
    let persons = state
        .store
        .list_persons(&caller.tenant.id, caller.mode, page.number, page.size)
        .await?;
    Ok(json_ok(Value::Array(
        persons.into_iter().map(Person::into_json).collect(),
    )))
}

/// List the files kept for a person (KYC reports, ID images, signed documents), oldest first
/// (`page[number]`, `page[size]`).
#[utoipa::path(get, path = "/v1/persons/{id}/documents", operation_id = "listPersonDocuments", tag = "persons",
    params(("id" = String, Path), ("page[number]" = Option<u32>, Query), ("page[size]" = Option<u32>, Query, description = "1 to 1000, default 100")),
    responses((status = 200, description = "The person's files", body = Vec<PersonDocumentView>), PersonErrors))]
pub async fn documents(
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
        .map_err(not_found)?;
    let docs = state
        .store
        .person_documents(&caller.tenant.id, caller.mode, &id, page.number, page.size)
        .await?;
    Ok(json_ok(
        docs.iter().map(PersonDocumentView::new).collect::<Vec<_>>(),
    ))
}

error_responses!(
    /// An unknown person or file; a file id that is not one is `document_not_found`.
    FileErrors = [NotFound, DocumentNotFound]
);

/// Download a person's file.
#[utoipa::path(get, path = "/v1/persons/{id}/documents/{document_id}/file", operation_id = "getPersonDocumentFile", tag = "persons",
    params(("id" = String, Path), ("document_id" = String, Path)),
    responses((status = 200, description = "The file's bytes, in the content type it was kept with", content(
            (crate::openapi::PdfFile = "application/pdf"),
            (String = "image/jpeg"),
            (String = "image/png"),
            (Object = "application/json"))),
        FileErrors))]
pub async fn document_file(
    State(state): State<AppState>,
    caller: Caller,
    IdPath((id, doc_id)): IdPath<(String, String)>,
) -> AppResult<Response> {
    let id = parse_id(&id, PersonId::parse, "person")?;
    let doc_id = parse_id(&doc_id, PersonDocumentId::parse, "document")?;
    let row = state
        .store
        .person_document(&caller.tenant.id, caller.mode, &id, &doc_id)
        .await
        .map_err(not_found)?;
    let bytes = state
        .blobs
        .get(&row.blob_key)
        .await
        .map_err(|e| AppError::internal(&e))?;
    let disposition = format!(
        "attachment; filename=\"{}\"",
        row.name.replace(['"', '\\', '\r', '\n'], "_")
    );
    Ok((
        [
            (header::CONTENT_TYPE, row.content_type.clone()),
            (header::CONTENT_DISPOSITION, disposition),
        ],
        bytes,
    )
        .into_response())
}

/// Export everything Signet holds about a person (GDPR Art. 15 and 20).
///
/// A ZIP, streamed as it is written: `person.json`; `identifications/<id>/identification.json`
/// and `attempts.json`; the files kept for the person (ID images, selfies, reports, signed
/// copies) under `files/`, listed in `files/index.json`; each document the person is a signer
/// of under `documents/<id>/` (the PDF as signed so far, `document.json` with their signer
/// records, their selfies, `audit.json` with the trail's entries about them);
/// `screening/screenings.json` and `screening/hits.json`; `audit.json`, who saw or exported
/// the person's data; and last `manifest.json`: `schema_version`, `created_at` and each
/// entry's `path`, `content_type`, `size` and `sha256`. Links that act for the person (hosted
/// pages) are left out. The export is on the person's access trail (`person.exported`, by
/// this API key) before the first byte is sent. Should a read fail half-way, the response
/// ends without its last chunk, so a partial archive is never taken for a whole one.
#[utoipa::path(get, path = "/v1/persons/{id}/export", operation_id = "exportPerson", tag = "persons",
    params(("id" = String, Path, description = "Person id")),
    responses((status = 200, description = "The person's data as a ZIP", content_type = "application/zip",
            body = crate::openapi::ZipFile),
        PersonErrors))]
pub async fn export(
    State(state): State<AppState>,
    caller: Caller,
    meta: ClientMeta,
    IdPath(id): IdPath<String>,
) -> AppResult<Response> {
    let id = parse_id(&id, PersonId::parse, "person")?;
    let actor = caller.acting(&meta).actor(None);
    let export = signet_app::export::begin(&state, key_at(&caller), &actor, &id).await?;
    let disposition = format!("attachment; filename=\"{}\"", export.file_name());
    let (tx, rx) = mpsc::channel(signet_app::export::CHANNEL_CHUNKS);
    tokio::spawn(export.stream(state.clone(), tx));
    Ok((
        [
            (header::CONTENT_TYPE, "application/zip".to_owned()),
            (header::CONTENT_DISPOSITION, disposition),
            (header::CACHE_CONTROL, "no-store".to_owned()),
        ],
        Body::from_stream(Chunks(rx)),
    )
        .into_response())
}

/// An export's pieces as a response body: an `Err` piece aborts the response.
struct Chunks(mpsc::Receiver<signet_app::export::Chunk>);

impl futures_core::Stream for Chunks {
    type Item = signet_app::export::Chunk;

    fn poll_next(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        self.0.poll_recv(cx)
    }
}

fn not_found(e: signet_store::StoreError) -> AppError {
    AppError::unless_found(e, "person")
}
