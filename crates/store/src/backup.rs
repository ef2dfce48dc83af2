//! What `signet backup` and `signet check` read from the database: a consistent copy of a
//! SQLite database, every file the rows refer to (with the SHA-256 each row records), every
//! audit trail, and the hold that keeps files from being deleted while a backup copies them.

use crate::{Backend, Result, Store, StoreError};
use signet_core::signing::{Document, Signer};
use signet_core::time::{Timestamp, to_millis};
use sqlx::Row;
use sqlx::any::AnyPoolOptions;
use std::path::Path;

/// The `periodic_tasks` row whose `next_run_at` is the wall-clock millisecond until which a
/// backup holds off file deletions (0: none).
const HOLD: &str = "backup_hold";

/// Rows read per query while walking a table.
const PAGE: i64 = 500;

/// A file a row refers to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileReference {
    /// The blob key.
    pub key: String,
    /// The SHA-256 (hex) the row records for it.
    pub sha256: String,
    /// The size the row records, where it records one.
    pub size: Option<u64>,
    /// What refers to it, for a person reading a problem report ("document D's original").
    pub owner: String,
    /// The tenant and, for a document's files, the document: what decides whether the row
    /// still exists.
    pub tenant_id: String,
    pub document_id: Option<String>,
}

/// A document as stored, for the checks.
#[derive(Debug, Clone)]
pub struct StoredDocument {
    pub tenant_id: String,
    pub mode: crate::Mode,
    pub document: Document,
}

/// Everything the rows refer to: the documents, and each file with its recorded hash.
#[derive(Debug, Clone, Default)]
pub struct Inventory {
    pub documents: Vec<StoredDocument>,
    pub files: Vec<FileReference>,
}

impl Inventory {
    /// Whether `key` belongs to a document or a person's file of this inventory: the files
    /// a backup copies besides the referenced ones (earlier revisions, page images) are those
    /// of the documents it holds.
    pub fn owns(&self, key: &str) -> bool {
        let parts: Vec<&str> = key.split('/').collect();
        match parts.as_slice() {
            [tenant, "documents", document, _, ..] => self
                .documents
                .iter()
                .any(|d| d.tenant_id == *tenant && d.document.id.as_str() == *document),
            _ => self.files.iter().any(|f| f.key == key),
        }
    }
}

impl Store {
    /// This store's view of a SQLite database file opened read-only and immutable: nothing
    /// is written beside it (no journal, no WAL), which is what a backup's copy must stay.
    /// Everything but the connections (the keys that open sealed values) is this store's.
    pub async fn open_sqlite_snapshot(&self, path: &Path) -> Result<Store> {
        let url = format!("sqlite://{}?mode=ro&immutable=true", path.display());
        let pool = AnyPoolOptions::new()
            .max_connections(1)
            .connect(&url)
            .await?;
        let mut snapshot = self.clone();
        snapshot.backend = Backend::Sqlite;
        snapshot.write = pool.clone();
        snapshot.read = pool;
        snapshot.writer = None;
        Ok(snapshot)
    }

    /// Closes a view from [`Store::open_sqlite_snapshot`]: its connections only, never what
    /// it shares with the store it came from.
    pub async fn close_snapshot(self) {
        self.read.close().await;
    }

    /// Writes a consistent copy of a SQLite database to `dest` with `VACUUM INTO`, which
    /// reads the whole database in one read transaction while the writer goes on: the copy
    /// holds every transaction committed before it began and none after. `dest` must not
    /// exist.
    pub async fn snapshot_sqlite(&self, dest: &Path) -> Result<()> {
        if self.backend != Backend::Sqlite {
            return Err(StoreError::Corrupt(
                "a snapshot is taken of a SQLite database only; use pg_dump for PostgreSQL".into(),
            ));
        }
        let dest = dest.to_str().ok_or_else(|| {
            StoreError::Io(std::io::Error::new(
                std::io::ErrorKind::InvalidInput,
                "the backup path is not valid UTF-8",
            ))
        })?;
        sqlx::query("VACUUM INTO $1")
            .bind(dest.to_owned())
            .execute(&self.read)
            .await?;
        Ok(())
    }

    /// Every document and every file a row refers to: each document's original and its file
    /// as signed so far, each signer's selfie, each person's file, each template's file.
    pub async fn inventory(&self) -> Result<Inventory> {
        let mut inventory = Inventory::default();
        let mut after = String::new();
        loop {
            let rows = sqlx::query(
                "SELECT id, tenant_id, mode, doc FROM documents WHERE id > $1 ORDER BY id LIMIT $2",
            )
            .bind(after.clone())
            .bind(PAGE)
            .fetch_all(&self.read)
            .await?;
            let Some(last) = rows.last() else { break };
            after = last.try_get("id")?;
            for row in &rows {
                let tenant_id: String = row.try_get("tenant_id")?;
                let mode: String = row.try_get("mode")?;
                let doc: String = row.try_get("doc")?;
                let document: Document = serde_json::from_str(&doc)?;
                let id = document.id.as_str().to_owned();
                inventory.files.push(FileReference {
                    key: document.original_key.clone(),
                    sha256: document.original_sha256.clone(),
                    size: Some(document.size),
                    owner: format!("document {id}'s original"),
                    tenant_id: tenant_id.clone(),
                    document_id: Some(id.clone()),
                });
                if document.file_key != document.original_key {
                    inventory.files.push(FileReference {
                        key: document.file_key.clone(),
                        sha256: document.current_sha256.clone(),
                        size: None,
                        owner: format!("document {id}'s file as signed"),
                        tenant_id: tenant_id.clone(),
                        document_id: Some(id),
                    });
                }
                inventory.documents.push(StoredDocument {
                    tenant_id,
                    mode: crate::Mode::parse(&mode)
                        .ok_or_else(|| StoreError::Corrupt("document mode".into()))?,
                    document,
                });
            }
        }
        let mut after = String::new();
        loop {
            let rows = sqlx::query(
                "SELECT id, tenant_id, document_id, doc FROM signers WHERE id > $1 ORDER BY id LIMIT $2",
            )
            .bind(after.clone())
            .bind(PAGE)
            .fetch_all(&self.read)
            .await?;
            let Some(last) = rows.last() else { break };
            after = last.try_get("id")?;
            for row in &rows {
                let doc: String = row.try_get("doc")?;
                let signer: Signer = serde_json::from_str(&doc)?;
                if let Some(selfie) = signer.selfie {
                    inventory.files.push(FileReference {
                        key: selfie.blob_key,
                        sha256: selfie.sha256,
                        size: None,
                        owner: format!("signer {}'s selfie", signer.id.as_str()),
                        tenant_id: row.try_get("tenant_id")?,
                        document_id: Some(row.try_get("document_id")?),
                    });
                }
            }
        }
        let mut after = String::new();
        loop {
            let rows = sqlx::query(
                "SELECT id, tenant_id, person_id, size, sha256, blob_key FROM person_documents WHERE id > $1 ORDER BY id LIMIT $2",
            )
            .bind(after.clone())
            .bind(PAGE)
            .fetch_all(&self.read)
            .await?;
            let Some(last) = rows.last() else { break };
            after = last.try_get("id")?;
            for row in &rows {
                let id: String = row.try_get("id")?;
                let person: String = row.try_get("person_id")?;
                let size: i64 = row.try_get("size")?;
                inventory.files.push(FileReference {
                    key: row.try_get("blob_key")?,
                    sha256: row.try_get("sha256")?,
                    size: u64::try_from(size).ok(),
                    owner: format!("person {person}'s file {id}"),
                    tenant_id: row.try_get("tenant_id")?,
                    document_id: None,
                });
            }
        }
        let mut after = String::new();
        loop {
            let rows = sqlx::query(
                "SELECT id, tenant_id, size, sha256, file_key FROM templates WHERE id > $1 ORDER BY id LIMIT $2",
            )
            .bind(after.clone())
            .bind(PAGE)
            .fetch_all(&self.read)
            .await?;
            let Some(last) = rows.last() else { break };
            after = last.try_get("id")?;
            for row in &rows {
                let id: String = row.try_get("id")?;
                let size: i64 = row.try_get("size")?;
                inventory.files.push(FileReference {
                    key: row.try_get("file_key")?,
                    sha256: row.try_get("sha256")?,
                    size: u64::try_from(size).ok(),
                    owner: format!("template {id}'s file"),
                    tenant_id: row.try_get("tenant_id")?,
                    document_id: None,
                });
            }
        }
        Ok(inventory)
    }

    /// The documents that have an audit trail, deleted ones included (their trail stays).
    pub async fn audited_documents(&self) -> Result<Vec<String>> {
        let rows =
            sqlx::query("SELECT DISTINCT document_id FROM document_audit ORDER BY document_id")
                .fetch_all(&self.read)
                .await?;
        rows.iter()
            .map(|r| Ok(r.try_get::<String, _>(0)?))
            .collect()
    }

    /// Whether a document's row is still there, whatever its tenant (a file reported missing
    /// while the server runs may belong to one deleted since it was listed).
    pub async fn document_row_exists(&self, id: &str) -> Result<bool> {
        let row = sqlx::query("SELECT 1 FROM documents WHERE id = $1")
            .bind(id.to_owned())
            .fetch_optional(&self.read)
            .await?;
        Ok(row.is_some())
    }

    /// Whether a person's file row, or a template, still points at `key`.
    pub async fn person_file_row_exists(&self, key: &str) -> Result<bool> {
        let row = sqlx::query(
            "SELECT 1 FROM person_documents WHERE blob_key = $1 \
             UNION ALL SELECT 1 FROM templates WHERE file_key = $1",
        )
        .bind(key.to_owned())
        .fetch_optional(&self.read)
        .await?;
        Ok(row.is_some())
    }

    /// Holds off file deletions until `until` (wall clock): document deletion leaves its
    /// files to the sweeper, and the sweeper deletes nothing. A later hold wins; committed
    /// before the backup's snapshot is taken.
    pub async fn hold_file_deletions(&self, until: Timestamp) -> Result<()> {
        let mut conn = self.write_conn().await?;
        sqlx::query(
            "INSERT INTO periodic_tasks (name, next_run_at) VALUES ($1, 0) ON CONFLICT (name) DO NOTHING",
        )
        .bind(HOLD)
        .execute(&mut *conn)
        .await?;
        sqlx::query(
            "UPDATE periodic_tasks SET next_run_at = $1 WHERE name = $2 AND next_run_at < $3",
        )
        .bind(to_millis(&until))
        .bind(HOLD)
        .bind(to_millis(&until))
        .execute(&mut *conn)
        .await?;
        Ok(())
    }

    /// Ends the hold taken until `until`, unless another backup has held longer since.
    pub async fn release_file_deletions(&self, until: Timestamp) -> Result<()> {
        sqlx::query(
            "UPDATE periodic_tasks SET next_run_at = 0 WHERE name = $1 AND next_run_at = $2",
        )
        .bind(HOLD)
        .bind(to_millis(&until))
        .execute(&mut *self.write_conn().await?)
        .await?;
        Ok(())
    }

    /// Whether a backup holds off file deletions at `now` (wall clock).
    pub async fn file_deletions_held(&self, now: Timestamp) -> Result<bool> {
        let row = sqlx::query("SELECT next_run_at FROM periodic_tasks WHERE name = $1")
            .bind(HOLD)
            .fetch_optional(&self.read)
            .await?;
        Ok(match row {
            Some(r) => r.try_get::<i64, _>(0)? > to_millis(&now),
            None => false,
        })
    }
}
