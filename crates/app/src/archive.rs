//! The archive timestamp: a finished file is B-LTA because a document timestamp covers its
//! signatures and their validation data; that proof lasts as long as the timestamp's own
//! authority certificate. Before that certificate expires (less
//! `archive_timestamp_margin_days`), a job adds fresh validation data for the newest timestamp
//! and a new document timestamp over it, and arms itself again for the new one. Each run adds
//! two incremental revisions; nothing earlier in the file changes. Years after signing, the
//! fresh data is the responder's answers about the certificates still valid (the newest
//! timestamp's authority's): a new CRL, or a `good` answer about a certificate that ended,
//! would be the newest status of the certificates that ended and keep a validator from
//! judging them in the past (see `signet_pdf::ltv`, `revocation::validation_data`).
//!
//! The job is a row in `jobs` like every timer, due on the tenant's clock, so the sandbox's
//! clock advance plays it. What is written into the PDF (OCSP answers, the timestamp) uses the
//! wall clock, as everything a validator judges does. A run that finds the document deleted,
//! not finished, or not yet due does nothing but arm the job for when it is.

use crate::error::{AppError, AppResult};
use crate::random::random16;
use crate::revocation::{Coverage, with_validation_data};
use crate::state::AppState;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use signet_core::ids::{DocumentId, JobId, TenantId};
use signet_core::signing::DocumentStatus;
use signet_core::time::Timestamp;
use signet_store::{ClaimedJob, JobSpec, Mode, Tx};

/// The job kind.
pub const JOB_ARCHIVE_TIMESTAMP: &str = "archive_timestamp";

/// The least time between two archive timestamps of one file: when the authority's
/// certificate was not renewed, a new timestamp cannot extend the proof, and the job waits a
/// day (on the tenant clock) rather than stamping again at once.
const MIN_INTERVAL: chrono::Duration = chrono::Duration::days(1);

#[derive(Debug, Serialize, Deserialize)]
struct Payload {
    document_id: DocumentId,
}

/// When a file's archive timestamp is due: `margin_days` before its newest timestamp's
/// authority certificate expires. `None` when the file has no timestamp.
pub fn due_for(pdf: &[u8], margin_days: u32) -> Option<DateTime<Utc>> {
    signet_pdf::ltv::last_timestamp_expiry(pdf)
        .ok()
        .flatten()
        .map(|expiry| expiry - chrono::Duration::days(i64::from(margin_days)))
}

/// Arms the archive timestamp of `document` at `due` (tenant clock) in `tx`.
pub async fn schedule_in(
    state: &AppState,
    tx: &mut Tx,
    tenant: &TenantId,
    clock_offset_ms: i64,
    mode: Mode,
    document: &DocumentId,
    due: Timestamp,
) -> AppResult<()> {
    let job = JobSpec {
        id: JobId::from_random(random16()),
        tenant_id: tenant.clone(),
        mode,
        kind: JOB_ARCHIVE_TIMESTAMP.to_owned(),
        payload: serde_json::to_value(Payload {
            document_id: document.clone(),
        })
        .map_err(|e| AppError::internal(&e))?,
        due_at: due,
    };
    state
        .store
        .schedule_job(tx, &job, clock_offset_ms, state.wall_now())
        .await?;
    Ok(())
}

/// Runs an archive timestamp job.
pub async fn run(state: &AppState, job: &ClaimedJob) -> AppResult<()> {
    let payload: Payload =
        serde_json::from_value(job.payload.clone()).map_err(|e| AppError::internal(&e))?;
    let tenant = state.store.tenant(&job.tenant_id).await?;
    let margin = state.config.archive_timestamp_margin_days;
    let wf = match state
        .store
        .workflow(&tenant.id, job.mode, &payload.document_id)
        .await
    {
        Ok(wf) => Some(wf),
        Err(signet_store::StoreError::NotFound) => None,
        Err(e) => return Err(e.into()),
    };
    let Some(wf) = wf.filter(|wf| wf.document.status == DocumentStatus::Finished) else {
        return complete(state, job, None).await;
    };
    let before = state
        .blobs
        .get(&wf.document.file_key)
        .await
        .map_err(|e| AppError::internal(&e))?;
    let now = tenant.now(job.mode, state.wall_now());
    let Some(due) = due_for(&before, margin) else {
        return complete(state, job, None).await;
    };
    if now < due {
        return complete(state, job, Some((&tenant, due))).await;
    }

    // The authority's certificate is renewed a year before it ends; a process that has not
    // refreshed its CA since would stamp with the old one, which cannot extend the proof.
    if let Err(e) = state.trust.refresh(&state.store, state.wall_now()).await {
        tracing::warn!(error = %e, "could not refresh Signet's CA before an archive timestamp");
    }
    // Fresh validation data for the newest timestamp, then a document timestamp over it,
    // then that timestamp's own validation data.
    let mode = job.mode;
    let pdf = with_validation_data(state, mode, before, &[], Coverage::RefreshAll).await;
    let prepared = crate::heavy::run(&state.heavy, move || {
        signet_pdf::prepare_document_timestamp(&pdf)
    })
    .await
    .map_err(|e| AppError::internal(&e))?
    .map_err(|e| AppError::internal(&e))?;
    let imprint = prepared
        .timestamp_imprint()
        .ok_or_else(|| AppError::internal(&"no imprint for the archive timestamp"))?;
    let token = state
        .trust
        .timestamp_token(mode, &imprint, state.wall_now())
        .await
        .map_err(|(_, e)| AppError::internal(&e))?;
    let stamped = prepared
        .complete(Some(&token))
        .map_err(|e| AppError::internal(&e))?;
    let pdf = with_validation_data(state, mode, stamped, &[], Coverage::NewCertificates).await;
    let sha = hex::encode(Sha256::digest(&pdf));
    let key = format!(
        "{}/documents/{}/a{}-{}.pdf",
        tenant.id.as_str(),
        wf.document.id.as_str(),
        wf.document.revisions + 1,
        &sha[..16]
    );
    state
        .blobs
        .put(&key, &pdf)
        .await
        .map_err(|e| AppError::internal(&e))?;

    let mut tx = state.store.begin().await?;
    let (mut current, _) = match state
        .store
        .workflow_for_update(&mut tx, &tenant.id, &wf.document.id)
        .await
    {
        Ok(found) => found,
        Err(signet_store::StoreError::NotFound) => {
            drop(tx);
            let _ = state.blobs.delete(&key).await;
            return complete(state, job, None).await;
        }
        Err(e) => return Err(e.into()),
    };
    if current.document.file_key != wf.document.file_key {
        // The file changed meanwhile (another run of this job): ours is not stored.
        drop(tx);
        let _ = state.blobs.delete(&key).await;
        return Err(AppError::internal(
            &"the document's file changed during the archive timestamp",
        ));
    }
    current.document.file_key = key;
    current.document.current_sha256 = sha;
    current.document.revisions += 1;
    current.document.updated_at = now;
    state
        .store
        .update_workflow(&mut tx, &tenant.id, &current)
        .await?;
    let next = due_for(&pdf, margin)
        .map(|d| d.max(now + MIN_INTERVAL))
        .unwrap_or(now + MIN_INTERVAL);
    // The trail says when the file changed and why, like every other revision.
    let proof_until = signet_pdf::ltv::last_timestamp_expiry(&pdf).ok().flatten();
    crate::audit::append(
        state,
        &mut tx,
        &current.document,
        &crate::audit::Actor::system(),
        "document.archive_timestamped",
        None,
        serde_json::json!({
            "revision": current.document.revisions,
            "proof_until": proof_until.map(|t| signet_core::time::format(&t)),
            "next_at": signet_core::time::format(&next),
        }),
        now,
    )
    .await?;
    schedule_in(
        state,
        &mut tx,
        &tenant.id,
        tenant.clock_offset_ms,
        mode,
        &current.document.id,
        next,
    )
    .await?;
    state.store.complete_job(&mut tx, job).await?;
    tx.commit().await.map_err(signet_store::StoreError::from)?;
    tracing::info!(document = %current.document.id.as_str(), next = %next, "archive timestamp added");
    Ok(())
}

/// Completes `job`, arming the next at `next` (tenant clock) if given.
async fn complete(
    state: &AppState,
    job: &ClaimedJob,
    next: Option<(&signet_store::Tenant, Timestamp)>,
) -> AppResult<()> {
    let payload: Payload =
        serde_json::from_value(job.payload.clone()).map_err(|e| AppError::internal(&e))?;
    let mut tx = state.store.begin().await?;
    if let Some((tenant, due)) = next {
        schedule_in(
            state,
            &mut tx,
            &tenant.id,
            tenant.clock_offset_ms,
            job.mode,
            &payload.document_id,
            due,
        )
        .await?;
    }
    state.store.complete_job(&mut tx, job).await?;
    tx.commit().await.map_err(signet_store::StoreError::from)?;
    Ok(())
}
