//! Signet's application layer: what Signet does, below the HTTP server and above the
//! domain (`signet-core`) and storage (`signet-store`).
//!
//! The server's API handlers, hosted pages and back office parse input, call a function
//! here and render what it returns; the workers run the jobs and deliveries defined here.
//! Nothing here knows about routes or pages: the one concession to HTTP is
//! [`error::AppError`]'s rendering in seed 002's shape.

pub mod access_audit;
pub mod archive;
pub mod audit;
pub mod backup;
pub mod config;
pub mod csc;
pub mod csc_standin;
pub mod delivery;
pub mod drain;
pub mod error;
pub mod events;
pub mod export;
pub mod fields;
pub mod followups;
pub mod geoip;
pub mod heavy;
pub mod identifications;
pub mod identify;
pub mod jobs;
pub mod keys;
pub mod limits;
pub mod metrics;
pub mod persons;
pub mod random;
pub mod retention;
pub mod revocation;
pub mod scope;
pub mod screening;
pub mod screening_index;
pub mod screening_outcome;
pub mod screenings;
pub mod signers;
pub mod signing;
pub mod state;
pub mod sweeper;
pub mod templates;
pub mod trust;
pub mod tsa;
pub mod views;
pub mod webhooks;
pub mod worker;
