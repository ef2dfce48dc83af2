//! How one claimed job runs, whoever runs it: in a span of its own, counted for `/metrics`,
//! and a failure recorded on the job's row — its real error kept, runnable again after a
//! growing backoff, dead (`dead_at`, listed at `/admin/jobs`) once it has had
//! `job_max_attempts` runs. The worker runs the jobs it claims through here, and the
//! follow-up dispatcher the follow-ups it runs at once, so both are retried by one rule.

use crate::error::AppResult;
use crate::state::AppState;
use signet_store::ClaimedJob;
use tracing::Instrument;

/// How long a claimed job is ours before another worker may take it over.
pub const LEASE: chrono::Duration = chrono::Duration::seconds(60);

/// The longest error text kept with a job.
const MAX_ERROR_CHARS: usize = 2000;

/// How long a job that failed on its `attempts`-th run waits before the next: 10 s after the
/// first run, doubling up to an hour. A follow-up's run by the dispatcher that caused it is
/// run 0 and waits 5 s.
pub fn backoff(attempts: i64) -> chrono::Duration {
    chrono::Duration::seconds((5i64 << attempts.clamp(0, 8)).min(3600))
}

/// Runs `work` for `job` and records how it went. A failure leaves the job's row for a
/// worker to run again (the effects rolled back with their transaction) and gives `None`.
pub async fn run<T>(
    state: &AppState,
    job: &ClaimedJob,
    work: impl Future<Output = AppResult<T>>,
) -> Option<T> {
    // `instrument`, not `enter`: an entered span held across an await leaks
    // into whatever else the thread runs meanwhile.
    let span = tracing::info_span!("job", id = %job.id, kind = %job.kind, tenant = %job.tenant_id);
    async {
        let (result, cause) = crate::error::with_internal_cause(work).await;
        let outcome = match &result {
            Ok(_) => "ok",
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
        let e = match result {
            Ok(out) => return Some(out),
            Err(e) => e,
        };
        // What is kept is the real error: an internal one's cause, else the code and detail
        // the API would have answered.
        let error = match cause {
            Some(cause) => format!("{}: {cause}", e.code),
            None => format!("{}: {}", e.code, e.detail),
        };
        let error: String = error.chars().take(MAX_ERROR_CHARS).collect();
        let wall = state.wall_now();
        let max_attempts = i64::from(state.config.job_max_attempts.max(1));
        let recorded = if job.attempts >= max_attempts {
            tracing::error!(attempts = job.attempts, error = %error, "job failed for the last time; it is dead until an operator retries it");
            state.store.fail_job(job, &error, wall, Some(wall)).await
        } else {
            tracing::warn!(attempts = job.attempts, error = %error, "job failed; retrying later");
            state
                .store
                .fail_job(job, &error, wall + backoff(job.attempts), None)
                .await
        };
        if let Err(e) = recorded {
            tracing::error!(error = %e, "could not record the job failure");
        }
        None
    }
    .instrument(span)
    .await
}
