//! The `signet` binary's tests, one test binary: each test runs `signet` as a child process
//! (`common::signet`) against a fresh database, SQLite by default or PostgreSQL with
//! `SIGNET_TEST_DATABASE=postgres`.
//!
//! Every module's tests share this process, so none may set environment variables (a child
//! gets its own with `Command::env`), change the current directory or keep a fixed port.

// The helpers block on child processes and sockets; that is right in synchronous tests.
#[allow(clippy::disallowed_methods)]
mod common;

mod admin_cli;
mod crash_recovery;
mod demo;
mod external_tsa;
mod keys_cli;
mod lists_cli;
mod tenant_limits_cli;
mod validators;
mod verify_cli;
mod verify_validation;
mod webhooks_multiprocess;
