//! Where the signing service finds the outbox's `emit` (now in `events.rs`).

/// Events are written by the events module; the signing service still finds `emit` here.
pub use crate::events::emit;
