//! `/v1/templates`: document templates (a PDF, the roles its signers take and its fields),
//! and the tenant's template review setting. A document is sent from a template with
//! `template_id` on `POST /v1/documents` ([`document_from_template`]).

use crate::api::documents::{self, FieldAreaInput, Upload, fields_refused, refused};
use crate::api::{created, json_ok};
use crate::auth::Caller;
use crate::extract::{IdPath, Json, Page, parse_id};
use crate::openapi::{error_responses, fields};
use axum::extract::{Request, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use base64::Engine;
use serde::Deserialize;
use serde_json::{Map, Value};
use signet_app::error::{AppError, AppResult};
use signet_app::scope::KeyAt;
use signet_app::state::AppState;
use signet_app::templates::{self as app, NewTemplate, TemplateChange, TemplateView};
use signet_core::catalog::ErrorCode;
use signet_core::ids::TemplateId;
use signet_core::signing::fields::{self as form, Field};
use signet_core::template as rules;
use signet_core::validate::FieldError;
use utoipa::openapi::schema::Object;

fn key_at(caller: &Caller) -> KeyAt<'_> {
    KeyAt {
        tenant: &caller.tenant,
        mode: caller.mode,
    }
}

fn template_name_field() -> Object {
    fields::described(
        fields::text(rules::MAX_NAME_CHARS),
        "1 to 100 letters, digits, spaces and `.-_@`, not starting or ending with a space (else 400 `invalid_model` with return code 80); unique among your templates in this mode (else 409 `template_name_taken` with 70).",
    )
}

fn roles_field() -> utoipa::openapi::schema::Array {
    let mut a = fields::list(rules::MAX_ROLES, rules::MAX_ROLE_CHARS);
    a.description = Some(
        "The roles a document's signers take, e.g. `[\"Client\", \"Bank\"]`: 1 to 20 distinct names of 1 to 100 characters."
            .into(),
    );
    a
}

fn pdf_base64_field() -> Object {
    fields::described(
        fields::or_null(fields::base64("application/pdf")),
        "The PDF, base64: required in a JSON request unless the template is written in `html`. With multipart, send it as the `file` part instead and the rest as the `data` part.",
    )
}

/// A field of a template: as a document's `fields`, with the `role` whose signer fills it
/// instead of a signer's index.
#[derive(Debug, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct TemplateFieldInput {
    /// 1 to 100 characters, unique in the template: the PDF's form field of this name, and
    /// the key of a document's `values`.
    #[schema(example = "plan", min_length = 1, max_length = 100)]
    pub name: String,
    #[serde(rename = "type")]
    #[schema(schema_with = documents::field_type_input)]
    pub kind: String,
    /// One of `roles`.
    #[schema(example = "Client")]
    pub role: String,
    /// Whether the signer must fill it before approving (default `true`).
    #[schema(example = true)]
    pub required: Option<bool>,
    /// Where it is; give this or `anchor`.
    pub area: Option<FieldAreaInput>,
    /// A text of the PDF (e.g. `{{client_plan}}`) the field covers; give this or `area`.
    #[schema(example = "{{client_plan}}", min_length = 1, max_length = 200)]
    pub anchor: Option<String>,
    /// The choices of a `select`: 1 to 100 distinct strings; only for `select`.
    #[schema(max_items = 100, example = json!(["Basic", "Premium"]))]
    pub options: Option<Vec<String>>,
    #[schema(schema_with = documents::field_value_input)]
    pub value: Option<Value>,
}

/// A new template.
#[derive(Debug, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CreateTemplate {
    #[schema(schema_with = template_name_field)]
    pub name: String,
    /// The PDF, base64 (required here). With multipart, send it as the `file` part instead
    /// and this request as a `data` part.
    #[schema(schema_with = pdf_base64_field)]
    pub file: Option<String>,
    /// The template written in HTML instead of `file` (`docs/html.md`); its
    /// `<signet-field … role="Client">` tags are fields beside those of `fields`.
    #[schema(schema_with = documents::html_field)]
    pub html: Option<String>,
    #[schema(schema_with = roles_field)]
    pub roles: Vec<String>,
    /// The fields of every document sent from it, each tied to a role. Placed by an `area`
    /// or an `anchor` text of the PDF; a field not where it can be is 422
    /// `field_position_invalid` (95).
    #[serde(default)]
    #[schema(max_items = 200)]
    pub fields: Vec<TemplateFieldInput>,
}

impl Upload for CreateTemplate {
    fn has_file(&self) -> bool {
        self.file.is_some()
    }
    fn has_html(&self) -> bool {
        self.html.is_some()
    }
    fn take_file(&mut self) -> Option<String> {
        self.file.take()
    }
}

/// `POST /v1/templates` as `multipart/form-data`: the PDF as it is, and the rest of the
/// request as JSON.
pub struct CreateTemplateParts;

impl utoipa::PartialSchema for CreateTemplateParts {
    fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::Schema> {
        documents::upload_parts("CreateTemplate", Some("unless the `data` part has `html`"))
    }
}

impl utoipa::ToSchema for CreateTemplateParts {
    fn name() -> std::borrow::Cow<'static, str> {
        "CreateTemplateParts".into()
    }
}

fn update_name_field() -> Object {
    fields::or_null(template_name_field())
}

fn update_roles_field() -> utoipa::openapi::schema::Array {
    let mut a = roles_field();
    a.schema_type = utoipa::openapi::schema::SchemaType::from_iter([
        utoipa::openapi::schema::Type::Array,
        utoipa::openapi::schema::Type::Null,
    ]);
    a
}

/// Changes to a template; absent (or `null`) members stay as they are. A change of `file`,
/// `html`, `roles` or `fields` checks the fields again on the (new) file, and puts the
/// template back in review where the tenant requires review. With `html`, the template's
/// fields are those of its `<signet-field>` tags and of `fields` (the ones it had are
/// replaced).
#[derive(Debug, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct UpdateTemplate {
    #[schema(schema_with = update_name_field)]
    pub name: Option<String>,
    #[schema(schema_with = pdf_base64_field)]
    pub file: Option<String>,
    /// The template written in HTML instead of `file` (`docs/html.md`).
    #[schema(schema_with = documents::html_field)]
    pub html: Option<String>,
    #[schema(schema_with = update_roles_field)]
    pub roles: Option<Vec<String>>,
    /// The template's fields, all of them (they replace the fields it has).
    #[schema(max_items = 200)]
    pub fields: Option<Vec<TemplateFieldInput>>,
}

/// The template's review setting in this mode.
#[derive(Debug, Deserialize, serde::Serialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct TemplateReviewSetting {
    /// Whether a new template, and one whose file, roles or fields change, is a `draft` until
    /// a reviewer approves it in the back office; a document from a draft is 422
    /// `template_not_approved` (94). Default `false`.
    pub require_template_review: bool,
}

/// The request's fields as core checks them, each role as its index in `roles`.
fn field_inputs(
    fields: Vec<TemplateFieldInput>,
    roles: &[String],
) -> AppResult<Vec<form::FieldInput>> {
    let mut errors = Vec::new();
    let mut out = Vec::with_capacity(fields.len());
    for (i, f) in fields.into_iter().enumerate() {
        let role = match rules::role_index(&format!("fields[{i}].role"), roles, &f.role) {
            Ok(k) => k,
            Err(e) => {
                errors.push(e);
                0
            }
        };
        out.push(form::FieldInput {
            name: f.name,
            kind: f.kind,
            signer: role as u64,
            required: f.required,
            area: f.area.map(|a| form::Area {
                page: a.page,
                x: a.x,
                y: a.y,
                w: a.w,
                h: a.h,
            }),
            anchor: f.anchor,
            options: f.options,
            value: f.value,
        });
    }
    if !errors.is_empty() {
        return Err(AppError::invalid(errors));
    }
    Ok(out)
}

/// The fields of a template's `<signet-field>` tags, each tied to its `role`.
fn html_fields(placed: Vec<signet_pdf::html::PlacedField>) -> AppResult<Vec<TemplateFieldInput>> {
    placed
        .into_iter()
        .map(|p| {
            let Some(role) = p.role else {
                return Err(documents::html_refused(&format!(
                    "the <signet-field> \"{}\" names a signer: in a template a field names its \
                     role (role=\"Client\", one of roles)",
                    p.name
                )));
            };
            Ok(TemplateFieldInput {
                name: p.name,
                kind: p.kind,
                role,
                required: None,
                area: Some(FieldAreaInput {
                    page: p.page,
                    x: p.x,
                    y: p.y,
                    w: p.w,
                    h: p.h,
                }),
                anchor: None,
                options: None,
                value: None,
            })
        })
        .collect()
}

/// Stored fields as the request would give them again, each role mapped from `old` roles to
/// `new` ones (a field whose role is gone is refused, naming it).
fn stored_inputs(
    fields: &[Field],
    old: &[String],
    new: &[String],
) -> AppResult<Vec<form::FieldInput>> {
    let mut errors = Vec::new();
    let mut out = Vec::with_capacity(fields.len());
    for (i, f) in fields.iter().enumerate() {
        let role = old.get(f.signer as usize).cloned().unwrap_or_default();
        let k = match new.iter().position(|r| *r == role) {
            Some(k) => k,
            None => {
                errors.push(FieldError::new(
                    &format!("fields[{i}].role"),
                    format!(
                        "the field \"{}\" is for the role \"{role}\", which roles no longer has; send fields too",
                        f.name
                    ),
                ));
                0
            }
        };
        out.push(form::FieldInput {
            name: f.name.clone(),
            kind: f.kind.as_str().to_owned(),
            signer: k as u64,
            required: Some(f.required),
            // A field placed by an anchor is found again (in a new file, where it is now).
            area: if f.anchor.is_some() {
                None
            } else {
                Some(f.area)
            },
            anchor: f.anchor.clone(),
            options: (!f.options.is_empty()).then(|| f.options.clone()),
            value: f.value.clone(),
        });
    }
    if !errors.is_empty() {
        return Err(AppError::invalid(errors));
    }
    Ok(out)
}

/// Reads the PDF (69 when it cannot be) and places the fields on it (95), as a document's
/// are: what a template stores is what every document from it will get.
async fn prepare(
    state: &AppState,
    name: String,
    roles: Vec<String>,
    inputs: Vec<form::FieldInput>,
    pdf: Vec<u8>,
) -> AppResult<NewTemplate> {
    let checked = form::check_fields(&inputs, roles.len(), &signet_app::fields::check_image)
        .map_err(fields_refused)?;
    let (limits, max) = (
        signet_app::heavy::pdf_limits(&state.config),
        state.config.max_document_bytes,
    );
    let (info, pdf) = state
        .heavy
        .run(move || (signet_pdf::check_pdf_with(&pdf, max, &limits), pdf))
        .await
        .map_err(|e| AppError::internal(&e))?;
    let info = info.map_err(file_refused)?;
    let pages = info.pages as u32;
    let (fields, _with_fields) =
        documents::place_fields(state, checked, pages, pdf.clone()).await?;
    Ok(NewTemplate {
        name,
        roles,
        fields,
        pdf,
        pages,
    })
}

/// A template's PDF that cannot be read: 422 `template_file_invalid` (69), saying why; one
/// over the size limit is 413 `file_too_large` as for a document.
fn file_refused(e: signet_pdf::PdfError) -> AppError {
    match e {
        signet_pdf::PdfError::TooLarge { .. } => {
            AppError::new(ErrorCode::FileTooLarge, e.to_string())
        }
        other => AppError::new(
            ErrorCode::TemplateFileInvalid,
            format!("the template's PDF cannot be read: {other}"),
        ),
    }
}

fn decode_file(b64: &str) -> AppResult<Vec<u8>> {
    base64::engine::general_purpose::STANDARD
        .decode(b64.trim())
        .map_err(|_| refused(signet_core::signing::create::not_base64()))
}

error_responses!(
    /// What `POST /v1/templates` can refuse.
    CreateErrors = [
        InvalidModel, InvalidJson, InvalidMultipart, FileTooLarge, PayloadTooLarge,
        UnsupportedMediaType, FieldPositionInvalid, TemplateNameTaken, TemplateLimitReached,
        TemplateFileInvalid, HtmlInvalid,
    ]
);

/// Create a template.
///
/// The PDF is checked as a document's (422 `template_file_invalid` with 69 when it cannot be
/// read) and the fields are placed on it as a document's are (95). The name is checked (80)
/// and unique among your templates in this mode (409 with 70); the tenant keeps at most its
/// limit of templates (`signet tenant limits --templates`; 403 with 77 beyond). Where the
/// tenant requires review, the template is a `draft` until a reviewer approves it. Raises
/// `template.created`.
#[utoipa::path(post, path = "/v1/templates", operation_id = "createTemplate", tag = "templates",
    request_body(content(
        (CreateTemplate = "application/json"),
        (CreateTemplateParts = "multipart/form-data"),
    )),
    responses((status = 201, description = "The template", body = TemplateView), CreateErrors))]
pub async fn create(
    State(state): State<AppState>,
    caller: Caller,
    req: Request,
) -> AppResult<Response> {
    let (body, pdf) = documents::read_upload::<CreateTemplate>(req, &state).await?;
    let row = create_template(&state, key_at(&caller), body, pdf).await?;
    Ok(created(TemplateView::new(&row)))
}

/// Checks a new template (its name, roles, file and fields) and stores it: what `POST
/// /v1/templates` and the back office's editor both run.
pub(crate) async fn create_template(
    state: &AppState,
    at: KeyAt<'_>,
    mut body: CreateTemplate,
    pdf: Option<Vec<u8>>,
) -> AppResult<signet_store::TemplateRow> {
    let name = rules::check_name("name", &body.name).map_err(refused)?;
    let roles = rules::check_roles("roles", &body.roles).map_err(refused)?;
    let mut given = body.fields;
    let pdf = match body.html.take() {
        Some(html) => {
            let (pdf, placed) = documents::render_html(state, html).await?;
            given.extend(html_fields(placed)?);
            pdf
        }
        None => pdf.ok_or_else(|| AppError::field("file", "is required (the PDF)"))?,
    };
    let inputs = field_inputs(given, &roles)?;
    let new = prepare(state, name, roles, inputs, pdf).await?;
    app::create(state, at, new).await
}

error_responses!(
    /// What `GET /v1/templates` can refuse.
    ListErrors = [InvalidModel]
);

/// List templates, newest first (`page[number]`, `page[size]`).
#[utoipa::path(get, path = "/v1/templates", operation_id = "listTemplates", tag = "templates",
    params(("page[number]" = Option<u32>, Query), ("page[size]" = Option<u32>, Query, description = "1 to 1000, default 10")),
    responses((status = 200, description = "Templates, newest first", body = Vec<TemplateView>), ListErrors))]
pub async fn list(
    State(state): State<AppState>,
    caller: Caller,
    page: Page,
) -> AppResult<Response> {
    let rows = app::list(&state, key_at(&caller), page.number, page.size).await?;
    Ok(json_ok(
        rows.iter().map(TemplateView::new).collect::<Vec<_>>(),
    ))
}

fn template_id(id: &str) -> AppResult<TemplateId> {
    parse_id(id, TemplateId::parse, "template").map_err(|_| app::not_found(None))
}

error_responses!(
    /// The template is not the caller's (in this mode).
    TemplateErrors = [TemplateNotFound]
);

/// Retrieve a template.
#[utoipa::path(get, path = "/v1/templates/{id}", operation_id = "getTemplate", tag = "templates",
    params(("id" = String, Path)),
    responses((status = 200, description = "The template", body = TemplateView), TemplateErrors))]
pub async fn get(
    State(state): State<AppState>,
    caller: Caller,
    IdPath(id): IdPath<String>,
) -> AppResult<Response> {
    let row = app::get(&state, key_at(&caller), &template_id(&id)?).await?;
    Ok(json_ok(TemplateView::new(&row)))
}

error_responses!(
    /// What `PATCH /v1/templates/{id}` can refuse.
    UpdateErrors = [
        InvalidModel, InvalidJson, FileTooLarge, PayloadTooLarge, FieldPositionInvalid,
        TemplateNotFound, TemplateNameTaken, TemplateFileInvalid, TemplateFailed, HtmlInvalid,
    ]
);

/// Update a template.
///
/// Documents already sent from it keep what they have. Raises `template.updated`.
#[utoipa::path(patch, path = "/v1/templates/{id}", operation_id = "updateTemplate", tag = "templates",
    params(("id" = String, Path)),
    request_body = UpdateTemplate,
    responses((status = 200, description = "The template", body = TemplateView), UpdateErrors))]
pub async fn update(
    State(state): State<AppState>,
    caller: Caller,
    IdPath(id): IdPath<String>,
    Json(body): Json<UpdateTemplate>,
) -> AppResult<Response> {
    let id = template_id(&id)?;
    let row = update_template(&state, key_at(&caller), &id, body).await?;
    Ok(json_ok(TemplateView::new(&row)))
}

/// Checks a change to a template and stores it: what `PATCH /v1/templates/{id}` and the
/// back office's editor both run.
pub(crate) async fn update_template(
    state: &AppState,
    at: KeyAt<'_>,
    id: &TemplateId,
    body: UpdateTemplate,
) -> AppResult<signet_store::TemplateRow> {
    let current = app::get(state, at, id).await?;
    let name = body
        .name
        .as_deref()
        .map(|n| rules::check_name("name", n).map_err(refused))
        .transpose()?;
    if body.file.is_some() && body.html.is_some() {
        return Err(documents::file_and_html(false));
    }
    let content = if body.file.is_some()
        || body.html.is_some()
        || body.roles.is_some()
        || body.fields.is_some()
    {
        let roles = match &body.roles {
            Some(r) => rules::check_roles("roles", r).map_err(refused)?,
            None => current.roles.clone(),
        };
        let rendered = match body.html {
            Some(html) => Some(documents::render_html(state, html).await?),
            None => None,
        };
        let (inputs, rendered) = match (body.fields, rendered) {
            (fields, Some((pdf, placed))) => {
                let mut given = fields.unwrap_or_default();
                given.extend(html_fields(placed)?);
                (field_inputs(given, &roles)?, Some(pdf))
            }
            (Some(f), None) => (field_inputs(f, &roles)?, None),
            (None, None) => (
                stored_inputs(&current.fields, &current.roles, &roles)?,
                None,
            ),
        };
        let pdf = match (&body.file, rendered) {
            (_, Some(pdf)) => pdf,
            (Some(b64), None) => decode_file(b64)?,
            (None, None) => state.blobs.get(&current.file_key).await.map_err(|e| {
                tracing::warn!(template = %id.as_str(), error = %e, "a template's file cannot be read");
                AppError::new(
                    ErrorCode::TemplateFailed,
                    "the template's file cannot be read from storage; send file with the change",
                )
            })?,
        };
        let new_name = name.clone().unwrap_or_else(|| current.name.clone());
        Some(prepare(state, new_name, roles, inputs, pdf).await?)
    } else {
        None
    };
    app::update(state, at, id, TemplateChange { name, content }).await
}

/// Delete a template (documents sent from it keep their own copy). Raises `template.deleted`.
#[utoipa::path(delete, path = "/v1/templates/{id}", operation_id = "deleteTemplate", tag = "templates",
    params(("id" = String, Path)),
    responses((status = 204, description = "Deleted"), TemplateErrors))]
pub async fn delete(
    State(state): State<AppState>,
    caller: Caller,
    IdPath(id): IdPath<String>,
) -> AppResult<Response> {
    app::delete(&state, key_at(&caller), &template_id(&id)?).await?;
    Ok(StatusCode::NO_CONTENT.into_response())
}

/// Whether new and changed templates in the key's mode wait for a reviewer's approval.
#[utoipa::path(get, path = "/v1/settings/template_review", operation_id = "getTemplateReviewSetting", tag = "templates",
    responses((status = 200, description = "The setting", body = TemplateReviewSetting)))]
pub async fn review_setting(State(state): State<AppState>, caller: Caller) -> AppResult<Response> {
    let required = app::review_required(&state, key_at(&caller)).await?;
    Ok(json_ok(TemplateReviewSetting {
        require_template_review: required,
    }))
}

error_responses!(
    /// What setting the review can refuse.
    SettingErrors = [InvalidModel, InvalidJson]
);

/// Require a reviewer's approval of new and changed templates in the key's mode, or stop
/// requiring it (drafts waiting stay drafts until approved).
#[utoipa::path(put, path = "/v1/settings/template_review", operation_id = "setTemplateReviewSetting", tag = "templates",
    request_body = TemplateReviewSetting,
    responses((status = 200, description = "The setting", body = TemplateReviewSetting), SettingErrors))]
pub async fn set_review_setting(
    State(state): State<AppState>,
    caller: Caller,
    Json(body): Json<TemplateReviewSetting>,
) -> AppResult<Response> {
    app::set_review_required(&state, key_at(&caller), body.require_template_review).await?;
    Ok(json_ok(body))
}

/// What a document sent from a template starts from: the template's PDF and its fields,
/// each role's fields given to the signer who takes that role, prefilled with `values`.
pub(crate) struct FromTemplate {
    pub pdf: Vec<u8>,
    pub fields: Vec<form::FieldInput>,
}

/// The template of `template_id` (88; 94 for a draft; 98 when its file is gone), with its
/// fields mapped to the request's signers by their `role`s and prefilled with `values`
/// (each naming a field of the template; a prefilled field is read-only for its signer).
pub(crate) async fn document_from_template(
    state: &AppState,
    caller: &Caller,
    template_id: &str,
    roles: &[Option<String>],
    values: Option<Map<String, Value>>,
) -> AppResult<FromTemplate> {
    let (template, pdf) = app::for_document(state, key_at(caller), template_id).await?;
    let signer_of = rules::map_roles(&template.roles, roles).map_err(refused)?;
    let mut values = values.unwrap_or_default();
    let unknown: Vec<FieldError> = values
        .keys()
        .filter(|k| !template.fields.iter().any(|f| f.name == **k))
        .map(|k| FieldError::new(&format!("values.{k}"), "is not a field of the template"))
        .collect();
    if !unknown.is_empty() {
        return Err(AppError::invalid(unknown));
    }
    let fields = template
        .fields
        .iter()
        .map(|f| form::FieldInput {
            name: f.name.clone(),
            kind: f.kind.as_str().to_owned(),
            signer: signer_of.get(f.signer as usize).copied().unwrap_or(0) as u64,
            required: Some(f.required),
            area: Some(f.area),
            anchor: None,
            options: (!f.options.is_empty()).then(|| f.options.clone()),
            value: values.remove(&f.name).or_else(|| f.value.clone()),
        })
        .collect();
    Ok(FromTemplate { pdf, fields })
}

/// A refusal of a document's fields from a template named as the request gave them: a
/// prefilled value's error under `values.NAME`.
pub(crate) fn values_refused(
    e: signet_core::validate::Invalid,
    fields: &[form::FieldInput],
) -> signet_core::validate::Invalid {
    let fields_named = e
        .fields
        .into_iter()
        .map(|mut err| {
            if let Some(rest) = err.field.strip_prefix("fields[")
                && let Some((i, tail)) = rest.split_once(']')
                && tail == ".value"
                && let Some(f) = i.parse::<usize>().ok().and_then(|i| fields.get(i))
            {
                err.field = format!("values.{}", f.name);
            }
            err
        })
        .collect();
    signet_core::validate::Invalid {
        fields: fields_named,
        return_code: e.return_code,
    }
}
