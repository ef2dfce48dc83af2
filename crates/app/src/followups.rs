//! The follow-up dispatcher: runs what a committed change caused ([`FollowUp`]), each in a
//! transaction of its own.
//!
//! The rules:
//!
//! - **Durable with the change.** A use case gets the follow-ups its change caused as values
//!   and writes them with [`record`] in the change's own transaction: one row each in `jobs`,
//!   of kind `follow_up.<name>`. A crash between the commit and the reaction loses nothing.
//!   One that would find nothing to do is not written: a re-assessment or a release of
//!   signers when none of the person's signers is in a status it moves
//!   ([`FollowUp::moves_signers_in`]); a signer who gets there later is judged on what the
//!   change committed.
//! - **Held by the process that caused them.** The row becomes runnable by the workers one
//!   job lease ([`crate::jobs::LEASE`], 60 s) after it was written. Until then it is the
//!   causing process's, like a job it has claimed: its fence is 0, and the dispatcher's run
//!   deletes the row (in the run's transaction) only while the fence is still 0.
//! - **Run at once, in order.** Right after the commit, [`run`] runs them one after the other
//!   in the order they were caused, before the request answers (or the job that caused them
//!   finishes), so what a caller sees after a call is what it saw when all of it happened in
//!   one transaction. Each runs in its own transaction, which writes its effects, the
//!   follow-ups it causes in turn and the deletion of its row.
//! - **Follow-ups of follow-ups** are recorded and held the same way and run after the ones
//!   already waiting: first caused, first run.
//! - **A failure is retried by a worker.** A follow-up that fails is rolled back and keeps
//!   its row with the error, runnable after the job backoff (5 s for this first run); a
//!   worker then runs it with the jobs' leases, backoff, `job_max_attempts` and dead state
//!   (`/admin/jobs`), unchanged. The dispatcher goes on with the next one: no follow-up needs
//!   another to have run, each reads the state as it is when it runs, so running them late
//!   or out of order converges on the same state.
//! - **Run once.** A worker may take a held row early (a sandbox clock advance shifts the
//!   tenant's rows, a run outlasts its hold): its claim bumps the fence, so of the two runs
//!   only the first to commit deletes the row, and the other's deletion finds the fence
//!   moved and rolls its transaction back, as a job whose lease was taken over does.
//!
//! What reacts: [`FollowUp::PersonRenamed`] screens the person's new names (which may cause
//! [`FollowUp::PersonChanged`]); [`FollowUp::PersonChanged`] re-assesses the person's signers
//! at work (`signing::on_person_changed`); [`FollowUp::IdentificationFinal`] signs, or fails
//! with 3311, the person's signers waiting in `pending_verification`
//! (`signing::resolve_waiting_signers`, before the follow-up's transaction, each document in
//! transactions of its own so that no signature is made under a lock).

pub use crate::events::{FOLLOW_UP_JOB_PREFIX, FollowUp, FollowUps};

use crate::error::{AppError, AppResult};
use crate::state::{AppState, random16};
use signet_core::ids::{JobId, TenantId};
use signet_store::{ClaimedJob, JobSpec, Mode, StoreError, Tx};
use std::collections::VecDeque;

/// Follow-ups written in a transaction, to [`run`] once it has committed.
#[must_use = "follow-ups are run with followups::run once the transaction commits"]
#[derive(Debug, Default)]
pub struct Pending(Vec<ClaimedJob>);

impl Pending {
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

/// Writes `caused` in the caller's transaction, held for this process for one job lease:
/// the rows of [`run`]'s next call. `clock_offset_ms` is the tenant's test-clock offset.
pub async fn record(
    state: &AppState,
    tx: &mut Tx,
    tenant: &TenantId,
    mode: Mode,
    clock_offset_ms: i64,
    caused: FollowUps,
) -> AppResult<Pending> {
    let mut pending = Vec::new();
    if caused.is_empty() {
        return Ok(Pending(pending));
    }
    let wall = state.wall_now();
    // `due_at` is on the tenant's clock; the row's wall-clock `run_at` (due minus the test
    // clock's offset) is then one lease from now, in either mode.
    let offset = match mode {
        Mode::Test => clock_offset_ms,
        Mode::Live => 0,
    };
    let due_at = wall + crate::jobs::LEASE + chrono::Duration::milliseconds(offset);
    for follow_up in caused {
        // One that would find nothing to do is not written: none of its person's signers is
        // where it could move them (most persons are nobody's signer). A signer who gets
        // there later is judged then, on what this transaction commits.
        if let Some(statuses) = follow_up.moves_signers_in()
            && state
                .store
                .documents_with_signer_of(tx, tenant, follow_up.person_id(), statuses)
                .await?
                .is_empty()
        {
            continue;
        }
        let spec = JobSpec {
            id: JobId::from_random(random16()),
            tenant_id: tenant.clone(),
            mode,
            kind: format!("{FOLLOW_UP_JOB_PREFIX}{}", follow_up.name()),
            payload: serde_json::to_value(&follow_up).map_err(|e| AppError::internal(&e))?,
            due_at,
        };
        state
            .store
            .schedule_job(tx, &spec, clock_offset_ms, wall)
            .await?;
        // As the row stands until a worker claims it: fence 0, no run counted.
        pending.push(ClaimedJob {
            id: spec.id,
            tenant_id: spec.tenant_id,
            mode: spec.mode,
            kind: spec.kind,
            payload: spec.payload,
            due_at: spec.due_at,
            fence: 0,
            attempts: 0,
        });
    }
    Ok(Pending(pending))
}

/// Commits `tx`, then runs the follow-ups written in it.
pub async fn commit(state: &AppState, tx: Tx, pending: Pending) -> AppResult<()> {
    tx.commit().await.map_err(StoreError::from)?;
    run(state, pending).await;
    Ok(())
}

/// Runs follow-ups whose transaction has committed, and what they cause in turn, in the
/// order they were caused. A failure is recorded on its row and left to the workers.
pub async fn run(state: &AppState, pending: Pending) {
    let mut queue = VecDeque::from(pending.0);
    while let Some(job) = queue.pop_front() {
        // Boxed: a reaction's future (a screening, a signature) is large, and the callers'
        // futures hold this one.
        if let Some(more) = crate::jobs::run(state, &job, Box::pin(react(state, &job))).await {
            queue.extend(more.0);
        }
    }
}

/// Runs a follow-up a worker claimed, then what it causes.
pub async fn run_claimed(state: &AppState, job: &ClaimedJob) -> AppResult<()> {
    let more = Box::pin(react(state, job)).await?;
    Box::pin(run(state, more)).await;
    Ok(())
}

/// One follow-up in its own transaction, which also deletes its row (fenced) and records
/// the follow-ups it causes.
async fn react(state: &AppState, job: &ClaimedJob) -> AppResult<Pending> {
    let follow_up: FollowUp =
        serde_json::from_value(job.payload.clone()).map_err(|e| AppError::internal(&e))?;
    let (tenant_id, mode) = (&job.tenant_id, job.mode);
    // A renamed person's new names are searched before the transaction opens, so SQLite's
    // one writer is not held during the search.
    let searched = match &follow_up {
        FollowUp::PersonRenamed { person_id } => {
            match crate::screening_outcome::search_stored(state, tenant_id, mode, person_id).await {
                Ok(searched) => Some(searched),
                // Nobody to screen.
                Err(e) if e.code == signet_core::catalog::ErrorCode::NotFound => None,
                Err(e) => return Err(e),
            }
        }
        _ => None,
    };
    // The waiting signers are signed before the follow-up's own transaction, each document
    // in transactions of its own, so that no signature is made under a lock.
    if let FollowUp::IdentificationFinal {
        person_id,
        successful,
        identity_changed,
        ..
    } = &follow_up
    {
        use signet_core::signing::IdentificationOutcome;
        let outcome = match (successful, identity_changed) {
            (true, false) => IdentificationOutcome::Successful,
            (true, true) => IdentificationOutcome::SuccessfulWithOtherData,
            (false, _) => IdentificationOutcome::NotSuccessful,
        };
        let tenant = state.store.tenant(tenant_id).await?;
        crate::signing::resolve_waiting_signers(state, &tenant, mode, person_id, outcome).await?;
    }
    let mut caused = FollowUps::default();
    let mut tx = state.store.begin().await?;
    let tenant = state.store.tenant_in_tx(&mut tx, tenant_id).await?;
    let now = tenant.now(mode, state.wall_now());
    match follow_up {
        FollowUp::PersonRenamed { person_id } => {
            if let Some(searched) = searched {
                crate::screening_outcome::record_searched(
                    state,
                    &mut tx,
                    tenant_id,
                    mode,
                    &person_id,
                    searched,
                    now,
                    &mut caused,
                )
                .await?;
            }
        }
        FollowUp::PersonChanged { person_id } => {
            // The person's lock first, as a screening or a hit decision takes it, so the
            // re-assessment sees their outcome whole; then the documents'.
            match state
                .store
                .person_for_update(&mut tx, tenant_id, mode, &person_id)
                .await
            {
                Ok(_) => {
                    crate::signing::on_person_changed(
                        state, &mut tx, tenant_id, mode, &person_id, now,
                    )
                    .await?
                }
                Err(StoreError::NotFound) => {}
                Err(e) => return Err(e.into()),
            }
        }
        // Done above, before this transaction.
        FollowUp::IdentificationFinal { .. } => {}
    }
    let pending = record(
        state,
        &mut tx,
        tenant_id,
        mode,
        tenant.clock_offset_ms,
        caused,
    )
    .await?;
    state.store.complete_job(&mut tx, job).await?;
    tx.commit().await.map_err(StoreError::from)?;
    Ok(pending)
}
