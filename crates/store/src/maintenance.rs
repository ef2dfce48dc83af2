//! Installation-wide upkeep: periodic chores shared by every process, the references the
//! blob sweeper checks, and the permissions of what Signet keeps on disk.

use crate::{Result, Store};
use signet_core::ids::{DocumentId, PersonDocumentId, TenantId};
use signet_core::time::{Timestamp, to_millis};
use std::path::Path;

impl Store {
    /// Claims the periodic task `name` when it is due at `now`, moving its next run to `next`
    /// in the same statement: true for the one caller (of every process) that moved it.
    pub async fn claim_periodic(
        &self,
        name: &str,
        now: Timestamp,
        next: Timestamp,
    ) -> Result<bool> {
        let done = sqlx::query(
            "UPDATE periodic_tasks SET next_run_at = $1 WHERE name = $2 AND next_run_at <= $3",
        )
        .bind(to_millis(&next))
        .bind(name)
        .bind(to_millis(&now))
        .execute(&mut *self.write_conn().await?)
        .await?;
        Ok(done.rows_affected() == 1)
    }

    /// Whether a document of this tenant exists (its files are kept while it does).
    pub async fn document_exists(&self, tenant: &TenantId, id: &DocumentId) -> Result<bool> {
        let row = sqlx::query("SELECT 1 FROM documents WHERE id = $1 AND tenant_id = $2")
            .bind(id.as_str())
            .bind(tenant.as_str())
            .fetch_optional(&self.read)
            .await?;
        Ok(row.is_some())
    }

    /// Whether a person's file row points at `blob_key`.
    pub async fn person_document_exists(
        &self,
        tenant: &TenantId,
        id: &PersonDocumentId,
        blob_key: &str,
    ) -> Result<bool> {
        let row = sqlx::query(
            "SELECT 1 FROM person_documents WHERE id = $1 AND tenant_id = $2 AND blob_key = $3",
        )
        .bind(id.as_str())
        .bind(tenant.as_str())
        .bind(blob_key)
        .fetch_optional(&self.read)
        .await?;
        Ok(row.is_some())
    }

    /// Live-mode API keys not revoked: a tenant that works with real people's data.
    pub async fn live_key_count(&self) -> Result<i64> {
        use sqlx::Row;
        Ok(
            sqlx::query("SELECT COUNT(*) FROM api_keys WHERE mode = 'live' AND revoked_at IS NULL")
                .fetch_one(&self.read)
                .await?
                .try_get(0)?,
        )
    }
}

/// Creates `dir` (and its missing parents) readable by Signet's user alone (0700), or
/// narrows an existing one to that.
pub fn restrict_dir(dir: &Path) -> std::io::Result<()> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::{DirBuilderExt, PermissionsExt};
        match std::fs::metadata(dir) {
            Ok(meta) if meta.is_dir() => {
                if meta.permissions().mode() & 0o077 != 0 {
                    std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o700))?;
                }
                Ok(())
            }
            Ok(_) => Err(std::io::Error::other(format!(
                "{} is not a directory",
                dir.display()
            ))),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => std::fs::DirBuilder::new()
                .recursive(true)
                .mode(0o700)
                .create(dir),
            Err(e) => Err(e),
        }
    }
    #[cfg(not(unix))]
    {
        std::fs::create_dir_all(dir)
    }
}

/// Narrows an existing file to Signet's user alone (0600); a missing one is fine.
pub fn restrict_file(path: &Path) -> std::io::Result<()> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        match std::fs::metadata(path) {
            Ok(meta) if meta.permissions().mode() & 0o077 != 0 => {
                std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o600))
            }
            Ok(_) => Ok(()),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
            Err(e) => Err(e),
        }
    }
    #[cfg(not(unix))]
    {
        let _ = path;
        Ok(())
    }
}

/// The database file of a `sqlite://PATH` URL (`None` for an in-memory database).
pub(crate) fn sqlite_file(url: &str) -> Option<&Path> {
    let path = url
        .strip_prefix("sqlite://")
        .or_else(|| url.strip_prefix("sqlite:"))
        .unwrap_or("");
    let path = path.split('?').next().unwrap_or("");
    (!path.is_empty() && !path.contains(":memory:")).then(|| Path::new(path))
}

/// The file of a `sqlite://PATH` URL, created empty with mode 0600 before SQLite opens it
/// (its `-wal` and `-shm` files take the database's mode), or narrowed to 0600 with them.
pub(crate) fn restrict_sqlite_file(url: &str) -> std::io::Result<()> {
    let Some(path) = sqlite_file(url) else {
        return Ok(());
    };
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        match std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .mode(0o600)
            .open(path)
        {
            Ok(_) => return Ok(()),
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {}
            // A directory that does not exist yet: SQLite reports it as it always did.
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(()),
            Err(e) => return Err(e),
        }
    }
    restrict_file(path)?;
    for suffix in ["-wal", "-shm"] {
        let mut side = path.as_os_str().to_owned();
        side.push(suffix);
        restrict_file(Path::new(&side))?;
    }
    Ok(())
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;
    use std::os::unix::fs::PermissionsExt;

    fn mode(p: &Path) -> u32 {
        std::fs::metadata(p).expect("metadata").permissions().mode() & 0o777
    }

    #[test]
    fn directories_and_files_are_the_owner_s_alone() {
        let base = std::env::temp_dir().join(format!("signet-perm-{}", std::process::id()));
        let dir = base.join("data");
        restrict_dir(&dir).unwrap();
        assert_eq!(mode(&dir), 0o700);
        std::fs::set_permissions(&dir, std::fs::Permissions::from_mode(0o755)).unwrap();
        restrict_dir(&dir).unwrap();
        assert_eq!(mode(&dir), 0o700);

        let db = dir.join("signet.db");
        restrict_sqlite_file(&format!("sqlite://{}?mode=rwc", db.display())).unwrap();
        assert_eq!(mode(&db), 0o600);
        std::fs::set_permissions(&db, std::fs::Permissions::from_mode(0o644)).unwrap();
        restrict_sqlite_file(&format!("sqlite://{}", db.display())).unwrap();
        assert_eq!(mode(&db), 0o600);
        let _ = std::fs::remove_dir_all(&base);
    }
}
