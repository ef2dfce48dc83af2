//! Tenants, API keys and the test clock.

use crate::{Result, Store, StoreError, Tx};
use signet_core::ids::{ApiKeyId, TenantId};
use signet_core::time::{Timestamp, from_millis, to_millis};
use sqlx::Row;
use sqlx::any::AnyRow;

/// Test mode (sandbox, test clock, static codes) or live mode: the domain's type, stored as
/// its word (`test`, `live`).
pub use signet_core::tenant::Mode;

#[derive(Debug, Clone)]
pub struct Tenant {
    pub id: TenantId,
    pub name: String,
    pub created_at: Timestamp,
    /// Test-mode time is wall time plus this offset.
    pub clock_offset_ms: i64,
    pub residency_countries: Option<Vec<String>>,
}

impl Tenant {
    /// The tenant's clock in a mode: live mode runs on wall time.
    pub fn now(&self, mode: Mode, wall: Timestamp) -> Timestamp {
        match mode {
            Mode::Live => wall,
            Mode::Test => wall + chrono::Duration::milliseconds(self.clock_offset_ms),
        }
    }
}

#[derive(Debug, Clone)]
pub struct ApiKeyRow {
    pub id: ApiKeyId,
    pub tenant_id: TenantId,
    pub mode: Mode,
    /// SHA-256 of the whole key, hex.
    pub digest: String,
    pub revoked: bool,
}

/// How long an API key and its tenant, once read, serve requests without reading them again.
/// A change made in this process is seen at once ([`tenants_changed`]); one made by another
/// process (a second server, the CLI) within this time.
pub const API_KEY_CACHE_TTL: std::time::Duration = std::time::Duration::from_secs(1);
const API_KEY_CACHE_MAX: usize = 10_000;

/// Bumped by every change of a tenant or an API key in this process: cached reads from before
/// it are not used again.
static TENANTS_GENERATION: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);

fn tenants_changed() {
    TENANTS_GENERATION.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
}

/// API keys (by prefix) and their tenants as read lately: every API request is authenticated
/// by one, and reading it each time was a round trip to the database per request. Only keys
/// found are kept; the caller still checks the presented key against the digest.
#[derive(Default)]
pub(crate) struct ApiKeyCache {
    entries: std::sync::Mutex<std::collections::HashMap<String, CachedKey>>,
}

struct CachedKey {
    key: ApiKeyRow,
    tenant: Tenant,
    read_at: std::time::Instant,
    generation: u64,
}

impl ApiKeyCache {
    fn get(&self, prefix: &str) -> Option<(ApiKeyRow, Tenant)> {
        let generation = TENANTS_GENERATION.load(std::sync::atomic::Ordering::SeqCst);
        let entries = self.entries.lock().expect("api key cache");
        let e = entries.get(prefix)?;
        (e.generation == generation && e.read_at.elapsed() < API_KEY_CACHE_TTL)
            .then(|| (e.key.clone(), e.tenant.clone()))
    }

    fn put(&self, prefix: &str, key: &ApiKeyRow, tenant: &Tenant, generation: u64) {
        let mut entries = self.entries.lock().expect("api key cache");
        if entries.len() >= API_KEY_CACHE_MAX {
            entries.clear();
        }
        entries.insert(
            prefix.to_owned(),
            CachedKey {
                key: key.clone(),
                tenant: tenant.clone(),
                read_at: std::time::Instant::now(),
                generation,
            },
        );
    }
}

fn tenant_from_row(row: &AnyRow) -> Result<Tenant> {
    let id: String = row.try_get("id")?;
    let countries: Option<String> = row.try_get("residency_countries")?;
    Ok(Tenant {
        id: TenantId::parse(&id).ok_or_else(|| StoreError::Corrupt(format!("tenant id {id}")))?,
        name: row.try_get("name")?,
        created_at: from_millis(row.try_get("created_at")?),
        clock_offset_ms: row.try_get("clock_offset_ms")?,
        residency_countries: countries.map(|c| serde_json::from_str(&c)).transpose()?,
    })
}

const TENANT_COLUMNS: &str = "id, name, created_at, clock_offset_ms, residency_countries";

impl Store {
    pub async fn create_tenant(&self, id: &TenantId, name: &str, now: Timestamp) -> Result<Tenant> {
        sqlx::query(
            "INSERT INTO tenants (id, name, created_at, clock_offset_ms) VALUES ($1, $2, $3, 0)",
        )
        .bind(id.as_str())
        .bind(name)
        .bind(to_millis(&now))
        .execute(&mut *self.write_conn().await?)
        .await
        .map_err(|e| StoreError::on_constraint(e, "a tenant with this name exists"))?;
        self.tenant(id).await
    }

    pub async fn tenant(&self, id: &TenantId) -> Result<Tenant> {
        let row = sqlx::query(sqlx::AssertSqlSafe(format!(
            "SELECT {TENANT_COLUMNS} FROM tenants WHERE id = $1"
        )))
        .bind(id.as_str())
        .fetch_optional(&mut *self.write_conn().await?)
        .await?
        .ok_or(StoreError::NotFound)?;
        tenant_from_row(&row)
    }

    pub async fn tenant_by_name(&self, name: &str) -> Result<Tenant> {
        let row = sqlx::query(sqlx::AssertSqlSafe(format!(
            "SELECT {TENANT_COLUMNS} FROM tenants WHERE name = $1"
        )))
        .bind(name)
        .fetch_optional(&self.read)
        .await?
        .ok_or(StoreError::NotFound)?;
        tenant_from_row(&row)
    }

    pub async fn tenant_count(&self) -> Result<i64> {
        Ok(sqlx::query("SELECT COUNT(*) FROM tenants")
            .fetch_one(&mut *self.write_conn().await?)
            .await?
            .try_get(0)?)
    }

    pub async fn set_residency_countries(
        &self,
        id: &TenantId,
        countries: Option<&[String]>,
    ) -> Result<()> {
        let json = countries.map(serde_json::to_string).transpose()?;
        let done = sqlx::query("UPDATE tenants SET residency_countries = $1 WHERE id = $2")
            .bind(json)
            .bind(id.as_str())
            .execute(&mut *self.write_conn().await?)
            .await?;
        tenants_changed();
        if done.rows_affected() == 0 {
            return Err(StoreError::NotFound);
        }
        Ok(())
    }

    pub async fn insert_api_key(
        &self,
        id: &ApiKeyId,
        tenant: &TenantId,
        mode: Mode,
        prefix: &str,
        digest: &str,
        now: Timestamp,
    ) -> Result<()> {
        sqlx::query(
            "INSERT INTO api_keys (id, tenant_id, mode, prefix, digest, created_at) VALUES ($1, $2, $3, $4, $5, $6)",
        )
        .bind(id.as_str())
        .bind(tenant.as_str())
        .bind(mode.as_str())
        .bind(prefix)
        .bind(digest)
        .bind(to_millis(&now))
        .execute(&mut *self.write_conn().await?)
        .await
        .map_err(|e| StoreError::on_constraint(e, "key prefix collision"))?;
        Ok(())
    }

    /// The key with this public prefix and its tenant, in one query; the
    /// caller compares the digest in constant time.
    /// The API key of `prefix` and its tenant; read at most once per
    /// [`API_KEY_CACHE_TTL`] (a key not found is read every time).
    pub async fn api_key_by_prefix(&self, prefix: &str) -> Result<(ApiKeyRow, Tenant)> {
        if let Some(found) = self.api_keys.get(prefix) {
            return Ok(found);
        }
        // Read before the read: a change committed meanwhile makes this entry stale.
        let generation = TENANTS_GENERATION.load(std::sync::atomic::Ordering::SeqCst);
        let found = self.read_api_key(prefix).await?;
        self.api_keys.put(prefix, &found.0, &found.1, generation);
        Ok(found)
    }

    async fn read_api_key(&self, prefix: &str) -> Result<(ApiKeyRow, Tenant)> {
        let row = sqlx::query(
            "SELECT k.id AS key_id, k.mode, k.digest, k.revoked_at, t.id, t.name, t.created_at, t.clock_offset_ms, t.residency_countries \
             FROM api_keys k JOIN tenants t ON t.id = k.tenant_id WHERE k.prefix = $1",
        )
        .bind(prefix)
        .fetch_optional(&self.read)
        .await?
        .ok_or(StoreError::NotFound)?;
        let tenant = tenant_from_row(&row)?;
        let key_id: String = row.try_get("key_id")?;
        let mode: String = row.try_get("mode")?;
        let revoked: Option<i64> = row.try_get("revoked_at")?;
        Ok((
            ApiKeyRow {
                id: ApiKeyId::parse(&key_id)
                    .ok_or_else(|| StoreError::Corrupt("api key id".into()))?,
                tenant_id: tenant.id.clone(),
                mode: Mode::parse(&mode)
                    .ok_or_else(|| StoreError::Corrupt("api key mode".into()))?,
                digest: row.try_get("digest")?,
                revoked: revoked.is_some(),
            },
            tenant,
        ))
    }

    /// Reads the tenant's clock offset inside a transaction (after a lock on
    /// PostgreSQL), so a job and a clock advance never interleave.
    pub async fn tenant_in_tx(&self, tx: &mut Tx, id: &TenantId) -> Result<Tenant> {
        let row = sqlx::query(sqlx::AssertSqlSafe(format!(
            "SELECT {TENANT_COLUMNS} FROM tenants WHERE id = $1{}",
            self.backend.for_no_key_update()
        )))
        .bind(id.as_str())
        .fetch_optional(&mut **tx)
        .await?
        .ok_or(StoreError::NotFound)?;
        tenant_from_row(&row)
    }

    /// Advances a tenant's test clock and moves its test-mode timers with it,
    /// in one transaction. Returns the new offset.
    pub async fn advance_clock(&self, id: &TenantId, delta_ms: i64) -> Result<i64> {
        let mut tx = self.begin().await?;
        let tenant = self.tenant_in_tx(&mut tx, id).await?;
        let offset = tenant.clock_offset_ms.saturating_add(delta_ms);
        sqlx::query("UPDATE tenants SET clock_offset_ms = $1 WHERE id = $2")
            .bind(offset)
            .bind(id.as_str())
            .execute(&mut *tx)
            .await?;
        sqlx::query("UPDATE jobs SET run_at = run_at - $1 WHERE tenant_id = $2 AND mode = 'test'")
            .bind(delta_ms)
            .bind(id.as_str())
            .execute(&mut *tx)
            .await?;
        // Webhook retries are due on the tenant clock too.
        sqlx::query(
            "UPDATE webhook_messages SET run_at = run_at - $1 WHERE tenant_id = $2 AND mode = 'test' AND status = 'pending'",
        )
        .bind(delta_ms)
        .bind(id.as_str())
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
        tenants_changed();
        Ok(offset)
    }
}

/// A tenant's limits (0 = none), as `signet tenant limits` sets them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TenantLimits {
    /// Signers on one document (return code 75 beyond).
    pub signers_per_document: u64,
    /// Templates the tenant may keep (return code 77 beyond).
    pub templates: u64,
    /// Bytes of documents the tenant may keep stored (return code 112 beyond).
    pub stored_bytes: u64,
    /// Live-mode SMS one-time codes per calendar month (return code 105 beyond).
    pub sms_per_month: u64,
}

impl TenantLimits {
    /// The signers per document of a tenant that set none.
    pub const DEFAULT_SIGNERS_PER_DOCUMENT: u64 = 20;
}

impl Default for TenantLimits {
    fn default() -> TenantLimits {
        TenantLimits {
            signers_per_document: TenantLimits::DEFAULT_SIGNERS_PER_DOCUMENT,
            templates: 0,
            stored_bytes: 0,
            sms_per_month: 0,
        }
    }
}

fn limit_from_row(row: &AnyRow, column: &str) -> Result<u64> {
    let v: i64 = row.try_get(column)?;
    u64::try_from(v).map_err(|_| StoreError::Corrupt(format!("tenant limit {column} {v}")))
}

fn limits_from_row(row: Option<&AnyRow>) -> Result<TenantLimits> {
    let Some(row) = row else {
        return Ok(TenantLimits::default());
    };
    Ok(TenantLimits {
        signers_per_document: limit_from_row(row, "signers_per_document")?,
        templates: limit_from_row(row, "templates")?,
        stored_bytes: limit_from_row(row, "stored_bytes")?,
        sms_per_month: limit_from_row(row, "sms_per_month")?,
    })
}

const SELECT_LIMITS: &str = "SELECT signers_per_document, templates, stored_bytes, sms_per_month \
     FROM tenant_limits WHERE tenant_id = $1";

fn limit_to_db(v: u64) -> i64 {
    i64::try_from(v).unwrap_or(i64::MAX)
}

impl Store {
    /// The tenant's limits: the defaults when it never set any.
    pub async fn tenant_limits(&self, id: &TenantId) -> Result<TenantLimits> {
        // A read: on SQLite it must not queue behind (or flush) the writer's group.
        let row = sqlx::query(SELECT_LIMITS)
            .bind(id.as_str())
            .fetch_optional(&self.read)
            .await?;
        limits_from_row(row.as_ref())
    }

    /// [`Store::tenant_limits`] inside a transaction.
    pub async fn tenant_limits_in_tx(&self, tx: &mut Tx, id: &TenantId) -> Result<TenantLimits> {
        let row = sqlx::query(SELECT_LIMITS)
            .bind(id.as_str())
            .fetch_optional(&mut **tx)
            .await?;
        limits_from_row(row.as_ref())
    }

    /// The bytes of the PDFs the tenant uploaded (in both modes) and still keeps: each
    /// document's original file, until the document is deleted.
    pub async fn tenant_stored_bytes(&self, id: &TenantId) -> Result<u64> {
        let sql = match self.backend {
            crate::Backend::Sqlite => {
                "SELECT CAST(COALESCE(SUM(json_extract(doc, '$.size')), 0) AS BIGINT) AS bytes \
                 FROM documents WHERE tenant_id = $1"
            }
            crate::Backend::Postgres => {
                "SELECT CAST(COALESCE(SUM(CAST(CAST(doc AS jsonb) ->> 'size' AS BIGINT)), 0) AS BIGINT) \
                 AS bytes FROM documents WHERE tenant_id = $1"
            }
        };
        let row = sqlx::query(sql)
            .bind(id.as_str())
            .fetch_one(&self.read)
            .await?;
        let bytes: i64 = row.try_get("bytes")?;
        Ok(u64::try_from(bytes).unwrap_or(0))
    }

    /// Replaces the tenant's limits.
    pub async fn set_tenant_limits(
        &self,
        id: &TenantId,
        limits: &TenantLimits,
        now: Timestamp,
    ) -> Result<()> {
        sqlx::query(
            "INSERT INTO tenant_limits \
             (tenant_id, signers_per_document, templates, stored_bytes, sms_per_month, updated_at) \
             VALUES ($1, $2, $3, $4, $5, $6) \
             ON CONFLICT (tenant_id) DO UPDATE SET \
             signers_per_document = excluded.signers_per_document, templates = excluded.templates, \
             stored_bytes = excluded.stored_bytes, sms_per_month = excluded.sms_per_month, \
             updated_at = excluded.updated_at",
        )
        .bind(id.as_str())
        .bind(limit_to_db(limits.signers_per_document))
        .bind(limit_to_db(limits.templates))
        .bind(limit_to_db(limits.stored_bytes))
        .bind(limit_to_db(limits.sms_per_month))
        .bind(to_millis(&now))
        .execute(&mut *self.write_conn().await?)
        .await?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A key read once is served from memory; a change of its tenant made in this process
    /// (through any handle on the database) is seen by the next read at once.
    #[tokio::test]
    async fn the_key_cache_sees_a_tenant_change_made_in_this_process_at_once() {
        let dir = std::env::temp_dir().join(format!("signet-key-cache-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let file = dir.join("keys.db");
        let _ = std::fs::remove_file(&file);
        let url = format!("sqlite://{}", file.display());
        let store = Store::connect(&url).await.unwrap();
        store.migrate().await.unwrap();
        let now = signet_core::time::from_millis(1_700_000_000_000);
        let tenant = TenantId::from_random([7; 16]);
        store.create_tenant(&tenant, "cached", now).await.unwrap();
        let prefix = "ABCDEFGHIJKLMNOP";
        store
            .insert_api_key(
                &ApiKeyId::from_random([8; 16]),
                &tenant,
                Mode::Test,
                prefix,
                "digest",
                now,
            )
            .await
            .unwrap();
        let (_, read) = store.api_key_by_prefix(prefix).await.unwrap();
        assert_eq!(read.residency_countries, None);
        assert_eq!(store.api_keys.entries.lock().unwrap().len(), 1);

        let other = Store::connect(&url).await.unwrap();
        other
            .set_residency_countries(&tenant, Some(&["DE".to_owned()]))
            .await
            .unwrap();
        let (_, read) = store.api_key_by_prefix(prefix).await.unwrap();
        assert_eq!(read.residency_countries, Some(vec!["DE".to_owned()]));
        other.advance_clock(&tenant, 60_000).await.unwrap();
        let (_, read) = store.api_key_by_prefix(prefix).await.unwrap();
        assert_eq!(read.clock_offset_ms, 60_000);
        // An unknown prefix is never kept.
        assert!(matches!(
            store.api_key_by_prefix("ZZZZZZZZZZZZZZZZ").await,
            Err(StoreError::NotFound)
        ));
        assert!(
            !store
                .api_keys
                .entries
                .lock()
                .unwrap()
                .contains_key("ZZZZZZZZZZZZZZZZ")
        );
        other.close().await;
        store.close().await;
        let _ = std::fs::remove_dir_all(&dir);
    }
}
