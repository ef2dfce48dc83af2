//! What a change causes besides itself, both made durable in the change's own transaction so
//! that a commit makes the change and its consequences true together:
//!
//! - the outbox event for integrators ([`emit`]: a row in `events`, and one webhook message
//!   per subscribed endpoint);
//! - the follow-ups Signet itself reacts to ([`FollowUp`]), which a use case returns as
//!   values and `followups.rs` writes as jobs and runs after the commit.
//!
//! Everything that changes something comes through here; this module depends on nothing
//! that does.

use crate::error::AppResult;
use crate::state::{AppState, random16};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use signet_core::ids::{EventId, IdentificationId, PersonId, TenantId};
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
    // The fan-out to the subscribed webhook endpoints is written with the event, so every
    // resource that writes its events here is delivered with no code of its own.
    let messages = state
        .store
        .insert_event(
            tx,
            &id,
            tenant,
            mode,
            event_type,
            now,
            &data,
            state.wall_now(),
        )
        .await?;
    wake_deliveries(state, messages);
    Ok(())
}

/// Wakes the webhook delivery worker when an event was fanned out to `messages` endpoints.
pub fn wake_deliveries(state: &AppState, messages: u64) {
    if messages > 0 {
        state.webhooks_ready.notify_one();
    }
}

/// The job kind of a follow-up is this prefix and its [`FollowUp::name`].
pub const FOLLOW_UP_JOB_PREFIX: &str = "follow_up.";

/// Something a committed change caused that Signet reacts to in a transaction of its own,
/// named for what happened (what reacts is `followups.rs`'s business). Stored as a job's
/// payload, so the names and fields are kept stable.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "follow_up", rename_all = "snake_case")]
pub enum FollowUp {
    /// A person's screened fields (names, birth date, nationality) changed through an
    /// identification (the sandbox's CHANGEALL), not through the person's own update, which
    /// screens at once.
    PersonRenamed { person_id: PersonId },
    /// What a person's signers are judged by changed: a screening's outcome, a hit decision,
    /// an identification's status.
    PersonChanged { person_id: PersonId },
    /// An identification ended, successful or failed, or left review without success
    /// (canceled, aborted).
    IdentificationFinal {
        identification_id: IdentificationId,
        person_id: PersonId,
        successful: bool,
        /// A successful identification confirmed other personal data than the person had
        /// (the sandbox's CHANGEALLREVIEW). Absent in follow-ups stored before it existed.
        #[serde(default)]
        identity_changed: bool,
    },
}

impl FollowUp {
    /// The follow-up's name: its payload's `follow_up` tag, and its job kind after
    /// `follow_up.`.
    pub fn name(&self) -> &'static str {
        match self {
            FollowUp::PersonRenamed { .. } => "person_renamed",
            FollowUp::PersonChanged { .. } => "person_changed",
            FollowUp::IdentificationFinal { .. } => "identification_final",
        }
    }

    /// The person it is about.
    pub fn person_id(&self) -> &PersonId {
        match self {
            FollowUp::PersonRenamed { person_id }
            | FollowUp::PersonChanged { person_id }
            | FollowUp::IdentificationFinal { person_id, .. } => person_id,
        }
    }

    /// The statuses of the person's signers that the reaction to it can move; `None` when
    /// it reacts whatever the signers (a screening). With none of the person's signers in
    /// one of these, it has nothing to do.
    pub fn moves_signers_in(&self) -> Option<&'static [&'static str]> {
        match self {
            FollowUp::PersonRenamed { .. } => None,
            FollowUp::PersonChanged { .. } => Some(SIGNERS_AT_WORK),
            FollowUp::IdentificationFinal { .. } => Some(SIGNERS_AWAITING_IDENTIFICATION),
        }
    }
}

/// Statuses of signers that a change of their person's facts can move: what
/// [`FollowUp::PersonChanged`] re-assesses.
pub const SIGNERS_AT_WORK: &[&str] = &[
    "user_consent_required",
    "confirmation_required",
    "selfie_required",
    "kyc_required",
    "pending",
];

/// The status of signers who confirmed while their person's identification was under
/// review: what [`FollowUp::IdentificationFinal`] signs, or fails with 3311.
pub const SIGNERS_AWAITING_IDENTIFICATION: &[&str] = &["pending_verification"];

/// The follow-ups one change caused, in the order it caused them; one that is already there
/// is not added again (running it twice in a row would find nothing new).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FollowUps(Vec<FollowUp>);

impl FollowUps {
    pub fn push(&mut self, f: FollowUp) {
        if !self.0.contains(&f) {
            self.0.push(f);
        }
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn iter(&self) -> std::slice::Iter<'_, FollowUp> {
        self.0.iter()
    }
}

impl IntoIterator for FollowUps {
    type Item = FollowUp;
    type IntoIter = std::vec::IntoIter<FollowUp>;

    fn into_iter(self) -> Self::IntoIter {
        self.0.into_iter()
    }
}
