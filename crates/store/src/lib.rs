//! Signet's storage: one interface over SQLite (the embedded default) and
//! PostgreSQL (scale-out), chosen by the database URL's scheme.
//!
//! Queries are written once and run through sqlx's `Any` driver; the few
//! statements that differ between the two (DDL, row locks, `SKIP LOCKED`)
//! go through [`Backend`]. Values are stored in the types both backends share
//! (TEXT, BIGINT, bytes), times as Unix milliseconds and documents as JSON
//! text, so a row reads back identically from either.
//!
//! SQLite runs with a single writer connection (writes are serialised in
//! process, so transactions never fail on lock upgrades) and a small pool of
//! readers; PostgreSQL uses one pool and row locks.

mod backoffice;
pub mod backup;
mod blobs;
mod certificates;
mod db;
mod documents;
mod envelope;
mod events;
mod fields;
mod idempotency;
mod identifications;
mod jobs;
pub mod keyring;
mod limits;
mod maintenance;
mod operators;
mod person_audit;
mod persons;
pub mod retention;
mod s3;
mod screening;
mod sealed;
mod templates;
mod tenants;
mod webhooks;
mod writer;

pub use backoffice::{BackofficeDocument, BackofficeMessage, DeliveryState};
pub use blobs::{BlobInfo, BlobPages, BlobStore};
pub use certificates::IssuedCertificate;
pub use db::{Backend, SqliteSync, Store};
pub use documents::{AuditRow, DOCUMENT_NUMBER_TAKEN, JOB_DOCUMENT_REMINDER, Tombstone};
pub use envelope::is_encrypted;
pub use events::{EventRow, NewEvent};
pub use fields::StoredField;
pub use idempotency::IdempotencyBegin;
pub use identifications::QueuedIdentification;
pub use jobs::{ClaimedJob, DeadJob, JobSpec};
pub use keyring::{KeyOwner, Keyring};
pub use limits::RateCounter;
pub use maintenance::{restrict_dir, restrict_file};
pub use operators::{OperatorRow, OperatorSession, QueuedSigner, ThrottleRule};
pub use person_audit::{PERSON_AUDIT_RACE, PersonAuditRow};
pub use persons::PersonDocumentRow;
pub use s3::{S3Client, S3Config};
pub use screening::{
    QueuedHit, ScreeningEntryRow, ScreeningHitRow, ScreeningListRow, ScreeningRow,
};
pub use sealed::{Sealer, token_digest};
pub use templates::{QueuedTemplate, TEMPLATE_NAME_TAKEN, TemplateRow};
pub use tenants::{ApiKeyRow, Mode, Tenant, TenantLimits};
pub use webhooks::{
    ALL_EVENT_TYPES, ClaimedMessage, DeliveryAttemptRow, MessageSettlement, Resend,
    WebhookEndpointRow, WebhookMessageRow,
};
pub use writer::Tx;

/// Storage failures. Callers map `NotFound` and `Conflict` to client errors;
/// everything else is an internal error.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("not found")]
    NotFound,
    #[error("conflict: {0}")]
    Conflict(String),
    #[error("database: {0}")]
    Database(#[from] sqlx::Error),
    #[error("stored data is corrupt: {0}")]
    Corrupt(String),
    #[error("blob storage: {0}")]
    Io(#[from] std::io::Error),
    #[error("unsupported database URL {0:?}: use sqlite://… or postgres://…")]
    UnsupportedUrl(String),
}

impl StoreError {
    /// Unique-constraint violations become conflicts (one place decides).
    pub(crate) fn on_constraint(e: sqlx::Error, what: &str) -> StoreError {
        if let sqlx::Error::Database(db) = &e
            && db.is_unique_violation()
        {
            return StoreError::Conflict(what.to_owned());
        }
        StoreError::Database(e)
    }
}

impl From<serde_json::Error> for StoreError {
    fn from(e: serde_json::Error) -> Self {
        StoreError::Corrupt(e.to_string())
    }
}

pub type Result<T, E = StoreError> = std::result::Result<T, E>;
