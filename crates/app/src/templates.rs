//! Document templates: a PDF with the roles its signers take and its fields, kept per tenant
//! and mode, to send documents from (`template_id` on `POST /v1/documents`).
//!
//! Every change is stored with its event (`template.created`, `template.updated`,
//! `template.deleted`) in one transaction. Where the tenant requires review (`PUT
//! /v1/settings/template_review`), a new template, and one whose file, roles or fields
//! change, is a `draft` until a reviewer approves it in the back office
//! (`/admin/templates`); a document from a draft is refused with 94. The tenant's limit
//! (`signet tenant limits --templates`, 0 = none) counts its templates in both modes, as its
//! stored bytes do; over it is 77.

use crate::error::{AppError, AppResult};
use crate::events::emit;
use crate::scope::KeyAt;
use crate::state::AppState;
use serde::Serialize;
use serde_json::Value;
use signet_core::catalog::ErrorCode;
use signet_core::ids::TemplateId;
use signet_core::signing::fields::Field;
use signet_core::template::TemplateStatus;
use signet_core::time::format;
use signet_store::{StoreError, TEMPLATE_NAME_TAKEN, TemplateRow};
use utoipa::ToSchema;
use utoipa::openapi::schema::ObjectBuilder;

use crate::views::FieldAreaView;
use crate::views::schema::words;

fn template_status() -> ObjectBuilder {
    words(TemplateStatus::ALL.iter().map(|s| s.as_str())).description(Some(
        "`approved`: documents may be sent from it; `draft`: it waits for a reviewer's \
             approval (the tenant requires review), and a document from it is 422 \
             `template_not_approved` (94).",
    ))
}

fn field_type() -> ObjectBuilder {
    words(
        signet_core::signing::fields::FieldType::ALL
            .iter()
            .map(|t| t.as_str()),
    )
}

fn field_value() -> ObjectBuilder {
    ObjectBuilder::new()
        .schema_type(utoipa::openapi::schema::SchemaType::AnyValue)
        .description(Some(
            "A value prefilled in the template itself (read-only for every document's signer); \
             `null` for none. A document prefills more with its `values`.",
        ))
        .examples([serde_json::json!("Premium")])
}

/// A field of a template: a document's field naming a `role` instead of a signer.
#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
#[schema(as = TemplateField)]
pub struct TemplateFieldView {
    /// Unique in the template; the PDF's form field of this name, and the key of a
    /// document's `values`.
    #[schema(example = "plan")]
    pub name: String,
    #[serde(rename = "type")]
    #[schema(schema_with = field_type)]
    pub kind: &'static str,
    /// One of the template's `roles`: whose field it is.
    #[schema(example = "Client")]
    pub role: String,
    pub required: bool,
    /// Where it is; for a field placed by an anchor, where the anchor text was found.
    pub area: FieldAreaView,
    /// The text it was placed by, if any.
    #[schema(required, example = "{{client_plan}}")]
    pub anchor: Option<String>,
    /// The choices of a `select`; empty for other types.
    pub options: Vec<String>,
    #[schema(schema_with = field_value)]
    pub value: Option<Value>,
}

/// A document template (also the `data` of the `template.*` events).
#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
#[schema(as = Template)]
pub struct TemplateView {
    #[schema(example = "5f0c1f2a9d3b4e6f8a7b6c5d4e3f2a1btpl")]
    pub id: String,
    /// 1 to 100 letters, digits, spaces and `.-_@`, unique among the tenant's templates in
    /// this mode.
    #[schema(example = "Loan agreement")]
    pub name: String,
    #[schema(schema_with = template_status)]
    pub status: &'static str,
    /// The roles a document's signers take, each by one signer (`signers[i].role`).
    #[schema(example = json!(["Client", "Bank"]))]
    pub roles: Vec<String>,
    pub fields: Vec<TemplateFieldView>,
    /// The PDF's page count.
    pub pages: u32,
    /// The PDF's size in bytes.
    pub size: u64,
    /// SHA-256 of the PDF, hex.
    pub sha256: String,
    #[schema(format = DateTime)]
    pub created_at: String,
    #[schema(format = DateTime)]
    pub updated_at: String,
    /// When a reviewer approved it; `null` for a draft, and where no review was required.
    #[schema(required, format = DateTime)]
    pub reviewed_at: Option<String>,
}

impl TemplateView {
    pub fn new(t: &TemplateRow) -> TemplateView {
        TemplateView {
            id: t.id.as_str().to_owned(),
            name: t.name.clone(),
            status: t.status.as_str(),
            roles: t.roles.clone(),
            fields: t
                .fields
                .iter()
                .map(|f| TemplateFieldView {
                    name: f.name.clone(),
                    kind: f.kind.as_str(),
                    role: t.roles.get(f.signer as usize).cloned().unwrap_or_default(),
                    required: f.required,
                    area: FieldAreaView {
                        page: f.area.page,
                        x: f.area.x,
                        y: f.area.y,
                        w: f.area.w,
                        h: f.area.h,
                    },
                    anchor: f.anchor.clone(),
                    options: f.options.clone(),
                    value: f.value.clone(),
                })
                .collect(),
            pages: t.pages,
            size: t.size,
            sha256: t.sha256.clone(),
            created_at: format(&t.created_at),
            updated_at: format(&t.updated_at),
            reviewed_at: t.reviewed_at.as_ref().map(format),
        }
    }

    fn json(t: &TemplateRow) -> Value {
        serde_json::to_value(TemplateView::new(t)).unwrap_or(Value::Null)
    }
}

/// 404 `template_not_found` (88), naming `field` where the id came in a request body.
pub fn not_found(field: Option<&str>) -> AppError {
    const WHY: &str = "no template of yours in this mode has this id";
    match field {
        Some(f) => AppError::refused_fields(
            ErrorCode::TemplateNotFound,
            vec![signet_core::validate::FieldError::new(f, WHY)],
        ),
        None => AppError::new(ErrorCode::TemplateNotFound, WHY),
    }
}

fn unless_found(e: StoreError) -> AppError {
    match e {
        StoreError::NotFound => not_found(None),
        StoreError::Conflict(w) if w == TEMPLATE_NAME_TAKEN => name_taken(),
        other => other.into(),
    }
}

/// 409 `template_name_taken` (70).
pub fn name_taken() -> AppError {
    AppError::new(
        ErrorCode::TemplateNameTaken,
        "another of your templates in this mode has this name",
    )
}

/// What a new template is made of once its file and fields are checked.
#[derive(Debug, Clone)]
pub struct NewTemplate {
    pub name: String,
    pub roles: Vec<String>,
    pub fields: Vec<Field>,
    /// The PDF as uploaded.
    pub pdf: Vec<u8>,
    pub pages: u32,
}

fn file_key(at: &KeyAt<'_>, id: &TemplateId, sha256: &str) -> String {
    // The digest in the key: a changed file is a new blob, so a document created while the
    // template changes reads one whole file or the other.
    format!(
        "{}/templates/{}/{}.pdf",
        at.tenant.id.as_str(),
        id.as_str(),
        &sha256[..16]
    )
}

fn sha256_hex(pdf: &[u8]) -> String {
    use sha2::Digest;
    hex::encode(sha2::Sha256::digest(pdf))
}

/// The status a new or changed template starts in.
async fn initial_status(state: &AppState, at: &KeyAt<'_>) -> AppResult<TemplateStatus> {
    Ok(
        if state
            .store
            .template_review_required(&at.tenant.id, at.mode)
            .await?
        {
            TemplateStatus::Draft
        } else {
            TemplateStatus::Approved
        },
    )
}

/// Stores a new template and `template.created`, within the tenant's limit (77) and with a
/// name unique in the tenant and mode (70).
pub async fn create(state: &AppState, at: KeyAt<'_>, new: NewTemplate) -> AppResult<TemplateRow> {
    let now = at.now(state);
    let id = TemplateId::from_random(crate::state::random16());
    let sha256 = sha256_hex(&new.pdf);
    let key = file_key(&at, &id, &sha256);
    let row = TemplateRow {
        id,
        tenant_id: at.tenant.id.clone(),
        mode: at.mode,
        name: new.name,
        status: initial_status(state, &at).await?,
        roles: new.roles,
        fields: new.fields,
        file_key: key.clone(),
        pages: new.pages,
        size: new.pdf.len() as u64,
        sha256,
        created_at: now,
        updated_at: now,
        reviewed_at: None,
        reviewed_by: None,
    };
    // A name taken is refused before the file is stored; the unique index decides a race.
    if name_in_use(state, &at, &row.name, None).await? {
        return Err(name_taken());
    }
    state
        .blobs
        .put(&key, &new.pdf)
        .await
        .map_err(|e| AppError::internal(&e))?;
    let stored = async {
        let mut tx = state.store.begin().await?;
        // The tenant's row, locked on PostgreSQL: two creations at once are counted one
        // after the other (SQLite has one writer).
        state.store.tenant_in_tx(&mut tx, &at.tenant.id).await?;
        let limit = state
            .store
            .tenant_limits_in_tx(&mut tx, &at.tenant.id)
            .await?
            .templates;
        if limit > 0
            && state
                .store
                .template_count_in_tx(&mut tx, &at.tenant.id)
                .await?
                >= limit
        {
            return Err(AppError::new(
                ErrorCode::TemplateLimitReached,
                format!(
                    "this tenant may keep at most {limit} templates (both modes together), and \
                     keeps them; delete one first"
                ),
            ));
        }
        state
            .store
            .insert_template(&mut tx, &row)
            .await
            .map_err(unless_found)?;
        emit(
            state,
            &mut tx,
            &at.tenant.id,
            at.mode,
            "template.created",
            TemplateView::json(&row),
            now,
        )
        .await?;
        tx.commit().await.map_err(StoreError::from)?;
        Ok(())
    }
    .await;
    if let Err(e) = stored {
        let _ = state.blobs.delete(&key).await;
        return Err(e);
    }
    Ok(row)
}

/// Whether another template of the tenant in this mode than `except` has `name`.
async fn name_in_use(
    state: &AppState,
    at: &KeyAt<'_>,
    name: &str,
    except: Option<&TemplateId>,
) -> AppResult<bool> {
    Ok(state
        .store
        .template_name_taken(&at.tenant.id, at.mode, name, except)
        .await?)
}

/// One of the tenant's templates in the key's mode (404 with 88 otherwise).
pub async fn get(state: &AppState, at: KeyAt<'_>, id: &TemplateId) -> AppResult<TemplateRow> {
    state
        .store
        .template(&at.tenant.id, at.mode, id)
        .await
        .map_err(unless_found)
}

/// A page of the tenant's templates in the key's mode, newest first.
pub async fn list(
    state: &AppState,
    at: KeyAt<'_>,
    page: u32,
    size: u32,
) -> AppResult<Vec<TemplateRow>> {
    Ok(state
        .store
        .list_templates(&at.tenant.id, at.mode, page, size)
        .await?)
}

/// A change to a template; `None` keeps what it has. `content` is the template's new roles,
/// fields and file together, checked against each other by the caller.
#[derive(Debug, Clone, Default)]
pub struct TemplateChange {
    pub name: Option<String>,
    pub content: Option<NewTemplate>,
}

/// Changes a template and stores `template.updated` (when anything changed). A change of its
/// file, roles or fields puts it back in review where the tenant requires review.
pub async fn update(
    state: &AppState,
    at: KeyAt<'_>,
    id: &TemplateId,
    change: TemplateChange,
) -> AppResult<TemplateRow> {
    let now = at.now(state);
    if let Some(name) = &change.name
        && name_in_use(state, &at, name, Some(id)).await?
    {
        return Err(name_taken());
    }
    let review = initial_status(state, &at).await?;
    let mut new_key = None;
    if let Some(c) = &change.content {
        let sha = sha256_hex(&c.pdf);
        let key = file_key(&at, id, &sha);
        state
            .blobs
            .put(&key, &c.pdf)
            .await
            .map_err(|e| AppError::internal(&e))?;
        new_key = Some((key, sha));
    }
    let result = async {
        let mut tx = state.store.begin().await?;
        let mut row = state
            .store
            .template_for_update(&mut tx, &at.tenant.id, at.mode, id)
            .await
            .map_err(unless_found)?;
        let before = row.clone();
        if let Some(name) = change.name {
            row.name = name;
        }
        if let (Some(c), Some((key, sha))) = (change.content, new_key.clone()) {
            let moved = row.roles != c.roles || row.fields != c.fields || row.sha256 != sha;
            row.roles = c.roles;
            row.fields = c.fields;
            row.pages = c.pages;
            row.size = c.pdf.len() as u64;
            row.sha256 = sha;
            row.file_key = key;
            if moved && review == TemplateStatus::Draft {
                row.status = TemplateStatus::Draft;
                row.reviewed_at = None;
                row.reviewed_by = None;
            }
        }
        if row == before {
            return Ok((row, None));
        }
        row.updated_at = now;
        store_change(state, tx, &at, &row).await?;
        Ok((row, Some(before.file_key)))
    }
    .await;
    match result {
        Ok((row, old_key)) => {
            if let Some(old) = old_key
                && old != row.file_key
            {
                let _ = state.blobs.delete(&old).await;
            }
            Ok(row)
        }
        Err(e) => {
            if let Some((key, _)) = new_key
                && key != current_key(state, &at, id).await
            {
                let _ = state.blobs.delete(&key).await;
            }
            Err(e)
        }
    }
}

/// The file key a template has now (empty when it is gone).
async fn current_key(state: &AppState, at: &KeyAt<'_>, id: &TemplateId) -> String {
    state
        .store
        .template(&at.tenant.id, at.mode, id)
        .await
        .map(|t| t.file_key)
        .unwrap_or_default()
}

/// Deletes a template and stores `template.deleted` (with the template as it was); its file
/// goes after the commit. Documents sent from it keep their own copy.
pub async fn delete(state: &AppState, at: KeyAt<'_>, id: &TemplateId) -> AppResult<TemplateRow> {
    let now = at.now(state);
    let mut tx = state.store.begin().await?;
    let row = state
        .store
        .template_for_update(&mut tx, &at.tenant.id, at.mode, id)
        .await
        .map_err(unless_found)?;
    state
        .store
        .delete_template(&mut tx, &at.tenant.id, at.mode, id)
        .await
        .map_err(unless_found)?;
    emit(
        state,
        &mut tx,
        &at.tenant.id,
        at.mode,
        "template.deleted",
        TemplateView::json(&row),
        now,
    )
    .await?;
    tx.commit().await.map_err(StoreError::from)?;
    let _ = state.blobs.delete(&row.file_key).await;
    Ok(row)
}

/// A reviewer approves a draft (`by` is `operator:<email>`): documents may be sent from it
/// from now on. Stores `template.updated`. A template approved already is left as it is.
pub async fn approve(
    state: &AppState,
    at: KeyAt<'_>,
    id: &TemplateId,
    by: &str,
) -> AppResult<TemplateRow> {
    let now = at.now(state);
    let mut tx = state.store.begin().await?;
    let mut row = state
        .store
        .template_for_update(&mut tx, &at.tenant.id, at.mode, id)
        .await
        .map_err(unless_found)?;
    if row.status == TemplateStatus::Approved {
        return Ok(row);
    }
    row.status = TemplateStatus::Approved;
    row.reviewed_at = Some(now);
    row.reviewed_by = Some(by.to_owned());
    row.updated_at = now;
    store_change(state, tx, &at, &row).await?;
    Ok(row)
}

/// Writes a changed template and its `template.updated` in `tx`, and commits.
async fn store_change(
    state: &AppState,
    mut tx: signet_store::Tx,
    at: &KeyAt<'_>,
    row: &TemplateRow,
) -> AppResult<()> {
    state
        .store
        .update_template(&mut tx, row)
        .await
        .map_err(unless_found)?;
    emit(
        state,
        &mut tx,
        &at.tenant.id,
        at.mode,
        "template.updated",
        TemplateView::json(row),
        row.updated_at,
    )
    .await?;
    tx.commit().await.map_err(StoreError::from)?;
    Ok(())
}

/// A template a document may be sent from: the tenant's, in this mode (88), approved (94).
pub async fn for_document(
    state: &AppState,
    at: KeyAt<'_>,
    id: &str,
) -> AppResult<(TemplateRow, Vec<u8>)> {
    let id = TemplateId::parse(id).ok_or_else(|| not_found(Some("template_id")))?;
    let row = state
        .store
        .template(&at.tenant.id, at.mode, &id)
        .await
        .map_err(|e| match e {
            StoreError::NotFound => not_found(Some("template_id")),
            other => other.into(),
        })?;
    if row.status != TemplateStatus::Approved {
        return Err(AppError::new(
            ErrorCode::TemplateNotApproved,
            format!(
                "the template \"{}\" is a draft waiting for a reviewer's approval; documents are sent from it once approved",
                row.name
            ),
        ));
    }
    let pdf = state.blobs.get(&row.file_key).await.map_err(|e| {
        tracing::warn!(template = %row.id.as_str(), error = %e, "a template's file cannot be read");
        AppError::new(
            ErrorCode::TemplateFailed,
            "the template's file cannot be read from storage; upload it again with PATCH /v1/templates/{id}",
        )
    })?;
    Ok((row, pdf))
}

/// Whether documents in `mode` of the tenant wait for review of their templates.
pub async fn review_required(state: &AppState, at: KeyAt<'_>) -> AppResult<bool> {
    Ok(state
        .store
        .template_review_required(&at.tenant.id, at.mode)
        .await?)
}

/// Sets whether the tenant's new and changed templates in the key's mode wait for review.
pub async fn set_review_required(state: &AppState, at: KeyAt<'_>, required: bool) -> AppResult<()> {
    Ok(state
        .store
        .set_template_review_required(&at.tenant.id, at.mode, required, at.now(state))
        .await?)
}
