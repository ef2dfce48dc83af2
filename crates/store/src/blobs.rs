//! Files (identification images, reports, PDFs): on the local filesystem, or in an
//! S3-compatible object store.
//!
//! A file is written completely before the database row that points at it commits; a crash
//! leaves at worst an orphaned file, never a row without its bytes. Locally that means a
//! temporary name, fsync and rename; in S3 a PUT is whole or absent by itself.
//!
//! With a keyring ([`BlobStore::with_keyring`]) every file is encrypted before it leaves the
//! process (`envelope.rs`): a document's files under the document's data key (the key names
//! the document: `tenant/documents/<id>/…`), a person's files under the person's
//! ([`BlobStore::put_person_file`]), anything else under the tenant's. Reading opens what
//! was encrypted and returns files stored in the clear before encryption as they are.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::envelope::{self, Header};
use crate::keyring::{KeyOwner, Keyring};
use crate::s3::{S3Client, S3Config};

#[derive(Debug, Clone)]
pub struct BlobStore {
    backend: Backend,
    keyring: Option<Arc<Keyring>>,
}

/// Files above this size are encrypted and decrypted on a blocking thread.
const BLOCKING_CIPHER_BYTES: usize = 1024 * 1024;

#[derive(Debug, Clone)]
enum Backend {
    Local { root: PathBuf },
    S3(S3Client),
}

impl BlobStore {
    /// Files under `root` on the local filesystem (the same as [`BlobStore::local`]).
    pub fn new(root: impl Into<PathBuf>) -> BlobStore {
        BlobStore::local(root)
    }

    /// Files under `root` on the local filesystem.
    pub fn local(root: impl Into<PathBuf>) -> BlobStore {
        BlobStore {
            backend: Backend::Local { root: root.into() },
            keyring: None,
        }
    }

    /// Objects in an S3-compatible bucket, keyed like the local files. Checks the
    /// configuration; nothing is connected yet.
    pub fn s3(config: &S3Config) -> std::io::Result<BlobStore> {
        Ok(BlobStore {
            backend: Backend::S3(S3Client::new(config)?),
            keyring: None,
        })
    }

    /// This store encrypting what it writes under the keyring's data keys.
    pub fn with_keyring(mut self, keyring: Arc<Keyring>) -> BlobStore {
        self.keyring = Some(keyring);
        self
    }

    /// Stores `bytes` under `key`, encrypted under the data key of the document the key
    /// names (else the tenant's).
    pub async fn put(&self, key: &str, bytes: &[u8]) -> std::io::Result<()> {
        self.put_owned(key, bytes.to_vec()).await.map(drop)
    }

    /// Stores one of a person's files (an ID image, a selfie, a report), encrypted under the
    /// person's data key.
    pub async fn put_person_file(
        &self,
        key: &str,
        person: &str,
        bytes: &[u8],
    ) -> std::io::Result<()> {
        check_key(key)?;
        let sealed = self
            .seal(key, KeyOwner::Person(person), bytes.to_vec())
            .await?;
        self.put_stored(key, sealed).await.map(drop)
    }

    /// [`BlobStore::put`] of bytes the caller hands over and gets back once they are stored:
    /// a large file is encrypted and written where it is, never copied.
    pub async fn put_owned(&self, key: &str, bytes: Vec<u8>) -> std::io::Result<Vec<u8>> {
        check_key(key)?;
        if self.keyring.is_none() {
            return self.put_stored(key, bytes).await;
        }
        let sealed = self.seal(key, owner_of(key), bytes).await?;
        let sealed = self.put_stored(key, sealed).await?;
        // The caller gets its plaintext back: decrypted where it lies.
        self.open(key, sealed).await
    }

    async fn seal(
        &self,
        key: &str,
        owner: KeyOwner<'_>,
        mut bytes: Vec<u8>,
    ) -> std::io::Result<Vec<u8>> {
        let Some(keyring) = &self.keyring else {
            return Ok(bytes);
        };
        let tenant = key.split('/').next().unwrap_or_default();
        let data_key = keyring
            .data_key(tenant, owner)
            .await
            .map_err(std::io::Error::other)?;
        let mut salt = [0u8; 16];
        getrandom::fill(&mut salt).map_err(std::io::Error::other)?;
        let header = Header::new(tenant, &owner.label(), salt);
        let blob_key = key.to_owned();
        let large = bytes.len() > BLOCKING_CIPHER_BYTES;
        let run = move || {
            envelope::seal_in_place(&mut bytes, &header, data_key.bytes(), &blob_key)
                .map(|()| bytes)
                .map_err(std::io::Error::other)
        };
        if large {
            tokio::task::spawn_blocking(run)
                .await
                .map_err(std::io::Error::other)?
        } else {
            run()
        }
    }

    /// Opens a stored file: an encrypted one under the data key its header names, one stored
    /// in the clear as it is. Without a keyring, files are returned as stored.
    async fn open(&self, key: &str, mut bytes: Vec<u8>) -> std::io::Result<Vec<u8>> {
        let Some(keyring) = &self.keyring else {
            return Ok(bytes);
        };
        if !envelope::is_encrypted(&bytes) {
            return Ok(bytes);
        }
        let (header, header_len) = Header::parse(&bytes).map_err(std::io::Error::other)?;
        if key.split('/').next() != Some(header.tenant.as_str()) {
            return Err(std::io::Error::other(
                "an encrypted file names another tenant than its key",
            ));
        }
        let data_key = match keyring
            .existing_data_key(&header.tenant, &header.owner)
            .await
        {
            Ok(k) => k,
            Err(crate::StoreError::NotFound) => {
                return Err(std::io::Error::new(
                    std::io::ErrorKind::PermissionDenied,
                    "the file's data key was destroyed",
                ));
            }
            Err(e) => return Err(std::io::Error::other(e)),
        };
        let blob_key = key.to_owned();
        let large = bytes.len() > BLOCKING_CIPHER_BYTES;
        let run = move || {
            envelope::open_in_place(&mut bytes, &header, header_len, data_key.bytes(), &blob_key)
                .map(|()| bytes)
                .map_err(std::io::Error::other)
        };
        if large {
            tokio::task::spawn_blocking(run)
                .await
                .map_err(std::io::Error::other)?
        } else {
            run()
        }
    }

    /// Writes the bytes as they are to be stored and gives them back.
    async fn put_stored(&self, key: &str, bytes: Vec<u8>) -> std::io::Result<Vec<u8>> {
        match &self.backend {
            Backend::Local { root } => put_local(root.join(key), bytes).await,
            Backend::S3(client) => {
                let body = bytes::Bytes::from(bytes);
                client.put_object_bytes(key, body.clone()).await?;
                // The request's references are gone: the same allocation comes back.
                Ok(Vec::from(body))
            }
        }
    }

    /// The file under `key`, decrypted.
    pub async fn get(&self, key: &str) -> std::io::Result<Vec<u8>> {
        let stored = self.get_stored(key).await?;
        self.open(key, stored).await
    }

    /// The file under `key` as stored (encrypted, for a copy that needs no key).
    pub async fn get_stored(&self, key: &str) -> std::io::Result<Vec<u8>> {
        check_key(key)?;
        match &self.backend {
            Backend::Local { root } => tokio::fs::read(root.join(key)).await,
            Backend::S3(client) => client.get_object(key).await,
        }
    }

    /// Deletes the file under `key`; one already gone is fine.
    pub async fn delete(&self, key: &str) -> std::io::Result<()> {
        check_key(key)?;
        match &self.backend {
            Backend::Local { root } => match tokio::fs::remove_file(root.join(key)).await {
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
                other => other,
            },
            Backend::S3(client) => client.delete_object(key).await,
        }
    }

    /// Every stored file, a page at a time (a directory, or 1,000 objects), for the sweeper.
    pub fn pages(&self) -> BlobPages {
        BlobPages {
            state: match &self.backend {
                Backend::Local { root } => Pages::Local {
                    root: root.clone(),
                    dirs: vec![root.clone()],
                },
                Backend::S3(client) => Pages::S3 {
                    client: client.clone(),
                    token: None,
                    done: false,
                },
            },
        }
    }

    /// The directory of a local store; `None` for S3.
    pub fn root(&self) -> Option<&Path> {
        match &self.backend {
            Backend::Local { root } => Some(root),
            Backend::S3(_) => None,
        }
    }
}

/// A stored file: its key and when it was last written (the filesystem's or S3's clock).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BlobInfo {
    pub key: String,
    pub modified: signet_core::time::Timestamp,
}

/// A walk over every stored file ([`BlobStore::pages`]).
pub struct BlobPages {
    state: Pages,
}

enum Pages {
    Local {
        root: PathBuf,
        dirs: Vec<PathBuf>,
    },
    S3 {
        client: S3Client,
        token: Option<String>,
        done: bool,
    },
}

impl BlobPages {
    /// The next page of files, `None` at the end. Locally a page is one directory's files
    /// (symbolic links are not followed); in S3 one answer of ListObjectsV2.
    pub async fn next_page(&mut self) -> std::io::Result<Option<Vec<BlobInfo>>> {
        match &mut self.state {
            Pages::Local { root, dirs } => {
                let Some(dir) = dirs.pop() else {
                    return Ok(None);
                };
                let mut entries = match tokio::fs::read_dir(&dir).await {
                    Ok(e) => e,
                    // No file was ever stored.
                    Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Some(vec![])),
                    Err(e) => return Err(e),
                };
                let mut page = Vec::new();
                while let Some(entry) = entries.next_entry().await? {
                    let kind = entry.file_type().await?;
                    let path = entry.path();
                    if kind.is_dir() {
                        dirs.push(path);
                    } else if kind.is_file() {
                        let Ok(rel) = path.strip_prefix(&*root) else {
                            continue;
                        };
                        let key: Vec<&str> = rel
                            .components()
                            .filter_map(|c| c.as_os_str().to_str())
                            .collect();
                        // Deleted, or renamed into place (a write's `.partial` file), since
                        // the directory was read: not there any more under this name.
                        let modified = match entry.metadata().await {
                            Ok(m) => m.modified()?,
                            Err(e) if e.kind() == std::io::ErrorKind::NotFound => continue,
                            Err(e) => return Err(e),
                        };
                        page.push(BlobInfo {
                            key: key.join("/"),
                            modified: chrono::DateTime::<chrono::Utc>::from(modified),
                        });
                    }
                }
                Ok(Some(page))
            }
            Pages::S3 {
                client,
                token,
                done,
            } => {
                if *done {
                    return Ok(None);
                }
                let (page, next) = client.list_page(token.as_deref(), 1000).await?;
                *done = next.is_none();
                *token = next;
                Ok(Some(page))
            }
        }
    }
}

/// Whose data key encrypts the file under `key`: the document's for `tenant/documents/<id>/…`,
/// else the tenant's.
fn owner_of(key: &str) -> KeyOwner<'_> {
    let mut parts = key.split('/');
    match (parts.next(), parts.next(), parts.next(), parts.next()) {
        (Some(_), Some("documents"), Some(id), Some(_)) => KeyOwner::Document(id),
        _ => KeyOwner::Tenant,
    }
}

/// Keys are generated by Signet ("tenant/…/name"); refuse anything else, whatever the
/// backend, so a key that is safe as a path is the only kind ever stored.
fn check_key(key: &str) -> std::io::Result<()> {
    let ok = !key.is_empty()
        && key.split('/').all(|part| {
            !part.is_empty()
                && part
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-' || b == b'.')
                && part != "."
                && part != ".."
        });
    if ok {
        Ok(())
    } else {
        Err(std::io::Error::new(
            std::io::ErrorKind::InvalidInput,
            "invalid blob key",
        ))
    }
}

/// Writes the file on one blocking thread, in one go: one hand-off per file rather than one
/// per step and per buffer, and the bytes are written from `bytes` itself, not copied into
/// an intermediate buffer first. Gives the bytes back.
async fn put_local(path: PathBuf, bytes: Vec<u8>) -> std::io::Result<Vec<u8>> {
    tokio::task::spawn_blocking(move || put_local_blocking(&path, &bytes).map(|()| bytes))
        .await
        .map_err(std::io::Error::other)?
}

fn put_local_blocking(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    use std::io::Write;
    #[cfg(unix)]
    use std::os::unix::fs::{DirBuilderExt, OpenOptionsExt};
    // Directories 0700 and files 0600: what people handed in is Signet's user's alone.
    if let Some(dir) = path.parent() {
        let mut builder = std::fs::DirBuilder::new();
        builder.recursive(true);
        #[cfg(unix)]
        builder.mode(0o700);
        builder.create(dir)?;
    }
    let tmp = path.with_extension("partial");
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create(true).truncate(true);
    #[cfg(unix)]
    options.mode(0o600);
    let mut f = options.open(&tmp)?;
    f.write_all(bytes)?;
    f.sync_all()?;
    drop(f);
    std::fs::rename(&tmp, path)?;
    // The rename is durable only once the directory entry is: sync the directory too.
    #[cfg(unix)]
    if let Some(dir) = path.parent() {
        std::fs::File::open(dir)?.sync_all()?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_are_checked_for_both_backends() {
        for good in ["t1/documents/d1/original.pdf", "a", "a-b_c.d/e"] {
            assert!(check_key(good).is_ok(), "{good}");
        }
        for bad in ["", "/a", "a/", "a//b", "../a", "a/./b", "a b", "a\\b", "ä"] {
            assert!(check_key(bad).is_err(), "{bad}");
        }
    }

    #[tokio::test]
    async fn local_files_round_trip_and_a_missing_one_is_not_found() {
        let dir = std::env::temp_dir().join(format!("signet-blobs-{}", std::process::id()));
        let store = BlobStore::local(&dir);
        store.put("t/x.bin", b"\x00\x01bytes").await.unwrap();
        assert_eq!(store.get("t/x.bin").await.unwrap(), b"\x00\x01bytes");
        assert_eq!(
            store.get("t/missing").await.unwrap_err().kind(),
            std::io::ErrorKind::NotFound
        );
        assert_eq!(store.root(), Some(dir.as_path()));
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
            assert_eq!(mode(&dir.join("t/x.bin")), 0o600);
            assert_eq!(mode(&dir.join("t")), 0o700);
        }
        let mut pages = store.pages();
        let mut keys = Vec::new();
        while let Some(page) = pages.next_page().await.unwrap() {
            keys.extend(page.into_iter().map(|b| b.key));
        }
        assert_eq!(keys, ["t/x.bin"]);
        store.delete("t/x.bin").await.unwrap();
        store.delete("t/x.bin").await.unwrap();
        assert_eq!(
            store.get("t/x.bin").await.unwrap_err().kind(),
            std::io::ErrorKind::NotFound
        );
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[tokio::test]
    async fn with_a_keyring_files_are_stored_encrypted_and_read_back_in_the_clear() {
        let dir = std::env::temp_dir().join(format!(
            "signet-blobs-enc-{}-{}",
            std::process::id(),
            line!()
        ));
        let keys = dir.join("keys");
        let keyring = Keyring::open(
            &format!("sqlite://{}", keys.join("keyring.db").display()),
            &keys,
            [4u8; 32],
        )
        .await
        .unwrap();
        let store = BlobStore::local(dir.join("files")).with_keyring(Arc::new(keyring));
        let plain = b"%PDF-1.7 Anna Example's contract".repeat(5000);
        let doc_key = "ten_1/documents/doc_1/original.pdf";
        let back = store.put_owned(doc_key, plain.clone()).await.unwrap();
        assert_eq!(back, plain, "the caller gets its plaintext back");
        let stored = std::fs::read(dir.join("files").join(doc_key)).unwrap();
        assert!(envelope::is_encrypted(&stored));
        assert!(!stored.windows(12).any(|w| w == b"Anna Example"));
        assert_eq!(store.get_stored(doc_key).await.unwrap(), stored);
        assert_eq!(store.get(doc_key).await.unwrap(), plain);

        // A person's file; moved under another key it does not open.
        store
            .put_person_file("ten_1/pdoc_1", "per_anna", b"passport image")
            .await
            .unwrap();
        let sealed = std::fs::read(dir.join("files/ten_1/pdoc_1")).unwrap();
        std::fs::write(dir.join("files/ten_1/pdoc_2"), &sealed).unwrap();
        assert!(store.get("ten_1/pdoc_2").await.is_err());
        assert_eq!(store.get("ten_1/pdoc_1").await.unwrap(), b"passport image");

        // A file stored in the clear before encryption still reads.
        std::fs::write(dir.join("files/ten_1/legacy"), b"old plain file").unwrap();
        assert_eq!(store.get("ten_1/legacy").await.unwrap(), b"old plain file");

        // The person's key destroyed: their file no longer opens; the document's still does.
        let keyring = store.keyring.clone().unwrap();
        assert!(
            keyring
                .destroy_person_key("ten_1", "per_anna")
                .await
                .unwrap()
        );
        assert_eq!(
            store.get("ten_1/pdoc_1").await.unwrap_err().kind(),
            std::io::ErrorKind::PermissionDenied
        );
        assert_eq!(store.get(doc_key).await.unwrap(), plain);
        let _ = std::fs::remove_dir_all(&dir);
    }
}
