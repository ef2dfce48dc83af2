//! Durable jobs and timers.
//!
//! A job is a row written in the same transaction as the change that needs
//! it. Workers claim one at a time with a lease; on PostgreSQL the claim skips
//! rows another process is claiming, so several `signet serve` processes
//! share the queue without running a job twice. Every claim bumps a fencing
//! token: completion deletes the row only if the token is unchanged, so a
//! worker whose lease ran out (and whose job was taken over) cannot finish it
//! a second time; its transaction rolls back instead.

use crate::{Mode, Result, Store, StoreError, Tx};
use signet_core::ids::{JobId, TenantId};
use signet_core::time::{Timestamp, from_millis, to_millis};
use sqlx::Row;

/// A job to schedule.
#[derive(Debug, Clone)]
pub struct JobSpec {
    pub id: JobId,
    pub tenant_id: TenantId,
    pub mode: Mode,
    /// What runs it (a worker's dispatch key).
    pub kind: String,
    pub payload: serde_json::Value,
    /// When it is due on the tenant's clock.
    pub due_at: Timestamp,
}

/// A job a worker holds.
#[derive(Debug, Clone)]
pub struct ClaimedJob {
    pub id: JobId,
    pub tenant_id: TenantId,
    pub mode: Mode,
    pub kind: String,
    pub payload: serde_json::Value,
    pub due_at: Timestamp,
    pub fence: i64,
    pub attempts: i64,
}

impl Store {
    /// Schedules a job inside the caller's transaction. `clock_offset_ms` is
    /// the tenant's test-clock offset (0 in live mode), which turns the due
    /// time into the wall-clock time a worker may take it.
    pub async fn schedule_job(
        &self,
        tx: &mut Tx,
        job: &JobSpec,
        clock_offset_ms: i64,
        wall_now: Timestamp,
    ) -> Result<()> {
        let due = to_millis(&job.due_at);
        let offset = if job.mode == Mode::Test {
            clock_offset_ms
        } else {
            0
        };
        sqlx::query(
            "INSERT INTO jobs (id, tenant_id, mode, kind, payload, due_at, run_at, fence, attempts, created_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, 0, 0, $8)",
        )
        .bind(job.id.as_str())
        .bind(job.tenant_id.as_str())
        .bind(job.mode.as_str())
        .bind(&job.kind)
        .bind(serde_json::to_string(&job.payload)?)
        .bind(due)
        .bind(due.saturating_sub(offset))
        .bind(to_millis(&wall_now))
        .execute(&mut **tx)
        .await?;
        Ok(())
    }

    /// Claims the next runnable job (optionally of one tenant) for `lease`.
    /// Returns `None` when nothing is due.
    pub async fn claim_job(
        &self,
        owner: &str,
        wall_now: Timestamp,
        lease: chrono::Duration,
        tenant: Option<&TenantId>,
    ) -> Result<Option<ClaimedJob>> {
        let now = to_millis(&wall_now);
        let tenant_filter = if tenant.is_some() {
            " AND tenant_id = $4"
        } else {
            ""
        };
        let sql = format!(
            "UPDATE jobs SET lease_owner = $1, lease_until = $2, fence = fence + 1, attempts = attempts + 1 \
             WHERE id = (SELECT id FROM jobs WHERE run_at <= $3 AND (lease_until IS NULL OR lease_until < $3){tenant_filter} \
             ORDER BY run_at LIMIT 1{}) \
             RETURNING id, tenant_id, mode, kind, payload, due_at, fence, attempts",
            self.backend.skip_locked()
        );
        let mut q = sqlx::query(sqlx::AssertSqlSafe(sql))
            .bind(owner)
            .bind(now + lease.num_milliseconds())
            .bind(now);
        if let Some(t) = tenant {
            q = q.bind(t.as_str());
        }
        // `fetch_all`, not `fetch_optional`: SQLite commits an UPDATE …
        // RETURNING only once the statement has been stepped to its end.
        let rows = q.fetch_all(&self.write).await?;
        let Some(row) = rows.into_iter().next() else {
            return Ok(None);
        };
        let id: String = row.try_get("id")?;
        let tenant_id: String = row.try_get("tenant_id")?;
        let mode: String = row.try_get("mode")?;
        let payload: String = row.try_get("payload")?;
        Ok(Some(ClaimedJob {
            id: JobId::parse(&id).ok_or_else(|| StoreError::Corrupt("job id".into()))?,
            tenant_id: TenantId::parse(&tenant_id)
                .ok_or_else(|| StoreError::Corrupt("job tenant".into()))?,
            mode: Mode::parse(&mode).ok_or_else(|| StoreError::Corrupt("job mode".into()))?,
            kind: row.try_get("kind")?,
            payload: serde_json::from_str(&payload)?,
            due_at: from_millis(row.try_get("due_at")?),
            fence: row.try_get("fence")?,
            attempts: row.try_get("attempts")?,
        }))
    }

    /// Finishes a job inside the transaction that applied its effects. A
    /// stale fence means the job was taken over: the caller must roll back.
    pub async fn complete_job(&self, tx: &mut Tx, job: &ClaimedJob) -> Result<()> {
        let done = sqlx::query("DELETE FROM jobs WHERE id = $1 AND fence = $2")
            .bind(job.id.as_str())
            .bind(job.fence)
            .execute(&mut **tx)
            .await?;
        if done.rows_affected() == 0 {
            return Err(StoreError::Conflict("job lease lost".into()));
        }
        Ok(())
    }

    /// Records a failed run and makes the job runnable again at `retry_at`
    /// (wall clock), if the lease is still ours.
    pub async fn fail_job(&self, job: &ClaimedJob, error: &str, retry_at: Timestamp) -> Result<()> {
        sqlx::query(
            "UPDATE jobs SET lease_owner = NULL, lease_until = NULL, last_error = $1, run_at = $2 WHERE id = $3 AND fence = $4",
        )
        .bind(error)
        .bind(to_millis(&retry_at))
        .bind(job.id.as_str())
        .bind(job.fence)
        .execute(&self.write)
        .await?;
        Ok(())
    }

    /// Jobs of a tenant that are due (on the wall clock) but held by a lease:
    /// draining after a clock advance waits for them.
    pub async fn due_jobs(&self, tenant: &TenantId, wall_now: Timestamp) -> Result<i64> {
        Ok(
            sqlx::query("SELECT COUNT(*) FROM jobs WHERE tenant_id = $1 AND run_at <= $2")
                .bind(tenant.as_str())
                .bind(to_millis(&wall_now))
                .fetch_one(&self.write)
                .await?
                .try_get(0)?,
        )
    }

    /// Every job still waiting (for operators and tests).
    pub async fn pending_job_count(&self) -> Result<i64> {
        Ok(sqlx::query("SELECT COUNT(*) FROM jobs")
            .fetch_one(&self.read)
            .await?
            .try_get(0)?)
    }
}
