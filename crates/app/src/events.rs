//! What a change announces, written in the change's own transaction: the outbox event for
//! integrators (a row in `events`, and one webhook message per subscribed endpoint), so that
//! a commit makes the change and its announcement true together. Everything that changes
//! something comes through here; this module depends on nothing that does.

use crate::error::AppResult;
use crate::state::{AppState, random16};
use serde_json::Value;
use signet_core::ids::{EventId, TenantId};
use signet_core::time::Timestamp;
use signet_store::{Mode, Tx};

/// Writes an event to the outbox inside the caller's transaction, with one webhook message
/// per endpoint subscribed to it.
pub async fn emit(
    state: &AppState,
    tx: &mut Tx,
    tenant: &TenantId,
    mode: Mode,
    event_type: &str,
    data: Value,
    now: Timestamp,
) -> AppResult<()> {
    let id = EventId::from_random(random16());
    state
        .store
        .insert_event(tx, &id, tenant, mode, event_type, now, &data)
        .await?;
    // Fan-out to the subscribed webhook endpoints in the same transaction, so every resource
    // that writes its events here is delivered with no code of its own.
    let messages = state
        .store
        .fan_out_event(tx, &id, tenant, mode, event_type, now, state.wall_now())
        .await?;
    if messages > 0 {
        state.webhooks_ready.notify_one();
    }
    Ok(())
}
