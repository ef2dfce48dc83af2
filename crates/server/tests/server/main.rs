//! The server's integration tests, one test binary so that the server is linked once. Each
//! test starts its own server on a free port with a fresh database (`helpers::spawn_app`),
//! SQLite by default or PostgreSQL with `SIGNET_TEST_DATABASE=postgres`.
//!
//! Every module's tests share this process, so none may set environment variables, change
//! the current directory, listen on a fixed port or install a log subscriber that panics
//! when one is already there (`try_init`, not `init`).

// Tests fail loudly on a missing value.
#[allow(clippy::unwrap_used)]
mod backoffice;
#[allow(clippy::unwrap_used)]
mod helpers;

/// The back office: sign-in, queues, records.
mod admin;
mod admin_records;
/// The `/v1` API over HTTP, resource by resource.
mod api;
/// Backup, restore and check.
mod backup;
/// The hosted pages and the back office in headless Chromium.
mod browser;
/// Personal data, images and PDFs encrypted at rest.
mod encryption;
/// A person's export and the access trail.
#[allow(clippy::unwrap_used)]
mod export;
/// Live-mode one-time codes by email and SMS.
mod live_otp;
/// No personal data in the server's logs.
mod logs;
/// A MaxMind DB writer for the geolocation tests.
mod mmdb;
/// Documents in an S3 bucket.
mod s3_blobs;
mod schemathesis;
/// AML screening.
mod screening;
/// The Python and TypeScript SDKs of `clients/`, generated and run against the server.
mod sdk;
/// Webhook deliveries end to end.
mod webhooks;
