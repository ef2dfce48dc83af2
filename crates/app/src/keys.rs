//! The keyring of envelope encryption as the configuration places it: the master key
//! (`master_key`, or `master.key` in the keys directory), the keys directory's rotated master
//! keys, and the keyring database (`keyring.db` there on SQLite, the `signet_keyring` schema
//! on PostgreSQL).

use crate::config::Config;
use signet_store::Keyring;
use signet_store::keyring::{Resealed, create_next_master_key};
use std::sync::Arc;

/// Opens the keyring the configuration names, creating what is missing.
pub async fn open_keyring(config: &Config) -> Result<Arc<Keyring>, String> {
    let master = crate::trust::master_key(config)?;
    let keyring = Keyring::open(&config.keyring_url(), &config.keys_dir(), master)
        .await
        .map_err(|e| format!("keyring: {e}"))?;
    Ok(Arc::new(keyring))
}

/// `signet keys rotate`: a new master key in the keys directory, and every tenant key
/// re-sealed under it. A running server reads the new key when it meets a re-sealed row.
pub async fn rotate(config: &Config) -> Result<(u32, Resealed), String> {
    // The base key first, so an installation that never started gets its `master.key`.
    let keyring = open_keyring(config).await?;
    let (generation, _) = create_next_master_key(&config.keys_dir())
        .map_err(|e| format!("a new master key in {}: {e}", config.keys_dir().display()))?;
    let report = keyring
        .reseal_tenant_keys()
        .await
        .map_err(|e| format!("re-sealing tenant keys: {e}"))?;
    Ok((generation, report))
}
