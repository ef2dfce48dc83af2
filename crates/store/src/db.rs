//! Connections, transactions and migrations.

use crate::writer::{Tx, WriteConn, Writer};
use crate::{Result, StoreError};
use sqlx::any::{AnyPoolOptions, install_default_drivers};
use sqlx::{AnyPool, Executor, Row};
use std::time::Duration;

/// Which database a store runs on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

impl Backend {
    pub fn from_url(url: &str) -> Result<Backend> {
        if url.starts_with("sqlite:") {
            Ok(Backend::Sqlite)
        } else if url.starts_with("postgres:") || url.starts_with("postgresql:") {
            Ok(Backend::Postgres)
        } else {
            Err(StoreError::UnsupportedUrl(url.to_owned()))
        }
    }

    /// Row lock for read-modify-write inside a transaction. SQLite needs
    /// none: its single writer connection serialises every transaction.
    pub(crate) fn for_update(self) -> &'static str {
        match self {
            Backend::Sqlite => "",
            Backend::Postgres => " FOR UPDATE",
        }
    }

    /// Row lock for a tenant's row, whose key never changes: it keeps out other lockers and
    /// updates of the row as `FOR UPDATE` does, but not the key-share lock with which every
    /// insert naming the tenant checks its foreign key. With `FOR UPDATE`, each transaction
    /// that read the tenant's clock under lock (a request of the identification flow, a job)
    /// made every new person, identification and event of the tenant wait for its commit.
    pub(crate) fn for_no_key_update(self) -> &'static str {
        match self {
            Backend::Sqlite => "",
            Backend::Postgres => " FOR NO KEY UPDATE",
        }
    }

    /// Claim without waiting for rows another process holds.
    pub(crate) fn skip_locked(self) -> &'static str {
        match self {
            Backend::Sqlite => "",
            Backend::Postgres => " FOR UPDATE SKIP LOCKED",
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Backend::Sqlite => "sqlite",
            Backend::Postgres => "postgres",
        }
    }
}

/// The storage handle; cheap to clone.
#[derive(Clone)]
pub struct Store {
    pub(crate) backend: Backend,
    /// Writes (and reads that must see them) go here.
    pub(crate) write: AnyPool,
    /// Plain reads. The same pool as `write` on PostgreSQL.
    pub(crate) read: AnyPool,
    /// Seals secrets at rest (`sealed.rs`); set by the server from the master key.
    pub(crate) sealer: Option<std::sync::Arc<crate::sealed::Sealer>>,
    /// Encrypts personal data under the keyring's data keys (`keyring.rs`); set by the server.
    pub(crate) keyring: Option<std::sync::Arc<crate::keyring::Keyring>>,
    /// SQLite's single writer, which commits concurrent transactions in groups
    /// (`writer.rs`); `None` on PostgreSQL.
    pub(crate) writer: Option<std::sync::Arc<Writer>>,
    /// API keys and their tenants as read lately (`tenants.rs`).
    pub(crate) api_keys: std::sync::Arc<crate::tenants::ApiKeyCache>,
    /// SQLite's WAL checkpoints, run beside the writer ([`checkpoint_wal`]); stopped when the
    /// last handle goes. `None` on PostgreSQL.
    _checkpoints: Option<std::sync::Arc<StopOnDrop>>,
}

/// How often a reader connection copies the WAL back into the database file. SQLite would
/// otherwise checkpoint on the writer's own connection whenever a commit takes the WAL past
/// 1,000 pages (several times a second under load), and every queued write waited while the
/// pages were copied and the file synced (BENCHMARKS.md: +12 % person creation without it).
const CHECKPOINT_EVERY: Duration = Duration::from_millis(100);

/// WAL pages past which the writer still checkpoints itself (64 MiB of 4 KiB pages), for a
/// process whose checkpoint task has fallen behind or is not running.
const WRITER_CHECKPOINT_PAGES: u32 = 16_384;

/// Aborts a background task when dropped.
struct StopOnDrop(tokio::task::AbortHandle);

impl Drop for StopOnDrop {
    fn drop(&mut self) {
        self.0.abort();
    }
}

/// A WAL smaller than this is left to the writer's own checkpoint: an idle server (a fresh
/// database's WAL is about 1 MB) then keeps no reader connection open for checkpoints.
const CHECKPOINT_FROM_BYTES: u64 = 2 << 20;

/// Checkpoints the WAL `wal` every [`CHECKPOINT_EVERY`] on a reader connection, `PASSIVE`: it
/// copies what no reader still needs and never waits for readers or the writer, which keeps
/// appending meanwhile. Once a checkpoint has caught up, the writer's next transaction starts
/// the WAL over, so the file stays small. Skipped while the WAL is small or unchanged since
/// the last checkpoint.
async fn checkpoint_wal(read: AnyPool, wal: std::path::PathBuf) {
    let mut tick = tokio::time::interval(CHECKPOINT_EVERY);
    tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    let mut checkpointed_at = None;
    loop {
        tick.tick().await;
        if read.is_closed() {
            return;
        }
        let Ok(meta) = std::fs::metadata(&wal) else {
            continue;
        };
        let modified = meta.modified().ok();
        if meta.len() < CHECKPOINT_FROM_BYTES || modified == checkpointed_at {
            continue;
        }
        checkpointed_at = modified;
        if let Err(e) = sqlx::query("PRAGMA wal_checkpoint(PASSIVE)")
            .fetch_all(&read)
            .await
        {
            if read.is_closed() {
                return;
            }
            tracing::warn!(error = %e, "WAL checkpoint failed; the writer checkpoints past its limit");
        }
    }
}

/// How SQLite makes a commit durable (`PRAGMA synchronous`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum SqliteSync {
    /// Durable across a crash of the process (`kill -9`); a power loss may lose the last
    /// commits, never corrupt the database. WAL's recommended setting.
    #[default]
    Normal,
    /// Every commit waits for the disk (an fsync of the WAL): durable across a power loss.
    Full,
}

struct Migration {
    version: i64,
    name: &'static str,
    sqlite: &'static str,
    postgres: &'static str,
}

/// Migrations are embedded, applied in order, and never edited once released.
const MIGRATIONS: &[Migration] = &[
    Migration {
        version: 1,
        name: "foundation",
        sqlite: include_str!("../migrations/sqlite/0001_foundation.sql"),
        postgres: include_str!("../migrations/postgres/0001_foundation.sql"),
    },
    Migration {
        version: 2,
        name: "webhooks",
        sqlite: include_str!("../migrations/sqlite/0002_webhooks.sql"),
        postgres: include_str!("../migrations/postgres/0002_webhooks.sql"),
    },
    Migration {
        version: 3,
        name: "screening",
        sqlite: include_str!("../migrations/sqlite/0003_screening.sql"),
        postgres: include_str!("../migrations/postgres/0003_screening.sql"),
    },
    Migration {
        version: 4,
        name: "screening_hits",
        sqlite: include_str!("../migrations/sqlite/0004_screening_hits.sql"),
        postgres: include_str!("../migrations/postgres/0004_screening_hits.sql"),
    },
    Migration {
        version: 5,
        name: "documents",
        sqlite: include_str!("../migrations/sqlite/0005_documents.sql"),
        postgres: include_str!("../migrations/postgres/0005_documents.sql"),
    },
    Migration {
        version: 6,
        name: "operators",
        sqlite: include_str!("../migrations/sqlite/0006_operators.sql"),
        postgres: include_str!("../migrations/postgres/0006_operators.sql"),
    },
    Migration {
        version: 7,
        name: "identification_review",
        sqlite: include_str!("../migrations/sqlite/0007_identification_review.sql"),
        postgres: include_str!("../migrations/postgres/0007_identification_review.sql"),
    },
    Migration {
        version: 8,
        name: "back_office",
        sqlite: include_str!("../migrations/sqlite/0008_back_office.sql"),
        postgres: include_str!("../migrations/postgres/0008_back_office.sql"),
    },
    Migration {
        version: 9,
        name: "secrets",
        sqlite: include_str!("../migrations/sqlite/0009_secrets.sql"),
        postgres: include_str!("../migrations/postgres/0009_secrets.sql"),
    },
    Migration {
        version: 10,
        name: "abuse_limits",
        sqlite: include_str!("../migrations/sqlite/0010_abuse_limits.sql"),
        postgres: include_str!("../migrations/postgres/0010_abuse_limits.sql"),
    },
    Migration {
        version: 11,
        name: "periodic_tasks",
        sqlite: include_str!("../migrations/sqlite/0011_periodic_tasks.sql"),
        postgres: include_str!("../migrations/postgres/0011_periodic_tasks.sql"),
    },
    Migration {
        version: 12,
        name: "dead_jobs",
        sqlite: include_str!("../migrations/sqlite/0012_dead_jobs.sql"),
        postgres: include_str!("../migrations/postgres/0012_dead_jobs.sql"),
    },
    Migration {
        version: 13,
        name: "issued_certificates",
        sqlite: include_str!("../migrations/sqlite/0013_issued_certificates.sql"),
        postgres: include_str!("../migrations/postgres/0013_issued_certificates.sql"),
    },
    Migration {
        version: 14,
        name: "hit_topics",
        sqlite: include_str!("../migrations/sqlite/0014_hit_topics.sql"),
        postgres: include_str!("../migrations/postgres/0014_hit_topics.sql"),
    },
    Migration {
        version: 16,
        name: "document_numbers_and_deletion",
        sqlite: include_str!("../migrations/sqlite/0016_document_numbers_and_deletion.sql"),
        postgres: include_str!("../migrations/postgres/0016_document_numbers_and_deletion.sql"),
    },
    Migration {
        version: 17,
        name: "tenant_document_settings",
        sqlite: include_str!("../migrations/sqlite/0017_tenant_document_settings.sql"),
        postgres: include_str!("../migrations/postgres/0017_tenant_document_settings.sql"),
    },
    Migration {
        version: 18,
        name: "tenant_limits",
        sqlite: include_str!("../migrations/sqlite/0018_tenant_limits.sql"),
        postgres: include_str!("../migrations/postgres/0018_tenant_limits.sql"),
    },
    Migration {
        version: 19,
        name: "document_fields",
        sqlite: include_str!("../migrations/sqlite/0019_document_fields.sql"),
        postgres: include_str!("../migrations/postgres/0019_document_fields.sql"),
    },
    Migration {
        version: 21,
        name: "person_audit",
        sqlite: include_str!("../migrations/sqlite/0021_person_audit.sql"),
        postgres: include_str!("../migrations/postgres/0021_person_audit.sql"),
    },
    Migration {
        version: 22,
        name: "signature_picture_setting",
        sqlite: include_str!("../migrations/sqlite/0022_signature_picture_setting.sql"),
        postgres: include_str!("../migrations/postgres/0022_signature_picture_setting.sql"),
    },
    Migration {
        version: 24,
        name: "webhook_payload_retention",
        sqlite: include_str!("../migrations/sqlite/0024_webhook_payload_retention.sql"),
        postgres: include_str!("../migrations/postgres/0024_webhook_payload_retention.sql"),
    },
    Migration {
        version: 25,
        name: "retention",
        sqlite: include_str!("../migrations/sqlite/0025_retention.sql"),
        postgres: include_str!("../migrations/postgres/0025_retention.sql"),
    },
    Migration {
        version: 26,
        name: "templates",
        sqlite: include_str!("../migrations/sqlite/0026_templates.sql"),
        postgres: include_str!("../migrations/postgres/0026_templates.sql"),
    },
];

impl Store {
    /// Connects to `sqlite://PATH` or `postgres://…`. A SQLite file is
    /// created when missing.
    pub async fn connect(url: &str) -> Result<Store> {
        Store::connect_with(url, SqliteSync::Normal).await
    }

    /// [`Store::connect`], choosing how SQLite makes commits durable.
    pub async fn connect_with(url: &str, sync: SqliteSync) -> Result<Store> {
        install_default_drivers();
        let backend = Backend::from_url(url)?;
        match backend {
            Backend::Sqlite => {
                crate::maintenance::restrict_sqlite_file(url)?;
                let url = sqlite_url_with_create(url);
                let write = AnyPoolOptions::new()
                    .max_connections(1)
                    .after_connect(move |conn, _| {
                        Box::pin(async move { sqlite_pragmas(conn, sync).await })
                    })
                    .connect(&url)
                    .await?;
                // The writer creates the file and switches it to WAL before
                // any reader opens it.
                write.acquire().await?;
                let read = AnyPoolOptions::new()
                    .max_connections(8)
                    .after_connect(move |conn, _| {
                        Box::pin(async move { sqlite_pragmas(conn, sync).await })
                    })
                    .connect(&url)
                    .await?;
                let checkpoints = crate::maintenance::sqlite_file(&url).map(|file| {
                    let mut wal = file.as_os_str().to_owned();
                    wal.push("-wal");
                    let task = tokio::spawn(checkpoint_wal(read.clone(), wal.into()));
                    std::sync::Arc::new(StopOnDrop(task.abort_handle()))
                });
                Ok(Store {
                    backend,
                    writer: Some(Writer::new(write.clone())),
                    write,
                    read,
                    sealer: None,
                    keyring: None,
                    api_keys: Default::default(),
                    _checkpoints: checkpoints,
                })
            }
            Backend::Postgres => {
                let pool = AnyPoolOptions::new()
                    .max_connections(16)
                    .acquire_timeout(Duration::from_secs(10))
                    .connect(url)
                    .await?;
                Ok(Store {
                    backend,
                    write: pool.clone(),
                    read: pool,
                    sealer: None,
                    keyring: None,
                    writer: None,
                    api_keys: Default::default(),
                    _checkpoints: None,
                })
            }
        }
    }

    /// This store encrypting personal data under `keyring`'s data keys. Without one, personal
    /// data is written in the clear (tools that copy rows as they are).
    pub fn with_keyring(mut self, keyring: std::sync::Arc<crate::keyring::Keyring>) -> Store {
        self.keyring = Some(keyring);
        self
    }

    /// The keyring personal data is encrypted under, when one is set.
    pub fn keyring(&self) -> Option<&std::sync::Arc<crate::keyring::Keyring>> {
        self.keyring.as_ref()
    }

    pub fn backend(&self) -> Backend {
        self.backend
    }

    /// Applies every migration not yet applied. Safe to run concurrently
    /// from several processes on PostgreSQL (an advisory lock serialises them).
    pub async fn migrate(&self) -> Result<Vec<String>> {
        let mut conn = self.write_conn().await?;
        if self.backend == Backend::Postgres {
            conn.execute("SELECT pg_advisory_lock(7262100)").await?;
        }
        let result = self.migrate_locked(&mut conn).await;
        if self.backend == Backend::Postgres {
            conn.execute("SELECT pg_advisory_unlock(7262100)").await?;
        }
        result
    }

    async fn migrate_locked(&self, conn: &mut WriteConn) -> Result<Vec<String>> {
        conn.execute(
            "CREATE TABLE IF NOT EXISTS schema_migrations (version BIGINT PRIMARY KEY, name TEXT NOT NULL, applied_at BIGINT NOT NULL)",
        )
        .await?;
        let rows = sqlx::query("SELECT version FROM schema_migrations")
            .fetch_all(&mut **conn)
            .await?;
        let applied: Vec<i64> = rows
            .iter()
            .map(|r| r.try_get::<i64, _>(0))
            .collect::<Result<_, _>>()?;
        let mut done = Vec::new();
        for m in MIGRATIONS {
            if applied.contains(&m.version) {
                continue;
            }
            let sql = match self.backend {
                Backend::Sqlite => m.sqlite,
                Backend::Postgres => m.postgres,
            };
            let mut tx = sqlx::Connection::begin(&mut **conn).await?;
            for stmt in split_statements(sql) {
                tx.execute(sqlx::AssertSqlSafe(stmt)).await?;
            }
            sqlx::query(
                "INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)",
            )
            .bind(m.version)
            .bind(m.name)
            .bind(wall_millis())
            .execute(&mut *tx)
            .await?;
            tx.commit().await?;
            done.push(format!("{:04}_{}", m.version, m.name));
        }
        Ok(done)
    }

    /// Starts a write transaction. On SQLite it joins the group being committed, if any
    /// (`writer.rs`).
    pub async fn begin(&self) -> Result<Tx> {
        match &self.writer {
            Some(writer) => Ok(writer.begin().await?),
            None => Ok(Tx::pooled(self.write.begin().await?)),
        }
    }

    /// The write connection, for a statement outside a transaction (on SQLite, once the open
    /// group of transactions has committed).
    pub(crate) async fn write_conn(&self) -> Result<WriteConn> {
        match &self.writer {
            Some(writer) => Ok(writer.conn().await?),
            None => Ok(WriteConn::pooled(self.write.acquire().await?)),
        }
    }

    /// Is the database answering?
    pub async fn ping(&self) -> Result<()> {
        sqlx::query("SELECT 1").execute(&self.read).await?;
        Ok(())
    }

    pub async fn close(&self) {
        if let Some(writer) = &self.writer {
            writer.release().await;
        }
        self.write.close().await;
        self.read.close().await;
    }
}

/// Wall-clock milliseconds for bookkeeping columns only (migration times).
fn wall_millis() -> i64 {
    #[allow(clippy::disallowed_methods)]
    let now = std::time::SystemTime::now();
    now.duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_millis() as i64)
        .unwrap_or(0)
}

fn sqlite_url_with_create(url: &str) -> String {
    if url.contains("mode=") || url.contains(":memory:") {
        url.to_owned()
    } else if url.contains('?') {
        format!("{url}&mode=rwc")
    } else {
        format!("{url}?mode=rwc")
    }
}

async fn sqlite_pragmas(
    conn: &mut sqlx::AnyConnection,
    sync: SqliteSync,
) -> Result<(), sqlx::Error> {
    // WAL keeps readers off the writer's back; NORMAL sync is durable across
    // a process crash (kill -9), which is the failure the product promises
    // to survive on one machine; FULL also across a power loss.
    conn.execute("PRAGMA journal_mode = WAL").await?;
    conn.execute(match sync {
        SqliteSync::Normal => "PRAGMA synchronous = NORMAL",
        SqliteSync::Full => "PRAGMA synchronous = FULL",
    })
    .await?;
    conn.execute("PRAGMA foreign_keys = ON").await?;
    conn.execute("PRAGMA busy_timeout = 10000").await?;
    conn.execute(sqlx::AssertSqlSafe(format!(
        "PRAGMA wal_autocheckpoint = {WRITER_CHECKPOINT_PAGES}"
    )))
    .await?;
    Ok(())
}

/// Splits a migration file into statements (no statement contains `;` in
/// a string literal; comments are dropped).
fn split_statements(sql: &str) -> Vec<String> {
    let without_comments: String = sql
        .lines()
        .map(|l| match l.find("--") {
            Some(i) => &l[..i],
            None => l,
        })
        .collect::<Vec<_>>()
        .join("\n");
    without_comments
        .split(';')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_owned)
        .collect()
}
