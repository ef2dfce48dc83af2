//! Outbound webhooks for Signet, following the Standard Webhooks specification.
//!
//! This crate is the part of delivery that needs no database:
//!
//! - [`signing`]: `whsec_` secrets, `v1,` HMAC-SHA256 signatures (several during a rotation),
//!   and a constant-time verifier for tests and for integrators' examples;
//! - [`WebhookClient`]: one attempt at a time, over an HTTP client that refuses internal
//!   addresses at connect time ([`is_forbidden_ip`]), never follows redirects and classifies
//!   every outcome for the delivery log;
//! - [`schedule`]: the retry delays, the `Retry-After` rule and the five-day disable rule, as
//!   pure functions of the tenant clock.
//!
//! The outbox, the subscriptions and the worker that claims messages live with the store and
//! the server; they drive this crate one attempt at a time:
//!
//! ```no_run
//! # async fn example(client: &signet_webhooks::WebhookClient, secret: &signet_webhooks::Secret,
//! #                  wall_clock_unix: i64, jitter: f64) {
//! use signet_webhooks::{DeliveryRequest, schedule};
//! let outcome = client
//!     .deliver(&DeliveryRequest {
//!         url: "https://example.com/hooks",
//!         msg_id: "msg_2fRk…",
//!         body: br#"{"type":"person.created"}"#,
//!         secrets: &[secret],
//!         wall_clock_unix,
//!     })
//!     .await;
//! match schedule::decide(1, &outcome, jitter) {
//!     schedule::Decision::RetryAfter(delay) => { /* store tenant_now + delay */ }
//!     _ => {}
//! }
//! # }
//! ```

mod client;
pub mod schedule;
pub mod signing;
mod ssrf;

pub use client::{
    ALLOW_PRIVATE_ENV, AttemptError, AttemptOutcome, ClientConfig, ClientError, DeliveryRequest,
    EXCERPT_BYTES, WebhookClient, parse_retry_after, parse_target,
};
pub use signing::{
    DEFAULT_TOLERANCE_SECS, Secret, SecretError, SignedHeaders, VerifyError, sign,
    signature_header, verify,
};
pub use ssrf::is_forbidden_ip;
