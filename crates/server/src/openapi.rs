//! The OpenAPI 3.1 document, generated from the handlers and their types.
//! The person schema is built from the same field table that validates
//! persons, so documentation and behaviour cannot drift apart.

use serde::Serialize;
use signet_core::person::{FIELDS, Kind};
use utoipa::openapi::schema::{ArrayBuilder, ObjectBuilder, SchemaType, Type};
use utoipa::openapi::{RefOr, Schema};
use utoipa::{PartialSchema, ToSchema};

/// A person (seed 002): every field present, `null` where unknown.
pub struct PersonSchema;

fn kind_schema(kind: Kind) -> RefOr<Schema> {
    let nullable = |t: Type| SchemaType::from_iter([t, Type::Null]);
    let obj = |members: &[&str]| -> RefOr<Schema> {
        let mut b = ObjectBuilder::new().schema_type(nullable(Type::Object));
        for m in members {
            b = b.property(*m, ObjectBuilder::new().schema_type(nullable(Type::String)));
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
        Kind::Address => obj(&[
            "line_1",
            "line_2",
            "postal_code",
            "city",
            "country",
            "state",
        ]),
        Kind::TaxInformation => obj(&["tax_assessment", "marital_status"]),
        Kind::Enum(words) => ObjectBuilder::new()
            .schema_type(nullable(Type::String))
            .enum_values(Some(words.iter().copied()))
            .into(),
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
            let schema = match kind_schema(f.kind) {
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

/// An identification (seed 002).
#[allow(dead_code)]
#[derive(Serialize, ToSchema)]
#[schema(as = Identification)]
pub struct IdentificationSchema {
    id: String,
    reference: Option<String>,
    /// The hosted page the applicant opens; valid 14 days.
    url: Option<String>,
    /// created, pending, pending_successful, pending_failed, successful, aborted, canceled, failed
    status: String,
    completed_at: Option<String>,
    /// `idnow` (video identification) or `document` (Signet's own, decided by a reviewer)
    method: String,
    proof_of_address_type: Option<String>,
    proof_of_address_issued_at: Option<String>,
    language: Option<String>,
    iban: Option<String>,
    terms_and_conditions_signed_at: Option<String>,
    authorization_expires_at: Option<String>,
    confirmation_expires_at: Option<String>,
    estimated_waiting_time: Option<u32>,
    person_id: String,
    /// A reason of seed 002's table (see `GET /v1/codes?kind=identification_reason`).
    failure_reason: Option<String>,
    url_expires_at: Option<String>,
    created_at: String,
    updated_at: String,
    /// Only with `include_documents=true`.
    documents: Option<Vec<PersonDocumentSchema>>,
}

/// A file kept for a person.
#[allow(dead_code)]
#[derive(Serialize, ToSchema)]
#[schema(as = PersonDocument)]
pub struct PersonDocumentSchema {
    id: String,
    name: String,
    content_type: String,
    /// Seed 002's document_type enum.
    document_type: String,
    size: i64,
    sha256: String,
    identification_id: Option<String>,
    created_at: String,
}

/// An attempt (seed 003).
#[allow(dead_code)]
#[derive(Serialize, ToSchema)]
#[schema(as = Attempt)]
pub struct AttemptSchema {
    id: String,
    identification_id: String,
    status: String,
    response_code: Option<String>,
    created_at: String,
    updated_at: String,
}

#[allow(dead_code)]
#[derive(Serialize, ToSchema)]
#[schema(as = SupportedDocument)]
pub struct SupportedDocumentSchema {
    r#type: String,
    issuing_countries: Vec<String>,
}

#[allow(dead_code)]
#[derive(Serialize, ToSchema)]
#[schema(as = Clock)]
pub struct ClockSchema {
    now: String,
    offset_seconds: i64,
}

#[allow(dead_code)]
#[derive(Serialize, ToSchema)]
#[schema(as = Code)]
pub struct CodeSchema {
    code: String,
    kind: String,
    description: String,
    action: Option<String>,
    category: Option<String>,
    status: Option<String>,
    retryable: Option<bool>,
    permanent: Option<bool>,
    caused_by_user: Option<bool>,
    return_code: Option<u32>,
}

/// Event types and their payloads, documented as webhooks.
pub const EVENT_TYPES: &[(&str, &str)] = &[
    (
        "person.created",
        "A person was created; `data` is the person.",
    ),
    ("person.updated", "A person changed; `data` is the person."),
    (
        "identification.status_changed",
        "Seed 002's IDENTIFICATION: `data` is the identification.",
    ),
    (
        "signature.status_changed",
        "Seed 000: a signature's status changed; `data` is the signature.",
    ),
    (
        "document.created",
        "A document to sign was created; `data` is the document.",
    ),
    (
        "document.signer_signed",
        "A signer signed (NOTIFICATION); `data` is the document with its signers.",
    ),
    (
        "document.signer_rejected",
        "A signer rejected (REJECT); `data` is the document with its signers.",
    ),
    (
        "document.rejected",
        "The document was rejected (REJECTED); `data` is the document.",
    ),
    (
        "document.blocked",
        "A signer was blocked (too many wrong codes); `data` is the document.",
    ),
    (
        "document.expired",
        "The document expired before every signer signed; `data` is the document.",
    ),
    (
        "document.finished",
        "Every signer signed; `data` is the document with the signed file.",
    ),
    (
        "screening.completed",
        "A sanctions screening finished; `data` is the screening.",
    ),
    (
        "screening.hit_created",
        "A screening found a possible match; `data` is the hit.",
    ),
    (
        "screening.hit_decided",
        "A hit was confirmed or dismissed; `data` is the hit.",
    ),
    (
        "webhook.endpoint_disabled",
        "A webhook endpoint was disabled (a `410` answer or five days of failures); `data` is `{id, url, status, disabled_reason, last_error}`.",
    ),
];

#[derive(utoipa::OpenApi)]
#[openapi(
    info(title = "Signet API", description = "Self-hosted regulated onboarding: identification (KYC), screening (AML) and electronic signatures. Authenticate with `Authorization: Bearer sk_test_…` or `sk_live_…`. Errors use the shape `{\"errors\":[{id,status,code,title,detail,source}]}`; `GET /v1/codes` lists every code."),
    components(schemas(signet_app::error::ErrorBody, signet_app::error::ErrorObject, signet_app::error::ErrorSource)),
    tags((name = "persons"), (name = "identifications"), (name = "sandbox"), (name = "webhooks"), (name = "codes"), (name = "operations")),
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
        let mut ext = utoipa::openapi::extensions::Extensions::default();
        ext.merge(
            utoipa::openapi::extensions::ExtensionsBuilder::new()
                .add(
                    "x-signet-event-types",
                    serde_json::Value::Array(
                        EVENT_TYPES
                            .iter()
                            .map(|(t, d)| serde_json::json!({"type": t, "description": d}))
                            .collect(),
                    ),
                )
                .build(),
        );
        openapi.extensions = Some(ext);
    }
}
