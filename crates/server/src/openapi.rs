//! The OpenAPI 3.1 document: generated from the handlers, their request types and the
//! application layer's views, then finished here with what every route shares and utoipa cannot
//! say by itself.
//!
//! - Each handler names the error codes it can send (an [`error_responses!`] type beside it);
//!   [`finish`] adds the ones the layers in front of every handler send (401 from the key check,
//!   400/413/415 from the JSON extractor, 404 for an undecodable path, the `Idempotency-Key`
//!   refusals, 408 and 500), and renders each status as one response whose `code` is an `enum`
//!   of exactly those codes, so a client (and schemathesis) can tell an unexpected one.
//! - The webhooks (every event type, its payload and the Standard Webhooks headers) are the
//!   document's `webhooks` section.
//! - The person schema is built from the same field table that validates persons, so
//!   documentation and behaviour cannot drift apart.

use serde_json::{Map, Value, json};
use signet_app::views::{self, EVENT_TYPES};
use signet_core::catalog::ErrorCode;
use signet_core::person::{FIELDS, Kind};
use std::collections::{BTreeMap, BTreeSet};
use utoipa::openapi::schema::{ArrayBuilder, ObjectBuilder, SchemaType, Type};
use utoipa::openapi::{RefOr, Schema};
use utoipa::{PartialSchema, ToSchema};

// The schemas the handlers of the persons, identifications, sandbox and screening routes name
// are the views their answers are built from.
pub use views::{
    AttemptView as AttemptSchema, ClockView as ClockSchema, CodeView as CodeSchema,
    IdentificationView as IdentificationSchema, PersonDocumentView as PersonDocumentSchema,
    SupportedDocumentView as SupportedDocumentSchema,
};

/// A person (seed 002): every field present, `null` where unknown.
pub struct PersonSchema;

/// A person field's schema in answers; `always_set`: never `null`.
fn kind_schema(kind: Kind, always_set: bool) -> RefOr<Schema> {
    let nullable = |t: Type| {
        if always_set {
            SchemaType::new(t)
        } else {
            SchemaType::from_iter([t, Type::Null])
        }
    };
    let text =
        || ObjectBuilder::new().schema_type(SchemaType::from_iter([Type::String, Type::Null]));
    let obj = |members: Vec<(&str, ObjectBuilder)>| -> RefOr<Schema> {
        let mut b = ObjectBuilder::new().schema_type(nullable(Type::Object));
        for (m, schema) in members {
            b = b.property(m, schema).required(m);
        }
        b.into()
    };
    match kind {
        Kind::Bool => ObjectBuilder::new()
            .schema_type(nullable(Type::Boolean))
            .into(),
        Kind::Cents => ObjectBuilder::new()
            .schema_type(nullable(Type::Integer))
            .into(),
        Kind::CountryList => ArrayBuilder::new()
            .items(ObjectBuilder::new().schema_type(SchemaType::new(Type::String)))
            .into(),
        Kind::Address => obj(vec![
            ("line_1", text()),
            ("line_2", text()),
            ("postal_code", text()),
            ("city", text()),
            ("country", text()),
            ("state", text()),
        ]),
        Kind::TaxInformation => obj(vec![
            (
                "tax_assessment",
                views::schema::nullable_words(signet_core::person::TAX_ASSESSMENTS.iter().copied()),
            ),
            (
                "marital_status",
                views::schema::nullable_words(
                    signet_core::person::MARITAL_STATUSES.iter().copied(),
                ),
            ),
        ]),
        Kind::Enum(words) if always_set => views::schema::words(words.iter().copied()).into(),
        Kind::Enum(words) => views::schema::nullable_words(words.iter().copied()).into(),
        Kind::BirthDate | Kind::AmlConfirmedOn => ObjectBuilder::new()
            .schema_type(nullable(Type::String))
            .format(Some(utoipa::openapi::SchemaFormat::KnownFormat(
                utoipa::openapi::KnownFormat::Date,
            )))
            .into(),
        Kind::UtcTimestamp => ObjectBuilder::new()
            .schema_type(nullable(Type::String))
            .format(Some(utoipa::openapi::SchemaFormat::KnownFormat(
                utoipa::openapi::KnownFormat::DateTime,
            )))
            .into(),
        Kind::Name | Kind::Text(_) | Kind::Country | Kind::Phone | Kind::Email | Kind::Nace => {
            ObjectBuilder::new()
                .schema_type(nullable(Type::String))
                .into()
        }
    }
}

impl PartialSchema for PersonSchema {
    fn schema() -> RefOr<Schema> {
        let mut b = ObjectBuilder::new().schema_type(SchemaType::new(Type::Object));
        for f in FIELDS {
            let access = match f.access {
                signet_core::person::Access::Updatable => "Writable on creation and by PATCH.",
                signet_core::person::Access::CreateOnly => "Writable on creation only.",
                signet_core::person::Access::ReadOnly => "Read-only.",
            };
            let schema = match kind_schema(f.kind, f.always_set()) {
                RefOr::T(Schema::Object(mut o)) => {
                    o.description = Some(access.to_owned());
                    RefOr::T(Schema::Object(o))
                }
                other => other,
            };
            b = b.property(f.name, schema).required(f.name);
        }
        b.into()
    }
}

impl ToSchema for PersonSchema {
    fn name() -> std::borrow::Cow<'static, str> {
        "Person".into()
    }
}

/// A person's field as a request may set it, with the checks of `signet_core::person`;
/// `nullable`: `null` clears it (every field but the first and last name).
fn input_schema(kind: Kind, nullable: bool) -> RefOr<Schema> {
    use utoipa::openapi::{KnownFormat, SchemaFormat};
    let string = || ObjectBuilder::new().schema_type(SchemaType::new(Type::String));
    // One named enum for every country field: generators then make one type of it, not one
    // per field.
    let country = || RefOr::Ref(utoipa::openapi::Ref::from_schema_name("CountryCode"));
    let schema = match kind {
        Kind::Name => string()
            .min_length(Some(1))
            .max_length(Some(signet_core::validate::MAX_NAME_CHARS))
            .pattern(Some(r"^\S"))
            .description(Some(
                "Letters of any script, spaces, hyphens, apostrophes and dots; at least one letter; not starting with whitespace.",
            ))
            .build(),
        Kind::Text(max) => string().max_length(Some(max)).build(),
        Kind::Enum(words) => views::schema::words(words.iter().copied()).build(),
        Kind::Country if nullable => {
            return utoipa::openapi::schema::OneOfBuilder::new()
                .item(country())
                .item(ObjectBuilder::new().schema_type(SchemaType::new(Type::Null)))
                .into();
        }
        Kind::Country => return country(),
        Kind::CountryList => {
            return ArrayBuilder::new()
                .schema_type(SchemaType::from_iter([Type::Array, Type::Null]))
                .items(country())
                .description(Some("`null` empties the list."))
                .into();
        }
        Kind::Phone => fields::phone(),
        Kind::Email => fields::email(),
        Kind::BirthDate | Kind::AmlConfirmedOn => string()
            .format(Some(SchemaFormat::KnownFormat(KnownFormat::Date)))
            .build(),
        Kind::UtcTimestamp => fields::utc_timestamp(),
        Kind::Nace => string()
            .pattern(Some(r"^[A-U]?[0-9]{2}(\.[0-9]{1,2})?$"))
            .description(Some("A NACE Rev. 2 code such as `62`, `62.01` or `J62.01`."))
            .build(),
        Kind::Bool => ObjectBuilder::new()
            .schema_type(SchemaType::new(Type::Boolean))
            .build(),
        Kind::Cents => ObjectBuilder::new()
            .schema_type(SchemaType::new(Type::Integer))
            .minimum(Some(0))
            .build(),
        Kind::Address | Kind::TaxInformation => {
            let members: &[(&str, Kind)] = match kind {
                Kind::Address => &[
                    ("line_1", Kind::Text(255)),
                    ("line_2", Kind::Text(255)),
                    ("postal_code", Kind::Text(20)),
                    ("city", Kind::Text(255)),
                    ("country", Kind::Country),
                    ("state", Kind::Text(255)),
                ],
                _ => &[
                    (
                        "tax_assessment",
                        Kind::Enum(signet_core::person::TAX_ASSESSMENTS),
                    ),
                    (
                        "marital_status",
                        Kind::Enum(signet_core::person::MARITAL_STATUSES),
                    ),
                ],
            };
            let mut b = ObjectBuilder::new()
                .schema_type(SchemaType::new(Type::Object))
                .additional_properties(Some(utoipa::openapi::schema::AdditionalProperties::FreeForm(false)))
                .description(Some("Members given are merged into the current value."));
            for (name, member) in members {
                b = b.property(*name, input_schema(*member, true));
            }
            b.build()
        }
    };
    if nullable {
        fields::or_null(schema).into()
    } else {
        schema.into()
    }
}

fn person_input(create: bool) -> RefOr<Schema> {
    use signet_core::person::Access;
    let mut b = ObjectBuilder::new()
        .schema_type(SchemaType::new(Type::Object))
        .additional_properties(Some(
            utoipa::openapi::schema::AdditionalProperties::FreeForm(false),
        ));
    for f in FIELDS {
        let writable = match f.access {
            Access::Updatable => true,
            Access::CreateOnly => create,
            Access::ReadOnly => false,
        };
        if writable {
            let nullable = !matches!(f.name, "first_name" | "last_name");
            b = b.property(f.name, input_schema(f.kind, nullable));
        }
    }
    if create {
        b = b.required("first_name").required("last_name");
    }
    b.into()
}

/// A new person (seed 002): `first_name` and `last_name` are required; read-only and unknown
/// fields are refused.
pub struct PersonCreateSchema;

impl PartialSchema for PersonCreateSchema {
    fn schema() -> RefOr<Schema> {
        person_input(true)
    }
}

impl ToSchema for PersonCreateSchema {
    fn name() -> std::borrow::Cow<'static, str> {
        "PersonCreate".into()
    }
}

/// Changes to a person: only the fields seed 002 lists as updatable.
pub struct PersonUpdateSchema;

impl PartialSchema for PersonUpdateSchema {
    fn schema() -> RefOr<Schema> {
        person_input(false)
    }
}

impl ToSchema for PersonUpdateSchema {
    fn name() -> std::borrow::Cow<'static, str> {
        "PersonUpdate".into()
    }
}

/// Request field schemas with the limits the handlers check.
pub mod fields {
    use utoipa::openapi::schema::{Array, ArrayBuilder, Object, ObjectBuilder, SchemaType, Type};
    use utoipa::openapi::{KnownFormat, SchemaFormat};

    fn string() -> ObjectBuilder {
        ObjectBuilder::new().schema_type(SchemaType::new(Type::String))
    }

    /// 1 to `max` characters once trimmed (some non-blank character).
    pub fn text(max: usize) -> Object {
        string()
            .min_length(Some(1))
            .max_length(Some(max))
            .pattern(Some(r"\S"))
            .build()
    }

    /// `schema` with `description`.
    pub fn described(mut schema: Object, description: &str) -> Object {
        schema.description = Some(description.to_owned());
        schema
    }

    /// `schema` or `null`.
    pub fn or_null(mut schema: Object) -> Object {
        schema.schema_type = match schema.schema_type {
            SchemaType::Type(t) => SchemaType::from_iter([t, Type::Null]),
            SchemaType::Array(mut ts) => {
                ts.push(Type::Null);
                SchemaType::Array(ts)
            }
            any => any,
        };
        if let Some(values) = schema.enum_values.as_mut() {
            values.push(serde_json::Value::Null);
        }
        schema
    }

    /// An email address as `signet_core::validate::email` accepts it.
    pub fn email() -> Object {
        string()
            .max_length(Some(254))
            .pattern(Some(r"^[^\s\x22@]{1,64}@[^\s\x22@.]+(\.[^\s\x22@.]+)+$"))
            .build()
    }

    /// An E.164 number as `signet_core::validate::phone_e164` accepts it (the number must also
    /// exist in its country's plan).
    pub fn phone() -> Object {
        string().pattern(Some(r"^\+[1-9][0-9]{1,14}$")).build()
    }

    /// An RFC 3339 time in UTC (ending in `Z` or `+00:00`).
    pub fn utc_timestamp() -> Object {
        string()
            .format(Some(SchemaFormat::KnownFormat(KnownFormat::DateTime)))
            .pattern(Some(r"([Zz]|\+00:00)$"))
            .build()
    }

    /// At most `max_items` strings, each 1 to `max_chars` characters once trimmed.
    pub fn list(max_items: usize, max_chars: usize) -> Array {
        ArrayBuilder::new()
            .items(text(max_chars))
            .max_items(Some(max_items))
            .build()
    }

    /// A file of `media_type`, base64 in a JSON string.
    pub fn base64(media_type: &str) -> Object {
        string()
            .content_encoding("base64")
            .content_media_type(media_type)
            .build()
    }

    /// A file of `media_type`, as it is (a multipart part or the whole body).
    pub fn binary(media_type: &str) -> Object {
        string()
            .format(Some(SchemaFormat::KnownFormat(KnownFormat::Binary)))
            .content_media_type(media_type)
            .build()
    }
}

/// Schema components of words (for query parameters, which name a type).
macro_rules! words_schema {
    ($(#[$meta:meta])* $name:ident = $title:literal, $words:expr) => {
        $(#[$meta])*
        pub struct $name;

        impl utoipa::PartialSchema for $name {
            fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::Schema> {
                signet_app::views::schema::words($words).into()
            }
        }

        impl utoipa::ToSchema for $name {
            fn name() -> std::borrow::Cow<'static, str> {
                $title.into()
            }
        }
    };
}

words_schema!(
    /// A document's status.
    DocumentStatusWord = "DocumentStatus",
    signet_core::signing::DocumentStatus::ALL.iter().map(|s| s.as_str())
);
words_schema!(
    /// A kind of code of `GET /v1/codes`.
    CodeKindWord = "CodeKind",
    signet_core::catalog::CodeKind::ALL.iter().map(|k| k.as_str())
);
words_schema!(
    /// The root a verification judges against.
    AnchorWord = "TrustAnchor",
    ["live", "test"]
);
words_schema!(
    /// Whether a verification requires revocation data.
    RevocationWord = "RevocationPolicy",
    ["if_available", "required"]
);

/// A PDF as it is.
pub struct PdfFile;

impl PartialSchema for PdfFile {
    fn schema() -> RefOr<Schema> {
        fields::binary("application/pdf").into()
    }
}

impl ToSchema for PdfFile {
    fn name() -> std::borrow::Cow<'static, str> {
        "PdfFile".into()
    }
}

/// A ZIP archive as it is.
pub struct ZipFile;

impl PartialSchema for ZipFile {
    fn schema() -> RefOr<Schema> {
        fields::binary("application/zip").into()
    }
}

impl ToSchema for ZipFile {
    fn name() -> std::borrow::Cow<'static, str> {
        "ZipFile".into()
    }
}

/// The error codes a handler can send, as its responses: one per HTTP status, each naming
/// its codes. [`finish`] adds the codes of the layers in front of the handler and renders them.
pub fn responses_of(
    codes: &[ErrorCode],
) -> BTreeMap<String, RefOr<utoipa::openapi::response::Response>> {
    let mut by_status: BTreeMap<u16, Vec<ErrorCode>> = BTreeMap::new();
    for c in codes {
        by_status.entry(c.http_status()).or_default().push(*c);
    }
    by_status
        .into_iter()
        .map(|(status, codes)| {
            let mut r = utoipa::openapi::response::Response::new(describe(&codes));
            r.extensions = Some(
                utoipa::openapi::extensions::ExtensionsBuilder::new()
                    .add(CODES_MARK, json!(codes_of(&codes)))
                    .build(),
            );
            (status.to_string(), RefOr::T(r))
        })
        .collect()
}

/// Declares a type whose OpenAPI responses are the error codes a handler can send, for the
/// handler's `responses(...)`.
macro_rules! error_responses {
    ($(#[$meta:meta])* $name:ident = [$($code:ident),* $(,)?]) => {
        $(#[$meta])*
        pub struct $name;

        impl utoipa::IntoResponses for $name {
            fn responses() -> std::collections::BTreeMap<
                String,
                utoipa::openapi::RefOr<utoipa::openapi::response::Response>,
            > {
                $crate::openapi::responses_of(&[
                    $(signet_core::catalog::ErrorCode::$code),*
                ])
            }
        }
    };
}
pub(crate) use error_responses;

/// Where a response carries its codes until [`finish`] renders them.
const CODES_MARK: &str = "x-error-codes";

fn codes_of(codes: &[ErrorCode]) -> Vec<&'static str> {
    codes.iter().map(|c| c.as_str()).collect()
}

fn describe(codes: &[ErrorCode]) -> String {
    codes
        .iter()
        .map(|c| format!("`{}` ({})", c.as_str(), c.title()))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The response of one status whose `errors[].code` is one of `codes`.
fn error_response(codes: &[ErrorCode]) -> Value {
    let mut r = json!({
        "description": describe(codes),
        "content": {"application/json": {"schema": {
            "allOf": [{"$ref": "#/components/schemas/ErrorBody"}],
            "properties": {"errors": {"items": {"properties": {"code": {"enum": codes_of(codes)}}}}},
        }}},
    });
    if codes.contains(&ErrorCode::RateLimited) {
        r["headers"] = json!({"Retry-After": {
            "description": "With `rate_limited`: seconds until the window that refused the request ends.",
            "schema": {"type": "integer", "minimum": 1},
        }});
    }
    r
}

/// An imported view's schema and the schemas it refers to, by name.
fn view<T: ToSchema>(out: &mut Vec<(String, RefOr<Schema>)>) {
    out.push((T::name().into_owned(), T::schema()));
    T::schemas(out);
}

/// Every view, so that the components are the views the code answers with (the screening
/// routes' own schema structs carry the same names and give way to them).
fn view_schemas() -> Vec<(String, RefOr<Schema>)> {
    let mut out = Vec::new();
    view::<views::IdentificationView>(&mut out);
    view::<views::PersonDocumentView>(&mut out);
    view::<views::AttemptView>(&mut out);
    view::<views::SupportedDocumentView>(&mut out);
    view::<views::ClockView>(&mut out);
    view::<views::DocumentView>(&mut out);
    view::<views::SignerView>(&mut out);
    view::<views::SignerDetailView>(&mut out);
    view::<views::ApprovalView>(&mut out);
    view::<views::DocumentEventView>(&mut out);
    view::<views::DocumentDeletedView>(&mut out);
    view::<views::SignerRemindedView>(&mut out);
    view::<views::AuditTrailView>(&mut out);
    view::<views::VerificationView>(&mut out);
    view::<views::HitView>(&mut out);
    view::<views::ScreeningView>(&mut out);
    view::<views::ScreeningListView>(&mut out);
    view::<views::WebhookEndpointView>(&mut out);
    view::<views::DeliveryView>(&mut out);
    view::<views::ResendView>(&mut out);
    view::<views::RecoverView>(&mut out);
    view::<views::EndpointDisabledView>(&mut out);
    view::<signet_app::templates::TemplateView>(&mut out);
    view::<signet_app::templates::TemplateFieldView>(&mut out);
    view::<views::CodeView>(&mut out);
    view::<views::HealthView>(&mut out);
    view::<views::ReadyView>(&mut out);
    view::<views::UnavailableView>(&mut out);
    out.push((
        "CountryCode".into(),
        views::schema::words(signet_core::validate::COUNTRIES.iter().map(|c| c.alpha2))
            .description(Some("An ISO 3166-1 alpha-2 country code."))
            .into(),
    ));
    out.push(("Person".into(), PersonSchema::schema()));
    out.push(("PersonCreate".into(), PersonCreateSchema::schema()));
    out.push(("PersonUpdate".into(), PersonUpdateSchema::schema()));
    out
}

#[derive(utoipa::OpenApi)]
#[openapi(
    info(title = "Signet API", description = "Self-hosted regulated onboarding: identification (KYC), screening (AML) and electronic signatures. Authenticate with `Authorization: Bearer sk_test_…` or `sk_live_…`. Errors use the shape `{\"errors\":[{id,status,code,title,detail,source}]}`; each response names the codes it can carry, and `GET /v1/codes` lists every code. Events are delivered as webhooks (see `webhooks`), signed per Standard Webhooks."),
    components(schemas(signet_app::error::ErrorBody, signet_app::error::ErrorObject, signet_app::error::ErrorSource)),
    tags((name = "persons"), (name = "identifications"), (name = "sandbox"), (name = "documents"), (name = "templates"), (name = "signers"), (name = "screening"), (name = "webhooks"), (name = "codes"), (name = "trust"), (name = "operations")),
    modifiers(&Security)
)]
pub struct ApiDoc;

struct Security;

impl utoipa::Modify for Security {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme};
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "api_key",
            SecurityScheme::Http(
                HttpBuilder::new()
                    .scheme(HttpAuthScheme::Bearer)
                    .bearer_format("sk_test_… / sk_live_…")
                    .build(),
            ),
        );
        openapi.security = Some(vec![utoipa::openapi::security::SecurityRequirement::new(
            "api_key",
            Vec::<String>::new(),
        )]);
    }
}

const METHODS: [&str; 8] = [
    "get", "put", "post", "delete", "options", "head", "patch", "trace",
];

/// The operations of `doc`, as `(path, method)`.
pub fn operations(doc: &Value) -> BTreeSet<(String, String)> {
    let mut out = BTreeSet::new();
    for (path, item) in doc["paths"].as_object().into_iter().flatten() {
        for m in METHODS {
            if item.get(m).is_some() {
                out.insert((path.clone(), m.to_owned()));
            }
        }
    }
    out
}

/// The codes the layers in front of a handler can answer with, for the operation `op` at
/// `path` (`keyed`: behind the API key check).
fn shared_codes(path: &str, method: &str, op: &Value, keyed: bool) -> Vec<ErrorCode> {
    let mut codes = Vec::new();
    if keyed {
        codes.push(ErrorCode::Unauthorized);
        if method == "post" {
            // `Idempotency-Key`: malformed, in progress, reused with another body; with a key
            // the body is read whole before the handler (so may be too large).
            codes.extend([
                ErrorCode::InvalidModel,
                ErrorCode::IdempotencyKeyInProgress,
                ErrorCode::IdempotencyKeyReused,
                ErrorCode::PayloadTooLarge,
            ]);
        }
    }
    if op["requestBody"]["content"]
        .get("application/json")
        .is_some()
    {
        codes.extend([
            ErrorCode::InvalidJson,
            ErrorCode::InvalidModel,
            ErrorCode::PayloadTooLarge,
            ErrorCode::UnsupportedMediaType,
        ]);
    }
    if path.contains('{') {
        // A path segment that does not decode names nothing.
        codes.push(ErrorCode::NotFound);
    }
    if keyed && path.starts_with("/v1/persons/{") {
        // `api::retention::erased_person_is_gone`: an erased person's routes answer 410.
        codes.push(ErrorCode::PersonErased);
    }
    // Query values are read by `extract`'s parsers (pages, flags, words), which refuse one they
    // cannot read with 400 `invalid_model` naming it.
    let queried = op["parameters"]
        .as_array()
        .into_iter()
        .flatten()
        .any(|p| p["in"] == "query");
    if queried {
        codes.push(ErrorCode::InvalidModel);
    }
    codes.extend([ErrorCode::RequestTimeout, ErrorCode::InternalError]);
    codes
}

/// `page[number]` and `page[size]` as the page extractor reads them (a positive integer; a
/// page of at most 1000).
fn bound_page_parameters(op: &mut Value) {
    for p in op
        .get_mut("parameters")
        .and_then(Value::as_array_mut)
        .into_iter()
        .flatten()
    {
        let max = match p["name"].as_str() {
            Some("page[number]") => u32::MAX,
            Some("page[size]") => crate::extract::MAX_PAGE_SIZE,
            _ => continue,
        };
        p["schema"] = json!({"type": "integer", "minimum": 1, "maximum": max});
    }
}

fn idempotency_key() -> Value {
    json!({
        "name": "Idempotency-Key",
        "in": "header",
        "required": false,
        "description": "Makes the POST safe to retry: the first response is stored and a retry with the same key and body gets it back (with `Idempotent-Replayed: true`); the same key with another body is `idempotency_key_reused`, one still being processed `idempotency_key_in_progress`.",
        "schema": {"type": "string", "minLength": 1, "maxLength": 255},
    })
}

/// Renders one operation's error responses: its handler's codes and the shared ones, one
/// response per status. A response of one code is a reference to `shared` (the document's
/// `components.responses`, by code), where it is added.
fn finish_operation(
    path: &str,
    method: &str,
    op: &mut Value,
    keyed: bool,
    shared: &mut BTreeMap<String, Value>,
) {
    let common = shared_codes(path, method, op, keyed);
    bound_page_parameters(op);
    let Some(responses) = op.get_mut("responses").and_then(Value::as_object_mut) else {
        return;
    };
    let mut codes: BTreeMap<String, Vec<ErrorCode>> = BTreeMap::new();
    for (status, r) in responses.iter_mut() {
        let Some(marked) = r.get(CODES_MARK).and_then(Value::as_array) else {
            continue;
        };
        let list = codes.entry(status.clone()).or_default();
        for c in marked {
            if let Some(code) = c.as_str().and_then(|c| c.parse::<ErrorCode>().ok()) {
                list.push(code);
            }
        }
    }
    for c in common {
        let status = c.http_status().to_string();
        // A status the handler documents without naming its codes keeps its own description.
        if responses.contains_key(&status) && !codes.contains_key(&status) {
            continue;
        }
        codes.entry(status).or_default().push(c);
    }
    for (status, mut list) in codes {
        let mut seen = Vec::new();
        list.retain(|c| {
            let new = !seen.contains(c);
            seen.push(*c);
            new
        });
        let response = match list.as_slice() {
            [one] => {
                shared.insert(one.as_str().to_owned(), error_response(&list));
                json!({"$ref": format!("#/components/responses/{}", one.as_str())})
            }
            _ => error_response(&list),
        };
        responses.insert(status, response);
    }
    let sorted: Map<String, Value> = {
        let mut all: Vec<(String, Value)> = std::mem::take(responses).into_iter().collect();
        all.sort_by(|a, b| a.0.cmp(&b.0));
        all.into_iter().collect()
    };
    *responses = sorted;
    if keyed && method == "post" {
        let params = op
            .as_object_mut()
            .map(|o| o.entry("parameters").or_insert_with(|| json!([])));
        if let Some(Value::Array(params)) = params {
            params.push(idempotency_key());
        }
    }
}

/// The headers Standard Webhooks signs every delivery with.
fn webhook_headers() -> Value {
    json!([
        {"name": "webhook-id", "in": "header", "required": true,
         "description": "The event id: the same on every attempt, so a receiver can drop a repeat.",
         "schema": {"type": "string"}},
        {"name": "webhook-timestamp", "in": "header", "required": true,
         "description": "Unix seconds (wall clock) of this attempt; refuse one far from your own clock.",
         "schema": {"type": "integer"}},
        {"name": "webhook-signature", "in": "header", "required": true,
         "description": "Space-separated `v1,<base64>` HMAC-SHA256 signatures of `{webhook-id}.{webhook-timestamp}.{body}` under the endpoint's `whsec_` secret; for 24 hours after a rotation, one per secret.",
         "schema": {"type": "string", "pattern": "^v1,[A-Za-z0-9+/=]+( v1,[A-Za-z0-9+/=]+)*$"}},
    ])
}

/// `signature.status_changed` → `signatureStatusChangedEvent`: unique beside the paths'
/// operation ids, and in their camelCase.
fn event_operation_id(event: &str) -> String {
    let mut out = String::new();
    for (i, word) in event.split(['.', '_']).enumerate() {
        let mut chars = word.chars();
        if let Some(first) = chars.next() {
            if i == 0 {
                out.push(first);
            } else {
                out.extend(first.to_uppercase());
            }
            out.push_str(chars.as_str());
        }
    }
    out.push_str("Event");
    out
}

/// The document's `webhooks`: each event type as the POST Signet sends to an endpoint.
fn webhooks() -> Value {
    let mut out = Map::new();
    for e in EVENT_TYPES {
        let envelope = json!({
            "type": "object",
            "required": ["id", "type", "created_at", "data"],
            "properties": {
                "id": {"type": "string", "description": "The event id (also `webhook-id`)."},
                "type": {"type": "string", "const": e.name},
                "created_at": {"type": "string", "format": "date-time", "description": "When the event happened, on the tenant clock."},
                "data": {"$ref": format!("#/components/schemas/{}", e.payload)},
            },
        });
        out.insert(
            e.name.to_owned(),
            json!({"post": {
                "tags": ["webhooks"],
                "summary": e.name,
                "description": e.description,
                "operationId": event_operation_id(e.name),
                "parameters": webhook_headers(),
                "requestBody": {"required": true, "content": {"application/json": {"schema": envelope}}},
                "responses": {
                    "2XX": {"description": "Delivered: any 2xx ends the message's schedule."},
                    "410": {"description": "Gone: the endpoint is disabled at once and `webhook.endpoint_disabled` is raised."},
                    "default": {"description": "Anything else, or no answer in time, is tried again: after 5 s, 5 min, 30 min, 2 h, 5 h, 10 h and 10 h (±20 %, later if `Retry-After` asks, at most a day); an endpoint whose every attempt failed for five days is disabled."},
                },
                "security": [],
            }}),
        );
    }
    Value::Object(out)
}

/// `snake_case` → `PascalCase`.
fn pascal_case(name: &str) -> String {
    name.split(['_', '-', '[', ']', '.'])
        .filter(|w| !w.is_empty())
        .map(|w| {
            let mut c = w.chars();
            c.next()
                .map(|f| f.to_uppercase().chain(c).collect::<String>())
                .unwrap_or_default()
        })
        .collect()
}

/// Rewrites every nullable enum (`type: [T, "null"]` with `null` among the values) as
/// `oneOf: [{type: T, enum, title}, {type: "null"}]`, and every nullable object likewise: the
/// same values, in the shape client generators turn into one named enum or class, or none (a
/// type list makes openapi-python-client build one enum class per member type). The title is
/// the property's name, which the generators use to name the class.
fn nullable_enums_as_one_of(node: &mut Value, property: Option<&str>) {
    match node {
        Value::Object(o) => {
            let nullable = o
                .get("type")
                .and_then(Value::as_array)
                .is_some_and(|t| t.iter().any(|t| t == "null"));
            let enumerated = o
                .get("enum")
                .and_then(Value::as_array)
                .is_some_and(|e| e.contains(&Value::Null));
            if nullable && o.contains_key("properties") {
                // A nullable object: the object (named after the property) or null.
                let mut object = std::mem::take(o);
                let description = object.remove("description");
                if let Some(t) = object.get_mut("type") {
                    *t = json!("object");
                }
                if let Some(name) = property {
                    object.insert("title".into(), Value::String(pascal_case(name)));
                }
                let mut object = Value::Object(object);
                nullable_enums_as_one_of(&mut object, None);
                if let Some(d) = description {
                    o.insert("description".into(), d);
                }
                o.insert("oneOf".into(), json!([object, {"type": "null"}]));
                return;
            }
            if nullable && enumerated {
                let types: Vec<Value> = o
                    .get("type")
                    .and_then(Value::as_array)
                    .map(|t| t.iter().filter(|t| *t != "null").cloned().collect())
                    .unwrap_or_default();
                let values: Vec<Value> = o
                    .get("enum")
                    .and_then(Value::as_array)
                    .map(|e| e.iter().filter(|v| !v.is_null()).cloned().collect())
                    .unwrap_or_default();
                let mut words = Map::new();
                words.insert(
                    "type".into(),
                    match types.as_slice() {
                        [one] => one.clone(),
                        _ => Value::Array(types),
                    },
                );
                words.insert("enum".into(), Value::Array(values));
                if let Some(name) = property {
                    words.insert("title".into(), Value::String(pascal_case(name)));
                }
                o.remove("type");
                o.remove("enum");
                o.insert(
                    "oneOf".into(),
                    json!([Value::Object(words), {"type": "null"}]),
                );
                return;
            }
            for (key, child) in o.iter_mut() {
                if key == "properties" {
                    if let Value::Object(props) = child {
                        for (name, schema) in props.iter_mut() {
                            nullable_enums_as_one_of(schema, Some(name));
                        }
                    }
                } else if key == "enum" || key == "const" || key == "example" || key == "examples" {
                    continue;
                } else {
                    nullable_enums_as_one_of(
                        child,
                        property.filter(|_| key == "items" || key == "schema"),
                    );
                }
            }
        }
        Value::Array(items) => {
            for item in items {
                nullable_enums_as_one_of(item, property);
            }
        }
        _ => {}
    }
}

/// The revocation routes (`revocation.rs`: plain axum routes, since the OCSP `GET` takes the
/// rest of the path), described here. Relying parties (validators, pdfsig, pyHanko) call
/// them without a key: each issued certificate names them (CRL distribution point, AIA).
fn trust_paths() -> Vec<(&'static str, Value)> {
    let der = |media: &str, description: &str| {
        json!({"description": description, "content": {media: {"schema": {
            "type": "string", "format": "binary", "contentMediaType": media,
        }}}})
    };
    let with_codes = |mut op: Value, codes: &[ErrorCode]| {
        for (status, r) in responses_of(codes) {
            op["responses"][status] = serde_json::to_value(r).unwrap_or_default();
        }
        op
    };
    let ocsp_answer = der(
        "application/ocsp-response",
        "A DER OCSPResponse (RFC 6960) signed by Signet's delegated responder: `good`, `revoked` with its time and reason, or `unknown`; a request for a certificate of another CA is answered `unauthorized`.",
    );
    vec![
        (
            "/v1/trust/crl/{name}",
            json!({"get": with_codes(json!({
                "tags": ["trust"],
                "operationId": "getRevocationList",
                "summary": "A CA's certificate revocation list",
                "description": "The DER CRL of `live-issuing.crl`, `live-root.crl`, `test-issuing.crl` or `test-root.crl`, re-signed before its `nextUpdate` and whenever a certificate is revoked (a signer whose signature became `invalid_signature`). After the issuing CA rolled over, each generation has its own lists (`live-issuing-2.crl`, and the list the root keeps for that CA, `live-root-2.crl`), served until that CA ends.",
                "security": [],
                "parameters": [{"name": "name", "in": "path", "required": true,
                    "description": "`live-issuing.crl`, `live-root.crl`, `test-issuing.crl` or `test-root.crl`, or one of them with an issuing CA's generation (`live-issuing-2.crl`)",
                    "schema": {"type": "string"}}],
                "responses": {"200": der("application/pkix-crl", "The CRL, DER")},
            }), &[ErrorCode::NotFound])}),
        ),
        (
            "/v1/trust/ocsp",
            json!({"post": with_codes(json!({
                "tags": ["trust"],
                "operationId": "checkCertificateStatus",
                "summary": "The status of a certificate Signet issued (OCSP)",
                "description": "RFC 6960 over HTTP POST: the body is a DER OCSPRequest (at most 64 KiB).",
                "security": [],
                "requestBody": {"required": true, "content": {"application/ocsp-request": {"schema": {
                    "type": "string", "format": "binary", "contentMediaType": "application/ocsp-request",
                }}}},
                "responses": {"200": ocsp_answer.clone()},
            }), &[ErrorCode::OcspRequestMalformed])}),
        ),
        (
            "/v1/trust/ocsp/{request}",
            json!({"get": with_codes(json!({
                "tags": ["trust"],
                "operationId": "checkCertificateStatusByPath",
                "summary": "The status of a certificate Signet issued (OCSP over GET)",
                "description": "RFC 6960 appendix A.1: the path is the base64 (standard or URL-safe) of a DER OCSPRequest.",
                "security": [],
                "parameters": [{"name": "request", "in": "path", "required": true,
                    "description": "The base64 of the DER OCSPRequest",
                    "schema": {"type": "string"}}],
                "responses": {"200": ocsp_answer},
            }), &[ErrorCode::OcspRequestMalformed])}),
        ),
    ]
}

/// Every operation's examples, by operation id: the JSON request body (`request`) and the JSON
/// success answer (`response`) of a real exchange with a test-mode server, captured by
/// `scripts/capture-examples.py` and checked against their schemas by the test suite.
const EXAMPLES: &str = include_str!("openapi/examples.json");

/// A JSON body the handler takes or leaves (`request_body(content = Option<T>)`, which utoipa
/// writes as one of `null` and `T`): the body is `T`, not required. Clients then send no body
/// rather than a JSON `null`.
fn optional_body(op: &mut Value) {
    let Some(body) = op.get_mut("requestBody") else {
        return;
    };
    let Some(schema) = body.pointer_mut("/content/application~1json/schema") else {
        return;
    };
    let Some(one_of) = schema.get("oneOf").and_then(Value::as_array) else {
        return;
    };
    if let [null, inner] = one_of.as_slice()
        && null == &json!({"type": "null"})
    {
        let inner = inner.clone();
        *schema = inner;
        body["required"] = json!(false);
    }
}

/// Puts an operation's examples on its JSON request body and its JSON success answer.
fn add_examples(op: &mut Value, examples: &Value) {
    let Some(mine) = op["operationId"].as_str().and_then(|id| examples.get(id)) else {
        return;
    };
    if let (Some(request), Some(media)) = (
        mine.get("request"),
        op.pointer_mut("/requestBody/content/application~1json"),
    ) {
        media["example"] = request.clone();
    }
    let Some(response) = mine.get("response") else {
        return;
    };
    for (status, answer) in op["responses"].as_object_mut().into_iter().flatten() {
        if status.starts_with('2')
            && let Some(media) = answer.pointer_mut("/content/application~1json")
        {
            media["example"] = response.clone();
        }
    }
}

/// Finishes the generated document `doc`: the views as components, every operation's error
/// responses and examples, the `Idempotency-Key` header of keyed POSTs, and the `webhooks`
/// section.
/// `keyed` are the operations behind the API key check.
pub fn finish(doc: utoipa::openapi::OpenApi, keyed: &BTreeSet<(String, String)>) -> Value {
    let mut doc = serde_json::to_value(doc).unwrap_or_default();
    if let Some(schemas) = doc
        .pointer_mut("/components/schemas")
        .and_then(Value::as_object_mut)
    {
        for (name, schema) in view_schemas() {
            schemas.insert(name, serde_json::to_value(schema).unwrap_or_default());
        }
        // Every code an error can carry.
        if let Some(code) = schemas
            .get_mut("ErrorObject")
            .and_then(|o| o.pointer_mut("/properties/code"))
        {
            code["enum"] = json!(
                ErrorCode::ALL
                    .iter()
                    .map(|c| c.as_str())
                    .collect::<Vec<_>>()
            );
        }
        let mut sorted: Vec<(String, Value)> = std::mem::take(schemas).into_iter().collect();
        sorted.sort_by(|a, b| a.0.cmp(&b.0));
        schemas.extend(sorted);
    }
    let mut shared = BTreeMap::new();
    let examples: Value = serde_json::from_str(EXAMPLES).unwrap_or_default();
    if let Some(paths) = doc.get_mut("paths").and_then(Value::as_object_mut) {
        for (path, item) in trust_paths() {
            paths.insert(path.to_owned(), item);
        }
        for (path, item) in paths.iter_mut() {
            for m in METHODS {
                if let Some(op) = item.get_mut(m) {
                    let is_keyed = keyed.contains(&(path.clone(), m.to_owned()));
                    finish_operation(path, m, op, is_keyed, &mut shared);
                    optional_body(op);
                    add_examples(op, &examples);
                }
            }
        }
    }
    if let Some(components) = doc.get_mut("components").and_then(Value::as_object_mut) {
        components.insert("responses".into(), json!(shared));
    }
    nullable_enums_as_one_of(&mut doc, None);
    // `webhooks` right after `paths`, as the specification lists them.
    if let Value::Object(top) = doc {
        let mut out = Map::new();
        for (k, v) in top {
            let after_paths = k == "paths";
            out.insert(k, v);
            if after_paths {
                out.insert("webhooks".into(), webhooks());
            }
        }
        return Value::Object(out);
    }
    doc
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_nullable_enum_becomes_one_named_enum_or_null() {
        let mut doc = json!({"properties": {
            "employment_status": {"type": ["string", "null"], "enum": ["A", "B", null], "description": "d"},
            "level": {"type": "string", "enum": ["x"]},
            "items": {"type": "array", "items": {"type": ["string", "null"], "enum": ["y", null]}},
        }});
        nullable_enums_as_one_of(&mut doc, None);
        assert_eq!(
            doc["properties"]["employment_status"],
            json!({"description": "d", "oneOf": [
                {"type": "string", "enum": ["A", "B"], "title": "EmploymentStatus"},
                {"type": "null"},
            ]})
        );
        assert_eq!(
            doc["properties"]["level"],
            json!({"type": "string", "enum": ["x"]})
        );
        assert_eq!(
            doc["properties"]["items"]["items"]["oneOf"][0]["title"],
            "Items"
        );
        let mut address = json!({"properties": {"address": {
            "type": ["object", "null"], "description": "d",
            "properties": {"kind": {"type": ["string", "null"], "enum": ["a", null]}},
        }}});
        nullable_enums_as_one_of(&mut address, None);
        assert_eq!(
            address["properties"]["address"],
            json!({"description": "d", "oneOf": [
                {"type": "object", "title": "Address", "properties": {"kind": {"oneOf": [
                    {"type": "string", "enum": ["a"], "title": "Kind"}, {"type": "null"},
                ]}}},
                {"type": "null"},
            ]})
        );
        assert_eq!(
            event_operation_id("signature.status_changed"),
            "signatureStatusChangedEvent"
        );
    }

    #[test]
    fn a_handlers_codes_and_the_shared_ones_render_as_one_response_per_status() {
        let mut op = json!({
            "parameters": [{"name": "page[size]", "in": "query"}],
            "requestBody": {"content": {"application/json": {}}},
            "responses": {"200": {"description": "ok"}},
        });
        let mine = responses_of(&[ErrorCode::SignerBlocked, ErrorCode::RateLimited]);
        for (status, r) in mine {
            op["responses"][status] = serde_json::to_value(r).unwrap_or_default();
        }
        let mut shared = BTreeMap::new();
        finish_operation("/v1/x/{id}", "post", &mut op, true, &mut shared);
        let codes = |status: &str| {
            let mut r = &op["responses"][status];
            if let Some(name) = r["$ref"].as_str() {
                r = &shared[name.trim_start_matches("#/components/responses/")];
            }
            r["content"]["application/json"]["schema"]["properties"]["errors"]["items"]
                ["properties"]["code"]["enum"]
                .clone()
        };
        assert_eq!(
            codes("400"),
            json!(["invalid_model", "invalid_json"]),
            "the key, the body and the page share one 400"
        );
        assert_eq!(codes("401"), json!(["unauthorized"]));
        assert_eq!(codes("404"), json!(["not_found"]));
        assert_eq!(codes("409"), json!(["idempotency_key_in_progress"]));
        assert_eq!(
            codes("422"),
            json!(["signer_blocked", "idempotency_key_reused"])
        );
        assert_eq!(codes("429"), json!(["rate_limited"]));
        assert!(shared["rate_limited"]["headers"]["Retry-After"].is_object());
        assert!(op["responses"]["422"].get(CODES_MARK).is_none());
        assert_eq!(op["parameters"][1]["name"], "Idempotency-Key");
        let statuses: Vec<String> = op["responses"]
            .as_object()
            .map(|o| o.keys().cloned().collect())
            .unwrap_or_default();
        assert_eq!(
            statuses,
            [
                "200", "400", "401", "404", "408", "409", "413", "415", "422", "429", "500"
            ]
        );
    }
}
