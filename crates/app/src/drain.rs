//! Waiting at shutdown for the background work in flight: the job workers, the webhook
//! deliveries and their recording, and the sweep each hold a share while they work.

use std::time::Duration;

/// Waits at shutdown for the background work in flight: each task holds a [`Busy`] share
/// while it works, and the drain ends when every share is dropped (or the grace runs out).
pub struct Drain {
    busy: Busy,
    all_done: tokio::sync::mpsc::Receiver<()>,
}

/// A task's share in a [`Drain`]; clones count separately.
#[derive(Clone)]
pub struct Busy(#[allow(dead_code)] tokio::sync::mpsc::Sender<()>);

impl Default for Drain {
    fn default() -> Drain {
        // Nothing is ever sent: the channel closes when the last sender (share) is dropped.
        let (tx, all_done) = tokio::sync::mpsc::channel(1);
        Drain {
            busy: Busy(tx),
            all_done,
        }
    }
}

impl Drain {
    /// A share for a task about to start.
    pub fn busy(&self) -> Busy {
        self.busy.clone()
    }

    /// Waits until every share is dropped, at most `grace`; `false` when work was still
    /// running then (its leases run out and another process, or the next start, takes it).
    pub async fn wait(self, grace: Duration) -> bool {
        let Drain { busy, mut all_done } = self;
        drop(busy);
        tokio::time::timeout(grace, all_done.recv()).await.is_ok()
    }
}
