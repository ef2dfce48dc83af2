//! A document's audit trail as a hash chain: each entry's hash covers the one before and the
//! entry's canonical JSON, so an edited or removed entry shows. Shared by the signing
//! workflow, the signer actions and the jobs that change a finished file (archive
//! timestamps), none of which may depend on the others for it.

use crate::error::AppResult;
use crate::state::AppState;
use serde_json::json;
use sha2::{Digest, Sha256};
use signet_core::signing::Workflow;
use signet_core::time::Timestamp;
use signet_store::{AuditRow, Tx};

/// The chain hash of an entry (its `hash` field is not part of it).
pub fn hash(row: &AuditRow) -> String {
    let canonical = json!([
        row.seq,
        signet_core::time::to_millis(&row.at),
        row.action,
        row.actor,
        row.signer_id,
        row.ip,
        row.user_agent,
        row.document_sha256,
        row.details,
    ]);
    hex::encode(
        Sha256::new()
            .chain_update(row.prev_hash.as_bytes())
            .chain_update(canonical.to_string().as_bytes())
            .finalize(),
    )
}

/// Checks a whole trail: every entry chains onto the one before and hashes to what it says.
/// Returns the sequence number of the first broken entry.
pub fn first_broken(rows: &[AuditRow]) -> Option<i64> {
    let mut prev = String::new();
    for (i, row) in rows.iter().enumerate() {
        if row.seq != i as i64 + 1 || row.prev_hash != prev || hash(row) != row.hash {
            return Some(row.seq);
        }
        prev = row.hash.clone();
    }
    None
}

/// Appends an entry of Signet's own (actor `system`, no signer) to the trail of `wf`'s
/// document, chained onto the last, in `tx` (where the document is locked).
pub async fn append_system(
    state: &AppState,
    tx: &mut Tx,
    wf: &Workflow,
    action: &str,
    details: serde_json::Value,
    now: Timestamp,
) -> AppResult<AuditRow> {
    let d = &wf.document;
    let (seq, prev) = state
        .store
        .audit_head(tx, &d.id)
        .await?
        .unwrap_or((0, String::new()));
    let mut row = AuditRow {
        seq: seq + 1,
        at: signet_core::time::to_storage_precision(now),
        action: action.to_owned(),
        actor: "system".to_owned(),
        signer_id: None,
        ip: None,
        user_agent: None,
        document_sha256: d.current_sha256.clone(),
        details,
        prev_hash: prev,
        hash: String::new(),
    };
    row.hash = hash(&row);
    state.store.insert_audit(tx, &d.id, &row).await?;
    Ok(row)
}
