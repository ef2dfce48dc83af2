//! The job worker: claims due jobs and timers from the database and runs
//! them. Several processes may run workers on one PostgreSQL database; the
//! claim and the fencing token make sure each job's effects commit once.
//!
//! The jobs are timers (identifications', documents'), the re-screening walk, and the
//! follow-ups a change caused that its process did not run (`followups.rs`: it stopped, or
//! a run failed). How one run goes and how a failure is recorded is `jobs.rs`'s: a failed
//! run is retried with a growing backoff; the run that reaches `job_max_attempts` makes the
//! job dead, kept with its last error for the back office (`/admin/jobs`) to show and retry.
//! Once the process is shutting down no new job is claimed, and one claimed in that instant
//! is given back unrun.

pub use crate::drain::{Busy, Drain};
use crate::state::AppState;
use signet_core::ids::TenantId;
use signet_store::{ClaimedJob, StoreError};
use std::time::Duration;
use tokio_util::sync::CancellationToken;

/// What happened to one claim.
#[derive(Debug, PartialEq, Eq)]
pub enum Step {
    Ran,
    Idle,
}

/// Claims and runs at most one due job (of one tenant, if given). Tests and
/// the clock-advance endpoint drive the queue one step at a time with this.
pub async fn try_execute_job(
    state: &AppState,
    tenant: Option<&TenantId>,
) -> Result<Step, StoreError> {
    try_execute_job_unless(state, tenant, &CancellationToken::new()).await
}

/// [`try_execute_job`], except that a job claimed once `stop` is cancelled is given back
/// unrun (the process is shutting down).
async fn try_execute_job_unless(
    state: &AppState,
    tenant: Option<&TenantId>,
    stop: &CancellationToken,
) -> Result<Step, StoreError> {
    let Some(job) = state
        .store
        .claim_job(
            &state.worker_id,
            state.wall_now(),
            crate::jobs::LEASE,
            tenant,
        )
        .await?
    else {
        return Ok(Step::Idle);
    };
    if stop.is_cancelled() {
        state.store.release_job(&job).await?;
        return Ok(Step::Idle);
    }
    run(state, &job).await;
    Ok(Step::Ran)
}

async fn run(state: &AppState, job: &ClaimedJob) {
    crate::jobs::run(state, job, dispatch(state, job)).await;
}

async fn dispatch(state: &AppState, job: &ClaimedJob) -> crate::error::AppResult<()> {
    match job.kind.as_str() {
        crate::identifications::JOB_TIMER => crate::identifications::run_timer(state, job).await,
        crate::screening::JOB_RESCREEN => crate::screenings::run_rescreen(state, job).await,
        crate::signing::JOB_SIGNING_TIMER => crate::signing::run_signing_timer(state, job).await,
        crate::signers::JOB_REMINDER => crate::signers::run_reminder(state, job).await,
        crate::archive::JOB_ARCHIVE_TIMESTAMP => crate::archive::run(state, job).await,
        signet_store::retention::JOB_PERSON_ERASURE => {
            crate::retention::run_erasure(state, job).await
        }
        signet_store::retention::JOB_ERASURE_CLEANUP => {
            crate::retention::run_cleanup(state, job).await
        }
        kind if kind.starts_with(crate::followups::FOLLOW_UP_JOB_PREFIX) => {
            crate::followups::run_claimed(state, job).await
        }
        other => Err(crate::error::AppError::internal(&format!(
            "unknown job kind {other}"
        ))),
    }
}

/// Runs every job of a tenant that is due now, including what they schedule
/// for times already past (a clock jump plays whole timelines), attempts the
/// tenant's due webhook messages, and waits briefly for due jobs and messages
/// another worker holds.
pub async fn drain_tenant(state: &AppState, tenant: &TenantId) -> Result<(), StoreError> {
    // Long enough for a timeline's jobs on a loaded machine (a sandbox jump that answers
    // before its jobs ran would show a state the timeline has left); a job stuck in another
    // worker's lease still cannot hold the request for longer.
    let deadline = tokio::time::Instant::now() + Duration::from_secs(30);
    loop {
        while try_execute_job(state, Some(tenant)).await? == Step::Ran {}
        // Webhook retries that fell due are attempted too; their outcomes may raise events
        // (an endpoint disabled), so the loop goes round until both queues are quiet.
        if crate::webhooks::deliver_due(state, Some(tenant)).await? > 0 {
            continue;
        }
        let wall = state.wall_now();
        if (state.store.due_jobs(tenant, wall).await? == 0
            && !state
                .store
                .has_due_webhook_messages(wall, Some(tenant), true)
                .await?)
            || tokio::time::Instant::now() > deadline
        {
            return Ok(());
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}

/// How often a worker removes expired idempotency records and webhook payloads.
const IDEMPOTENCY_PURGE_EVERY: Duration = Duration::from_secs(600);

/// Removes idempotency records past their 24 hours (a lookup ignores them already; this
/// keeps the table, and the responses kept in it, from growing).
pub async fn purge_idempotency(state: &AppState) {
    match state.store.purge_idempotency(state.wall_now()).await {
        Ok(0) => {}
        Ok(n) => tracing::info!(records = n, "expired idempotency records removed"),
        Err(e) => tracing::warn!(error = %e, "could not remove expired idempotency records"),
    }
}

/// Webhook payloads removed per statement (one transaction each, short on the one writer).
const PAYLOAD_BATCH: u32 = 500;

/// Removes the payloads of webhook events settled more than `webhook_payload_retention` ago
/// (they carry personal data), batch by batch; returns how many went.
pub async fn remove_webhook_payloads(state: &AppState) -> u64 {
    let retention = state.config.webhook_payload_retention.0;
    let mut total = 0;
    loop {
        match state
            .store
            .remove_webhook_payloads(state.wall_now(), retention, PAYLOAD_BATCH)
            .await
        {
            Ok(n) => {
                total += n;
                if n < u64::from(PAYLOAD_BATCH) {
                    break;
                }
            }
            Err(e) => {
                tracing::warn!(error = %e, "could not remove expired webhook payloads");
                break;
            }
        }
    }
    if total > 0 {
        tracing::info!(payloads = total, "expired webhook payloads removed");
    }
    total
}

/// The worker loop: runs until cancelled.
pub async fn run_worker(state: AppState, cancel: CancellationToken) {
    let poll = Duration::from_millis(state.config.worker_poll_ms.max(10));
    let mut next_purge = tokio::time::Instant::now();
    loop {
        if cancel.is_cancelled() {
            return;
        }
        if tokio::time::Instant::now() >= next_purge {
            purge_idempotency(&state).await;
            remove_webhook_payloads(&state).await;
            next_purge = tokio::time::Instant::now() + IDEMPOTENCY_PURGE_EVERY;
        }
        match try_execute_job_unless(&state, None, &cancel).await {
            Ok(Step::Ran) => continue,
            Ok(Step::Idle) => {}
            Err(e) => tracing::error!(error = %e, "job queue unavailable"),
        }
        tokio::select! {
            _ = cancel.cancelled() => return,
            _ = state.jobs_ready.notified() => {}
            _ = tokio::time::sleep(poll) => {}
        }
    }
}
