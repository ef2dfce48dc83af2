//! A document's audit trail as a hash chain: each entry's hash covers the one before and the
//! entry's canonical JSON, so an edited or removed entry shows. Shared by the signing
//! workflow, the signer actions and the jobs that change a finished file (archive
//! timestamps), none of which may depend on the others for it.

use crate::error::AppResult;
use crate::state::AppState;
use serde_json::json;
use sha2::{Digest, Sha256};
use signet_core::ids::SignerId;
use signet_core::signing::Document;
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

/// Who did something, for the audit trail.
#[derive(Debug, Clone)]
pub struct Actor {
    pub actor: String,
    pub ip: Option<String>,
    pub user_agent: Option<String>,
}

impl Actor {
    pub fn system() -> Actor {
        Actor {
            actor: "system".into(),
            ip: None,
            user_agent: None,
        }
    }
}

/// An entry with its place in the chain: `hash` = SHA-256 over the previous hash and the
/// entry's canonical JSON (keys in a fixed order, times in milliseconds).
#[allow(clippy::too_many_arguments)]
pub fn row(
    seq: i64,
    prev: &str,
    at: Timestamp,
    action: &str,
    actor: &Actor,
    signer: Option<&SignerId>,
    sha: &str,
    details: serde_json::Value,
) -> AuditRow {
    let mut row = AuditRow {
        seq,
        at: signet_core::time::to_storage_precision(at),
        action: action.to_owned(),
        actor: actor.actor.clone(),
        signer_id: signer.map(|s| s.as_str().to_owned()),
        ip: actor.ip.clone(),
        user_agent: actor.user_agent.clone(),
        document_sha256: sha.to_owned(),
        details,
        prev_hash: prev.to_owned(),
        hash: String::new(),
    };
    row.hash = hash(&row);
    row
}

/// Appends one entry to `document`'s trail, chained onto the last, in `tx` (where the
/// document is locked); the entry names the file as it stands.
#[allow(clippy::too_many_arguments)]
pub async fn append(
    state: &AppState,
    tx: &mut Tx,
    document: &Document,
    actor: &Actor,
    action: &str,
    signer: Option<&SignerId>,
    details: serde_json::Value,
    now: Timestamp,
) -> AppResult<AuditRow> {
    let (seq, prev) = state
        .store
        .audit_head(tx, &document.id)
        .await?
        .unwrap_or((0, String::new()));
    let row = row(
        seq + 1,
        &prev,
        now,
        action,
        actor,
        signer,
        &document.current_sha256,
        details,
    );
    state.store.insert_audit(tx, &document.id, &row).await?;
    Ok(row)
}
