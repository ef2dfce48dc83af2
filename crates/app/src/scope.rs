//! Where an API key acts: its tenant, in its mode. A key never reaches another tenant's
//! resources, nor its own tenant's of the other mode (those answer 404).

use crate::state::AppState;
use signet_core::time::Timestamp;
use signet_store::{Mode, Tenant};

/// A tenant's resources as an API key reaches them: those of the key's mode.
#[derive(Debug, Clone, Copy)]
pub struct KeyAt<'a> {
    pub tenant: &'a Tenant,
    pub mode: Mode,
}

impl KeyAt<'_> {
    /// The tenant's clock in the key's mode.
    pub fn now(&self, state: &AppState) -> Timestamp {
        self.tenant.now(self.mode, state.wall_now())
    }
}
