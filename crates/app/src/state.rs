//! The shared state every handler and worker sees.

use crate::config::Config;
use crate::metrics::Metrics;
use signet_core::time::Timestamp;
use signet_store::{BlobStore, Store};
use std::sync::Arc;

pub use crate::random::{fill_random, random16};
use tokio::sync::Notify;

/// The wall clock, injectable so tests can pin it.
pub trait WallClock: Send + Sync {
    fn now(&self) -> Timestamp;
}

/// The real clock.
pub struct SystemClock;

impl WallClock for SystemClock {
    fn now(&self) -> Timestamp {
        #[allow(clippy::disallowed_methods)] // the one place wall time is read
        chrono::Utc::now()
    }
}

/// What every request and worker shares. Axum clones the state for every request, so it is
/// one reference count to clone ([`AppParts`] holds the parts).
#[derive(Clone)]
pub struct AppState(Arc<AppParts>);

impl AppState {
    pub fn new(parts: AppParts) -> AppState {
        AppState(Arc::new(parts))
    }
}

impl std::ops::Deref for AppState {
    type Target = AppParts;
    fn deref(&self) -> &AppParts {
        &self.0
    }
}

pub struct AppParts {
    pub store: Store,
    pub blobs: BlobStore,
    pub config: Arc<Config>,
    pub clock: Arc<dyn WallClock>,
    pub metrics: Arc<Metrics>,
    /// Wakes idle workers when a job is scheduled in this process.
    pub jobs_ready: Arc<Notify>,
    /// Identifies this process's job leases.
    pub worker_id: Arc<str>,
    /// Wakes the webhook delivery worker when an event fanned out to endpoints.
    pub webhooks_ready: Arc<Notify>,
    /// The outbound client for webhook deliveries (one connection pool per process).
    pub webhook_client: signet_webhooks::WebhookClient,
    /// The sanctions-list matcher, rebuilt when a list is imported.
    pub screening: Arc<crate::screening_index::Screening>,
    /// Signet's CA, timestamp authority and seal, and the one-time-code key.
    pub trust: Arc<crate::trust::Trust>,
    /// Live-mode delivery of one-time codes; `None` when no channel is configured.
    pub notifier: Option<Arc<crate::delivery::Notifier>>,
    /// Permits for password checks (argon2id): a burst of sign-ins waits for one instead
    /// of taking every blocking thread and 19 MiB each.
    pub password_checks: Arc<tokio::sync::Semaphore>,
    /// The bounded pool for PDF work (`heavy_work_concurrency` at once).
    pub heavy: crate::heavy::HeavyWork,
    /// The country database of `geoip_database`, when configured.
    pub geoip: Option<Arc<crate::geoip::GeoIp>>,
}

impl AppParts {
    pub fn wall_now(&self) -> Timestamp {
        signet_core::time::to_storage_precision(self.clock.now())
    }
}
