//! Identifications (seed 002), their attempts (seed 003), the files kept for a person and the
//! sandbox's clock.

use super::schema::{catalogue, nullable_address, nullable_words, words};
use serde::Serialize;
use serde_json::Value;
use signet_core::catalog::{AttemptResponseCode, CodeKind};
use signet_core::identification::create::{LANGUAGES, PROOF_OF_ADDRESS_TYPES};
use signet_core::identification::{ALL_STATUSES, Attempt, Identification, Method};
use signet_core::time::{Timestamp, format};
use utoipa::ToSchema;
use utoipa::openapi::schema::ObjectBuilder;

/// Every identification method. A new one must be added here: [`method_word`] stops compiling
/// until it is.
const METHODS: [Method; 2] = [Method::Idnow, Method::Document];

fn method_word(m: Method) -> &'static str {
    match m {
        Method::Idnow | Method::Document => m.as_str(),
    }
}

fn identification_status() -> ObjectBuilder {
    words(ALL_STATUSES.iter().map(|s| s.as_str()))
}

fn identification_method() -> ObjectBuilder {
    words(METHODS.iter().map(|m| method_word(*m)))
}

fn language() -> ObjectBuilder {
    nullable_words(LANGUAGES.iter().copied())
}

fn proof_of_address_type() -> ObjectBuilder {
    nullable_words(PROOF_OF_ADDRESS_TYPES.iter().copied())
}

fn failure_reason() -> ObjectBuilder {
    nullable_words(catalogue(CodeKind::IdentificationReason)).description(Some(
        "A reason of seed 002's table (`GET /v1/codes?kind=identification_reason`).",
    ))
}

fn attempt_status() -> ObjectBuilder {
    words(catalogue(CodeKind::AttemptStatus))
}

fn attempt_response_code() -> ObjectBuilder {
    nullable_words(catalogue(CodeKind::AttemptResponseCode)).description(Some(
        "A code of the catalogue's `attempt_response_code` kind, once known.",
    ))
}

fn check_status() -> ObjectBuilder {
    nullable_words(AttemptResponseCode::CHECK_STATUSES.iter().copied()).description(Some(
        "The check status (seed 003) the response code leads to: `declined` (document issue, \
         copy issue, identity fraud, suspicious behaviour), `retry_required` (user engagement, \
         technical, capture issues, internal error: start a new attempt), `refused` (the \
         applicant refused) or `approved`; `null` while no code is known and for \
         `attempt_closed`. The same as the code's `status` in `GET /v1/codes`.",
    ))
}

fn person_document_type() -> ObjectBuilder {
    words(catalogue(CodeKind::PersonDocumentType)).description(Some(
        "Seed 002's document type (`GET /v1/codes?kind=person_document_type`).",
    ))
}

fn address() -> ObjectBuilder {
    nullable_address().description(Some(
        "The person's address as it stood when the identification was read.",
    ))
}

fn opt_time(t: &Option<Timestamp>) -> Option<String> {
    t.as_ref().map(format)
}

/// An identification (seed 002): every field present, `null` where unknown.
#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
#[schema(as = Identification)]
pub struct IdentificationView {
    pub id: String,
    #[schema(required)]
    pub reference: Option<String>,
    /// The hosted page the applicant opens; valid 14 days from the request.
    #[schema(required)]
    pub url: Option<String>,
    #[schema(schema_with = identification_status)]
    pub status: &'static str,
    #[schema(required, format = DateTime)]
    pub completed_at: Option<String>,
    /// `idnow` (video identification) or `document` (Signet's own, decided by a reviewer).
    #[schema(schema_with = identification_method)]
    pub method: &'static str,
    #[schema(required, schema_with = proof_of_address_type)]
    pub proof_of_address_type: Option<String>,
    #[schema(required, format = Date)]
    pub proof_of_address_issued_at: Option<String>,
    #[schema(required, schema_with = language)]
    pub language: Option<String>,
    #[schema(required)]
    pub iban: Option<String>,
    #[schema(required, format = DateTime)]
    pub terms_and_conditions_signed_at: Option<String>,
    #[schema(required, format = DateTime)]
    pub authorization_expires_at: Option<String>,
    #[schema(required, format = DateTime)]
    pub confirmation_expires_at: Option<String>,
    /// Seconds; while `pending`.
    #[schema(required)]
    pub estimated_waiting_time: Option<u32>,
    pub person_id: String,
    #[schema(required, schema_with = failure_reason)]
    pub failure_reason: Option<String>,
    #[schema(required, format = DateTime)]
    pub url_expires_at: Option<String>,
    #[schema(format = DateTime)]
    pub created_at: String,
    #[schema(format = DateTime)]
    pub updated_at: String,
    /// Only with `include_documents=true`.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(schema_with = address)]
    pub address: Option<Value>,
    /// Only with `include_documents=true`: the files collected during the identification.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub documents: Option<Vec<PersonDocumentView>>,
}

impl IdentificationView {
    pub fn new(i: &Identification) -> IdentificationView {
        IdentificationView {
            id: i.id.as_str().to_owned(),
            reference: i.reference.clone(),
            url: i.url.clone(),
            status: i.status.as_str(),
            completed_at: opt_time(&i.completed_at),
            method: method_word(i.method),
            proof_of_address_type: i.proof_of_address_type.clone(),
            proof_of_address_issued_at: i.proof_of_address_issued_at.map(|d| d.to_string()),
            language: i.language.clone(),
            iban: i.iban.clone(),
            terms_and_conditions_signed_at: opt_time(&i.terms_and_conditions_signed_at),
            authorization_expires_at: opt_time(&i.authorization_expires_at),
            confirmation_expires_at: opt_time(&i.confirmation_expires_at),
            estimated_waiting_time: i.estimated_waiting_time,
            person_id: i.person_id.as_str().to_owned(),
            failure_reason: i.failure_reason.clone(),
            url_expires_at: opt_time(&i.url_expires_at),
            created_at: format(&i.created_at),
            updated_at: format(&i.updated_at),
            address: None,
            documents: None,
        }
    }

    /// With the person's address (`null` if none) and the files collected during it, as
    /// `include_documents=true` shows it.
    pub fn with_documents(
        mut self,
        address: Option<Value>,
        documents: Vec<PersonDocumentView>,
    ) -> IdentificationView {
        self.address = Some(address.unwrap_or(Value::Null));
        self.documents = Some(documents);
        self
    }
}

/// A file kept for a person: a KYC report, an ID image, a signed contract.
#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
#[schema(as = PersonDocument)]
pub struct PersonDocumentView {
    pub id: String,
    pub name: String,
    pub content_type: String,
    #[schema(schema_with = person_document_type)]
    pub document_type: String,
    pub size: i64,
    pub sha256: String,
    #[schema(required)]
    pub identification_id: Option<String>,
    #[schema(format = DateTime)]
    pub created_at: String,
}

impl PersonDocumentView {
    pub fn new(d: &signet_store::PersonDocumentRow) -> PersonDocumentView {
        PersonDocumentView {
            id: d.id.as_str().to_owned(),
            name: d.name.clone(),
            content_type: d.content_type.clone(),
            document_type: d.document_type.clone(),
            size: d.size,
            sha256: d.sha256.clone(),
            identification_id: d.identification_id.as_ref().map(|i| i.as_str().to_owned()),
            created_at: format(&d.created_at),
        }
    }
}

/// One try of an identification (seed 003).
#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
#[schema(as = Attempt)]
pub struct AttemptView {
    pub id: String,
    pub identification_id: String,
    #[schema(schema_with = attempt_status)]
    pub status: &'static str,
    #[schema(required, schema_with = attempt_response_code)]
    pub response_code: Option<String>,
    #[schema(required, schema_with = check_status)]
    pub check_status: Option<&'static str>,
    #[schema(format = DateTime)]
    pub created_at: String,
    #[schema(format = DateTime)]
    pub updated_at: String,
}

impl AttemptView {
    pub fn new(a: &Attempt) -> AttemptView {
        AttemptView {
            id: a.id.as_str().to_owned(),
            identification_id: a.identification_id.as_str().to_owned(),
            status: a.status.as_str(),
            response_code: a.response_code.clone(),
            check_status: a
                .response_code
                .as_deref()
                .and_then(|c| AttemptResponseCode::parse(c).ok())
                .and_then(|c| c.check_status()),
            created_at: format(&a.created_at),
            updated_at: format(&a.updated_at),
        }
    }
}

fn supported_document_type() -> ObjectBuilder {
    words(SUPPORTED_DOCUMENT_TYPES.iter().copied())
}

/// The ID documents the applicant's page accepts.
pub const SUPPORTED_DOCUMENT_TYPES: &[&str] = &["PASSPORT", "IDCARD"];

/// An ID document an applicant may use, with its issuing countries.
#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
#[schema(as = SupportedDocument)]
pub struct SupportedDocumentView {
    #[schema(schema_with = supported_document_type)]
    pub r#type: &'static str,
    /// ISO 3166-1 alpha-2 codes.
    pub issuing_countries: Vec<&'static str>,
}

impl SupportedDocumentView {
    /// Passports of every country, ID cards of the countries that issue machine-readable ones.
    pub fn all() -> Vec<SupportedDocumentView> {
        vec![
            SupportedDocumentView {
                r#type: "PASSPORT",
                issuing_countries: signet_core::validate::COUNTRIES
                    .iter()
                    .map(|c| c.alpha2)
                    .collect(),
            },
            SupportedDocumentView {
                r#type: "IDCARD",
                issuing_countries: signet_core::identification::ID_CARD_COUNTRIES.to_vec(),
            },
        ]
    }
}

/// The tenant's test clock.
#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
#[schema(as = Clock)]
pub struct ClockView {
    /// The tenant's time: the wall clock plus the offset.
    #[schema(format = DateTime)]
    pub now: String,
    /// How far the test clock runs ahead of the wall clock.
    pub offset_seconds: i64,
}

impl ClockView {
    pub fn new(now: Timestamp, offset_ms: i64) -> ClockView {
        ClockView {
            now: format(&now),
            offset_seconds: offset_ms / 1000,
        }
    }
}
