//! What is done to persons: the integrator creates and updates them through the API, and a
//! reviewer (an API key or a back-office operator) sets or clears their compliance flag. Each
//! function checks the input against the person model (`signet_core::person`), screens the
//! names when they are new or changed, stores and announces the person in one transaction,
//! and returns it as committed.

use crate::error::{AppError, AppResult};
use crate::events::{FollowUp, FollowUps, emit, wake_deliveries};
use crate::scope::KeyAt;
use crate::screening::{screened_fields_changed, search_person};
use crate::screening_outcome::{record_screening, screen_in_tx};
use crate::signers::Acting;
use crate::state::{AppState, random16};
use serde_json::{Map, Value};
use signet_core::catalog::ErrorCode;
use signet_core::ids::{EventId, PersonId};
use signet_core::person::{Person, WriteContext, check_compliance_reason};
use signet_store::{Mode, NewEvent, StoreError};

/// Seed 002: in test mode, more than 1000 identical persons is an error.
pub const IDENTICAL_PERSON_LIMIT: i64 = 1000;

fn write_context<'a>(at: &KeyAt<'a>, state: &AppState) -> WriteContext<'a> {
    WriteContext {
        today: at.now(state).date_naive(),
        allowed_residency_countries: at.tenant.residency_countries.as_deref(),
    }
}

/// Creates a person from the request's fields (400 `invalid_model` naming the field). Their
/// names are searched before the transaction opens, so the search never holds SQLite's
/// writer, and the screening is recorded before `person.created`, which carries its outcome.
pub async fn create(
    state: &AppState,
    at: KeyAt<'_>,
    input: &Map<String, Value>,
) -> AppResult<Person> {
    let now = at.now(state);
    // The id comes with the person's data key, made ahead and committed in the keyring.
    let id = state.store.new_person_id(&at.tenant.id).await?;
    let mut person = Person::create(id.as_str(), input, &write_context(&at, state), &now)
        .map_err(AppError::invalid)?;
    let screening_found = search_person(state, &person).await?;
    // Seed 002's sandbox rule: at most 1000 identical persons in test mode.
    let limit = match at.mode {
        Mode::Test => IDENTICAL_PERSON_LIMIT,
        Mode::Live => i64::MAX,
    };
    let refused = || {
        AppError::new(
            ErrorCode::DuplicatePersonLimit,
            "more than 1000 persons with the same first_name, last_name, birth_city and birth_date; use unique values in the sandbox",
        )
    };
    let Some(found) = screening_found else {
        // Nothing screened to record (no list imported): the person and `person.created`
        // are one statement list, one round trip to SQLite's writer.
        let messages = state
            .store
            .insert_person_announced(
                &at.tenant.id,
                at.mode,
                &person,
                limit,
                &NewEvent {
                    id: &EventId::from_random(random16()),
                    event_type: "person.created",
                    data: &person.clone().into_json(),
                    created_at: now,
                    wall_now: state.wall_now(),
                },
            )
            .await?
            .ok_or_else(refused)?;
        wake_deliveries(state, messages);
        return Ok(person);
    };
    let mut tx = state.store.begin().await?;
    let inserted = state
        .store
        .insert_person_within_limit(&mut tx, &at.tenant.id, at.mode, &person, now, limit)
        .await?;
    if !inserted {
        return Err(refused());
    }
    // A person created just now is nobody's signer yet: the re-assessment a screening causes
    // would find nothing, so it is not written.
    let mut nothing_waits = FollowUps::default();
    record_screening(
        state,
        &mut tx,
        &at.tenant.id,
        at.mode,
        &mut person,
        found,
        false,
        now,
        &mut nothing_waits,
    )
    .await?;
    emit(
        state,
        &mut tx,
        &at.tenant.id,
        at.mode,
        "person.created",
        person.clone().into_json(),
        now,
    )
    .await?;
    tx.commit().await.map_err(StoreError::from)?;
    Ok(person)
}

/// Updates a person with the request's fields (only those seed 002 lists as updatable; 400
/// naming any other). A change is stored and announced once (`person.updated`); a change of
/// the screened fields screens the person again first, and the person's signers at work are
/// re-assessed after the commit.
pub async fn update(
    state: &AppState,
    at: KeyAt<'_>,
    id: &PersonId,
    input: &Map<String, Value>,
) -> AppResult<Person> {
    let now = at.now(state);
    let wc = write_context(&at, state);
    let mut tx = state.store.begin().await?;
    let current = state
        .store
        .person_for_update(&mut tx, &at.tenant.id, at.mode, id)
        .await
        .map_err(|e| AppError::unless_found(e, "person"))?;
    crate::retention::refuse_after_erasure_request(state, at, id).await?;
    let mut updated = current
        .update(input, &wc, &now)
        .map_err(AppError::invalid)?;
    if updated == current {
        return Ok(updated);
    }
    state
        .store
        .update_person(&mut tx, &at.tenant.id, &updated, now)
        .await?;
    let mut caused = FollowUps::default();
    if screened_fields_changed(&current, &updated) {
        screen_in_tx(
            state,
            &mut tx,
            &at.tenant.id,
            at.mode,
            &mut updated,
            false,
            now,
            &mut caused,
        )
        .await?;
    }
    emit(
        state,
        &mut tx,
        &at.tenant.id,
        at.mode,
        "person.updated",
        updated.clone().into_json(),
        now,
    )
    .await?;
    let pending = crate::followups::record(
        state,
        &mut tx,
        &at.tenant.id,
        at.mode,
        at.tenant.clock_offset_ms,
        caused,
    )
    .await?;
    crate::followups::commit(state, tx, pending).await?;
    Ok(updated)
}

/// Sets or clears a person's compliance flag (`flagged_by_compliance`), as a reviewer: an API
/// key of the person's tenant and mode, or a back-office operator (`at` is then the tenant and
/// mode the person was found in). Flagging needs a reason (trimmed, 1 to 2000 characters);
/// clearing takes one optionally. 400 `invalid_model` for the reason, 404 for an unknown
/// person, 422 `invalid_state` for a signer's link, which reviews nobody.
///
/// Under the person's lock the flag is set; a change is stored, announced (`person.updated`)
/// and written to the log with who set it and why (target `signet::compliance`), and the
/// person's signers at work are re-assessed after the commit: a flagged person's advanced
/// signers are held at `kyc_required` with 1035, which is final for them (seed 000: "You
/// can't retry"); once the flag is cleared, new workflows go ahead. Setting the flag the
/// person already has changes nothing and announces nothing. What the API and the back office
/// both run.
pub async fn set_compliance_flag(
    state: &AppState,
    acting: &Acting,
    at: KeyAt<'_>,
    id: &PersonId,
    flagged: bool,
    reason: Option<&str>,
) -> AppResult<Person> {
    let reviewer = acting.reviewer()?;
    let reason = check_compliance_reason(flagged, reason).map_err(AppError::invalid)?;
    let now = at.now(state);
    let mut tx = state.store.begin().await?;
    let mut person = state
        .store
        .person_for_update(&mut tx, &at.tenant.id, at.mode, id)
        .await
        .map_err(|e| AppError::unless_found(e, "person"))?;
    if !person.set_flagged_by_compliance(flagged, &now) {
        return Ok(person);
    }
    state
        .store
        .update_person(&mut tx, &at.tenant.id, &person, now)
        .await?;
    emit(
        state,
        &mut tx,
        &at.tenant.id,
        at.mode,
        "person.updated",
        person.clone().into_json(),
        now,
    )
    .await?;
    let mut caused = FollowUps::default();
    caused.push(FollowUp::PersonChanged {
        person_id: id.clone(),
    });
    let pending = crate::followups::record(
        state,
        &mut tx,
        &at.tenant.id,
        at.mode,
        at.tenant.clock_offset_ms,
        caused,
    )
    .await?;
    crate::followups::commit(state, tx, pending).await?;
    tracing::info!(
        target: "signet::compliance",
        tenant = %at.tenant.id.as_str(),
        mode = at.mode.as_str(),
        person = %id.as_str(),
        flagged,
        by = %reviewer,
        ip = acting.ip.as_deref().unwrap_or(""),
        reason = reason.as_deref().unwrap_or(""),
        at = %signet_core::time::format(&now),
        "compliance flag {}",
        if flagged { "set" } else { "cleared" }
    );
    Ok(person)
}
