//! Signers re-assessed when their person's facts change: an identification that ends, a
//! screening outcome, a hit decision. The reactions to the follow-ups of those changes
//! (`followups.rs`), each run in a transaction of its own after the change commits.

use super::{Actor, apply, eligibility};
use crate::error::AppResult;
use crate::events::{SIGNERS_AT_WORK, SIGNERS_AWAITING_IDENTIFICATION};
use crate::state::AppState;
use signet_core::catalog::ErrorCode;
use signet_core::ids::{PersonId, TenantId};
use signet_core::signing::{Effects, IdentificationOutcome};
use signet_core::time::Timestamp;
use signet_store::{Mode, Tenant, Tx};

/// An identification ended: signers of this person waiting in `pending_verification` are
/// signed (successful with their data) or get `invalid_signature` 3311 (otherwise). Each document is handled in
/// transactions of its own through [`super::store`], so the signatures are made with no lock
/// held; the follow-up that calls this commits its own row afterwards. A crash in between
/// leaves the follow-up to run again, and it finds nobody waiting.
pub async fn resolve_waiting_signers(
    state: &AppState,
    tenant: &Tenant,
    mode: Mode,
    person: &PersonId,
    outcome: IdentificationOutcome,
) -> AppResult<()> {
    let docs = {
        let mut tx = state.store.begin().await?;
        state
            .store
            .documents_with_signer_of(&mut tx, &tenant.id, person, SIGNERS_AWAITING_IDENTIFICATION)
            .await?
    };
    for id in docs {
        let mut races = 0;
        // Each transition signs at most one waiting signer of the person; repeat until none
        // waits.
        loop {
            let (tx, stored) = match super::lock_document(state, tenant, mode, &id).await {
                Ok(locked) => locked,
                // Another mode's document of the same person, or gone.
                Err(e) if e.code == ErrorCode::DocumentNotFound => break,
                Err(e) => return Err(e),
            };
            let now = tenant.now(mode, state.wall_now());
            let mut wf = stored.clone();
            let fx = wf.identification_resolved(person, outcome, now);
            if fx == Effects::default() {
                break;
            }
            let actor = Actor::system();
            let stored_now =
                super::store(state, tenant, mode, tx, &stored, wf, fx, &actor, now).await?;
            if stored_now.is_none() {
                races += 1;
                if races >= super::SIGNING_ATTEMPTS {
                    return Err(super::kept_changing());
                }
            }
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
