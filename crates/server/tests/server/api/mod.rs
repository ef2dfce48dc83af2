//! Signet's API, tested over HTTP the way integrators use it. The same suite
//! runs on SQLite and on PostgreSQL (`SIGNET_TEST_DATABASE=postgres`).

// Tests fail loudly on a missing value; the day of the URL-validity check
// is the machine's.
#![allow(clippy::unwrap_used, clippy::disallowed_methods)]

mod bad_input;
mod compliance;
mod defenses;
mod doc_lifecycle;
mod documents;
mod erasure;
mod errors;
mod fields;
mod geolocation;
mod html_documents;
mod identifications;
mod identify;
mod limits;
mod ltv;
mod operations;
mod pages;
mod pdf_intake;
mod persons;
mod qualified;
mod revocation;
mod sandbox;
mod secrets;
mod shutdown;
mod signature_pictures;
mod templates;
mod tenant_limits;
mod tsa;
mod verify_validation;
