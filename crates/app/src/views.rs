//! The JSON of each resource and webhook payload: one struct per shape, `Serialize` for the
//! wire and `utoipa::ToSchema` for `/openapi.json`, each built by one constructor from the
//! domain's values. The API answers with them, the webhooks carry them as `data`, and the
//! document describes them, so an answer, the event about the same change and the schema
//! cannot say different things.
//!
//! Strings whose values are known (statuses, kinds, words) are `enum`s in the schema, read from
//! the tables the code sends them from; fields that are always sent are required, `null` where
//! unknown; fields sent only sometimes are left out rather than `null`.

mod documents;
mod identifications;
mod operations;
pub mod schema;
mod screening;
mod webhooks;

pub use documents::{
    ApprovalView, AuditEntryView, AuditTrailView, DocumentDeletedView, DocumentEventSignerView,
    DocumentEventView, DocumentToApproveView, DocumentView, FieldAreaView, FieldView,
    OtpDestinationView, OtpView, RemindersView, SelfieView, SignatureCheckView, SignerDetailView,
    SignerRemindedView, SignerView, VerificationView,
};
pub use identifications::{
    AttemptView, ClockView, IdentificationView, PersonDocumentView, SUPPORTED_DOCUMENT_TYPES,
    SupportedDocumentView,
};
pub use operations::{CodeView, HealthView, ReadyView, UnavailableView};
pub use screening::{
    AdjustmentView, EvidenceView, ExplanationView, HitView, ScreeningListView,
    ScreeningOutcomeView, ScreeningView, TokenMatchView,
};
pub use webhooks::{
    DELIVERY_OUTCOMES, DeliveryView, EVENT_TYPES, EndpointDisabledView, EventType, RecoverView,
    ResendView, WebhookEndpointView,
};

use crate::state::AppState;
use serde::Serialize;
use serde_json::{Value, json};
use signet_core::identification::Identification;
use signet_core::ids::DocumentId;
use signet_core::signing::{DocumentEvent, Signer, Workflow};
use signet_core::time::{format, from_millis};
use signet_store::{ScreeningHitRow, ScreeningRow};

/// A view as a JSON value, for the event log. Serialising these structs cannot fail (string
/// keys, no maps with other keys); should it, the event says `null` and the log says why.
pub fn to_json<T: Serialize>(view: &T) -> Value {
    serde_json::to_value(view).unwrap_or_else(|e| {
        tracing::error!(error = %e, "a view could not be serialised");
        Value::Null
    })
}

/// The hosted page of a signer.
pub fn signer_url(state: &AppState, s: &Signer) -> String {
    signer_link(&state.config.public_url(), &s.token)
}

/// The PDF of a document as signed so far.
pub fn file_url(state: &AppState, id: &DocumentId) -> String {
    file_link(&state.config.public_url(), id)
}

/// The hosted page of the signer whose link token is `token`, under the public URL `base`.
pub fn signer_link(base: &str, token: &str) -> String {
    format!("{base}/sign/{token}")
}

/// A document's file under the public URL `base`.
pub fn file_link(base: &str, id: &DocumentId) -> String {
    format!("{base}/v1/documents/{}/file", id.as_str())
}

/// The identification as the API and `identification.status_changed` show it.
pub fn identification_json(i: &Identification) -> Value {
    to_json(&IdentificationView::new(i))
}

/// A signer as the API and `signature.status_changed` show it.
pub fn signer_json(state: &AppState, wf: &Workflow, s: &Signer) -> Value {
    to_json(&SignerView::new(&state.config.public_url(), wf, s))
}

/// A document as the API shows it.
pub fn document_json(state: &AppState, wf: &Workflow) -> Value {
    to_json(&DocumentView::new(&state.config.public_url(), wf))
}

/// Seed 004's payload of a document event.
pub fn document_event_json(state: &AppState, wf: &Workflow, event: &DocumentEvent) -> Value {
    to_json(&DocumentEventView::new(
        &state.config.public_url(),
        wf,
        event,
    ))
}

/// A hit as the API and the `screening.hit_*` events show it.
pub fn hit_json(h: &ScreeningHitRow) -> Value {
    to_json(&HitView::new(h))
}

/// A stored screening as the API and `screening.completed` show it. An outcome that is not
/// one a screening writes (none is known) shows the screening's id, person and time alone.
pub fn screening_json(row: &ScreeningRow) -> Value {
    match ScreeningView::new(row) {
        Some(view) => to_json(&view),
        None => json!({
            "id": row.id.as_str(),
            "person_id": row.person_id.as_str(),
            "created_at": format(&from_millis(row.created_at)),
        }),
    }
}

#[cfg(test)]
mod tests;
