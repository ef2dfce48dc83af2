//! Screening use cases: screen a person now, decide a hit (the API and the back office run
//! the same function), and the re-screening walk an imported list starts. Each owns its
//! transaction and returns what it did; what the outcome does to the person's signers is a
//! follow-up ([`FollowUp::PersonChanged`]), run after the commit by `followups.rs`.
//!
//! Matching itself (the lists, the index, the search) is `screening.rs`'s; what a screening
//! records under the person's lock is `screening_outcome.rs`'s.

use crate::error::{AppError, AppResult};
use crate::events::{FollowUp, FollowUps, emit};
use crate::scope::KeyAt;
use crate::screening::{JOB_RESCREEN, search_person};
use crate::screening_outcome::{apply_verdict, record_screening, record_searched, search_stored};
use crate::state::{AppState, random16};
use crate::views::hit_json;
use serde_json::{Value, json};
use signet_core::catalog::ErrorCode;
use signet_core::ids::{JobId, PersonId, ScreeningHitId};
use signet_core::screening::{Decider, check_decision};
use signet_core::time::to_millis;
use signet_store::{JobSpec, ScreeningHitRow, StoreError};

/// Screens a person now (`POST /v1/persons/{id}/screenings`): their names are searched in
/// every imported list, then, under the person's lock, the hits, the person's verdict and
/// the screening are recorded and announced. 404 for an unknown person; 409 `conflict` when
/// no list is imported (nothing to screen against; the person stays `NOT_SCREENED`).
pub async fn screen(state: &AppState, at: KeyAt<'_>, person_id: &PersonId) -> AppResult<Value> {
    let searched = search_stored(state, &at.tenant.id, at.mode, person_id).await?;
    if !searched.any_list() {
        return Err(no_list());
    }
    let mut tx = state.store.begin().await?;
    let tenant = state.store.tenant_in_tx(&mut tx, &at.tenant.id).await?;
    let now = tenant.now(at.mode, state.wall_now());
    let mut caused = FollowUps::default();
    let screening = record_searched(
        state,
        &mut tx,
        &tenant.id,
        at.mode,
        person_id,
        searched,
        now,
        &mut caused,
    )
    .await?
    .ok_or_else(no_list)?;
    let pending = crate::followups::record(
        state,
        &mut tx,
        &tenant.id,
        at.mode,
        tenant.clock_offset_ms,
        caused,
    )
    .await?;
    crate::followups::commit(state, tx, pending).await?;
    Ok(screening)
}

fn no_list() -> AppError {
    AppError::new(
        ErrorCode::Conflict,
        "no sanctions list is imported: import one with `signet lists import`",
    )
}

/// Decides a hit: `true_positive` (the person is the listed entry) or `false_positive`,
/// recorded with who decided (an API key's id, or `operator:<email>`) and the note (trimmed;
/// empty is none). The decision is checked first; a key reaches only its own tenant's hits
/// of its mode (another's is 404), an operator every hit. Under the person's lock, the hit
/// is stored, `screening.hit_decided` raised and the person's screening fields follow from
/// its hits (announced); the person's signers at work are re-assessed after the commit.
/// What the API and the back office both run.
pub async fn decide_hit(
    state: &AppState,
    id: &ScreeningHitId,
    decision: &str,
    note: Option<&str>,
    by: &Decider,
) -> AppResult<ScreeningHitRow> {
    let valid = check_decision(decision, note).map_err(AppError::invalid)?;
    let not_found = |e| AppError::unless_found(e, "hit");
    let (tenant_id, mode, person_id) = match by {
        Decider::ApiKey { tenant, mode, .. } => {
            let hit = state
                .store
                .hit(tenant, *mode, id)
                .await
                .map_err(not_found)?;
            (tenant.clone(), *mode, hit.person_id)
        }
        Decider::Operator { .. } => {
            let queued = state.store.queued_hit(id).await.map_err(not_found)?;
            (queued.tenant_id, queued.mode, queued.hit.person_id)
        }
    };
    if !by.may_decide(&tenant_id, mode) {
        return Err(AppError::not_found("hit"));
    }
    let mut tx = state.store.begin().await?;
    let tenant = state.store.tenant_in_tx(&mut tx, &tenant_id).await?;
    let now = tenant.now(mode, state.wall_now());
    // The person's lock first, as a screening takes it, then its hits.
    let mut person = state
        .store
        .person_for_update(&mut tx, &tenant_id, mode, &person_id)
        .await
        .map_err(not_found)?;
    let mut hits = state
        .store
        .person_hits(&mut tx, &tenant_id, mode, &person_id)
        .await?;
    let hit = hits
        .iter_mut()
        .find(|h| h.id == *id)
        .ok_or_else(|| AppError::not_found("hit"))?;
    let review = signet_core::screening::review(valid, by, now);
    let now_ms = to_millis(&now);
    hit.status = review.status.as_str().to_owned();
    hit.decided_by = Some(review.decided_by);
    hit.note = review.note;
    hit.decided_at = Some(to_millis(&review.decided_at));
    hit.updated_at = now_ms;
    let decided = hit.clone();
    state
        .store
        .decide_hit(&mut tx, &tenant_id, &decided)
        .await?;
    emit(
        state,
        &mut tx,
        &tenant_id,
        mode,
        "screening.hit_decided",
        hit_json(&decided),
        now,
    )
    .await?;
    apply_verdict(
        state,
        &mut tx,
        &tenant_id,
        mode,
        &mut person,
        &hits,
        true,
        now,
    )
    .await?;
    let mut caused = FollowUps::default();
    caused.push(FollowUp::PersonChanged { person_id });
    let pending = crate::followups::record(
        state,
        &mut tx,
        &tenant_id,
        mode,
        tenant.clock_offset_ms,
        caused,
    )
    .await?;
    crate::followups::commit(state, tx, pending).await?;
    Ok(decided)
}

/// Persons re-screened per transaction.
const RESCREEN_BATCH: u32 = 100;

/// Where a re-screening walk stands: the last person done.
#[derive(Debug, Default, serde::Serialize, serde::Deserialize)]
struct RescreenCursor {
    after: Option<String>,
}

/// Runs one step of a re-screening walk: searches the next batch of persons
/// (outside any transaction), records their screenings, and schedules the
/// next step in the same transaction as the batch and the job's completion.
/// A crash therefore resumes after the last committed batch, and a batch is
/// never recorded twice. The re-assessments the screenings cause run after it.
pub async fn run_rescreen(state: &AppState, job: &signet_store::ClaimedJob) -> AppResult<()> {
    let cursor: RescreenCursor =
        serde_json::from_value(job.payload.clone()).map_err(|e| AppError::internal(&e))?;
    let after = match cursor.after.as_deref() {
        Some(a) => Some(
            PersonId::parse(a).ok_or_else(|| AppError::internal(&"a bad re-screening cursor"))?,
        ),
        None => None,
    };
    // Compare with the stored lists now: this walk exists because one changed.
    state.screening.index(&state.store).await?;
    let persons = state
        .store
        .persons_after(&job.tenant_id, job.mode, after.as_ref(), RESCREEN_BATCH)
        .await?;
    let mut found = Vec::with_capacity(persons.len());
    for person in &persons {
        let Some(id) = person.str_field("id").and_then(PersonId::parse) else {
            continue;
        };
        if let Some(f) = search_person(state, person).await? {
            found.push((id, f));
        }
    }
    let mut tx = state.store.begin().await?;
    let tenant = state.store.tenant_in_tx(&mut tx, &job.tenant_id).await?;
    let now = tenant.now(job.mode, state.wall_now());
    let mut caused = FollowUps::default();
    for (id, f) in found {
        let mut person = match state
            .store
            .person_for_update(&mut tx, &job.tenant_id, job.mode, &id)
            .await
        {
            Ok(p) => p,
            Err(StoreError::NotFound) => continue,
            Err(e) => return Err(e.into()),
        };
        record_screening(
            state,
            &mut tx,
            &job.tenant_id,
            job.mode,
            &mut person,
            f,
            true,
            now,
            &mut caused,
        )
        .await?;
    }
    if persons.len() == RESCREEN_BATCH as usize
        && let Some(last) = persons.last().and_then(|p| p.str_field("id"))
    {
        let next = JobSpec {
            id: JobId::from_random(random16()),
            tenant_id: job.tenant_id.clone(),
            mode: job.mode,
            kind: JOB_RESCREEN.to_owned(),
            payload: json!(RescreenCursor {
                after: Some(last.to_owned())
            }),
            due_at: state.wall_now(),
        };
        state
            .store
            .schedule_job(&mut tx, &next, 0, state.wall_now())
            .await?;
    }
    let pending = crate::followups::record(
        state,
        &mut tx,
        &job.tenant_id,
        job.mode,
        tenant.clock_offset_ms,
        caused,
    )
    .await?;
    state.store.complete_job(&mut tx, job).await?;
    crate::followups::commit(state, tx, pending).await
}
