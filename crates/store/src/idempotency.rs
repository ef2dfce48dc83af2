//! `Idempotency-Key`: a retried POST gets the stored response.

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

impl Store {
    pub async fn begin_idempotency(
        &self,
        tenant: &TenantId,
        mode: Mode,
        key: &str,
        request_hash: &str,
        now: Timestamp,
    ) -> Result<IdempotencyBegin> {
        let inserted = sqlx::query(
            "INSERT INTO idempotency_keys (tenant_id, mode, key, request_hash, state, created_at) VALUES ($1, $2, $3, $4, 'running', $5)",
        )
        .bind(tenant.as_str())
        .bind(mode.as_str())
        .bind(key)
        .bind(request_hash)
        .bind(to_millis(&now))
        .execute(&self.write)
        .await;
        match inserted {
            Ok(_) => return Ok(IdempotencyBegin::Proceed),
            Err(e) => match StoreError::on_constraint(e, "idempotency key") {
                StoreError::Conflict(_) => {}
                other => return Err(other),
            },
        }
        let row = sqlx::query(
            "SELECT request_hash, state, status_code, response_body FROM idempotency_keys WHERE tenant_id = $1 AND mode = $2 AND key = $3",
        )
        .bind(tenant.as_str())
        .bind(mode.as_str())
        .bind(key)
        .fetch_one(&self.write)
        .await?;
        let hash: String = row.try_get("request_hash")?;
        if hash != request_hash {
            return Ok(IdempotencyBegin::Mismatch);
        }
        let state: String = row.try_get("state")?;
        if state != "done" {
            return Ok(IdempotencyBegin::InProgress);
        }
        let status: i64 = row.try_get::<Option<i64>, _>("status_code")?.unwrap_or(200);
        let body: Vec<u8> = row
            .try_get::<Option<Vec<u8>>, _>("response_body")?
            .unwrap_or_default();
        Ok(IdempotencyBegin::Replay {
            status: u16::try_from(status).unwrap_or(200),
            body,
        })
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
        .bind(body.to_vec())
        .bind(tenant.as_str())
        .bind(mode.as_str())
        .bind(key)
        .execute(&self.write)
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
            .execute(&self.write)
            .await?;
        Ok(())
    }
}
