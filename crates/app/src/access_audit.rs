//! A person's access trail: who saw their data in the back office (the person's record,
//! the review of their identification and its images, a signer's selfie) and who exported
//! it (GDPR Art. 15 and 32: an operator can show who had access to what, and when).
//!
//! One hash chain per person, kept apart from the documents' trails (`audit.rs`): a view
//! takes no document lock and never changes a signed file's trail or its certificate of
//! completion. The hash covers the previous hash and the entry's canonical JSON, as a
//! document's does, so an edited or removed entry shows (`first_broken`). Two views of one
//! person at once queue on the person's row (on SQLite the single writer orders them);
//! should two still meet on one sequence number, the primary key refuses the second, which
//! chains again onto the first.

use crate::audit::Actor;
use crate::error::{AppError, AppResult};
use crate::scope::KeyAt;
use crate::state::AppState;
use serde_json::{Value, json};
use sha2::{Digest, Sha256};
use signet_core::ids::{PersonId, TenantId};
use signet_store::{Mode, PERSON_AUDIT_RACE, PersonAuditRow, QueuedSigner, StoreError};

/// An operator opened the person's record.
pub const PERSON_VIEWED: &str = "person.viewed";
/// An operator opened the review of one of the person's identifications (their data, the
/// machine-readable zone).
pub const IDENTIFICATION_VIEWED: &str = "identification.viewed";
/// An operator fetched an image of an identification (`details.kind`: front, back, selfie).
pub const IDENTIFICATION_IMAGE_VIEWED: &str = "identification.image_viewed";
/// An operator fetched the selfie a signer of the person took.
pub const SIGNER_SELFIE_VIEWED: &str = "signer.selfie_viewed";
/// The person's data was exported (`GET /v1/persons/{id}/export`).
pub const PERSON_EXPORTED: &str = "person.exported";

/// How often an entry that lost its place to a concurrent one is chained again.
const RACE_RETRIES: usize = 8;

/// The chain hash of an entry (its `hash` field is not part of it).
pub fn hash(row: &PersonAuditRow) -> String {
    let canonical = json!([
        row.seq,
        signet_core::time::to_millis(&row.at),
        row.action,
        row.actor,
        row.ip,
        row.user_agent,
        row.details,
    ]);
    hex::encode(
        Sha256::new()
            .chain_update(row.prev_hash.as_bytes())
            .chain_update(canonical.to_string().as_bytes())
            .finalize(),
    )
}

/// Checks a whole trail, oldest first: every entry chains onto the one before and hashes
/// to what it says. Returns the sequence number of the first broken entry.
pub fn first_broken(rows: &[PersonAuditRow]) -> Option<i64> {
    let mut prev = String::new();
    for (i, row) in rows.iter().enumerate() {
        if row.seq != i as i64 + 1 || row.prev_hash != prev || hash(row) != row.hash {
            return Some(row.seq);
        }
        prev = row.hash.clone();
    }
    None
}

/// Appends an entry to `person`'s access trail on the tenant's clock, in a transaction of
/// its own, and returns it as stored. The person need not exist any more (the trail
/// outlives an erasure); callers record a view only once they found what was viewed.
pub async fn record(
    state: &AppState,
    at: KeyAt<'_>,
    person: &PersonId,
    actor: &Actor,
    action: &str,
    details: Value,
) -> AppResult<PersonAuditRow> {
    let now = signet_core::time::to_storage_precision(at.now(state));
    for _ in 0..RACE_RETRIES {
        let mut tx = state.store.begin().await?;
        // Entries of a person queue on the person's row (views take no other lock, so
        // this orders against nothing); an erased person's entries race and retry.
        state
            .store
            .lock_person_row(&mut tx, &at.tenant.id, at.mode, person)
            .await?;
        let (seq, prev) = state
            .store
            .person_audit_head(&mut tx, person)
            .await?
            .unwrap_or((0, String::new()));
        let mut row = PersonAuditRow {
            seq: seq + 1,
            at: now,
            action: action.to_owned(),
            actor: actor.actor.clone(),
            ip: actor.ip.clone(),
            user_agent: actor.user_agent.clone(),
            details: details.clone(),
            prev_hash: prev,
            hash: String::new(),
        };
        row.hash = hash(&row);
        match state
            .store
            .insert_person_audit(&mut tx, &at.tenant.id, at.mode, person, &row)
            .await
        {
            Ok(()) => {}
            // Dropping the transaction rolls it back; the next round reads the new head.
            Err(StoreError::Conflict(what)) if what == PERSON_AUDIT_RACE => continue,
            Err(e) => return Err(e.into()),
        }
        tx.commit().await.map_err(StoreError::from)?;
        return Ok(row);
    }
    Err(AppError::internal(&format!(
        "the access trail of person {} kept moving: {RACE_RETRIES} entries raced this one",
        person.as_str()
    )))
}

/// [`record`] for a person known by their tenant's id (the back office reads across
/// tenants): the tenant is read for its clock.
pub async fn record_at(
    state: &AppState,
    tenant: &TenantId,
    mode: Mode,
    person: &PersonId,
    actor: &Actor,
    action: &str,
    details: Value,
) -> AppResult<PersonAuditRow> {
    let tenant = state.store.tenant(tenant).await?;
    record(
        state,
        KeyAt {
            tenant: &tenant,
            mode,
        },
        person,
        actor,
        action,
        details,
    )
    .await
}

/// An operator fetched a signer's selfie: on the person's access trail when the signer is
/// a person's, else on the document's own trail (the only record of that signer), chained
/// there under the document's lock like any signer action.
pub async fn record_selfie_view(
    state: &AppState,
    q: &QueuedSigner,
    actor: &Actor,
) -> AppResult<()> {
    let details = json!({
        "document_id": q.document.id.as_str(),
        "signer_id": q.signer.id.as_str(),
    });
    if let Some(person) = &q.signer.person_id {
        record_at(
            state,
            &q.tenant_id,
            q.mode,
            person,
            actor,
            SIGNER_SELFIE_VIEWED,
            details,
        )
        .await?;
        return Ok(());
    }
    let tenant = state.store.tenant(&q.tenant_id).await?;
    let now = tenant.now(q.mode, state.wall_now());
    let mut tx = state.store.begin().await?;
    let (wf, _) = state
        .store
        .workflow_for_update(&mut tx, &q.tenant_id, &q.document.id)
        .await?;
    crate::audit::append(
        state,
        &mut tx,
        &wf.document,
        actor,
        SIGNER_SELFIE_VIEWED,
        Some(&q.signer.id),
        json!({}),
        now,
    )
    .await?;
    tx.commit().await.map_err(StoreError::from)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(seq: i64, prev: &str, action: &str) -> PersonAuditRow {
        let mut row = PersonAuditRow {
            seq,
            at: signet_core::time::from_millis(1_700_000_000_000 + seq),
            action: action.into(),
            actor: "operator:a@example.com".into(),
            ip: Some("192.0.2.1".into()),
            user_agent: None,
            details: json!({"kind": "front"}),
            prev_hash: prev.into(),
            hash: String::new(),
        };
        row.hash = hash(&row);
        row
    }

    fn trail() -> Vec<PersonAuditRow> {
        let a = entry(1, "", PERSON_VIEWED);
        let b = entry(2, &a.hash, IDENTIFICATION_IMAGE_VIEWED);
        let c = entry(3, &b.hash, PERSON_EXPORTED);
        vec![a, b, c]
    }

    #[test]
    fn an_intact_trail_verifies() {
        assert_eq!(first_broken(&trail()), None);
    }

    #[test]
    fn an_edited_removed_or_reordered_entry_is_found() {
        let mut edited = trail();
        edited[1].details = json!({"kind": "selfie"});
        assert_eq!(first_broken(&edited), Some(2));

        let mut removed = trail();
        removed.remove(1);
        assert_eq!(first_broken(&removed), Some(3));

        let mut other_actor = trail();
        other_actor[0].actor = "operator:b@example.com".into();
        assert_eq!(first_broken(&other_actor), Some(1));
    }
}
