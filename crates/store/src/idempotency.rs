//! `Idempotency-Key`: a retried POST gets the stored response.

use crate::sealed::idempotency_context;
use crate::{Mode, Result, Store, StoreError};
use signet_core::ids::TenantId;
use signet_core::time::{Timestamp, to_millis};
use sqlx::Row;

/// What a POST with a key may do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum IdempotencyBegin {
    /// First use: run the request, then [`Store::finish_idempotency`].
    Proceed,
    /// A retry: answer with this stored response.
    Replay { status: u16, body: Vec<u8> },
    /// The key was used with another request body.
    Mismatch,
    /// The first request with this key is still running.
    InProgress,
}

/// How long a key is remembered, on the tenant's clock: a retry later than this runs again.
pub const IDEMPOTENCY_TTL_MS: i64 = 24 * 60 * 60 * 1000;

impl Store {
    pub async fn begin_idempotency(
        &self,
        tenant: &TenantId,
        mode: Mode,
        key: &str,
        request_hash: &str,
        now: Timestamp,
    ) -> Result<IdempotencyBegin> {
        let now_ms = to_millis(&now);
        // Twice at most: a record found expired is removed and the key used afresh.
        for _ in 0..2 {
            let inserted = sqlx::query(
                "INSERT INTO idempotency_keys (tenant_id, mode, key, request_hash, state, created_at) VALUES ($1, $2, $3, $4, 'running', $5)",
            )
            .bind(tenant.as_str())
            .bind(mode.as_str())
            .bind(key)
            .bind(request_hash)
            .bind(now_ms)
            .execute(&mut *self.write_conn().await?)
            .await;
            match inserted {
                Ok(_) => return Ok(IdempotencyBegin::Proceed),
                Err(e) => match StoreError::on_constraint(e, "idempotency key") {
                    StoreError::Conflict(_) => {}
                    other => return Err(other),
                },
            }
            let row = sqlx::query(
                "SELECT request_hash, state, status_code, response_body, created_at FROM idempotency_keys WHERE tenant_id = $1 AND mode = $2 AND key = $3",
            )
            .bind(tenant.as_str())
            .bind(mode.as_str())
            .bind(key)
            .fetch_optional(&mut *self.write_conn().await?)
            .await?;
            // Removed between the insert and this read (an expiry, an abandoned request).
            let Some(row) = row else { continue };
            let created: i64 = row.try_get("created_at")?;
            if created <= now_ms - IDEMPOTENCY_TTL_MS {
                sqlx::query(
                    "DELETE FROM idempotency_keys WHERE tenant_id = $1 AND mode = $2 AND key = $3 AND created_at = $4",
                )
                .bind(tenant.as_str())
                .bind(mode.as_str())
                .bind(key)
                .bind(created)
                .execute(&mut *self.write_conn().await?)
                .await?;
                continue;
            }
            let hash: String = row.try_get("request_hash")?;
            if hash != request_hash {
                return Ok(IdempotencyBegin::Mismatch);
            }
            let state: String = row.try_get("state")?;
            if state != "done" {
                return Ok(IdempotencyBegin::InProgress);
            }
            let status: i64 = row.try_get::<Option<i64>, _>("status_code")?.unwrap_or(200);
            let stored: Vec<u8> = row
                .try_get::<Option<Vec<u8>>, _>("response_body")?
                .unwrap_or_default();
            let body = self.sealer()?.open_bytes(
                &stored,
                &idempotency_context(tenant.as_str(), mode.as_str(), key),
            )?;
            return Ok(IdempotencyBegin::Replay {
                status: u16::try_from(status).unwrap_or(200),
                body,
            });
        }
        // The key expired and was taken again at once by a concurrent request.
        Ok(IdempotencyBegin::InProgress)
    }

    /// Removes records older than [`IDEMPOTENCY_TTL_MS`] on their tenant's clock (`wall` plus
    /// the test clock's offset in test mode). Returns how many went.
    pub async fn purge_idempotency(&self, wall: Timestamp) -> Result<u64> {
        let done = sqlx::query(
            "DELETE FROM idempotency_keys WHERE created_at <= $1 - $2 + CASE WHEN mode = 'test' THEN \
             COALESCE((SELECT t.clock_offset_ms FROM tenants t WHERE t.id = idempotency_keys.tenant_id), 0) ELSE 0 END",
        )
        .bind(to_millis(&wall))
        .bind(IDEMPOTENCY_TTL_MS)
        .execute(&mut *self.write_conn().await?)
        .await?;
        Ok(done.rows_affected())
    }

    pub async fn finish_idempotency(
        &self,
        tenant: &TenantId,
        mode: Mode,
        key: &str,
        status: u16,
        body: &[u8],
    ) -> Result<()> {
        sqlx::query(
            "UPDATE idempotency_keys SET state = 'done', status_code = $1, response_body = $2 WHERE tenant_id = $3 AND mode = $4 AND key = $5",
        )
        .bind(i64::from(status))
        // Sealed: a stored answer may carry a secret (a webhook endpoint's, a new key).
        .bind(self.sealer()?.seal_bytes(
            body,
            &idempotency_context(tenant.as_str(), mode.as_str(), key),
        )?)
        .bind(tenant.as_str())
        .bind(mode.as_str())
        .bind(key)
        .execute(&mut *self.write_conn().await?)
        .await?;
        Ok(())
    }

    /// Forgets a key whose request failed on the server's side, so a retry runs again.
    pub async fn abandon_idempotency(
        &self,
        tenant: &TenantId,
        mode: Mode,
        key: &str,
    ) -> Result<()> {
        sqlx::query("DELETE FROM idempotency_keys WHERE tenant_id = $1 AND mode = $2 AND key = $3")
            .bind(tenant.as_str())
            .bind(mode.as_str())
            .bind(key)
            .execute(&mut *self.write_conn().await?)
            .await?;
        Ok(())
    }
}
