//! Signers re-assessed when their person's facts change: an identification that ends, a
//! screening outcome, a hit decision. The reactions to the follow-ups of those changes
//! (`followups.rs`), each run in a transaction of its own after the change commits.

use super::{Actor, apply, eligibility};
use crate::error::AppResult;
use crate::events::{SIGNERS_AT_WORK, SIGNERS_AWAITING_IDENTIFICATION};
use crate::state::AppState;
use signet_core::ids::{PersonId, TenantId};
use signet_core::signing::Effects;
use signet_core::time::Timestamp;
use signet_store::{Mode, Tx};

/// An identification ended: signers of this person waiting in `pending_verification` are
/// signed (successful) or get `invalid_signature` 3311 (failed).
#[allow(clippy::too_many_arguments)]
pub async fn on_identification_final(
    state: &AppState,
    tx: &mut Tx,
    tenant: &TenantId,
    clock_offset_ms: i64,
    mode: Mode,
    person: &PersonId,
    successful: bool,
    now: Timestamp,
) -> AppResult<()> {
    let docs = state
        .store
        .documents_with_signer_of(tx, tenant, person, SIGNERS_AWAITING_IDENTIFICATION)
        .await?;
    for id in docs {
        let (mut wf, doc_mode) = state.store.workflow_for_update(tx, tenant, &id).await?;
        if doc_mode != mode {
            continue;
        }
        // Each call signs at most one waiting signer of the person; repeat until none waits.
        loop {
            let fx = wf.identification_resolved(person, successful, now);
            if fx == Effects::default() {
                break;
            }
            apply(
                state,
                tx,
                tenant,
                clock_offset_ms,
                mode,
                &mut wf,
                fx,
                &Actor::system(),
                now,
            )
            .await?;
        }
    }
    Ok(())
}

/// A person's screening outcome changed: their signers at work on `advanced` documents are
/// assessed again (140 for an open hit, 4110 for a confirmed one). Called in a transaction
/// that holds the person's lock; document locks come after it.
pub async fn on_person_changed(
    state: &AppState,
    tx: &mut Tx,
    tenant: &TenantId,
    mode: Mode,
    person: &PersonId,
    now: Timestamp,
) -> AppResult<()> {
    let docs = state
        .store
        .documents_with_signer_of(tx, tenant, person, SIGNERS_AT_WORK)
        .await?;
    if docs.is_empty() {
        return Ok(());
    }
    let offset = state.store.tenant_in_tx(tx, tenant).await?.clock_offset_ms;
    for id in docs {
        let (mut wf, doc_mode) = state.store.workflow_for_update(tx, tenant, &id).await?;
        let Some(signer) = wf
            .signers
            .iter()
            .find(|s| s.person_id.as_ref() == Some(person))
            .cloned()
        else {
            continue;
        };
        if doc_mode != mode {
            continue;
        }
        let facts = eligibility(state, tx, tenant, mode, &signer, now).await?;
        let fx = wf.reassess_person(person, &facts, now);
        if fx != Effects::default() {
            apply(
                state,
                tx,
                tenant,
                offset,
                mode,
                &mut wf,
                fx,
                &Actor::system(),
                now,
            )
            .await?;
        }
    }
    Ok(())
}
