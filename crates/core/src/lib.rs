//! Signet's domain: the types, rules and state machines of persons,
//! identifications, screening and signing.
//!
//! Pure by design: no I/O, no async runtime, and no clock. Every function
//! that depends on time takes `now` as a parameter, so the tenant test clock
//! drives every deadline and tests of 24-hour rules take milliseconds.

pub mod catalog;
pub mod device;
pub mod identification;
pub mod ids;
pub mod mrz;
pub mod person;
pub mod screening;
pub mod signing;
pub mod template;
pub mod tenant;
pub mod time;
pub mod validate;
