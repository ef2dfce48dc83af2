//! `signet backup`, `signet restore` and `signet check`: the command line over
//! `signet_app::backup`. Exit codes: 0 done and whole, 1 done but problems were found (each
//! named), 2 nothing could be done.

use signet_server::App;
use signet_server::backup::{self, BackupError, RestoreTarget};
use signet_server::config::Config;
use signet_server::state::{SystemClock, WallClock};
use std::path::Path;
use std::process::ExitCode;

fn failed(command: &str, e: impl std::fmt::Display) -> ExitCode {
    eprintln!("signet {command}: {e}");
    ExitCode::from(2)
}

/// `signet backup DIR`, beside a running server.
pub async fn run_backup(config: Config, dir: &Path) -> ExitCode {
    let store =
        match signet_store::Store::connect_with(&config.database_url(), config.sqlite_sync()).await
        {
            Ok(s) => s,
            Err(e) => return failed("backup", format!("cannot open the database: {e}")),
        };
    let blobs = match backup::blob_store(&config) {
        Ok(b) => b,
        Err(e) => return failed("backup", e),
    };
    let clock = || SystemClock.now();
    let result = backup::backup(
        &store,
        &blobs,
        &config.blob_store,
        dir,
        &clock,
        env!("CARGO_PKG_VERSION"),
    )
    .await;
    store.close().await;
    let manifest = match result {
        Ok(m) => m,
        Err(e) => return failed("backup", e),
    };
    let bytes: u64 = manifest.files.iter().map(|f| f.size).sum();
    println!(
        "Backed up the database and {} files ({bytes} bytes) into {}.",
        manifest.files.len() - 1,
        dir.display()
    );
    println!(
        "Keys are not in the backup: keep the keys directory (master.key, the keyring) or SIGNET_MASTER_KEY apart."
    );
    if manifest.problems.is_empty() {
        return ExitCode::SUCCESS;
    }
    eprintln!(
        "The installation was damaged when it was backed up ({} problems, also in {}):",
        manifest.problems.len(),
        backup::MANIFEST
    );
    for p in &manifest.problems {
        eprintln!("  {p}");
    }
    ExitCode::from(1)
}

/// `signet restore DIR` into the configured (fresh) data directory.
pub async fn run_restore(config: Config, dir: &Path) -> ExitCode {
    let target = match RestoreTarget::from_config(&config) {
        Ok(t) => t,
        Err(e) => return failed("restore", e),
    };
    match backup::restore(dir, &target).await {
        Ok(manifest) => {
            println!(
                "Restored the backup of {} ({} files) into {}. Next: signet check, then signet serve.",
                manifest.created_at,
                manifest.files.len() - 1,
                config.data_dir.display()
            );
            ExitCode::SUCCESS
        }
        Err(e @ BackupError::Refused(_)) => failed("restore", e),
        Err(e) => failed(
            "restore",
            format!("{e} (remove what was restored before trying again)"),
        ),
    }
}

/// `signet check`: the configured installation, whole or not.
pub async fn run_check(config: Config) -> ExitCode {
    if let Some(path) = backup::sqlite_path(&config.database_url())
        && !path.exists()
    {
        return failed("check", format!("no database at {}", path.display()));
    }
    if !backup::master_key_in_place(&config) {
        return failed(
            "check",
            "no master key in place (master.key in the keys directory, or SIGNET_MASTER_KEY)",
        );
    }
    let app = match App::from_config(config).await {
        Ok(app) => app,
        Err(e) => return failed("check", format!("cannot open the installation: {e}")),
    };
    let result = backup::check(&app.state).await;
    app.state.store.close().await;
    let report = match result {
        Ok(r) => r,
        Err(e) => return failed("check", e),
    };
    println!(
        "Checked {} files, {} audit trails and the signatures of {} finished documents.",
        report.files, report.trails, report.signed_documents
    );
    if report.problems.is_empty() {
        println!("The installation is whole.");
        return ExitCode::SUCCESS;
    }
    for p in &report.problems {
        println!("PROBLEM: {p}");
    }
    println!("{} problems found.", report.problems.len());
    ExitCode::from(1)
}
