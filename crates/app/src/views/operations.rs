//! Health, readiness and the published catalogue of codes.

use super::schema::words;
use serde::Serialize;
use signet_core::catalog::{CodeEntry, CodeKind};
use signet_store::Backend;
use utoipa::ToSchema;
use utoipa::openapi::schema::ObjectBuilder;

fn ok() -> ObjectBuilder {
    words(["ok"])
}

fn ready() -> ObjectBuilder {
    words(["ready"])
}

fn unavailable() -> ObjectBuilder {
    words(["unavailable"])
}

/// Every backend. A new one must be added here: [`backend_word`] stops compiling until it is.
const BACKENDS: [Backend; 2] = [Backend::Sqlite, Backend::Postgres];

fn backend_word(b: Backend) -> &'static str {
    match b {
        Backend::Sqlite | Backend::Postgres => b.as_str(),
    }
}

fn database() -> ObjectBuilder {
    words(BACKENDS.iter().map(|b| backend_word(*b)))
}

/// The process answers.
#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
#[schema(as = Health)]
pub struct HealthView {
    #[schema(schema_with = ok)]
    pub status: &'static str,
}

impl HealthView {
    pub const OK: HealthView = HealthView { status: "ok" };
}

/// The database answers.
#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
#[schema(as = Ready)]
pub struct ReadyView {
    #[schema(schema_with = ready)]
    pub status: &'static str,
    #[schema(schema_with = database)]
    pub database: &'static str,
}

impl ReadyView {
    pub fn new(backend: Backend) -> ReadyView {
        ReadyView {
            status: "ready",
            database: backend_word(backend),
        }
    }
}

/// The database does not answer.
#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
#[schema(as = Unavailable)]
pub struct UnavailableView {
    #[schema(schema_with = unavailable)]
    pub status: &'static str,
}

impl UnavailableView {
    pub const NOW: UnavailableView = UnavailableView {
        status: "unavailable",
    };
}

fn code_kind() -> ObjectBuilder {
    words(CodeKind::ALL.iter().map(|k| k.as_str()))
}

/// One published code: a status, status code, reason, response code, return code or API
/// error code. Fields that do not apply to its kind are `null`.
#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
#[schema(as = Code)]
pub struct CodeView {
    /// The stable string: `TECH_TIMEOUT`, `6008`, `66`, `invalid_model`.
    pub code: &'static str,
    /// Which list the code belongs to.
    #[schema(schema_with = code_kind)]
    pub kind: &'static str,
    /// What it means, in the source's words.
    pub description: &'static str,
    /// What the integrator should do, where the source says.
    #[schema(required)]
    pub action: Option<&'static str>,
    /// The source's grouping (reason categories, response-code categories).
    #[schema(required)]
    pub category: Option<&'static str>,
    /// For signature status codes: the status they accompany. For document webhook words: the
    /// document status. For attempt response codes: the check status (seed 003) they lead to,
    /// `approved`, `declined`, `retry_required` or `refused` (`null` for `attempt_closed`).
    /// For error codes: the HTTP status sent.
    #[schema(required)]
    pub status: Option<&'static str>,
    /// Whether trying again (a new workflow, attempt or request) can succeed.
    #[schema(required)]
    pub retryable: Option<bool>,
    /// For identification reasons: whether a retry cannot solve the failure.
    #[schema(required)]
    pub permanent: Option<bool>,
    /// For identification reasons: whether the user caused it (`null` where the source says
    /// "-").
    #[schema(required)]
    pub caused_by_user: Option<bool>,
    /// Seed 001's numeric return code: the code itself for return codes, the matching one for
    /// error codes that have one.
    #[schema(required)]
    pub return_code: Option<u32>,
}

impl CodeView {
    pub fn new(e: &CodeEntry) -> CodeView {
        CodeView {
            code: e.code,
            kind: e.kind.as_str(),
            description: e.description,
            action: e.action,
            category: e.category,
            status: e.status,
            retryable: e.retryable,
            permanent: e.permanent,
            caused_by_user: e.caused_by_user,
            return_code: e.return_code,
        }
    }
}
