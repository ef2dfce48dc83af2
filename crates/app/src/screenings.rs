//! Screening use cases: screen a person now, decide a hit (the API and the back office run
//! the same function), and the re-screening walk an imported list starts; plus what every
//! screening records under the person's lock (hits, the person's verdict, the screening and
//! their events). Each use case owns its transaction and returns what it did; what the
//! outcome does to the person's signers is a follow-up ([`FollowUp::PersonChanged`]), run
//! after the commit by `followups.rs`.
//!
//! Matching itself (the lists, the index, the search) is `screening.rs`'s.

use crate::error::{AppError, AppResult};
use crate::events::{FollowUp, FollowUps, emit};
use crate::scope::KeyAt;
use crate::screening::{Found, JOB_RESCREEN, screened_fields_changed, search_person, verdict};
use crate::state::{AppState, random16};
use crate::views::{hit_json, screening_json};
use serde_json::{Value, json};
use signet_core::catalog::ErrorCode;
use signet_core::ids::{JobId, PersonId, ScreeningHitId, ScreeningId, TenantId};
use signet_core::person::Person;
use signet_core::screening::{Decider, check_decision};
use signet_core::time::{Timestamp, to_millis};
use signet_store::{JobSpec, Mode, ScreeningHitRow, ScreeningRow, StoreError, Tx};

/// Screens a person now (`POST /v1/persons/{id}/screenings`): their names are searched in
/// every imported list, then, under the person's lock, the hits, the person's verdict and
/// the screening are recorded and announced. 404 for an unknown person; 409 `conflict` when
/// no list is imported (nothing to screen against; the person stays `NOT_SCREENED`).
pub async fn screen(state: &AppState, at: KeyAt<'_>, person_id: &PersonId) -> AppResult<Value> {
    let searched = search_stored(state, &at.tenant.id, at.mode, person_id).await?;
    if searched.found.is_none() {
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

/// A stored person and what a search of their names found (`None`: no list is imported),
/// searched before the transaction that records it, so SQLite's one writer is not held
/// during the search.
pub struct Searched {
    person: Person,
    found: Option<Found>,
}

/// Reads a person (404 if unknown) and searches their names.
pub async fn search_stored(
    state: &AppState,
    tenant: &TenantId,
    mode: Mode,
    person_id: &PersonId,
) -> AppResult<Searched> {
    let person = state
        .store
        .person(tenant, mode, person_id)
        .await
        .map_err(|e| AppError::unless_found(e, "person"))?;
    let found = search_person(state, &person).await?;
    Ok(Searched { person, found })
}

/// Records, under the person's lock in `tx`, the screening of what [`search_stored`] found,
/// announced (`person.updated` when the verdict changes). A person whose screened fields
/// changed since the search is searched again under the lock. `None` when no list is
/// imported. 404 when the person is gone.
#[allow(clippy::too_many_arguments)]
pub async fn record_searched(
    state: &AppState,
    tx: &mut Tx,
    tenant: &TenantId,
    mode: Mode,
    person_id: &PersonId,
    searched: Searched,
    now: Timestamp,
    caused: &mut FollowUps,
) -> AppResult<Option<Value>> {
    let mut person = state
        .store
        .person_for_update(tx, tenant, mode, person_id)
        .await
        .map_err(|e| AppError::unless_found(e, "person"))?;
    let found = if screened_fields_changed(&searched.person, &person) {
        search_person(state, &person).await?
    } else {
        searched.found
    };
    match found {
        Some(found) => record_screening(
            state,
            tx,
            tenant,
            mode,
            &mut person,
            found,
            true,
            now,
            caused,
        )
        .await
        .map(Some),
        None => Ok(None),
    }
}

/// Screens a person against every imported list, inside the caller's
/// transaction (which must hold the person's row, locked or just inserted).
///
/// Each match at or above the threshold becomes a hit, one per list entry;
/// a hit found again keeps its review (a decided hit stays decided) and takes
/// the new match. The person's `screening_progress` and
/// `risk_classification_status` follow from all its hits, the screening is
/// recorded, and `screening.hit_created` (per new hit) and
/// `screening.completed` are emitted in the same transaction.
///
/// When no list is imported at all there is nothing to screen against: the
/// person stays `NOT_SCREENED`, nothing is written and `None` is returned.
/// That costs one read of the list catalogue.
#[allow(clippy::too_many_arguments)]
pub async fn screen_in_tx(
    state: &AppState,
    tx: &mut Tx,
    tenant: &TenantId,
    mode: Mode,
    person: &mut Person,
    announce: bool,
    now: Timestamp,
    caused: &mut FollowUps,
) -> AppResult<Option<Value>> {
    match search_person(state, person).await? {
        Some(found) => record_screening(
            state, tx, tenant, mode, person, found, announce, now, caused,
        )
        .await
        .map(Some),
        None => Ok(None),
    }
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

/// Sets the person's screening fields from its hits and stores the person
/// when they changed. Returns the verdict.
/// `announce`: raise `person.updated` when the fields change. Callers that raise their own
/// person event afterwards (creation, an update) pass false, so one change is one event.
#[allow(clippy::too_many_arguments)]
pub async fn apply_verdict(
    state: &AppState,
    tx: &mut Tx,
    tenant: &TenantId,
    mode: Mode,
    person: &mut Person,
    hits: &[ScreeningHitRow],
    announce: bool,
    now: Timestamp,
) -> AppResult<(&'static str, &'static str)> {
    let (progress, risk) = verdict(hits);
    let changed = person.str_field("screening_progress") != Some(progress)
        || person.str_field("risk_classification_status") != Some(risk);
    if changed {
        person.set_system_field("screening_progress", json!(progress), &now);
        person.set_system_field("risk_classification_status", json!(risk), &now);
        state.store.update_person(tx, tenant, person, now).await?;
        if announce {
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
    Ok((progress, risk))
}

/// Records what [`search_person`] found for a person, inside the caller's
/// transaction (which must hold the person's row): hits, the person's
/// verdict, the screening and its events, as [`screen_in_tx`] describes. Causes
/// [`FollowUp::PersonChanged`]: the person's signers at work are re-assessed.
#[allow(clippy::too_many_arguments)]
pub async fn record_screening(
    state: &AppState,
    tx: &mut Tx,
    tenant: &TenantId,
    mode: Mode,
    person: &mut Person,
    found: Found,
    announce: bool,
    now: Timestamp,
    caused: &mut FollowUps,
) -> AppResult<Value> {
    let Found { lists, best } = found;
    let person_id = PersonId::parse(person.str_field("id").unwrap_or_default())
        .ok_or_else(|| AppError::internal(&"a stored person without an id"))?;
    let mut hits = state
        .store
        .person_hits(tx, tenant, mode, &person_id)
        .await?;
    let now_ms = to_millis(&now);
    let mut matched = Vec::with_capacity(best.len());
    for ((list, entry_id), m) in best {
        let explanation =
            serde_json::to_string(&m.explanation).map_err(|e| AppError::internal(&e))?;
        match hits
            .iter_mut()
            .find(|h| h.list_id == list && h.entry_id == entry_id)
        {
            Some(hit) => {
                if hit.name != m.name
                    || hit.matched_name != m.matched_name
                    || hit.score != m.score
                    || hit.explanation != explanation
                    || hit.topics != m.topics
                    || hit.datasets != m.datasets
                {
                    hit.name = m.name;
                    hit.matched_name = m.matched_name;
                    hit.score = m.score;
                    hit.explanation = explanation;
                    hit.topics = m.topics;
                    hit.datasets = m.datasets;
                    hit.updated_at = now_ms;
                    state.store.update_hit_match(tx, tenant, hit).await?;
                }
                matched.push(hit.clone());
            }
            None => {
                let hit = ScreeningHitRow {
                    id: ScreeningHitId::from_random(random16()),
                    person_id: person_id.clone(),
                    list_id: list,
                    entry_id,
                    name: m.name,
                    matched_name: m.matched_name,
                    score: m.score,
                    explanation,
                    status: "open".to_owned(),
                    decided_by: None,
                    note: None,
                    decided_at: None,
                    created_at: now_ms,
                    updated_at: now_ms,
                    topics: m.topics,
                    datasets: m.datasets,
                };
                state.store.insert_hit(tx, tenant, mode, &hit).await?;
                emit(
                    state,
                    tx,
                    tenant,
                    mode,
                    "screening.hit_created",
                    hit_json(&hit),
                    now,
                )
                .await?;
                matched.push(hit.clone());
                hits.push(hit);
            }
        }
    }
    let (progress, risk) =
        apply_verdict(state, tx, tenant, mode, person, &hits, announce, now).await?;
    let outcome = json!({
        "screening_progress": progress,
        "risk_classification_status": risk,
        "lists": lists,
        "hits": matched.iter().map(hit_json).collect::<Vec<_>>(),
    });
    let row = ScreeningRow {
        id: ScreeningId::from_random(random16()),
        person_id,
        created_at: now_ms,
        outcome: outcome.to_string(),
    };
    state.store.insert_screening(tx, tenant, mode, &row).await?;
    caused.push(FollowUp::PersonChanged {
        person_id: row.person_id.clone(),
    });
    let screening = screening_json(&row);
    emit(
        state,
        tx,
        tenant,
        mode,
        "screening.completed",
        screening.clone(),
        now,
    )
    .await?;
    Ok(screening)
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
