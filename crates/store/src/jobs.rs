//! Durable jobs and timers.
//!
//! A job is a row written in the same transaction as the change that needs
//! it. Workers claim one at a time with a lease; on PostgreSQL the claim skips
//! rows another process is claiming, so several `signet serve` processes
//! share the queue without running a job twice. Every claim bumps a fencing
//! token: completion deletes the row only if the token is unchanged, so a
//! worker whose lease ran out (and whose job was taken over) cannot finish it
//! a second time; its transaction rolls back instead.
//!
//! A failed run is recorded with its error and retried later; after the configured number
//! of attempts the job is dead (`dead_at` set): kept with its last error, never claimed
//! again until an operator retries it.

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

/// A job that ran out of attempts, as the back office lists it.
#[derive(Debug, Clone)]
pub struct DeadJob {
    pub id: JobId,
    pub tenant_id: TenantId,
    pub tenant_name: String,
    pub mode: Mode,
    pub kind: String,
    pub due_at: Timestamp,
    pub attempts: i64,
    pub last_error: Option<String>,
    pub dead_at: Timestamp,
    pub created_at: Timestamp,
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
             WHERE id = (SELECT id FROM jobs WHERE dead_at IS NULL AND run_at <= $3 AND (lease_until IS NULL OR lease_until < $3){tenant_filter} \
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
        let rows = q.fetch_all(&mut *self.write_conn().await?).await?;
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

    /// Records a failed run, if the lease is still ours: the job is runnable again at
    /// `retry_at` (wall clock), or dead from `dead_at` on when it has had its attempts.
    pub async fn fail_job(
        &self,
        job: &ClaimedJob,
        error: &str,
        retry_at: Timestamp,
        dead_at: Option<Timestamp>,
    ) -> Result<()> {
        sqlx::query(
            "UPDATE jobs SET lease_owner = NULL, lease_until = NULL, last_error = $1, run_at = $2, dead_at = $3 \
             WHERE id = $4 AND fence = $5",
        )
        .bind(error)
        .bind(to_millis(&retry_at))
        .bind(dead_at.as_ref().map(to_millis))
        .bind(job.id.as_str())
        .bind(job.fence)
        .execute(&mut *self.write_conn().await?)
        .await?;
        Ok(())
    }

    /// Gives back a claimed job that was not run (the process is shutting down): runnable
    /// again at once, the claim not counted as an attempt.
    pub async fn release_job(&self, job: &ClaimedJob) -> Result<()> {
        sqlx::query(
            "UPDATE jobs SET lease_owner = NULL, lease_until = NULL, attempts = attempts - 1 \
             WHERE id = $1 AND fence = $2",
        )
        .bind(job.id.as_str())
        .bind(job.fence)
        .execute(&mut *self.write_conn().await?)
        .await?;
        Ok(())
    }

    /// Puts a claimed job off until `run_at` (wall clock) without counting the run as an
    /// attempt, if the lease is still ours.
    pub async fn postpone_job(&self, job: &ClaimedJob, run_at: Timestamp) -> Result<()> {
        sqlx::query(
            "UPDATE jobs SET lease_owner = NULL, lease_until = NULL, attempts = attempts - 1, run_at = $1 \
             WHERE id = $2 AND fence = $3",
        )
        .bind(to_millis(&run_at))
        .bind(job.id.as_str())
        .bind(job.fence)
        .execute(&mut *self.write_conn().await?)
        .await?;
        Ok(())
    }

    /// Whether another job, not dead, waits or runs for the job's tenant and mode that is
    /// something not yet reacted to: one of `kinds` due no later than `job` on the tenant's
    /// clock, or any whose kind starts with `prefix` (follow-ups, whose due time is only their
    /// lease's end).
    pub async fn has_earlier_live_job(
        &self,
        job: &ClaimedJob,
        kinds: &[&str],
        prefix: &str,
    ) -> Result<bool> {
        let mut sql = String::from(
            "SELECT 1 FROM jobs WHERE tenant_id = $1 AND mode = $2 AND id <> $3 \
             AND dead_at IS NULL AND (kind LIKE $5",
        );
        for i in 0..kinds.len() {
            sql.push_str(&format!(" OR (kind = ${} AND due_at <= $4)", 6 + i));
        }
        sql.push_str(") LIMIT 1");
        let mut q = sqlx::query(sqlx::AssertSqlSafe(sql))
            .bind(job.tenant_id.as_str())
            .bind(job.mode.as_str())
            .bind(job.id.as_str())
            .bind(to_millis(&job.due_at))
            .bind(format!("{prefix}%"));
        for k in kinds {
            q = q.bind(*k);
        }
        Ok(!q.fetch_all(&self.read).await?.is_empty())
    }

    /// Dead jobs of every tenant, the most recently dead first.
    pub async fn dead_jobs(&self, limit: u32, offset: u64) -> Result<Vec<DeadJob>> {
        let rows = sqlx::query(
            "SELECT j.id, j.tenant_id, t.name AS tenant_name, j.mode, j.kind, j.due_at, j.attempts, \
             j.last_error, j.dead_at, j.created_at \
             FROM jobs j JOIN tenants t ON t.id = j.tenant_id \
             WHERE j.dead_at IS NOT NULL ORDER BY j.dead_at DESC, j.id LIMIT $1 OFFSET $2",
        )
        .bind(i64::from(limit))
        .bind(i64::try_from(offset).unwrap_or(i64::MAX))
        .fetch_all(&self.read)
        .await?;
        rows.iter()
            .map(|row| {
                let id: String = row.try_get("id")?;
                let tenant_id: String = row.try_get("tenant_id")?;
                let mode: String = row.try_get("mode")?;
                Ok(DeadJob {
                    id: JobId::parse(&id).ok_or_else(|| StoreError::Corrupt("job id".into()))?,
                    tenant_id: TenantId::parse(&tenant_id)
                        .ok_or_else(|| StoreError::Corrupt("job tenant".into()))?,
                    tenant_name: row.try_get("tenant_name")?,
                    mode: Mode::parse(&mode)
                        .ok_or_else(|| StoreError::Corrupt("job mode".into()))?,
                    kind: row.try_get("kind")?,
                    due_at: from_millis(row.try_get("due_at")?),
                    attempts: row.try_get("attempts")?,
                    last_error: row.try_get("last_error")?,
                    dead_at: from_millis(row.try_get("dead_at")?),
                    created_at: from_millis(row.try_get("created_at")?),
                })
            })
            .collect()
    }

    /// Dead jobs of every tenant (for operators and `/metrics`-style counts).
    pub async fn dead_job_count(&self) -> Result<i64> {
        Ok(
            sqlx::query("SELECT COUNT(*) FROM jobs WHERE dead_at IS NOT NULL")
                .fetch_one(&self.read)
                .await?
                .try_get(0)?,
        )
    }

    /// Brings a dead job back with a fresh count of attempts, runnable at `wall_now`. Its
    /// last error stays until the next run replaces it. `NotFound` when no dead job has
    /// this id (unknown, or retried already).
    pub async fn retry_dead_job(&self, id: &JobId, wall_now: Timestamp) -> Result<()> {
        let done = sqlx::query(
            "UPDATE jobs SET dead_at = NULL, attempts = 0, run_at = $1, lease_owner = NULL, lease_until = NULL \
             WHERE id = $2 AND dead_at IS NOT NULL",
        )
        .bind(to_millis(&wall_now))
        .bind(id.as_str())
        .execute(&mut *self.write_conn().await?)
        .await?;
        if done.rows_affected() == 0 {
            return Err(StoreError::NotFound);
        }
        Ok(())
    }

    /// Jobs of a tenant that are due (on the wall clock) but held by a lease:
    /// draining after a clock advance waits for them.
    pub async fn due_jobs(&self, tenant: &TenantId, wall_now: Timestamp) -> Result<i64> {
        Ok(sqlx::query(
            "SELECT COUNT(*) FROM jobs WHERE tenant_id = $1 AND run_at <= $2 AND dead_at IS NULL",
        )
        .bind(tenant.as_str())
        .bind(to_millis(&wall_now))
        .fetch_one(&mut *self.write_conn().await?)
        .await?
        .try_get(0)?)
    }

    /// Every job still waiting, dead ones not counted (for operators and tests).
    pub async fn pending_job_count(&self) -> Result<i64> {
        Ok(
            sqlx::query("SELECT COUNT(*) FROM jobs WHERE dead_at IS NULL")
                .fetch_one(&self.read)
                .await?
                .try_get(0)?,
        )
    }
}
