//! Application services: load, call the pure domain, then store the result,
//! its events and its timers in one transaction. Handlers and workers both
//! come through here, so a change made by a timer and one made by a request
//! are recorded the same way.

use crate::error::{AppError, AppResult};
use crate::state::{AppState, random16};
use crate::views::identification_json;
use serde_json::{Value, json};
use sha2::{Digest, Sha256};
use signet_core::identification::{Attempt, AttemptStatus, Effects, Identification, Timer};
use signet_core::ids::{AttemptId, JobId, PersonDocumentId, PersonId, TenantId};
use signet_core::person::Person;
use signet_core::signing::{Level, Workflow};
use signet_core::time::Timestamp;
use signet_store::{JobSpec, Mode, PersonDocumentRow, Tx};

/// Job kinds the worker dispatches on.
pub const JOB_IDENTIFICATION_TIMER: &str = "identification_timer";

/// Events are written by [`crate::events`]; the signing service still finds `emit` here.
pub use crate::events::emit;

/// Stores the outcome of an identification transition: the identification,
/// its attempts, person changes, the KYC report, timers and the event.
#[allow(clippy::too_many_arguments)]
pub async fn apply_identification(
    state: &AppState,
    tx: &mut Tx,
    tenant: &TenantId,
    clock_offset_ms: i64,
    mode: Mode,
    ident: &Identification,
    fx: Effects,
    now: Timestamp,
) -> AppResult<()> {
    let wall = state.wall_now();
    state.store.update_identification(tx, tenant, ident).await?;

    // Attempts: a retry closes the current one and opens a new one.
    let mut current = state.store.current_attempt(tx, &ident.id).await?;
    if fx.new_attempt || current.is_none() {
        // An open attempt is replaced (seed 003's `closed`); a finished one
        // keeps its outcome.
        if let Some(mut old) = current.take()
            && old.status.is_open()
        {
            old.status = AttemptStatus::Closed;
            old.response_code = Some(
                signet_core::catalog::AttemptResponseCode::AttemptClosed
                    .as_str()
                    .to_owned(),
            );
            old.updated_at = now;
            state.store.update_attempt(tx, &old).await?;
        }
        let attempt = Attempt {
            id: AttemptId::from_random(random16()),
            identification_id: ident.id.clone(),
            status: AttemptStatus::PendingRedirection,
            response_code: None,
            created_at: now,
            updated_at: now,
        };
        state.store.insert_attempt(tx, tenant, &attempt).await?;
        current = Some(attempt);
    }
    if let (Some((status, code)), Some(mut attempt)) = (fx.attempt, current) {
        attempt.status = status;
        attempt.response_code = code.map(|c| c.as_str().to_owned());
        attempt.updated_at = now;
        state.store.update_attempt(tx, &attempt).await?;
    }

    if fx.person_changes.is_some() || fx.succeeded {
        let mut person = state
            .store
            .person_for_update(tx, tenant, mode, &ident.person_id)
            .await?;
        let before = person.clone();
        if let Some(changes) = &fx.person_changes {
            for (k, v) in changes {
                person.set_system_field(k, v.clone(), &now);
            }
        }
        if fx.succeeded {
            // Seed 002: the number verified in a successful identification
            // becomes the person's verified mobile number.
            let verified = ident
                .verified_mobile_number
                .clone()
                .or_else(|| person.str_field("mobile_number").map(str::to_owned));
            if let Some(number) = verified {
                person.set_system_field("verified_mobile_number", Value::String(number), &now);
            }
            store_kyc_report(state, tx, tenant, mode, ident, &person, now).await?;
        }
        if person != before {
            state.store.update_person(tx, tenant, &person, now).await?;
            // CHANGEALL renames the person: screen the new names.
            if crate::screening::screened_fields_changed(&before, &person) {
                crate::screening::screen_person(state, tx, tenant, mode, &mut person, false, now)
                    .await?;
            }
            emit(
                state,
                tx,
                tenant,
                mode,
                "person.updated",
                person.clone().into_json(),
                now,
            )
            .await?;
        }
    }

    for schedule in &fx.timers {
        let job = JobSpec {
            id: JobId::from_random(random16()),
            tenant_id: tenant.clone(),
            mode,
            kind: JOB_IDENTIFICATION_TIMER.to_owned(),
            payload: serde_json::to_value(&schedule.timer).map_err(|e| AppError::internal(&e))?,
            due_at: schedule.due,
        };
        state
            .store
            .schedule_job(tx, &job, clock_offset_ms, wall)
            .await?;
    }
    if !fx.timers.is_empty() {
        state.jobs_ready.notify_waiters();
    }
    if fx.status_changed {
        emit(
            state,
            tx,
            tenant,
            mode,
            "identification.status_changed",
            identification_json(ident),
            now,
        )
        .await?;
        // Signers who confirmed while this identification was under review are signed
        // now, or get invalid_signature (3311).
        if ident.status.is_final() {
            crate::signing::on_identification_final(
                state,
                tx,
                tenant,
                clock_offset_ms,
                mode,
                &ident.person_id,
                ident.status == signet_core::identification::Status::Successful,
                now,
            )
            .await?;
        }
        // Advanced signers of the person at work are assessed again: a signer held for want
        // of an identification (1201) may approve now; a failed one gets 1202.
        crate::signing::on_person_changed(state, tx, tenant, mode, &ident.person_id, now).await?;
    }
    Ok(())
}

/// The KYC report (seed 002's `KYC_REPORT` document) of a successful
/// identification: what was verified, as JSON.
async fn store_kyc_report(
    state: &AppState,
    tx: &mut Tx,
    tenant: &TenantId,
    mode: Mode,
    ident: &Identification,
    person: &Person,
    now: Timestamp,
) -> AppResult<()> {
    let report = json!({
        "identification_id": ident.id.as_str(),
        "reference": ident.reference,
        "method": ident.method.as_str(),
        "status": ident.status.as_str(),
        "completed_at": signet_core::time::format(&now),
        "test_mode": mode == Mode::Test,
        "verified_person": {
            "first_name": person.first_name(),
            "last_name": person.last_name(),
            "birth_date": person.str_field("birth_date"),
            "birth_city": person.str_field("birth_city"),
            "nationality": person.str_field("nationality"),
            "address": person.as_json().get("address"),
            "mobile_number": person.str_field("verified_mobile_number"),
        },
    });
    let bytes = serde_json::to_vec_pretty(&report).map_err(|e| AppError::internal(&e))?;
    let id = PersonDocumentId::from_random(random16());
    let blob_key = format!("{}/{}", tenant.as_str(), id.as_str());
    state
        .blobs
        .put(&blob_key, &bytes)
        .await
        .map_err(|e| AppError::internal(&e))?;
    let row = PersonDocumentRow {
        id,
        person_id: ident.person_id.clone(),
        identification_id: Some(ident.id.clone()),
        document_type: "KYC_REPORT".into(),
        name: format!(
            "kyc-report-{}.json",
            ident.reference.as_deref().unwrap_or("identification")
        ),
        content_type: "application/json".into(),
        size: bytes.len() as i64,
        sha256: hex::encode(Sha256::digest(&bytes)),
        blob_key,
        created_at: now,
    };
    state
        .store
        .insert_person_document(tx, tenant, mode, &row)
        .await?;
    Ok(())
}

/// Seed 002's `SIGNED_CONTRACT`: the finished file of an `advanced` document becomes a file of
/// every person who signed it as an identified signer. Each person gets their own copy under
/// their own key, so deleting the document (or a sweep after it) leaves their record whole;
/// its `sha256` is the document's `current_sha256`.
pub async fn store_signed_contract(
    state: &AppState,
    tx: &mut Tx,
    tenant: &TenantId,
    mode: Mode,
    wf: &Workflow,
    now: Timestamp,
) -> AppResult<()> {
    if wf.document.level != Level::Advanced {
        return Ok(());
    }
    let mut persons: Vec<&PersonId> = Vec::new();
    for p in wf.signers.iter().filter_map(|s| s.person_id.as_ref()) {
        if !persons.contains(&p) {
            persons.push(p);
        }
    }
    if persons.is_empty() {
        return Ok(());
    }
    let bytes = state
        .blobs
        .get(&wf.document.file_key)
        .await
        .map_err(|e| AppError::internal(&e))?;
    let sha256 = hex::encode(Sha256::digest(&bytes));
    let stem = wf.document.name.trim();
    let stem = stem
        .strip_suffix(".pdf")
        .or_else(|| stem.strip_suffix(".PDF"))
        .unwrap_or(stem);
    let name = format!("{}.pdf", stem.replace(['/', '\\'], "_"));
    for person_id in persons {
        let id = PersonDocumentId::from_random(random16());
        let blob_key = format!("{}/{}", tenant.as_str(), id.as_str());
        state
            .blobs
            .put(&blob_key, &bytes)
            .await
            .map_err(|e| AppError::internal(&e))?;
        let row = PersonDocumentRow {
            id,
            person_id: person_id.clone(),
            identification_id: None,
            document_type: "SIGNED_CONTRACT".into(),
            name: name.clone(),
            content_type: "application/pdf".into(),
            size: bytes.len() as i64,
            sha256: sha256.clone(),
            blob_key,
            created_at: now,
        };
        state
            .store
            .insert_person_document(tx, tenant, mode, &row)
            .await?;
    }
    Ok(())
}

/// Runs one identification timer inside a transaction, completing the job
/// only if its lease is still ours.
pub async fn run_identification_timer(
    state: &AppState,
    job: &signet_store::ClaimedJob,
) -> AppResult<()> {
    let timer: Timer =
        serde_json::from_value(job.payload.clone()).map_err(|e| AppError::internal(&e))?;
    let ident_id = match &timer {
        Timer::SandboxStep {
            identification_id, ..
        }
        | Timer::RequestTimeout { identification_id }
        | Timer::UrlExpiry { identification_id } => identification_id.clone(),
    };
    let mut tx = state.store.begin().await?;
    let tenant = state.store.tenant_in_tx(&mut tx, &job.tenant_id).await?;
    let now = tenant.now(job.mode, state.wall_now());
    let (mut ident, mode) = state
        .store
        .identification_for_update(&mut tx, &job.tenant_id, &ident_id)
        .await?;
    let fx = ident.on_timer(&timer, job.due_at, now);
    tracing::debug!(?timer, due = %job.due_at, %now, effects = ?fx, "identification timer");
    let changed = fx != Effects::default();
    if changed {
        apply_identification(
            state,
            &mut tx,
            &job.tenant_id,
            tenant.clock_offset_ms,
            mode,
            &ident,
            fx,
            now,
        )
        .await?;
    }
    state.store.complete_job(&mut tx, job).await?;
    tx.commit().await.map_err(signet_store::StoreError::from)?;
    Ok(())
}
