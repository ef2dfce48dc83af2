//! `/v1/documents`: documents sent for signature, their signers' workflow (seed 000's API
//! integration path), the signed file, the audit trail and its certificate of completion.

use crate::api::{created, json_ok};
use crate::auth::Caller;
use crate::extract::{ClientMeta, IdPath, Json, LongPage, Page, from_value, parse_id, query_pairs};
use crate::openapi::{error_responses, fields};
use axum::extract::{FromRequest, Request, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use base64::Engine;
use serde::Deserialize;
use serde_json::{Value, json};
use sha2::{Digest, Sha256};
use signet_app::error::{AppError, AppResult};
use signet_app::signers;
use signet_app::signing::{self, all_eligibility, apply};
use signet_app::state::{AppState, random16};
use signet_app::views::{
    ApprovalView, AuditEntryView, AuditTrailView, DocumentView, SignerDetailView, VerificationView,
};
use signet_core::catalog::ErrorCode;
use signet_core::ids::{DocumentId, SignerId};
use signet_core::signing::{
    ConfirmOutcome, Document, DocumentStatus, Level, NewSigner, SigningOrder, Workflow,
};
use utoipa::openapi::schema::Object;

pub use signet_core::signing::create::MAX_SIGNERS;
use signet_core::signing::create::{
    self as intake, FileInput, MAX_CUSTOM_CHARS, MAX_NAME_CHARS, MAX_TAG_CHARS, MAX_TAGS, Part,
};
use signet_core::signing::fields::{self as form, FieldType};

fn name_field() -> Object {
    fields::described(
        fields::text(MAX_NAME_CHARS),
        "1 to 255 characters once trimmed.",
    )
}

fn email_field() -> Object {
    fields::described(
        fields::or_null(fields::email()),
        "An email or a phone is required, to send the one-time code.",
    )
}

fn phone_field() -> Object {
    fields::described(
        fields::or_null(fields::phone()),
        "E.164, e.g. `+4915123456789`: a number of its country's plan.",
    )
}

fn signers_field() -> utoipa::openapi::schema::Array {
    utoipa::openapi::schema::ArrayBuilder::new()
        .items(<SignerInput as utoipa::PartialSchema>::schema())
        .min_items(Some(1))
        .description(Some(
            "At least one signer, and at most the tenant's limit (20 unless the operator set \
             another with `signet tenant limits`; more is return code 75).",
        ))
        .build()
}

fn signature_level_field() -> Object {
    signet_app::views::schema::nullable_words(Level::ALL.iter().map(|l| l.as_str()))
        .description(Some("`simple` (default) or `advanced`."))
        .build()
}

fn signing_order_field() -> Object {
    signet_app::views::schema::nullable_words(SigningOrder::ALL.iter().map(|o| o.as_str()))
        .description(Some("`parallel` (default) or `sequential`."))
        .build()
}

fn expires_at_field() -> Object {
    fields::described(
        fields::or_null(fields::utc_timestamp()),
        "The document expires then (tenant clock); in the future.",
    )
}

fn tags_field() -> utoipa::openapi::schema::Array {
    let mut a = fields::list(MAX_TAGS, MAX_TAG_CHARS);
    a.description =
        Some("At most 20, each 1 to 100 characters once trimmed; repeats are dropped.".into());
    a
}

fn custom_field() -> utoipa::openapi::schema::Array {
    let mut a = fields::list(MAX_TAGS, MAX_CUSTOM_CHARS);
    a.description = Some("Free strings returned in every document webhook (seed 004): at most 20, each 1 to 1000 characters once trimmed; repeats are dropped.".into());
    a
}

fn number_field() -> Object {
    let mut o = fields::or_null(fields::text(intake::MAX_NUMBER_CHARS));
    o.pattern = Some("^[A-Za-z0-9@_,-]{1,64}$".into());
    fields::described(
        o,
        "Your document number: 1 to 64 letters, digits and `@_,-` (else 400 with return code 81), unique among your documents in this mode (else 409 `document_number_taken` with 73). `GET /v1/documents?number=` finds it.",
    )
}

fn pdf_base64_field() -> Object {
    fields::described(
        fields::or_null(fields::base64("application/pdf")),
        "The PDF, base64: required in a JSON request, unless the document is written in `html` or sent from a template (`template_id`), which brings its own. With multipart, send it as the `file` part instead and the rest as the `data` part.",
    )
}

/// The most bytes of an `html` member (over it: 413 `file_too_large`).
pub(crate) const MAX_HTML_BYTES: usize = 2 << 20;

/// The schema of an `html` member, for documents and templates.
pub(crate) fn html_field() -> Object {
    let mut o = fields::or_null(fields::text(MAX_HTML_BYTES));
    o.examples = vec![json!(
        "<h1>Service agreement</h1><p>Signed: <signet-field name=\"client_sig\" type=\"signature\" signer=\"0\"></p>"
    )];
    fields::described(
        o,
        "The document written in HTML instead of `file`: the subset of `docs/html.md`, rendered to an A4 PDF by Signet. Each `<signet-field name type signer|role>` tag becomes a field placed where it stands (`signer` in a document, `role` in a template), beside those of `fields`. At most 2 MiB (else 413 `file_too_large`); anything outside the subset is 422 `html_invalid` (76) naming its line and column. Give exactly one of `file` and `html`.",
    )
}

#[derive(Debug, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct SignerInput {
    #[schema(schema_with = name_field)]
    pub name: String,
    /// An email or a phone is required, to send the one-time code.
    #[schema(schema_with = email_field)]
    pub email: Option<String>,
    /// E.164, e.g. `+4915123456789`.
    #[schema(schema_with = phone_field)]
    pub phone: Option<String>,
    /// Required for `advanced`: the identified person who signs.
    pub person_id: Option<String>,
    /// With `template_id`: the template's role this signer takes (each role exactly one
    /// signer); the template's fields of that role are theirs.
    #[schema(example = "Client")]
    pub role: Option<String>,
}

#[derive(Debug, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CreateDocument {
    #[schema(schema_with = name_field)]
    pub name: String,
    /// The PDF, base64 (required here, unless `template_id` is given). With multipart, send
    /// it as the `file` part instead and this request as a `data` part.
    #[schema(schema_with = pdf_base64_field)]
    pub file: Option<String>,
    /// The document written in HTML instead of `file` (`docs/html.md`); its
    /// `<signet-field … signer="0">` tags are fields beside those of `fields`.
    #[schema(schema_with = html_field)]
    pub html: Option<String>,
    #[schema(schema_with = signers_field)]
    pub signers: Vec<SignerInput>,
    #[schema(schema_with = signature_level_field)]
    pub signature_level: Option<String>,
    #[schema(schema_with = signing_order_field)]
    pub signing_order: Option<String>,
    /// The document expires then (tenant clock); in the future.
    #[schema(schema_with = expires_at_field)]
    pub expires_at: Option<String>,
    /// At most 20, each 1 to 100 characters once trimmed; repeats are dropped.
    #[serde(default)]
    #[schema(schema_with = tags_field)]
    pub tags: Vec<String>,
    /// Free strings returned in every document webhook (seed 004): at most 20, each 1 to 1000
    /// characters once trimmed; repeats are dropped.
    #[serde(default)]
    #[schema(schema_with = custom_field)]
    pub custom: Vec<String>,
    /// Your document number: 1 to 64 letters, digits and `@_,-` (else 400 with return code
    /// 81), unique among your documents in this mode (else 409 with 73).
    #[schema(schema_with = number_field)]
    pub number: Option<String>,
    /// Remind each signer whose turn it is and who has not finished: `after` seconds after
    /// they were asked, then every `every` seconds, at most `max` times (`max` 0: never).
    /// Absent or `null`: the tenant's default (`GET /v1/settings/reminders`).
    pub reminders: Option<RemindersInput>,
    /// Form fields to place on the document, each tied to a signer: where their signature
    /// goes, what they fill in (on approval, `values`) and what Signet fills (`name`, `date`).
    /// Placed by an `area` or an `anchor` text of the PDF; a field off its page, on a page
    /// the document does not have, overlapping another, or whose anchor is not found is 422
    /// `field_position_invalid` (95). Absent: one signature per signer, placed by Signet.
    #[schema(max_items = 200)]
    pub fields: Option<Vec<FieldInput>>,
    /// Send the document from this template (`/v1/templates`): its PDF and fields, each
    /// role's fields given to the signer with that `role`; then `file` and `fields` are not
    /// given. An unknown template is 404 `template_not_found` (88), a draft awaiting review
    /// 422 `template_not_approved` (94).
    #[schema(example = "5f0c1f2a9d3b4e6f8a7b6c5d4e3f2a1btpl")]
    pub template_id: Option<String>,
    /// With `template_id`: values to prefill, by field name (`{"plan": "Premium"}`), each
    /// of its field's type as a field's `value`; a prefilled field is read-only for its
    /// signer.
    #[schema(value_type = Option<Object>, example = json!({"plan": "Premium"}))]
    pub values: Option<serde_json::Map<String, Value>>,
}

pub(crate) fn field_type_input() -> Object {
    signet_app::views::schema::words(FieldType::ALL.iter().map(|t| t.as_str()))
        .description(Some(
            "`signature` (where the signer's signature goes), `initials`, `name` (the signer's \
             name, filled by Signet), `email`, `date` (the signing date, filled by Signet), \
             `text`, `number`, `checkbox`, `select` (one of `options`), `image` (a PNG or JPEG).",
        ))
        .examples([serde_json::json!("select")])
        .build()
}

pub(crate) fn field_value_input() -> Object {
    utoipa::openapi::schema::ObjectBuilder::new()
        .schema_type(utoipa::openapi::schema::SchemaType::AnyValue)
        .description(Some(
            "A prefilled value, which makes the field read-only for the signer: a string \
             (`text`, `initials`, `email`, `select` — one of `options` —, `image` as base64 PNG \
             or JPEG of at most 1 MB), a number (`number`) or a boolean (`checkbox`). Not for \
             `signature`, `name` and `date`, which Signet fills.",
        ))
        .examples([serde_json::json!("Premium")])
        .build()
}

/// A form field to place on the document.
#[derive(Debug, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct FieldInput {
    /// 1 to 100 characters, unique in the document: the PDF's form field of this name, and
    /// the key of approval's `values`.
    #[schema(example = "plan", min_length = 1, max_length = 100)]
    pub name: String,
    #[serde(rename = "type")]
    #[schema(schema_with = field_type_input)]
    pub kind: String,
    /// The signer's index in `signers`, from 0.
    #[schema(minimum = 0, example = 0)]
    pub signer: u64,
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
    #[schema(schema_with = field_value_input)]
    pub value: Option<Value>,
}

/// Where a field is: page from 1; x, y, w, h fractions of the page from its top-left corner
/// (x + w and y + h at most 1).
#[derive(Debug, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct FieldAreaInput {
    #[schema(minimum = 1, example = 1)]
    pub page: u32,
    #[schema(minimum = 0.0, maximum = 1.0, example = 0.1)]
    pub x: f64,
    #[schema(minimum = 0.0, maximum = 1.0, example = 0.8)]
    pub y: f64,
    #[schema(exclusive_minimum = 0.0, maximum = 1.0, example = 0.3)]
    pub w: f64,
    #[schema(exclusive_minimum = 0.0, maximum = 1.0, example = 0.05)]
    pub h: f64,
}

/// When signers are reminded, in seconds of the tenant clock.
#[derive(Debug, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct RemindersInput {
    /// After the signer was asked (their turn came): 3600 to 31536000 (an hour to a year).
    #[schema(minimum = 3600, maximum = 31536000)]
    pub after: u64,
    /// Then again after this long: 3600 to 31536000.
    #[schema(minimum = 3600, maximum = 31536000)]
    pub every: u64,
    /// At most this many reminders per signer: 0 (none) to 20.
    #[schema(minimum = 0, maximum = 20)]
    pub max: u64,
}

/// `POST /v1/documents` as `multipart/form-data`: the PDF as it is, and the rest of the
/// request as JSON.
pub struct CreateDocumentParts;

impl utoipa::PartialSchema for CreateDocumentParts {
    fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::Schema> {
        upload_parts(
            "CreateDocument",
            Some("unless the `data` part has `html` or `template_id`, which bring their own"),
        )
    }
}

/// The `multipart/form-data` form of an upload: the PDF as the `file` part, and the request
/// (`json`, a schema's name) without `file` as the `data` part. `file_optional` says when the
/// `file` part may be left out (`None`: never).
pub(crate) fn upload_parts(
    json: &str,
    file_optional: Option<&str>,
) -> utoipa::openapi::RefOr<utoipa::openapi::Schema> {
    use utoipa::openapi::schema::{KnownFormat, ObjectBuilder, SchemaFormat, SchemaType, Type};
    let file = ObjectBuilder::new()
        .schema_type(SchemaType::new(Type::String))
        .format(Some(SchemaFormat::KnownFormat(KnownFormat::Binary)))
        .content_media_type("application/pdf")
        .description(Some(match file_optional {
            Some(when) => format!("The PDF as it is: required {when}."),
            None => "The PDF as it is.".to_owned(),
        }));
    let parts = ObjectBuilder::new()
        .schema_type(SchemaType::new(Type::Object))
        .property("file", file);
    let parts = if file_optional.is_none() {
        parts.required("file")
    } else {
        parts
    };
    parts
        .property(
            "data",
            ObjectBuilder::new()
                .schema_type(SchemaType::new(Type::String))
                .content_media_type("application/json")
                .description(Some(format!(
                    "The request as JSON: `{json}` without `file`."
                ))),
        )
        .required("data")
        .into()
}

impl utoipa::ToSchema for CreateDocumentParts {
    fn name() -> std::borrow::Cow<'static, str> {
        "CreateDocumentParts".into()
    }
}

/// Core's refusal of a request: its fields, with seed 001's return code when it names one.
pub(crate) fn refused(e: signet_core::validate::Invalid) -> AppError {
    let err = AppError::invalid(e.fields);
    match e.return_code {
        Some(n) => err.with_return_code(n),
        None => err,
    }
}

/// A refusal of `fields`: where a field is (95) is 422 `field_position_invalid`, its shape
/// 400 `invalid_model`.
pub(crate) fn fields_refused(e: signet_core::validate::Invalid) -> AppError {
    if e.return_code == Some(form::RETURN_CODE_BAD_POSITION) {
        AppError::refused_fields(ErrorCode::FieldPositionInvalid, e.fields)
    } else {
        refused(e)
    }
}

/// The fields of the request as core checks them.
fn field_inputs(fields: Vec<FieldInput>) -> Vec<form::FieldInput> {
    fields
        .into_iter()
        .map(|f| form::FieldInput {
            name: f.name,
            kind: f.kind,
            signer: f.signer,
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
        })
        .collect()
}

/// Places the checked fields on `pdf` (its anchors found in its text) and writes them into
/// it as the first revision, on the pool for heavy work.
pub(crate) async fn place_fields(
    state: &AppState,
    checked: Vec<form::Checked>,
    pages: u32,
    pdf: Vec<u8>,
) -> AppResult<(Vec<form::Field>, Vec<u8>)> {
    let needles = form::anchors(&checked);
    let (found, pdf) = state
        .heavy
        .run(move || {
            if needles.is_empty() {
                return (Ok(Vec::new()), pdf);
            }
            let refs: Vec<&str> = needles.iter().map(String::as_str).collect();
            (signet_pdf::anchor::find_anchors(&pdf, &refs), pdf)
        })
        .await
        .map_err(|e| AppError::internal(&e))?;
    let found: Vec<Option<form::Area>> = found
        .map_err(pdf_error)?
        .into_iter()
        .map(|a| {
            a.map(|t| form::Area {
                page: t.page,
                x: t.x,
                y: t.y,
                w: t.w,
                h: t.h,
            })
        })
        .collect();
    let placed = form::place(checked, pages, &found).map_err(fields_refused)?;
    let pdf_fields = signet_app::fields::pdf_fields(&placed);
    let names: Vec<String> = placed.iter().map(|f| f.name.clone()).collect();
    let pdf = state
        .heavy
        .run(move || signet_pdf::add_form_fields(pdf, &pdf_fields))
        .await
        .map_err(|e| AppError::internal(&e))?
        .map_err(|e| match e {
            signet_pdf::PdfError::Field { name, reason } => {
                let at = names
                    .iter()
                    .position(|n| *n == name)
                    .map_or_else(|| "fields".to_owned(), |i| format!("fields[{i}]"));
                AppError::refused_fields(
                    ErrorCode::FieldPositionInvalid,
                    vec![signet_core::validate::FieldError::new(&at, reason)],
                )
            }
            signet_pdf::PdfError::Picture(why) => AppError::field("fields", &why),
            other => pdf_error(other),
        })?;
    Ok((placed, pdf))
}

fn pdf_error(e: signet_pdf::PdfError) -> AppError {
    let code = match e {
        signet_pdf::PdfError::NotAPdf(_) => ErrorCode::NotAPdf,
        signet_pdf::PdfError::TooLarge { .. } => ErrorCode::FileTooLarge,
        signet_pdf::PdfError::Encrypted => ErrorCode::PdfEncrypted,
        signet_pdf::PdfError::OverLimit(_) => ErrorCode::PdfOverLimit,
        signet_pdf::PdfError::TooManySignatures { .. } => ErrorCode::TooManySignatures,
        signet_pdf::PdfError::TimeBudget(_) => ErrorCode::VerifyTimeExceeded,
        _ => ErrorCode::PdfInvalid,
    };
    AppError::new(code, e.to_string())
}

/// A request that uploads a PDF: as JSON with `file` in base64, or as multipart with the
/// PDF as the `file` part and the rest as JSON in the `data` part.
pub(crate) trait Upload: serde::de::DeserializeOwned {
    /// Whether the JSON (or the `data` part) has a `file` member.
    fn has_file(&self) -> bool;
    /// The base64 `file` member of a JSON body, taken out.
    fn take_file(&mut self) -> Option<String>;
    /// Whether the request has an `html` member instead of a file.
    fn has_html(&self) -> bool {
        false
    }
    /// Whether the request needs a file: one that takes its PDF from elsewhere (a document
    /// from a template) must have none.
    fn needs_file(&self) -> Result<bool, AppError> {
        Ok(true)
    }
}

impl Upload for CreateDocument {
    fn has_file(&self) -> bool {
        self.file.is_some()
    }
    fn has_html(&self) -> bool {
        self.html.is_some()
    }
    fn take_file(&mut self) -> Option<String> {
        self.file.take()
    }
    fn needs_file(&self) -> Result<bool, AppError> {
        if self.template_id.is_none() {
            return Ok(true);
        }
        if self.fields.is_some() {
            return Err(AppError::field(
                "fields",
                "a document from a template has the template's fields; prefill them with values",
            ));
        }
        Ok(false)
    }
}

/// Renders an `html` member to a PDF on the pool for heavy work, with where each of its
/// `<signet-field>` tags landed: over [`MAX_HTML_BYTES`] 413 `file_too_large`, blank 400
/// `invalid_model`, outside the subset 422 `html_invalid` (76) naming the line and column.
pub(crate) async fn render_html(
    state: &AppState,
    html: String,
) -> AppResult<(Vec<u8>, Vec<signet_pdf::html::PlacedField>)> {
    if html.len() > MAX_HTML_BYTES {
        return Err(AppError::new(
            ErrorCode::FileTooLarge,
            format!(
                "html is {} bytes, over the limit of {MAX_HTML_BYTES} bytes",
                html.len()
            ),
        ));
    }
    if html.trim().is_empty() {
        return Err(AppError::field("html", "must not be blank"));
    }
    let limits = signet_pdf::html::HtmlLimits {
        max_bytes: MAX_HTML_BYTES,
        ..signet_pdf::html::HtmlLimits::default()
    };
    state
        .heavy
        .run(move || signet_pdf::html::render_html(&html, &limits))
        .await
        .map_err(|e| AppError::internal(&e))?
        .map_err(|e| html_refused(&e.to_string()))
}

/// 422 `html_invalid` (76): `why` names the line and column, or the field, at fault.
pub(crate) fn html_refused(why: &str) -> AppError {
    AppError::refused_fields(
        ErrorCode::HtmlInvalid,
        vec![signet_core::validate::FieldError::new("html", why)],
    )
}

/// The fields of a document's `<signet-field>` tags, each tied to its `signer`.
fn html_fields(placed: Vec<signet_pdf::html::PlacedField>) -> AppResult<Vec<FieldInput>> {
    placed
        .into_iter()
        .map(|p| {
            let Some(signer) = p.signer else {
                return Err(html_refused(&format!(
                    "the <signet-field> \"{}\" names a role: in a document a field names its \
                     signer (signer=\"0\" for the first); roles are for templates",
                    p.name
                )));
            };
            Ok(FieldInput {
                name: p.name,
                kind: p.kind,
                signer: u64::from(signer),
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

/// The refusal of a file where the request takes its PDF from a template.
fn file_with_template() -> AppError {
    AppError::field(
        "file",
        "give either file or template_id: a document from a template has the template's PDF",
    )
}

/// The refusal of both `file` and `html`, or `html` where the PDF comes from a template.
pub(crate) fn file_and_html(template: bool) -> AppError {
    if template {
        AppError::field(
            "html",
            "give either html or template_id: a document from a template has the template's PDF",
        )
    } else {
        AppError::field(
            "html",
            "give either file or html: the PDF, or the HTML Signet renders to one",
        )
    }
}

/// Reads an upload from JSON (`file` in base64) or multipart (`file` and `data`); the PDF is
/// `None` only where the request needs none.
pub(crate) async fn read_upload<T: Upload>(
    req: Request,
    state: &AppState,
) -> AppResult<(T, Option<Vec<u8>>)> {
    let is_multipart = req
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.to_ascii_lowercase().starts_with("multipart/form-data"));
    if !is_multipart {
        let Json(mut body) = Json::<T>::from_request(req, state).await?;
        if !body.needs_file()? {
            if body.has_file() {
                return Err(file_with_template());
            }
            if body.has_html() {
                return Err(file_and_html(true));
            }
            return Ok((body, None));
        }
        if body.has_html() {
            if body.has_file() {
                return Err(file_and_html(false));
            }
            return Ok((body, None));
        }
        if !body.has_file() {
            return Err(AppError::field(
                "file",
                "is required: the PDF in base64, or html instead",
            ));
        }
        intake::check_file(FileInput::Json {
            file: body.has_file(),
        })
        .map_err(|e| AppError::invalid(vec![e]))?;
        let b64 = body.take_file().unwrap_or_default();
        let bytes = base64::engine::general_purpose::STANDARD
            .decode(b64.trim())
            .map_err(|_| refused(intake::not_base64()))?;
        return Ok((body, Some(bytes)));
    }
    let mut mp = axum::extract::Multipart::from_request(req, state)
        .await
        .map_err(|e| AppError::new(ErrorCode::InvalidMultipart, e.body_text()))?;
    let mut data: Option<T> = None;
    let mut file: Option<Vec<u8>> = None;
    while let Some(field) = mp.next_field().await.map_err(|e| {
        if e.status() == StatusCode::PAYLOAD_TOO_LARGE {
            crate::extract::too_large()
        } else {
            AppError::new(ErrorCode::InvalidMultipart, e.body_text())
        }
    })? {
        let name = field.name().unwrap_or("").to_owned();
        let bytes = field
            .bytes()
            .await
            .map_err(|e| AppError::new(ErrorCode::InvalidMultipart, e.body_text()))?;
        match intake::multipart_part(&name).map_err(|e| AppError::invalid(vec![e]))? {
            Part::File => file = Some(bytes.to_vec()),
            Part::Data => {
                let v: Value = serde_json::from_slice(&bytes).map_err(|e| {
                    AppError::new(
                        ErrorCode::InvalidJson,
                        format!("the data part is not valid JSON: {e}"),
                    )
                })?;
                data = Some(from_value(v)?);
            }
        }
    }
    if let Some(d) = &data
        && !d.needs_file()?
    {
        if file.is_some() || d.has_file() {
            return Err(file_with_template());
        }
        if d.has_html() {
            return Err(file_and_html(true));
        }
        return Ok((data.unwrap_or_else(|| unreachable!("checked above")), None));
    }
    if let Some(d) = &data
        && d.has_html()
    {
        if file.is_some() || d.has_file() {
            return Err(file_and_html(false));
        }
        return Ok((data.unwrap_or_else(|| unreachable!("checked above")), None));
    }
    intake::check_file(FileInput::Multipart {
        data: data.is_some(),
        file_in_data: data.as_ref().is_some_and(Upload::has_file),
        file_part: file.is_some(),
    })
    .map_err(|e| AppError::invalid(vec![e]))?;
    match (data, file) {
        (Some(data), Some(file)) => Ok((data, Some(file))),
        // check_file has refused every other combination.
        _ => Err(AppError::field("file", "is required (the PDF)")),
    }
}

error_responses!(
    /// What `POST /v1/documents` can refuse.
    CreateErrors = [
        InvalidModel, InvalidJson, InvalidMultipart, FileTooLarge, PayloadTooLarge,
        UnsupportedMediaType, NotAPdf, PdfEncrypted, PdfOverLimit, PdfInvalid,
        ProviderNotConfigured, DocumentNumberTaken, StorageLimitReached, FieldPositionInvalid,
        TemplateNotFound, TemplateNotApproved, TemplateFailed, HtmlInvalid,
    ]
);

/// Send a document for signature.
///
/// The PDF is checked (a real PDF within the size limit, not encrypted; 92, 93 or 91
/// otherwise). Each signer gets a hosted-page `url`; in parallel order all are asked at once,
/// in sequential order the next one only after the previous signed. `advanced` and `qualified`
/// signers must be identified persons (`person_id`). `qualified` signatures are made by a
/// qualified trust service provider through the Cloud Signature Consortium API: in live mode
/// only when one is configured (else 422 `provider_not_configured`); in test mode by Signet's
/// stand-in with the test CA, which is no qualified signature. The tenant's limits apply: at
/// most its signers per document (20 unless set otherwise; 400 with 75 beyond), and a file
/// that would take its stored documents past its stored bytes is 403 `storage_limit_reached`
/// (112).
#[utoipa::path(post, path = "/v1/documents", operation_id = "createDocument", tag = "documents",
    request_body(content(
        (CreateDocument = "application/json"),
        (CreateDocumentParts = "multipart/form-data"),
    )),
    responses((status = 201, description = "The document with its signers", body = DocumentView), CreateErrors))]
pub async fn create(
    State(state): State<AppState>,
    caller: Caller,
    meta: ClientMeta,
    req: Request,
) -> AppResult<Response> {
    let (mut body, pdf) = read_upload::<CreateDocument>(req, &state).await?;
    let now = caller.now(&state);
    // From a template: its PDF, and its fields given to the signers by their roles.
    let roles: Vec<Option<String>> = body.signers.iter().map(|s| s.role.clone()).collect();
    let from_template = match &body.template_id {
        Some(t) => Some(
            crate::api::templates::document_from_template(
                &state,
                &caller,
                t,
                &roles,
                body.values.take(),
            )
            .await?,
        ),
        None => {
            if let Some(i) = roles.iter().position(Option::is_some) {
                return Err(AppError::field(
                    &format!("signers[{i}].role"),
                    "is only for a document from a template (template_id)",
                ));
            }
            if body.values.is_some() {
                return Err(AppError::field(
                    "values",
                    "is only for a document from a template (template_id); prefill a field with its value",
                ));
            }
            None
        }
    };
    let (pdf, template_fields) = match from_template {
        Some(t) => (t.pdf, Some(t.fields)),
        None => (pdf.unwrap_or_default(), None),
    };
    let html = body.html.take();
    let input = intake::CreateDocumentInput {
        name: body.name,
        signers: body
            .signers
            .into_iter()
            .map(|s| intake::SignerInput {
                name: s.name,
                email: s.email,
                phone: s.phone,
                person_id: s.person_id,
            })
            .collect(),
        signature_level: body.signature_level,
        signing_order: body.signing_order,
        expires_at: body.expires_at,
        tags: body.tags,
        custom: body.custom,
        number: body.number,
        reminders: body.reminders.map(|r| (r.after, r.every, r.max)),
    };
    let tenant_limits = state.store.tenant_limits(&caller.tenant.id).await?;
    let mut valid =
        intake::check_create(&input, now, tenant_limits.signers_per_document).map_err(refused)?;
    // Written in HTML: rendered here, its fields after those of `fields`.
    let (pdf, fields_given) = match html {
        Some(html) => {
            let (pdf, placed) = render_html(&state, html).await?;
            let from_html = html_fields(placed)?;
            let given = match body.fields {
                None if from_html.is_empty() => None,
                given => Some(
                    given
                        .unwrap_or_default()
                        .into_iter()
                        .chain(from_html)
                        .collect(),
                ),
            };
            (pdf, given)
        }
        None => (pdf, body.fields),
    };
    let checked_fields = match (fields_given, &template_fields) {
        (_, Some(fields)) if !fields.is_empty() => Some(
            form::check_fields(
                fields,
                valid.signers.len(),
                &signet_app::fields::check_image,
            )
            .map_err(|e| fields_refused(crate::api::templates::values_refused(e, fields)))?,
        ),
        (Some(fields), None) if !fields.is_empty() => Some(
            form::check_fields(
                &field_inputs(fields),
                valid.signers.len(),
                &signet_app::fields::check_image,
            )
            .map_err(fields_refused)?,
        ),
        _ => None,
    };
    if valid.reminders.is_none() {
        valid.reminders = state
            .store
            .reminder_default(&caller.tenant.id, caller.mode)
            .await?;
    }
    if valid.level == signet_core::signing::Level::Qualified
        && !signet_app::signing::qualified::available(&state.config, caller.mode)
    {
        return Err(AppError::new(
            ErrorCode::ProviderNotConfigured,
            "signature_level: qualified needs a qualified trust service provider, and none is \
             configured for live mode (csc_url)",
        ));
    }
    let signers: Vec<_> = valid
        .signers
        .into_iter()
        .map(|s| s.into_new_signer(SignerId::from_random(random16()), signing::new_token()))
        .collect();
    let (name, level, order, expires_at, tags, custom, number, reminders) = (
        valid.name,
        valid.level,
        valid.order,
        valid.expires_at,
        valid.tags,
        valid.custom,
        valid.number,
        valid.reminders,
    );
    // A number already taken is refused before the file is scanned and stored; the unique
    // index decides a race between two requests with the same number.
    if let Some(n) = &number
        && state
            .store
            .document_number_taken(&caller.tenant.id, caller.mode, n)
            .await?
    {
        return Err(number_taken(n));
    }
    // Intake on the bounded pool: the scan decodes every stream (up to the budget).
    let (limits, max) = (
        signet_app::heavy::pdf_limits(&state.config),
        state.config.max_document_bytes,
    );
    let (info, pdf) = state
        .heavy
        .run(move || (signet_pdf::check_pdf_with(&pdf, max, &limits), pdf))
        .await
        .map_err(|e| AppError::internal(&e))?;
    let info = info.map_err(|e| match template_fields {
        // A template's file was read when it was stored: the installation's limits changed.
        Some(_) => AppError::new(
            ErrorCode::TemplateFailed,
            format!("the template's PDF cannot be prepared into a document: {e}"),
        ),
        None => pdf_error(e),
    })?;
    // Fields go into the file as its first revision: what is stored is the file with them.
    let (fields, pdf) = match checked_fields {
        Some(checked) => place_fields(&state, checked, info.pages as u32, pdf).await?,
        None => (Vec::new(), pdf),
    };
    // The tenant's stored bytes: checked before the file is stored (two uploads at once may
    // both pass, each within the limit alone).
    if tenant_limits.stored_bytes > 0 {
        let stored = state.store.tenant_stored_bytes(&caller.tenant.id).await?;
        if stored.saturating_add(pdf.len() as u64) > tenant_limits.stored_bytes {
            return Err(AppError::new(
                ErrorCode::StorageLimitReached,
                format!(
                    "this file ({} bytes) would take the tenant's stored documents ({stored} \
                     bytes) past its limit of {} bytes; delete documents to free space",
                    pdf.len(),
                    tenant_limits.stored_bytes
                ),
            ));
        }
    }
    let id = DocumentId::from_random(random16());
    let sha = hex::encode(Sha256::digest(&pdf));
    let key = format!(
        "{}/documents/{}/original.pdf",
        caller.tenant.id.as_str(),
        id.as_str()
    );
    let document = Document {
        id: id.clone(),
        name,
        status: DocumentStatus::Pending,
        level,
        order,
        expires_at,
        tags,
        custom,
        number,
        reminders,
        pages: info.pages as u32,
        size: pdf.len() as u64,
        original_sha256: sha.clone(),
        current_sha256: sha,
        file_key: key.clone(),
        original_key: key.clone(),
        revisions: 0,
        message: None,
        created_at: now,
        updated_at: now,
        finished_at: None,
    };
    // The file is stored only for a request that can succeed: every signer's person must be
    // the caller's (checked again under the transaction below).
    for (i, s) in signers.iter().enumerate() {
        if let Some(p) = &s.person_id {
            state
                .store
                .person(&caller.tenant.id, caller.mode, p)
                .await
                .map_err(|e| match e {
                    signet_store::StoreError::NotFound => {
                        AppError::field(&format!("signers[{i}].person_id"), "no such person")
                    }
                    other => other.into(),
                })?;
            if state
                .store
                .erasure_requested(&caller.tenant.id, caller.mode, p)
                .await?
            {
                return Err(AppError::field(
                    &format!("signers[{i}].person_id"),
                    "erasure was requested for this person: no new document is sent to them",
                ));
            }
        }
    }
    state
        .blobs
        .put(&key, &pdf)
        .await
        .map_err(|e| AppError::internal(&e))?;
    let mut tx = state.store.begin().await?;
    for (i, s) in signers.iter().enumerate() {
        if let Some(p) = &s.person_id {
            state
                .store
                .person_in_tx(&mut tx, &caller.tenant.id, caller.mode, p)
                .await
                .map_err(|e| match e {
                    signet_store::StoreError::NotFound => {
                        AppError::field(&format!("signers[{i}].person_id"), "no such person")
                    }
                    other => other.into(),
                })?;
        }
    }
    // Eligibility is read before the workflow exists, from the signers' persons.
    let probe = Workflow {
        document: document.clone(),
        signers: signers
            .iter()
            .enumerate()
            .map(|(i, s)| probe_signer(&document, i, s, now))
            .collect(),
    };
    let facts =
        all_eligibility(&state, &mut tx, &caller.tenant.id, caller.mode, &probe, now).await?;
    let (mut wf, fx) = Workflow::create(document, signers, &facts, now);
    state
        .store
        .insert_workflow(&mut tx, &caller.tenant.id, caller.mode, &wf)
        .await
        .map_err(|e| match e {
            signet_store::StoreError::Conflict(w) if w == signet_store::DOCUMENT_NUMBER_TAKEN => {
                number_taken(wf.document.number.as_deref().unwrap_or_default())
            }
            other => other.into(),
        })?;
    state
        .store
        .insert_fields(&mut tx, &wf.document.id, &fields)
        .await?;
    let actor = caller.acting(&meta).actor(None);
    apply(
        &state,
        &mut tx,
        &caller.tenant.id,
        caller.tenant.clock_offset_ms,
        caller.mode,
        &mut wf,
        fx,
        &actor,
        now,
    )
    .await?;
    signers::arm_reminders(&state, &mut tx, &caller.tenant, caller.mode, &wf, now).await?;
    tx.commit().await.map_err(signet_store::StoreError::from)?;
    let stored: Vec<signet_store::StoredField> = fields
        .into_iter()
        .map(|field| signet_store::StoredField { field, value: None })
        .collect();
    Ok(created(
        DocumentView::new(&state.config.public_url(), &wf).with_fields(&stored, &wf),
    ))
}

/// 409 `document_number_taken` (73).
fn number_taken(number: &str) -> AppError {
    AppError::new(
        ErrorCode::DocumentNumberTaken,
        format!("another of your documents in this mode has the number {number}"),
    )
}

/// A signer as `Workflow::create` will make it, to read eligibility before it exists.
fn probe_signer(
    d: &Document,
    i: usize,
    s: &NewSigner,
    now: signet_core::time::Timestamp,
) -> signet_core::signing::Signer {
    let (wf, _) = Workflow::create(d.clone(), vec![s.clone()], &[], now);
    let mut signer = wf
        .signers
        .into_iter()
        .next()
        .unwrap_or_else(|| unreachable!("one signer in, one out"));
    signer.position = i as u32;
    signer
}

error_responses!(
    /// What `GET /v1/documents` can refuse.
    ListErrors = [InvalidModel]
);

/// List documents, newest first; filter with `status`, `tag` and `number`.
#[utoipa::path(get, path = "/v1/documents", operation_id = "listDocuments", tag = "documents",
    params(("status" = inline(Option<crate::openapi::DocumentStatusWord>), Query, description = "Only documents in this status"),
           ("tag" = Option<String>, Query, description = "Only documents with this tag"),
           ("number" = Option<String>, Query, description = "Only the document with this number (at most one)"),
           ("page[number]" = Option<u32>, Query), ("page[size]" = Option<u32>, Query, description = "1 to 1000, default 10")),
    responses((status = 200, description = "Documents, newest first", body = Vec<DocumentView>), ListErrors))]
pub async fn list(
    State(state): State<AppState>,
    caller: Caller,
    page: Page,
    uri: axum::http::Uri,
) -> AppResult<Response> {
    let mut status = None;
    let mut tag = None;
    let mut number = None;
    for (k, v) in query_pairs(uri.query()) {
        match k.as_str() {
            "status" => {
                DocumentStatus::parse(&v).ok_or_else(|| {
                    AppError::field(
                        "status",
                        "must be pending, rejected, blocked, expired, finished or canceled",
                    )
                })?;
                status = Some(v);
            }
            "tag" => tag = Some(v),
            "number" => {
                number = Some(intake::check_number("number", &v).map_err(refused)?);
            }
            _ => {}
        }
    }
    let docs = state
        .store
        .list_documents(
            &caller.tenant.id,
            caller.mode,
            status.as_deref(),
            tag.as_deref(),
            number.as_deref(),
            page.number,
            page.size,
        )
        .await?;
    let base = state.config.public_url();
    let ids: Vec<&DocumentId> = docs.iter().map(|wf| &wf.document.id).collect();
    let fields = state.store.fields_of(&ids).await?;
    Ok(json_ok(
        docs.iter()
            .map(|wf| {
                let view = DocumentView::new(&base, wf);
                match fields.get(wf.document.id.as_str()) {
                    Some(f) => view.with_fields(f, wf),
                    None => view,
                }
            })
            .collect::<Vec<_>>(),
    ))
}

async fn load(state: &AppState, caller: &Caller, id: &str) -> AppResult<Workflow> {
    let id = parse_id(id, DocumentId::parse, "document")?;
    state
        .store
        .workflow(&caller.tenant.id, caller.mode, &id)
        .await
        .map_err(|e| AppError::unless_found(e, "document"))
}

error_responses!(
    /// What the routes of one document can refuse: it is not the caller's (in this mode).
    DocumentErrors = [DocumentNotFound]
);

/// Get a document with its signers.
#[utoipa::path(get, path = "/v1/documents/{id}", operation_id = "getDocument", tag = "documents", params(("id" = String, Path)),
    responses((status = 200, description = "The document", body = DocumentView), DocumentErrors))]
pub async fn get(
    State(state): State<AppState>,
    caller: Caller,
    IdPath(id): IdPath<String>,
) -> AppResult<Response> {
    let wf = load(&state, &caller, &id).await?;
    Ok(json_ok(document_view(&state, &wf).await?))
}

/// The document as the API shows it, with its fields.
async fn document_view(state: &AppState, wf: &Workflow) -> AppResult<DocumentView> {
    let fields = state.store.fields(&wf.document.id).await?;
    Ok(DocumentView::new(&state.config.public_url(), wf).with_fields(&fields, wf))
}

error_responses!(
    /// What a deletion can refuse: a signer has signed.
    DeleteErrors = [DocumentNotFound, DocumentHasSignatures]
);

/// Delete a document no signer has signed.
///
/// Its file, signers and their links go at once (a signer's link then opens a 404 page), with
/// their one-time codes and the document's pending timers; `GET` answers 404 from then on.
/// The audit trail stays, closed by a `document.deleted` entry, and `GET …/audit` still
/// answers for it. Sends `document.deleted`. Once a signer has signed, 409
/// `document_has_signatures` (37): cancel it instead.
#[utoipa::path(delete, path = "/v1/documents/{id}", operation_id = "deleteDocument", tag = "documents", params(("id" = String, Path)),
    responses((status = 204, description = "Deleted"), DeleteErrors))]
pub async fn delete(
    State(state): State<AppState>,
    caller: Caller,
    meta: ClientMeta,
    IdPath(id): IdPath<String>,
) -> AppResult<Response> {
    let id = parse_id(&id, DocumentId::parse, "document")?;
    signers::delete(&state, caller.document(&id), &caller.acting(&meta)).await?;
    Ok(StatusCode::NO_CONTENT.into_response())
}

#[derive(Debug, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct DeleteDocuments {
    /// 1 to 100 document ids; a repeated id counts once.
    #[schema(schema_with = delete_ids_field)]
    pub ids: Vec<String>,
}

fn delete_ids_field() -> utoipa::openapi::schema::Array {
    utoipa::openapi::schema::ArrayBuilder::new()
        .items(fields::text(64))
        .min_items(Some(1))
        .max_items(Some(signers::MAX_BULK_DELETE))
        .description(Some("1 to 100 document ids; a repeated id counts once."))
        .build()
}

/// The documents a bulk deletion deleted.
#[derive(Debug, serde::Serialize, utoipa::ToSchema)]
pub struct DeletedDocuments {
    /// In the order of `ids`.
    pub deleted: Vec<signet_app::views::DocumentDeletedView>,
}

error_responses!(
    /// What a bulk deletion can refuse.
    DeleteManyErrors = [InvalidModel, InvalidJson, DocumentsNotDeletable]
);

/// Delete several documents no signer has signed, all or nothing.
///
/// Each goes as with `DELETE /v1/documents/{id}`. If any cannot go (unknown, or a signer has
/// signed), none is deleted: 409 `documents_not_deletable` (38) with one entry per document
/// that cannot, `source.field` naming its place in `ids` (`ids[2]`).
#[utoipa::path(post, path = "/v1/documents/delete", operation_id = "deleteDocuments", tag = "documents",
    request_body = DeleteDocuments,
    responses((status = 200, description = "What was deleted", body = DeletedDocuments), DeleteManyErrors))]
pub async fn delete_many(
    State(state): State<AppState>,
    caller: Caller,
    meta: ClientMeta,
    Json(body): Json<DeleteDocuments>,
) -> AppResult<Response> {
    if body.ids.is_empty() || body.ids.len() > signers::MAX_BULK_DELETE {
        return Err(AppError::field(
            "ids",
            &format!("must hold 1 to {} document ids", signers::MAX_BULK_DELETE),
        ));
    }
    let mut ids: Vec<DocumentId> = Vec::with_capacity(body.ids.len());
    let mut bad = Vec::new();
    for (i, raw) in body.ids.iter().enumerate() {
        match DocumentId::parse(raw) {
            Some(id) if !ids.contains(&id) => ids.push(id),
            Some(_) => {}
            None => bad.push(signet_core::validate::FieldError::new(
                &format!("ids[{i}]"),
                "is not a document id",
            )),
        }
    }
    if !bad.is_empty() {
        return Err(AppError::invalid(bad));
    }
    let deleted = signers::delete_many(
        &state,
        &caller.tenant,
        caller.mode,
        &ids,
        &caller.acting(&meta),
    )
    .await?;
    Ok(json_ok(DeletedDocuments { deleted }))
}

/// The tenant's default reminders for new documents in this mode.
#[derive(Debug, serde::Serialize, utoipa::ToSchema)]
pub struct ReminderDefaults {
    /// What a new document gets when its request names no `reminders`; `null`: none.
    #[schema(required)]
    pub reminders: Option<signet_app::views::RemindersView>,
}

fn reminder_defaults(r: Option<signet_core::signing::Reminders>) -> ReminderDefaults {
    ReminderDefaults {
        reminders: r.map(|r| signet_app::views::RemindersView {
            after: r.after,
            every: r.every,
            max: r.max,
        }),
    }
}

/// The reminders a new document gets when its request names none (in the key's mode).
#[utoipa::path(get, path = "/v1/settings/reminders", operation_id = "getReminderDefaults", tag = "documents",
    responses((status = 200, description = "The default", body = ReminderDefaults)))]
pub async fn reminder_settings(
    State(state): State<AppState>,
    caller: Caller,
) -> AppResult<Response> {
    let r = state
        .store
        .reminder_default(&caller.tenant.id, caller.mode)
        .await?;
    Ok(json_ok(reminder_defaults(r)))
}

#[derive(Debug, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct SetReminderDefaults {
    /// `null` for none; else checked as a document's `reminders`.
    pub reminders: Option<RemindersInput>,
}

error_responses!(
    /// What setting the default can refuse.
    SettingsErrors = [InvalidModel, InvalidJson]
);

/// Set the reminders a new document gets when its request names none (in the key's mode;
/// documents already sent keep theirs).
#[utoipa::path(put, path = "/v1/settings/reminders", operation_id = "setReminderDefaults", tag = "documents",
    request_body = SetReminderDefaults,
    responses((status = 200, description = "The default", body = ReminderDefaults), SettingsErrors))]
pub async fn set_reminder_settings(
    State(state): State<AppState>,
    caller: Caller,
    Json(body): Json<SetReminderDefaults>,
) -> AppResult<Response> {
    let r = body
        .reminders
        .map(|r| intake::check_reminders("reminders", (r.after, r.every, r.max)))
        .transpose()
        .map_err(refused)?;
    state
        .store
        .set_reminder_default(&caller.tenant.id, caller.mode, r, caller.now(&state))
        .await?;
    Ok(json_ok(reminder_defaults(r)))
}

/// The tenant's signature picture setting in this mode.
#[derive(Debug, Deserialize, serde::Serialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct SignaturePictureSetting {
    /// Whether every approval must carry a signature picture (`signature_image` on the API;
    /// drawn, typed or uploaded on the signer's page); without one it is 422
    /// `signature_image_missing` with 26. Default `false`.
    pub require_signature_picture: bool,
}

/// Whether approvals in the key's mode must carry a signature picture.
#[utoipa::path(get, path = "/v1/settings/signature_picture", operation_id = "getSignaturePictureSetting", tag = "documents",
    responses((status = 200, description = "The setting", body = SignaturePictureSetting)))]
pub async fn signature_picture_setting(
    State(state): State<AppState>,
    caller: Caller,
) -> AppResult<Response> {
    let required = state
        .store
        .signature_picture_required(&caller.tenant.id, caller.mode)
        .await?;
    Ok(json_ok(SignaturePictureSetting {
        require_signature_picture: required,
    }))
}

/// Require a signature picture on every approval in the key's mode, or stop requiring it
/// (signers who approved already keep what they gave).
#[utoipa::path(put, path = "/v1/settings/signature_picture", operation_id = "setSignaturePictureSetting", tag = "documents",
    request_body = SignaturePictureSetting,
    responses((status = 200, description = "The setting", body = SignaturePictureSetting), SettingsErrors))]
pub async fn set_signature_picture_setting(
    State(state): State<AppState>,
    caller: Caller,
    Json(body): Json<SignaturePictureSetting>,
) -> AppResult<Response> {
    state
        .store
        .set_signature_picture_required(
            &caller.tenant.id,
            caller.mode,
            body.require_signature_picture,
            caller.now(&state),
        )
        .await?;
    Ok(json_ok(body))
}

error_responses!(
    /// What a cancellation can refuse: the document is closed already.
    CancelErrors = [DocumentNotFound, DocumentCompleted, DocumentExpired, DocumentClosed]
);

/// Cancel a document (no more signatures; no seed 004 webhook).
#[utoipa::path(post, path = "/v1/documents/{id}/cancel", operation_id = "cancelDocument", tag = "documents", params(("id" = String, Path)),
    responses((status = 200, description = "The document", body = DocumentView), CancelErrors))]
pub async fn cancel(
    State(state): State<AppState>,
    caller: Caller,
    meta: ClientMeta,
    IdPath(id): IdPath<String>,
) -> AppResult<Response> {
    let id = parse_id(&id, DocumentId::parse, "document")?;
    let wf = signers::cancel(&state, caller.document(&id), &caller.acting(&meta)).await?;
    Ok(json_ok(document_view(&state, &wf).await?))
}

/// The PDF as signed so far (the original until the first signature; closed with a document
/// timestamp once finished).
#[utoipa::path(get, path = "/v1/documents/{id}/file", operation_id = "getDocumentFile", tag = "documents", params(("id" = String, Path)),
    responses((status = 200, description = "The PDF", body = crate::openapi::PdfFile, content_type = "application/pdf",
               headers(("Content-Disposition" = String, description = "`attachment; filename=\"{id}.pdf\"`"),
                       ("X-Content-SHA256" = String, description = "SHA-256 of the file, hex"))),
              DocumentErrors))]
pub async fn file(
    State(state): State<AppState>,
    caller: Caller,
    IdPath(id): IdPath<String>,
) -> AppResult<Response> {
    let wf = load(&state, &caller, &id).await?;
    let bytes = state
        .blobs
        .get(&wf.document.file_key)
        .await
        .map_err(|e| AppError::internal(&e))?;
    Ok(pdf_response(
        bytes,
        &format!("{}.pdf", wf.document.id.as_str()),
        &wf.document.current_sha256,
    ))
}

pub fn pdf_response(bytes: Vec<u8>, filename: &str, sha: &str) -> Response {
    (
        StatusCode::OK,
        [
            (header::CONTENT_TYPE, "application/pdf".to_owned()),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"{filename}\""),
            ),
            (
                header::HeaderName::from_static("x-content-sha256"),
                sha.to_owned(),
            ),
        ],
        bytes,
    )
        .into_response()
}

/// The audit trail: every event of the document, hash-chained. A deleted document's trail
/// stays readable, its last entry `document.deleted`.
///
/// `chain_valid` is false, and `first_broken_seq` names the entry, when an entry was edited,
/// removed or reordered after it was written. `entries` is one page of the trail, oldest first
/// (`page[number]`, `page[size]`); `chain_valid`, `head` and `entry_count` judge the whole.
#[utoipa::path(get, path = "/v1/documents/{id}/audit", operation_id = "getDocumentAudit", tag = "documents",
    params(("id" = String, Path), ("page[number]" = Option<u32>, Query),
           ("page[size]" = Option<u32>, Query, description = "1 to 1000, default 100")),
    responses((status = 200, description = "The audit trail", body = AuditTrailView), DocumentErrors))]
pub async fn audit(
    State(state): State<AppState>,
    caller: Caller,
    IdPath(id): IdPath<String>,
    LongPage(page): LongPage,
) -> AppResult<Response> {
    let document_id = match load(&state, &caller, &id).await {
        Ok(wf) => wf.document.id,
        // A deleted document's trail stays, closed by its deletion.
        Err(e) if e.code == ErrorCode::DocumentNotFound => {
            let id = parse_id(&id, DocumentId::parse, "document")?;
            state
                .store
                .tombstone(&caller.tenant.id, caller.mode, &id)
                .await?
                .ok_or(e)?
                .document_id
        }
        Err(e) => return Err(e),
    };
    // The chain is verified whole whichever page is shown.
    let rows = state.store.audit_trail(&document_id).await?;
    let broken = signet_app::audit::first_broken(&rows);
    Ok(json_ok(AuditTrailView {
        document_id: document_id.as_str().to_owned(),
        chain_valid: broken.is_none(),
        first_broken_seq: broken,
        head: rows.last().map(|r| r.hash.clone()),
        entry_count: rows.len(),
        entries: page.slice(&rows).iter().map(AuditEntryView::new).collect(),
    }))
}

/// The certificate of completion: the document's facts, its signers and its whole audit
/// trail with the chain's head, as a PDF sealed by Signet (verify it like any signed file).
#[utoipa::path(get, path = "/v1/documents/{id}/audit.pdf", operation_id = "getDocumentAuditPdf", tag = "documents", params(("id" = String, Path)),
    responses((status = 200, description = "The sealed PDF", body = crate::openapi::PdfFile, content_type = "application/pdf",
               headers(("Content-Disposition" = String, description = "`attachment; filename=\"{id}-certificate-of-completion.pdf\"`"),
                       ("X-Content-SHA256" = String, description = "SHA-256 of the file, hex"))),
              DocumentErrors))]
pub async fn audit_pdf(
    State(state): State<AppState>,
    caller: Caller,
    IdPath(id): IdPath<String>,
) -> AppResult<Response> {
    let wf = load(&state, &caller, &id).await?;
    let rows = state.store.audit_trail(&wf.document.id).await?;
    let d = &wf.document;
    let completion = signet_pdf::Completion {
        document_id: d.id.as_str().to_owned(),
        document_name: d.name.clone(),
        status: d.status.as_str().to_owned(),
        created_at: d.created_at,
        generated_at: caller.now(&state),
        original_sha256: d.original_sha256.clone(),
        final_sha256: (d.status == DocumentStatus::Finished).then(|| d.current_sha256.clone()),
        issuer: caller.tenant.name.clone(),
        signers: wf
            .signers
            .iter()
            .map(|s| signet_pdf::CompletionSigner {
                name: s.name.clone(),
                email: s.email.clone(),
                phone: s.phone.clone(),
                level: d.level.as_str().to_owned(),
                status: s.status.as_str().to_owned(),
                signed_at: s.signed_at,
                certificate_subject: s.certificate_subject.clone(),
            })
            .collect(),
        audit: rows
            .iter()
            .map(|r| signet_pdf::CompletionEntry {
                at: r.at,
                action: r.action.clone(),
                actor: r.actor.clone(),
                ip: r.ip.clone(),
                user_agent: r.user_agent.clone(),
                document_sha256: r.document_sha256.clone(),
                hash: r.hash.clone(),
            })
            .collect(),
        chain_head: rows.last().map(|r| r.hash.clone()).unwrap_or_default(),
        test_mode: caller.mode == signet_store::Mode::Test,
    };
    let mode = caller.mode;
    let trust = state.trust.clone();
    let wall = state.wall_now();
    let pdf = signet_app::heavy::run(&state.heavy, move || {
        let unsealed = signet_pdf::completion_certificate(&completion)?;
        let opts = signet_pdf::SignOptions {
            signer_name: "Signet".into(),
            reason: Some(format!(
                "Certificate of completion of {}",
                completion.document_id
            )),
            location: None,
            contact: None,
            signing_time: wall,
            timestamp: true,
            form: Default::default(),
            visible: None,
        };
        let ca = trust.ca(mode);
        signet_pdf::sign_pdf(&unsealed, &ca.seal_credential(), &ca, &opts)
    })
    .await
    .map_err(|e| AppError::internal(&e))?
    .map_err(|e| AppError::internal(&e))?;
    let sha = hex::encode(Sha256::digest(&pdf));
    Ok(pdf_response(
        pdf,
        &format!("{}-certificate-of-completion.pdf", wf.document.id.as_str()),
        &sha,
    ))
}

/// Trust anchors: Signet's live root certificate, to add to a validator's trust store, and
/// after a root rollover the roots it replaced (newest first; files signed under an older
/// root still chain to it). What test-mode keys create is signed under the test root
/// (`/v1/trust/test-ca.pem`) and never chains to these.
#[utoipa::path(get, path = "/v1/trust/ca.pem", operation_id = "getCaCertificate", tag = "trust", security(()),
    responses((status = 200, description = "The root certificates, PEM", body = String, content_type = "application/x-pem-file")))]
pub async fn ca_pem(State(state): State<AppState>) -> Response {
    pem_response(state.trust.ca(signet_store::Mode::Live).root_pem())
}

/// Trust anchors for validating a file years on: every CA certificate of the live mode, the
/// issuing CAs (current and those it replaced) and the roots, newest first. A validator that
/// judges a chain at the current time rejects one whose issuing CA has ended, while it does
/// not check an anchor's own validity; with these as anchors a file's embedded revocation
/// data and archive timestamps carry it past the end of every certificate in it, as an EU
/// trusted list, which names a service's issuing CA, does.
#[utoipa::path(get, path = "/v1/trust/anchors.pem", operation_id = "getTrustAnchors", tag = "trust", security(()),
    responses((status = 200, description = "The issuing CA and root certificates, PEM", body = String, content_type = "application/x-pem-file")))]
pub async fn anchors_pem(State(state): State<AppState>) -> Response {
    pem_response(state.trust.ca(signet_store::Mode::Live).anchors_pem())
}

/// The TEST mode's CA certificates, as `/v1/trust/anchors.pem` serves the live mode's. Trust
/// them only in a test environment.
#[utoipa::path(get, path = "/v1/trust/test-anchors.pem", operation_id = "getTestTrustAnchors", tag = "trust", security(()),
    responses((status = 200, description = "The issuing CA and root certificates, PEM", body = String, content_type = "application/x-pem-file")))]
pub async fn test_anchors_pem(State(state): State<AppState>) -> Response {
    pem_response(state.trust.ca(signet_store::Mode::Test).anchors_pem())
}

/// Signet's TEST root: what test-mode keys create is signed under it (every name in it says
/// TEST), and the test roots it replaced, as for `/v1/trust/ca.pem`. Trust them only in a
/// test environment; they are not valid for real signatures.
#[utoipa::path(get, path = "/v1/trust/test-ca.pem", operation_id = "getTestCaCertificate", tag = "trust", security(()),
    responses((status = 200, description = "The root certificates, PEM", body = String, content_type = "application/x-pem-file")))]
pub async fn test_ca_pem(State(state): State<AppState>) -> Response {
    pem_response(state.trust.ca(signet_store::Mode::Test).root_pem())
}

fn pem_response(pem: String) -> Response {
    (
        StatusCode::OK,
        [(header::CONTENT_TYPE, "application/x-pem-file")],
        pem,
    )
        .into_response()
}

error_responses!(
    /// What a verification can refuse.
    VerifyErrors = [
        InvalidModel, InvalidMultipart, PayloadTooLarge, UnsupportedMediaType, NotAPdf, PdfEncrypted,
        PdfOverLimit, TooManySignatures, VerifyTimeExceeded, PdfInvalid,
    ]
);

/// Verify a signed PDF (the request body, `Content-Type: application/pdf`, or the `file` part
/// of a `multipart/form-data` body).
///
/// Each signature is reported with signer, time, claimed and detected PAdES level, the ETSI
/// EN 319 102-1 indication and sub-indication, and whether it covers the whole file; the
/// report says whether Signet produced the file. Signet's live root is the trust anchor, so a
/// test-mode signature never passes (the report says it was made in test mode); `?anchor=test`
/// judges against the test root instead, to check files made with a test key.
///
/// Certificates are judged at `validation_time` (default: now), a timestamp proving when a
/// signature existed (a certificate expired since then still passes). Revocation is checked
/// from the data the file carries (its DSS and the CMS), never fetched online; each signature
/// lists the evidence used. Missing data is a remark, or INDETERMINATE / TRY_LATER with
/// `revocation=required`.
#[utoipa::path(post, path = "/v1/verify", operation_id = "verifyPdf", tag = "documents",
    params(
        ("anchor" = inline(Option<crate::openapi::AnchorWord>), Query, description = "`live` (default): Signet's live root; `test`: the test-mode root"),
        ("validation_time" = Option<chrono::DateTime<chrono::Utc>>, Query, description = "The time certificates are judged at (RFC 3339); default now. Also accepted as a `validation_time` part of a form"),
        ("revocation" = inline(Option<crate::openapi::RevocationWord>), Query, description = "`if_available` (default): revocation data in the file is used, none is a remark; `required`: a certificate without fresh revocation data makes the signature INDETERMINATE / TRY_LATER"),
    ),
    request_body(description = "The PDF: the body itself (`application/pdf`, or `application/octet-stream`), or the `file` part of a form", content(
        (crate::openapi::PdfFile = "application/pdf"),
        (VerifyParts = "multipart/form-data"),
    )),
    responses((status = 200, description = "The verification report", body = VerificationView), VerifyErrors))]
pub async fn verify(
    State(state): State<AppState>,
    _caller: Caller,
    uri: axum::http::Uri,
    req: Request,
) -> AppResult<Response> {
    let media_type = req
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .map(|v| {
            v.split(';')
                .next()
                .unwrap_or("")
                .trim()
                .to_ascii_lowercase()
        })
        .unwrap_or_default();
    let shape = match media_type.as_str() {
        "application/pdf" | "application/octet-stream" => VerifyBody::Raw,
        "multipart/form-data" => VerifyBody::Multipart,
        _ => {
            return Err(AppError::new(
                ErrorCode::UnsupportedMediaType,
                "send the PDF as the body (Content-Type: application/pdf or application/octet-stream) or as the `file` part of multipart/form-data",
            ));
        }
    };
    let mode = match query_pairs(uri.query())
        .iter()
        .find(|(k, _)| k == "anchor")
        .map(|(_, v)| v.as_str())
    {
        None | Some("live") => signet_store::Mode::Live,
        Some("test") => signet_store::Mode::Test,
        Some(_) => {
            return Err(AppError::invalid(vec![
                signet_core::validate::FieldError::new("anchor", "must be live or test"),
            ]));
        }
    };
    let pairs = query_pairs(uri.query());
    let query_value = |key: &str| pairs.iter().find(|(k, _)| k == key).map(|(_, v)| v.clone());
    let revocation = match query_value("revocation").as_deref() {
        None | Some("if_available") => signet_pdf::RevocationPolicy::IfAvailable,
        Some("required") => signet_pdf::RevocationPolicy::Required,
        Some(_) => {
            return Err(AppError::field(
                "revocation",
                "must be if_available or required",
            ));
        }
    };
    let mut validation_time = query_value("validation_time")
        .map(|v| parse_validation_time(&v))
        .transpose()?;
    let body = match shape {
        VerifyBody::Raw => read_raw_body(req, &state).await?,
        VerifyBody::Multipart => {
            let (file, form_time) = read_file_part(req, &state).await?;
            if let Some(t) = form_time {
                if validation_time.is_some() {
                    return Err(AppError::field(
                        "validation_time",
                        "is given both in the query and in the form",
                    ));
                }
                validation_time = Some(parse_validation_time(&t)?);
            }
            file
        }
    };
    let root = state.trust.ca(mode).root_pem();
    let opts = signet_pdf::VerifyOptions {
        limits: signet_app::heavy::pdf_limits(&state.config),
        max_signatures: signet_pdf::MAX_VERIFIED_SIGNATURES,
        time_budget: Some(signet_app::heavy::VERIFY_TIME_BUDGET),
        // Certificates in a PDF are judged against real clocks, as they were written.
        validation_time: Some(validation_time.unwrap_or_else(|| state.wall_now())),
        revocation,
        // No online check here: the server does not fetch what an uploaded file names.
        fetcher: None,
    };
    let report = state
        .heavy
        .run(move || signet_pdf::verify_pdf_with(&body, &[root], &opts))
        .await
        .map_err(|e| AppError::internal(&e))?
        .map_err(pdf_error)?;
    Ok(json_ok(VerificationView::new(&report)))
}

/// How `POST /v1/verify` carries the PDF.
enum VerifyBody {
    /// The body is the file.
    Raw,
    /// The `file` part of a form (for clients that send files only that way).
    Multipart,
}

/// The whole body; over `max_body_bytes` a 413 in Signet's shape, not axum's plain text.
async fn read_raw_body(req: Request, state: &AppState) -> AppResult<axum::body::Bytes> {
    axum::body::Bytes::from_request(req, state)
        .await
        .map_err(|e| {
            if e.status() == StatusCode::PAYLOAD_TOO_LARGE {
                crate::extract::too_large()
            } else {
                AppError::field("body", "could not be read")
            }
        })
}

/// `validation_time`: RFC 3339 with a zone, between the years 1970 and 9999.
fn parse_validation_time(value: &str) -> AppResult<chrono::DateTime<chrono::Utc>> {
    chrono::DateTime::parse_from_rfc3339(value.trim())
        .ok()
        .map(|t| t.with_timezone(&chrono::Utc))
        .filter(|t| t.timestamp() >= 0 && t.timestamp() < 253_402_300_800)
        .ok_or_else(|| {
            AppError::field(
                "validation_time",
                "must be an RFC 3339 time such as 2030-01-01T00:00:00Z",
            )
        })
}

/// The `file` part of a `multipart/form-data` body and its optional `validation_time` part.
async fn read_file_part(
    req: Request,
    state: &AppState,
) -> AppResult<(axum::body::Bytes, Option<String>)> {
    let mut form = axum::extract::Multipart::from_request(req, state)
        .await
        .map_err(|e| AppError::new(ErrorCode::InvalidMultipart, e.body_text()))?;
    let mut file = None;
    let mut validation_time = None;
    while let Some(field) = form.next_field().await.map_err(|e| {
        if e.status() == StatusCode::PAYLOAD_TOO_LARGE {
            crate::extract::too_large()
        } else {
            AppError::new(ErrorCode::InvalidMultipart, e.body_text())
        }
    })? {
        let name = field.name().unwrap_or("").to_owned();
        if name == "validation_time" {
            if validation_time.is_some() {
                return Err(AppError::field("validation_time", "is given twice"));
            }
            let text = field.text().await.map_err(|e| {
                if e.status() == StatusCode::PAYLOAD_TOO_LARGE {
                    crate::extract::too_large()
                } else {
                    AppError::new(ErrorCode::InvalidMultipart, e.body_text())
                }
            })?;
            validation_time = Some(text);
            continue;
        }
        if name != "file" {
            return Err(AppError::field(
                &name,
                "is not a part of this form: send the PDF as the `file` part",
            ));
        }
        if file.is_some() {
            return Err(AppError::field("file", "is given twice"));
        }
        file = Some(field.bytes().await.map_err(|e| {
            if e.status() == StatusCode::PAYLOAD_TOO_LARGE {
                crate::extract::too_large()
            } else {
                AppError::new(ErrorCode::InvalidMultipart, e.body_text())
            }
        })?);
    }
    let file = file.ok_or_else(|| AppError::field("file", "is required (the PDF)"))?;
    Ok((file, validation_time))
}

/// `POST /v1/verify` as `multipart/form-data`.
pub struct VerifyParts;

impl utoipa::PartialSchema for VerifyParts {
    fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::Schema> {
        use utoipa::openapi::schema::{ObjectBuilder, SchemaType, Type};
        ObjectBuilder::new()
            .schema_type(SchemaType::new(Type::Object))
            .property("file", fields::binary("application/pdf"))
            .property(
                "validation_time",
                ObjectBuilder::new()
                    .schema_type(SchemaType::new(Type::String))
                    .format(Some(utoipa::openapi::SchemaFormat::KnownFormat(
                        utoipa::openapi::KnownFormat::DateTime,
                    )))
                    .description(Some("The time certificates are judged at; default now")),
            )
            .required("file")
            .additional_properties(Some(
                utoipa::openapi::schema::AdditionalProperties::FreeForm(false),
            ))
            .into()
    }
}

impl utoipa::ToSchema for VerifyParts {
    fn name() -> std::borrow::Cow<'static, str> {
        "VerifyParts".into()
    }
}

// ---- The signer's workflow (seed 000's API integration path) ----

/// A JSON body that may be left out: no body (or only whitespace) without a `Content-Type`
/// is `T::default()`; anything else is read as [`Json`].
pub(crate) async fn read_optional_json<T: serde::de::DeserializeOwned + Default>(
    req: Request,
    state: &AppState,
) -> AppResult<T> {
    if req.headers().get(header::CONTENT_TYPE).is_none() {
        let bytes = axum::body::to_bytes(req.into_body(), crate::extract::MAX_JSON_BYTES)
            .await
            .map_err(|_| crate::extract::too_large())?;
        if bytes.iter().all(u8::is_ascii_whitespace) {
            return Ok(T::default());
        }
        return Err(AppError::new(
            ErrorCode::UnsupportedMediaType,
            "send the body as application/json",
        ));
    }
    let Json(body) = Json::<T>::from_request(req, state).await?;
    Ok(body)
}

fn signer_id(s: &str) -> AppResult<SignerId> {
    parse_id(s, SignerId::parse, "signer")
}

fn signer_view(state: &AppState, wf: &Workflow, sid: &SignerId) -> AppResult<SignerDetailView> {
    let s = wf
        .signer(sid)
        .ok_or_else(|| AppError::not_found("signer"))?;
    Ok(SignerDetailView::new(&state.config.public_url(), wf, s))
}

error_responses!(
    /// What the routes of one signer can refuse: the document or the signer is unknown.
    SignerErrors = [DocumentNotFound, SignerNotFound]
);

error_responses!(
    /// What the approval can refuse.
    ApproveErrors = [
        DocumentNotFound, SignerNotFound, AlreadySigned, SignerBlocked, NotYourTurn,
        DocumentCompleted, DocumentExpired, DocumentClosed, InvalidTransition,
        ApprovalWindowExpired, SmsCountryNotAllowed, SignerUnreachable,
        OtpDeliveryNotConfigured, InvalidPhone, InvalidEmail, RateLimited, CodeLimitReached,
        SmsLimitReached, OtpDeliveryFailed, FieldValuesInvalid, SignatureImageInvalid,
        SignatureImageTooLarge, SignatureImageMissing, InvalidModel, InvalidJson,
        UnsupportedMediaType,
    ]
);

error_responses!(
    /// What the confirmation can refuse.
    ConfirmErrors = [
        InvalidModel, DocumentNotFound, SignerNotFound, AlreadySigned, SignerBlocked,
        NotYourTurn, DocumentCompleted, DocumentExpired, DocumentClosed,
        SignatureFlowNotInitialized, InvalidTransition, ConfirmationWindowExpired, OtpMissing,
        OtpExpired, OtpInvalid, OtpAttemptsExceeded, Conflict, StepNotPossible,
    ]
);

error_responses!(
    /// What a rejection can refuse.
    RejectErrors = [
        InvalidModel, DocumentNotFound, SignerNotFound, AlreadySigned, SignerBlocked,
        DocumentCompleted, DocumentExpired, DocumentClosed,
    ]
);

error_responses!(
    /// What a resend can refuse.
    ResendErrors = [
        DocumentNotFound, SignerNotFound, AlreadySigned, SignerBlocked, NotYourTurn,
        InvalidTransition, DocumentCompleted, DocumentExpired, DocumentClosed,
    ]
);

error_responses!(
    /// What a reminder can refuse.
    RemindErrors = [
        DocumentNotFound, SignerNotFound, AlreadySigned, NotYourTurn, InvalidTransition,
        SignerBlocked, DocumentCompleted, DocumentExpired, DocumentClosed, ReminderTooSoon,
    ]
);

error_responses!(
    /// What an unblock can refuse.
    UnblockErrors = [
        DocumentNotFound, SignerNotFound, InvalidTransition, DocumentCompleted,
        DocumentExpired, DocumentClosed,
    ]
);

error_responses!(
    /// What a selfie can refuse (a refused image is a 400 naming `image`, with seed 001's
    /// 2004, 2005 or 2026).
    SelfieErrors = [
        InvalidModel, DocumentNotFound, SignerNotFound, AlreadySigned, SignerBlocked,
        NotYourTurn, DocumentCompleted, DocumentExpired, DocumentClosed, InvalidTransition,
    ]
);

error_responses!(
    /// What a selfie's review can refuse.
    ReviewErrors = [
        InvalidModel, DocumentNotFound, SignerNotFound, AlreadySigned, SignerBlocked,
        NotYourTurn, DocumentCompleted, DocumentExpired, DocumentClosed, NoSelfie,
    ]
);

/// A signer's status, codes, deadlines, hosted-page `url` and the documents to approve with
/// their SHA-256.
#[utoipa::path(get, path = "/v1/documents/{id}/signers/{signer_id}", operation_id = "getSigner", tag = "signers",
    params(("id" = String, Path), ("signer_id" = String, Path)),
    responses((status = 200, description = "The signer", body = SignerDetailView), SignerErrors))]
pub async fn signer(
    State(state): State<AppState>,
    caller: Caller,
    IdPath((id, sid)): IdPath<(String, String)>,
) -> AppResult<Response> {
    let wf = load(&state, &caller, &id).await?;
    let sid = signer_id(&sid)?;
    Ok(json_ok(signer_view(&state, &wf, &sid)?))
}

fn approve_values() -> Object {
    utoipa::openapi::schema::ObjectBuilder::new()
        .schema_type(utoipa::openapi::schema::SchemaType::new(
            utoipa::openapi::schema::Type::Object,
        ))
        .additional_properties(Some(utoipa::openapi::schema::AdditionalProperties::FreeForm(
            true,
        )))
        .description(Some(
            "The signer's form fields by name: a string for `text`, `initials`, `email` and \
             `select` (one of its `options`), a number for `number`, a boolean for `checkbox` \
             (a required one must be `true`), a PNG or JPEG in base64 (at most 1 MB) for \
             `image`. Not for prefilled fields nor `signature`, `name` and `date`, which Signet \
             fills. Every required field the signer fills must be given.",
        ))
        .examples([serde_json::json!({"company": "Acme GmbH", "plan": "Premium", "seats": 12, "terms": true})])
        .build()
}

/// The optional body of an approval.
#[derive(Debug, Default, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ApproveRequest {
    #[schema(schema_with = approve_values)]
    pub values: Option<serde_json::Map<String, Value>>,
    /// The signer's signature picture: a PNG or JPEG in base64, at most 1 MB and 2000 pixels
    /// on a side. It is the appearance of the signer's signature (in their `signature` field,
    /// or in Signet's own block on a document without fields). Not a readable PNG or JPEG:
    /// 422 `signature_image_invalid` (87); too large: 422 `signature_image_too_large` (104);
    /// absent where the tenant requires one: 422 `signature_image_missing` (26).
    #[schema(
        content_encoding = "base64",
        example = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAAAAAA6fptVAAAACklEQVR4nGNgAAAAAgABSK+kcQAAAABJRU5ErkJggg=="
    )]
    pub signature_image: Option<String>,
}

/// Approve the documents: `confirmation_required`, and a one-time code is sent (always
/// 123456 in test mode). Within 2 hours of being asked, else 422 until a resend. An
/// `advanced` signer's code goes only to the mobile number their identification verified.
///
/// A document with form fields takes the signer's `values`; a value that does not fit its
/// field, or a required field of the signer left empty, is 422 `field_values_invalid` naming
/// each (`values.NAME`). The values go into the PDF in the signer's own revision, with their
/// signature. `signature_image` is the signer's signature picture (PNG or JPEG, base64),
/// required where the tenant says so (`PUT /v1/settings/signature_picture`). The body is
/// optional: without fields to fill and no picture, send none.
#[utoipa::path(post, path = "/v1/documents/{id}/signers/{signer_id}/approve", operation_id = "approveSigner", tag = "signers",
    params(("id" = String, Path), ("signer_id" = String, Path)),
    request_body(content = Option<ApproveRequest>, content_type = "application/json"),
    responses((status = 200, description = "The signer, the documents with their SHA-256, and where the code went", body = ApprovalView), ApproveErrors))]
pub async fn approve(
    State(state): State<AppState>,
    caller: Caller,
    meta: ClientMeta,
    IdPath((id, sid)): IdPath<(String, String)>,
    req: Request,
) -> AppResult<Response> {
    let doc = parse_id(&id, DocumentId::parse, "document")?;
    let sid = signer_id(&sid)?;
    let body = read_optional_json::<ApproveRequest>(req, &state).await?;
    let given = signers::Approval {
        values: body.values.unwrap_or_default(),
        signature_picture: body
            .signature_image
            .as_deref()
            .map(signet_app::fields::decode_signature_image)
            .transpose()?,
        new_code_only: false,
    };
    let at = caller.signer(&doc, &sid);
    let approved = signers::approve(&state, at, &caller.acting(&meta), &given).await?;
    let wf = &approved.wf;
    let s = wf
        .signer(&sid)
        .ok_or_else(|| AppError::not_found("signer"))?;
    Ok(json_ok(ApprovalView::new(
        &state.config.public_url(),
        wf,
        s,
        approved.channels,
        &approved.plan.route,
    )))
}

#[derive(Debug, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ConfirmRequest {
    /// The 6-digit one-time code (123456 in test mode); spaces around it are ignored.
    #[schema(pattern = r"^\s*[0-9]{6}\s*$")]
    pub otp: String,
}

/// Confirm the signature with the one-time code: the signature is made (`signed`), or waits
/// for the identification under review (`pending_verification`). Five wrong codes kill the
/// code (108); the third killed code blocks the signer (66) and the document.
#[utoipa::path(post, path = "/v1/documents/{id}/signers/{signer_id}/confirm", operation_id = "confirmSigner", tag = "signers",
    params(("id" = String, Path), ("signer_id" = String, Path)), request_body = ConfirmRequest,
    responses((status = 200, description = "The signer", body = SignerDetailView), ConfirmErrors))]
pub async fn confirm(
    State(state): State<AppState>,
    caller: Caller,
    meta: ClientMeta,
    IdPath((id, sid)): IdPath<(String, String)>,
    Json(body): Json<ConfirmRequest>,
) -> AppResult<Response> {
    let doc = parse_id(&id, DocumentId::parse, "document")?;
    let sid = signer_id(&sid)?;
    let at = caller.signer(&doc, &sid);
    let (wf, outcome) = signers::confirm(&state, at, &caller.acting(&meta), &body.otp).await?;
    match outcome {
        ConfirmOutcome::Accepted => Ok(json_ok(signer_view(&state, &wf, &sid)?)),
        ConfirmOutcome::WrongCode { remaining } => Err(AppError::new(
            ErrorCode::OtpInvalid,
            format!("the code is wrong; {remaining} more tries on this code"),
        )),
        ConfirmOutcome::CodeKilled => Err(AppError::new(
            ErrorCode::OtpAttemptsExceeded,
            "five wrong codes: this code no longer works; approve again for a new one (one identity validation failed)",
        )),
        ConfirmOutcome::Blocked => Err(AppError::new(
            ErrorCode::SignerBlocked,
            "the third failed identity validation blocked the signer and the document until a reviewer unblocks them",
        )),
    }
}

#[derive(Debug, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct RejectRequest {
    /// Why the signer rejects (sent in the REJECTED webhook): 1 to 2000 characters once
    /// trimmed.
    #[schema(schema_with = reject_message)]
    pub message: String,
}

fn reject_message() -> Object {
    fields::described(
        fields::text(signers::MAX_MESSAGE_CHARS),
        "Why the signer rejects (sent in the REJECTED webhook): 1 to 2000 characters once trimmed.",
    )
}

/// The signer rejects the document with a message: REJECT, then REJECTED.
#[utoipa::path(post, path = "/v1/documents/{id}/signers/{signer_id}/reject", operation_id = "rejectSigner", tag = "signers",
    params(("id" = String, Path), ("signer_id" = String, Path)), request_body = RejectRequest,
    responses((status = 200, description = "The signer", body = SignerDetailView), RejectErrors))]
pub async fn reject(
    State(state): State<AppState>,
    caller: Caller,
    meta: ClientMeta,
    IdPath((id, sid)): IdPath<(String, String)>,
    Json(body): Json<RejectRequest>,
) -> AppResult<Response> {
    let doc = parse_id(&id, DocumentId::parse, "document")?;
    let sid = signer_id(&sid)?;
    let at = caller.signer(&doc, &sid);
    let wf = signers::reject(&state, at, &caller.acting(&meta), &body.message).await?;
    Ok(json_ok(signer_view(&state, &wf, &sid)?))
}

/// Open a fresh window for a signer (seed 000's "new workflow"): the 2-hour and 24-hour
/// limits run again from now and eligibility is checked again.
#[utoipa::path(post, path = "/v1/documents/{id}/signers/{signer_id}/resend", operation_id = "resendSigner", tag = "signers",
    params(("id" = String, Path), ("signer_id" = String, Path)),
    responses((status = 200, description = "The signer", body = SignerDetailView), ResendErrors))]
pub async fn resend(
    State(state): State<AppState>,
    caller: Caller,
    meta: ClientMeta,
    IdPath((id, sid)): IdPath<(String, String)>,
) -> AppResult<Response> {
    let doc = parse_id(&id, DocumentId::parse, "document")?;
    let sid = signer_id(&sid)?;
    let wf = signers::resend(&state, caller.signer(&doc, &sid), &caller.acting(&meta)).await?;
    Ok(json_ok(signer_view(&state, &wf, &sid)?))
}

/// Remind a signer now: one whose turn it is and who has not finished, at most once an hour
/// (automatic reminders included; else 429 `reminder_too_soon` with 39 and `Retry-After`).
/// The reminder is audited and sent as `document.signer_reminded`, with the signer's page
/// `url` to send them again.
#[utoipa::path(post, path = "/v1/documents/{id}/signers/{signer_id}/remind", operation_id = "remindSigner", tag = "signers",
    params(("id" = String, Path), ("signer_id" = String, Path)),
    responses((status = 200, description = "The signer", body = SignerDetailView,
               headers(("Retry-After" = u64, description = "On 429: seconds until the next reminder may go"))), RemindErrors))]
pub async fn remind(
    State(state): State<AppState>,
    caller: Caller,
    meta: ClientMeta,
    IdPath((id, sid)): IdPath<(String, String)>,
) -> AppResult<Response> {
    let doc = parse_id(&id, DocumentId::parse, "document")?;
    let sid = signer_id(&sid)?;
    let wf = signers::remind(&state, caller.signer(&doc, &sid), &caller.acting(&meta)).await?;
    Ok(json_ok(signer_view(&state, &wf, &sid)?))
}

/// A reviewer unblocks a signer blocked after three failed identity validations.
#[utoipa::path(post, path = "/v1/documents/{id}/signers/{signer_id}/unblock", operation_id = "unblockSigner", tag = "signers",
    params(("id" = String, Path), ("signer_id" = String, Path)),
    responses((status = 200, description = "The signer", body = SignerDetailView), UnblockErrors))]
pub async fn unblock(
    State(state): State<AppState>,
    caller: Caller,
    meta: ClientMeta,
    IdPath((id, sid)): IdPath<(String, String)>,
) -> AppResult<Response> {
    let doc = parse_id(&id, DocumentId::parse, "document")?;
    let sid = signer_id(&sid)?;
    let wf = signers::unblock(&state, caller.signer(&doc, &sid), &caller.acting(&meta)).await?;
    Ok(json_ok(signer_view(&state, &wf, &sid)?))
}

#[derive(Debug, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct SelfieRequest {
    /// A JPEG or PNG, base64, at most 10 MB.
    #[schema(schema_with = selfie_image)]
    pub image: String,
}

fn selfie_image() -> Object {
    fields::described(
        fields::base64("image/*"),
        "A JPEG or PNG, base64, at most 10 MB.",
    )
}

/// Hand in a selfie (signers in `selfie_required`); a reviewer compares it with the
/// identification.
#[utoipa::path(post, path = "/v1/documents/{id}/signers/{signer_id}/selfie", operation_id = "submitSignerSelfie", tag = "signers",
    params(("id" = String, Path), ("signer_id" = String, Path)), request_body = SelfieRequest,
    responses((status = 200, description = "The signer", body = SignerDetailView), SelfieErrors))]
pub async fn selfie(
    State(state): State<AppState>,
    caller: Caller,
    meta: ClientMeta,
    IdPath((id, sid)): IdPath<(String, String)>,
    Json(body): Json<SelfieRequest>,
) -> AppResult<Response> {
    let doc = parse_id(&id, DocumentId::parse, "document")?;
    let sid = signer_id(&sid)?;
    let bytes = base64::engine::general_purpose::STANDARD
        .decode(body.image.trim())
        .map_err(|_| AppError::field("image", "must be base64").with_return_code(2004))?;
    let at = caller.signer(&doc, &sid);
    let wf = signers::submit_selfie(&state, at, &caller.acting(&meta), &bytes).await?;
    Ok(json_ok(signer_view(&state, &wf, &sid)?))
}

#[derive(Debug, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct SelfieReview {
    /// `accept` (same person as the identification) or `reject`.
    #[schema(schema_with = selfie_decision)]
    pub decision: String,
}

fn selfie_decision() -> Object {
    signet_app::views::schema::words(["accept", "reject"])
        .description(Some(
            "`accept` (same person as the identification) or `reject`.",
        ))
        .build()
}

/// A reviewer judges the selfie: `accept` opens consent; `reject` is one failed identity
/// validation (3105), the third blocks.
#[utoipa::path(post, path = "/v1/documents/{id}/signers/{signer_id}/selfie/review", operation_id = "reviewSignerSelfie", tag = "signers",
    params(("id" = String, Path), ("signer_id" = String, Path)), request_body = SelfieReview,
    responses((status = 200, description = "The signer", body = SignerDetailView), ReviewErrors))]
pub async fn review_selfie(
    State(state): State<AppState>,
    caller: Caller,
    meta: ClientMeta,
    IdPath((id, sid)): IdPath<(String, String)>,
    Json(body): Json<SelfieReview>,
) -> AppResult<Response> {
    let doc = parse_id(&id, DocumentId::parse, "document")?;
    let sid = signer_id(&sid)?;
    let accepted = match body.decision.as_str() {
        "accept" => true,
        "reject" => false,
        _ => return Err(AppError::field("decision", "must be accept or reject")),
    };
    let at = caller.signer(&doc, &sid);
    let wf = signers::review_selfie(&state, at, &caller.acting(&meta), accepted).await?;
    Ok(json_ok(signer_view(&state, &wf, &sid)?))
}
