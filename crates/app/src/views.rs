//! The JSON of each resource as the API, the webhooks and the pages show it: one function
//! per resource, so an API response and the event about the same change say the same thing.

use crate::state::AppState;
use serde_json::{Value, json};
use signet_core::identification::Identification;
use signet_core::ids::{DocumentId, PersonId};
use signet_core::signing::{DocumentEvent, Signer, SignerStatus, Workflow};
use signet_core::time::{Timestamp, format, from_millis};
use signet_store::{ScreeningHitRow, ScreeningRow};

/// The identification as the API shows it (seed 002's fields).
pub fn identification_json(i: &Identification) -> Value {
    use signet_core::time::format;
    json!({
        "id": i.id.as_str(),
        "reference": i.reference,
        "url": i.url,
        "status": i.status.as_str(),
        "completed_at": i.completed_at.as_ref().map(format),
        "method": i.method.as_str(),
        "proof_of_address_type": i.proof_of_address_type,
        "proof_of_address_issued_at": i.proof_of_address_issued_at.map(|d| d.to_string()),
        "language": i.language,
        "iban": i.iban,
        "terms_and_conditions_signed_at": i.terms_and_conditions_signed_at.as_ref().map(format),
        "authorization_expires_at": i.authorization_expires_at.as_ref().map(format),
        "confirmation_expires_at": i.confirmation_expires_at.as_ref().map(format),
        "estimated_waiting_time": i.estimated_waiting_time,
        "person_id": i.person_id.as_str(),
        "failure_reason": i.failure_reason,
        "url_expires_at": i.url_expires_at.as_ref().map(format),
        "created_at": format(&i.created_at),
        "updated_at": format(&i.updated_at),
    })
}

/// The hosted page of a signer.
pub fn signer_url(state: &AppState, s: &Signer) -> String {
    format!("{}/sign/{}", state.config.public_url(), s.token)
}

pub fn file_url(state: &AppState, id: &DocumentId) -> String {
    format!(
        "{}/v1/documents/{}/file",
        state.config.public_url(),
        id.as_str()
    )
}

/// A signer as the API shows it.
pub fn signer_json(state: &AppState, wf: &Workflow, s: &Signer) -> Value {
    let f = |t: &Option<Timestamp>| t.as_ref().map(format);
    json!({
        "id": s.id.as_str(),
        "document_id": wf.document.id.as_str(),
        "position": s.position,
        "name": s.name,
        "email": s.email,
        "phone": s.phone,
        "person_id": s.person_id.as_ref().map(PersonId::as_str),
        "status": s.status.as_str(),
        "status_codes": s.status_codes,
        "url": signer_url(state, s),
        "asked_at": f(&s.asked_at),
        "approve_by": f(&s.approve_by),
        "approved_at": f(&s.approved_at),
        "confirm_by": f(&s.confirm_by),
        "expires_at": s.asked_at.map(|t| format(&(t + signet_core::signing::WORKFLOW_TIMEOUT))),
        "signed_at": f(&s.signed_at),
        "rejected_at": f(&s.rejected_at),
        "message": s.message,
        "certificate_subject": s.certificate_subject,
        "failed_validations": s.failed_validations,
        "selfie": s.selfie.as_ref().map(|x| json!({
            "submitted_at": format(&x.submitted_at),
            "sha256": x.sha256,
            "accepted": x.accepted,
            "reviewed_at": f(&x.reviewed_at),
        })),
        "created_at": format(&s.created_at),
        "updated_at": format(&s.updated_at),
    })
}

/// A document as the API shows it.
pub fn document_json(state: &AppState, wf: &Workflow) -> Value {
    let d = &wf.document;
    json!({
        "id": d.id.as_str(),
        "name": d.name,
        "status": d.status.as_str(),
        "signature_level": d.level.as_str(),
        "signing_order": d.order.as_str(),
        "expires_at": d.expires_at.as_ref().map(format),
        "tags": d.tags,
        "custom": d.custom,
        "pages": d.pages,
        "size": d.size,
        "sha256": d.original_sha256,
        "current_sha256": d.current_sha256,
        "signatures": wf.signers.iter().filter(|s| s.status == SignerStatus::Signed).count(),
        "message": d.message,
        "file_url": file_url(state, &d.id),
        "signers": wf.signers.iter().map(|s| signer_json(state, wf, s)).collect::<Vec<_>>(),
        "created_at": format(&d.created_at),
        "updated_at": format(&d.updated_at),
        "finished_at": d.finished_at.as_ref().map(format),
    })
}

/// Seed 004's payload: `code`, `name`, `status` (its word), `url`, and `signer`, `message`,
/// `tags`, `custom` where they apply.
pub fn document_event_json(state: &AppState, wf: &Workflow, event: &DocumentEvent) -> Value {
    let d = &wf.document;
    let mut v = json!({
        "code": d.id.as_str(),
        "name": d.name,
        "status": event.word(),
        "url": file_url(state, &d.id),
        "tags": d.tags,
        "custom": d.custom,
    });
    if let Some(s) = event.signer().and_then(|sid| wf.signer(sid)) {
        v["signer"] = json!({
            "id": s.id.as_str(),
            "name": s.name,
            "email": s.email,
            "phone": s.phone,
        });
        match event {
            DocumentEvent::Rejected(_) => v["message"] = json!(s.message),
            DocumentEvent::Blocked(_) => v["message"] = json!(d.message),
            _ => {}
        }
    }
    v
}

/// A hit as the API shows it.
pub fn hit_json(h: &ScreeningHitRow) -> Value {
    let explanation: Value = serde_json::from_str(&h.explanation).unwrap_or(Value::Null);
    json!({
        "id": h.id.as_str(),
        "person_id": h.person_id.as_str(),
        "list": h.list_id,
        "entry_id": h.entry_id,
        "name": h.name,
        "matched_name": h.matched_name,
        "score": h.score,
        "explanation": explanation,
        "status": h.status,
        "decided_by": h.decided_by,
        "note": h.note,
        "decided_at": h.decided_at.map(|t| format(&from_millis(t))),
        "created_at": format(&from_millis(h.created_at)),
        "topics": h.topics,
        "datasets": h.datasets,
    })
}

/// A stored screening as the API shows it.
pub fn screening_json(row: &ScreeningRow) -> Value {
    let mut out = json!({
        "id": row.id.as_str(),
        "person_id": row.person_id.as_str(),
        "created_at": format(&from_millis(row.created_at)),
    });
    if let (Some(o), Ok(Value::Object(outcome))) = (
        out.as_object_mut(),
        serde_json::from_str::<Value>(&row.outcome),
    ) {
        o.extend(outcome);
    }
    out
}
