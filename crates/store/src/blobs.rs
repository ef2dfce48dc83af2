//! Files (identification images, reports, PDFs): on the local filesystem, or in an
//! S3-compatible object store.
//!
//! A file is written completely before the database row that points at it commits; a crash
//! leaves at worst an orphaned file, never a row without its bytes. Locally that means a
//! temporary name, fsync and rename; in S3 a PUT is whole or absent by itself.

use std::path::{Path, PathBuf};

use crate::s3::{S3Client, S3Config};

#[derive(Debug, Clone)]
pub struct BlobStore {
    backend: Backend,
}

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
        }
    }

    /// Objects in an S3-compatible bucket, keyed like the local files. Checks the
    /// configuration; nothing is connected yet.
    pub fn s3(config: &S3Config) -> std::io::Result<BlobStore> {
        Ok(BlobStore {
            backend: Backend::S3(S3Client::new(config)?),
        })
    }

    pub async fn put(&self, key: &str, bytes: &[u8]) -> std::io::Result<()> {
        check_key(key)?;
        match &self.backend {
            Backend::Local { root } => put_local(root.join(key), bytes.to_vec()).await.map(drop),
            Backend::S3(client) => client.put_object(key, bytes).await,
        }
    }

    /// [`BlobStore::put`] of bytes the caller hands over and gets back once they are stored:
    /// a large file is written from where it is, never copied.
    pub async fn put_owned(&self, key: &str, bytes: Vec<u8>) -> std::io::Result<Vec<u8>> {
        check_key(key)?;
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

    pub async fn get(&self, key: &str) -> std::io::Result<Vec<u8>> {
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
                        let modified = entry.metadata().await?.modified()?;
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
}
