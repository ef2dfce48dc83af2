//! The job worker: claims due jobs and timers from the database and runs
//! them. Several processes may run workers on one PostgreSQL database; the
//! claim and the fencing token make sure each job's effects commit once.

use crate::service;
use crate::state::AppState;
use signet_core::ids::TenantId;
use signet_store::{ClaimedJob, StoreError};
use std::time::Duration;
use tokio_util::sync::CancellationToken;
use tracing::Instrument;

/// How long a claimed job is ours before another worker may take it over.
const LEASE: chrono::Duration = chrono::Duration::seconds(60);

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
    let Some(job) = state
        .store
        .claim_job(&state.worker_id, state.wall_now(), LEASE, tenant)
        .await?
    else {
        return Ok(Step::Idle);
    };
    run(state, &job).await;
    Ok(Step::Ran)
}

async fn run(state: &AppState, job: &ClaimedJob) {
    // `instrument`, not `enter`: an entered span held across an await leaks
    // into whatever else the thread runs meanwhile.
    let span = tracing::info_span!("job", id = %job.id, kind = %job.kind, tenant = %job.tenant_id);
    run_in_span(state, job).instrument(span).await
}

async fn run_in_span(state: &AppState, job: &ClaimedJob) {
    let result = match job.kind.as_str() {
        service::JOB_IDENTIFICATION_TIMER => service::run_identification_timer(state, job).await,
        crate::screening::JOB_RESCREEN => crate::screening::run_rescreen(state, job).await,
        crate::signing::JOB_SIGNING_TIMER => crate::signing::run_signing_timer(state, job).await,
        other => Err(crate::error::ApiError::internal(&format!(
            "unknown job kind {other}"
        ))),
    };
    let outcome = match &result {
        Ok(()) => "ok",
        Err(_) => "error",
    };
    state
        .metrics
        .jobs
        .get_or_create(&crate::metrics::JobLabels {
            kind: job.kind.clone(),
            outcome: outcome.into(),
        })
        .inc();
    if let Err(e) = result {
        // Back off and retry; the effects rolled back with the transaction.
        let backoff = chrono::Duration::seconds((5i64 << job.attempts.clamp(0, 8)).min(3600));
        tracing::warn!(attempts = job.attempts, detail = %e.detail, "job failed; retrying later");
        if let Err(e) = state
            .store
            .fail_job(job, &e.detail, state.wall_now() + backoff)
            .await
        {
            tracing::error!(error = %e, "could not record the job failure");
        }
    }
}

/// Runs every job of a tenant that is due now, including what they schedule
/// for times already past (a clock jump plays whole timelines), attempts the
/// tenant's due webhook messages, and waits briefly for due jobs and messages
/// another worker holds.
pub async fn drain_tenant(state: &AppState, tenant: &TenantId) -> Result<(), StoreError> {
    let deadline = tokio::time::Instant::now() + Duration::from_secs(10);
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

/// How often a worker removes expired idempotency records.
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
            next_purge = tokio::time::Instant::now() + IDEMPOTENCY_PURGE_EVERY;
        }
        match try_execute_job(&state, None).await {
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
