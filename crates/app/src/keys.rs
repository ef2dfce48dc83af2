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

/// What `signet keys backup` wrote.
#[derive(Debug)]
pub struct KeysBackup {
    /// The master key files copied (`master.key`, `master-NNNN.key`); none when the master key
    /// comes from `master_key` (`SIGNET_MASTER_KEY`), which the operator keeps themselves.
    pub master_key_files: Vec<String>,
    /// Whether the keyring was copied (`keyring.db`); on PostgreSQL it is a schema that
    /// `pg_dump --schema=signet_keyring` copies.
    pub keyring_copied: bool,
}

/// `signet keys backup DIR`: the keys directory's master key files and a consistent copy of
/// the keyring (taken while servers run), into `dir` (new or empty; 0700, files 0600), laid
/// out like the keys directory so that a restore copies it back as it is. Data backups never
/// hold this: keep it elsewhere, and take it with every data backup (each new person and
/// document adds a key).
pub async fn backup(config: &Config, dir: &std::path::Path) -> Result<KeysBackup, String> {
    let keyring = open_keyring(config).await?;
    if dir.exists() {
        let mut entries = std::fs::read_dir(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
        if entries.next().is_some() {
            return Err(format!(
                "{} is not empty: a keys backup goes into a new or empty directory",
                dir.display()
            ));
        }
    }
    std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    signet_store::restrict_dir(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    let keys_dir = config.keys_dir();
    let mut master_key_files = Vec::new();
    let mut names: Vec<String> = match std::fs::read_dir(&keys_dir) {
        Ok(entries) => entries
            .filter_map(|e| e.ok())
            .filter_map(|e| e.file_name().into_string().ok())
            .filter(|n| {
                n == "master.key"
                    || (n.starts_with("master-") && n.ends_with(".key") && !n.contains(".partial"))
            })
            .collect(),
        Err(e) => return Err(format!("{}: {e}", keys_dir.display())),
    };
    names.sort();
    for name in names {
        let bytes = std::fs::read(keys_dir.join(&name)).map_err(|e| format!("{name}: {e}"))?;
        write_private(&dir.join(&name), &bytes)?;
        master_key_files.push(name);
    }
    let keyring_copied = if keyring.is_sqlite() {
        let dest = dir.join("keyring.db");
        keyring
            .copy_to(&dest)
            .await
            .map_err(|e| format!("copying the keyring: {e}"))?;
        signet_store::restrict_file(&dest).map_err(|e| format!("{}: {e}", dest.display()))?;
        true
    } else {
        false
    };
    std::fs::File::open(dir)
        .and_then(|d| d.sync_all())
        .map_err(|e| format!("{}: {e}", dir.display()))?;
    Ok(KeysBackup {
        master_key_files,
        keyring_copied,
    })
}

/// Writes a file readable by its owner alone, synced.
fn write_private(path: &std::path::Path, bytes: &[u8]) -> Result<(), String> {
    use std::io::Write;
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    let mut f = options
        .open(path)
        .map_err(|e| format!("{}: {e}", path.display()))?;
    f.write_all(bytes)
        .and_then(|_| f.sync_all())
        .map_err(|e| format!("{}: {e}", path.display()))
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
