//! What a screening records under the person's lock, in the caller's transaction: the hits
//! (one per person and list entry; a hit found again keeps its decision), the person's
//! `screening_progress` and `risk_classification_status` as its hits imply, the screening
//! itself, and their events. Every screening comes through here: on creation, on demand,
//! after a rename, in the re-screening walk. Each causes [`FollowUp::PersonChanged`] (the
//! person's signers at work are re-assessed), which the caller writes and runs.

use crate::error::{AppError, AppResult};
use crate::events::{FollowUp, FollowUps, emit};
use crate::screening::{Found, screened_fields_changed, search_person};
use crate::state::{AppState, random16};
use crate::views::{hit_json, screening_json};
use serde_json::{Value, json};
use signet_core::ids::{PersonId, ScreeningHitId, ScreeningId, TenantId};
use signet_core::person::Person;
use signet_core::time::{Timestamp, to_millis};
use signet_store::{Mode, ScreeningHitRow, ScreeningRow, Tx};

/// A stored person and what a search of their names found (`None`: no list is imported),
/// searched before the transaction that records it, so SQLite's one writer is not held
/// during the search.
pub struct Searched {
    person: Person,
    found: Option<Found>,
}

impl Searched {
    /// Whether any list was searched: with none imported there is nothing to screen against.
    pub fn any_list(&self) -> bool {
        self.found.is_some()
    }
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
    let verdict = crate::screening::person_verdict(hits);
    if person.set_screening(verdict, &now) {
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
    Ok((verdict.progress.as_str(), verdict.risk.as_str()))
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
