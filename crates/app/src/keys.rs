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

#[cfg(test)]
mod tests {
    use super::*;
    use signet_store::KeyOwner;

    #[tokio::test]
    async fn rotation_makes_a_new_master_key_file_and_what_was_sealed_still_opens() {
        let dir = tempfile::tempdir().unwrap();
        let config = Config {
            data_dir: dir.path().join("data"),
            ..Config::default()
        };
        let running = open_keyring(&config).await.unwrap();
        let sealed = running
            .seal_value("ten_1", KeyOwner::Person("per_1"), "c", b"Anna")
            .await
            .unwrap();
        assert!(config.keys_dir().join("master.key").exists());

        let (generation, report) = rotate(&config).await.unwrap();
        assert_eq!(generation, 2);
        assert_eq!((report.resealed, report.unchanged), (1, 0));
        assert!(config.keys_dir().join("master-0002.key").exists());
        // The running keyring and a fresh one both open it under the new master key.
        running.forget_cached_keys();
        let fresh = open_keyring(&config).await.unwrap();
        for ring in [&running, &fresh] {
            let opened = ring
                .open_value("ten_1", KeyOwner::Person("per_1"), "c", &sealed)
                .await
                .unwrap();
            assert_eq!(opened, b"Anna");
            assert_eq!(ring.current_master_key_id(), report.master_key_id);
        }
    }

    #[test]
    fn an_older_master_key_in_the_data_directory_moves_into_the_keys_directory() {
        let dir = tempfile::tempdir().unwrap();
        let config = Config {
            data_dir: dir.path().to_owned(),
            ..Config::default()
        };
        let key = "ab".repeat(32);
        std::fs::write(dir.path().join("master.key"), &key).unwrap();
        let read = crate::trust::master_key(&config).unwrap();
        assert_eq!(hex::encode(read), key);
        assert!(!dir.path().join("master.key").exists());
        assert_eq!(
            std::fs::read_to_string(dir.path().join("keys/master.key")).unwrap(),
            key
        );
    }
}
