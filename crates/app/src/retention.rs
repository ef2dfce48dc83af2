//! A person's business relationship, the records kept after it (AMLD4 Art. 40, AMLR Art. 77)
//! and erasure (GDPR Art. 17, with Art. 17(3)(b) for those records).
//!
//! An erasure request takes at once what no basis keeps: the person's contact data, webhook
//! payloads that carry them, and the documents they were to sign that nobody signed. The
//! customer-due-diligence records (identifications and their images, screenings, signatures,
//! audit trails) stay until the relationship's end plus the tenant's retention; then a job on
//! the tenant's clock removes the person's rows and destroys their data key, so that nothing
//! sealed under it (rows, files, any backup) opens again. The retention row stays as the
//! tombstone, and the person's API reads answer 410.

use crate::access_audit;
use crate::error::{AppError, AppResult};
use crate::scope::KeyAt;
use crate::signers::{Acting, DocumentAt};
use crate::state::AppState;
use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};
use signet_core::catalog::ErrorCode;
use signet_core::ids::{PersonId, TenantId};
use signet_core::time::Timestamp;
use signet_store::retention::{JOB_ERASURE_CLEANUP, JOB_PERSON_ERASURE, PersonRetention};
use signet_store::{ClaimedJob, JobSpec, Mode, StoreError};

/// The longest retention a tenant may set, in years.
pub const MAX_RETENTION_YEARS: u32 = 30;

/// The legal basis of what an erasure keeps.
const AML_BASIS: &str = "AMLD4 Art. 40 and AMLR Art. 77: customer due diligence records kept for the retention period after the business relationship ends (GDPR Art. 17(3)(b))";
const SIGNED_BASIS: &str = "evidence of a signature, kept with the signed document under the document's own retention, also for its other signers";

/// One category an erasure keeps, why, and until when.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq, utoipa::ToSchema)]
pub struct Retained {
    pub category: String,
    pub basis: String,
    /// The date the category goes (tenant's calendar); `null` when it goes with something
    /// else (a signed document stays as long as the document does).
    pub until: Option<String>,
}

/// What an erasure request did and kept.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq, utoipa::ToSchema)]
pub struct ErasureReport {
    pub person_id: String,
    pub requested_at: String,
    pub relationship_ended_on: String,
    /// What went at once.
    pub erased: Vec<String>,
    pub retained: Vec<Retained>,
    /// When the person's key is destroyed and their records go (`null` once done).
    pub erasure_due_at: Option<String>,
    pub erased_at: Option<String>,
}

/// A person's relationship and retention as the API shows it.
#[derive(Debug, Clone, Serialize, PartialEq, Eq, utoipa::ToSchema)]
pub struct RelationshipView {
    pub person_id: String,
    pub relationship_ended_on: String,
    pub retention_years: u32,
    /// The date the person's records go.
    pub retained_until: String,
    pub erasure_requested_at: Option<String>,
}

#[derive(Debug, Serialize, Deserialize)]
struct ErasureJob {
    person_id: PersonId,
    /// The API key that asked (the deleted documents' trails name it).
    #[serde(default)]
    api_key: Option<String>,
}

fn day_start(d: NaiveDate) -> Timestamp {
    d.and_hms_opt(0, 0, 0)
        .map(|t| t.and_utc())
        .unwrap_or_default()
}

/// `years` after `from`, the same calendar day (29 February goes to 28 February).
fn years_after(from: Timestamp, years: u32) -> Timestamp {
    let d = from.date_naive();
    let y = d.year() + i32::try_from(years).unwrap_or(0);
    let date = NaiveDate::from_ymd_opt(y, d.month(), d.day())
        .or_else(|| NaiveDate::from_ymd_opt(y, d.month(), 28))
        .unwrap_or(d);
    day_start(date)
}

fn date(t: Timestamp) -> String {
    t.date_naive().format("%Y-%m-%d").to_string()
}

/// 410 `person_erased` for a person whose tombstone says so.
pub fn erased(r: &PersonRetention) -> AppError {
    AppError::new(
        ErrorCode::PersonErased,
        format!(
            "the person was erased on {}; only the fact of the erasure is kept",
            r.erased_at.map(date).unwrap_or_default()
        ),
    )
}

/// The 410 `person_erased` of a person not found, if they were erased: by their tombstone,
/// or, where the database was restored from before the erasure, by the keyring's record of
/// their destroyed key.
pub async fn erasure_of(
    state: &AppState,
    tenant: &TenantId,
    mode: Mode,
    person: &PersonId,
) -> AppResult<Option<AppError>> {
    if let Some(r) = state.store.person_retention(tenant, mode, person).await?
        && r.erased_at.is_some()
    {
        return Ok(Some(erased(&r)));
    }
    Ok(state
        .store
        .person_key_destroyed_at(tenant, person)
        .await?
        .map(|at| {
            AppError::new(
                ErrorCode::PersonErased,
                format!(
                    "the person was erased on {}; only the fact of the erasure is kept",
                    date(at)
                ),
            )
        }))
}

/// Checks the person exists (404) and is not erased (410).
async fn existing(state: &AppState, at: KeyAt<'_>, person: &PersonId) -> AppResult<()> {
    match state.store.person(&at.tenant.id, at.mode, person).await {
        Ok(_) => Ok(()),
        Err(StoreError::NotFound) => Err(erasure_of(state, &at.tenant.id, at.mode, person)
            .await?
            .unwrap_or_else(|| AppError::not_found("person"))),
        Err(e) => Err(e.into()),
    }
}

/// Once erasure was asked for a person, no new data about them is taken (an update, an
/// identification, a document to sign): 422 `invalid_state`.
pub async fn refuse_after_erasure_request(
    state: &AppState,
    at: KeyAt<'_>,
    person: &PersonId,
) -> AppResult<()> {
    if state
        .store
        .erasure_requested(&at.tenant.id, at.mode, person)
        .await?
    {
        return Err(AppError::invalid_state(
            "erasure was requested for this person: no new data about them is taken",
        ));
    }
    Ok(())
}

/// `GET/PUT /v1/settings/retention`'s checks: whole years from 1 to [`MAX_RETENTION_YEARS`].
pub async fn set_retention_years(state: &AppState, at: KeyAt<'_>, years: i64) -> AppResult<u32> {
    let years = u32::try_from(years)
        .ok()
        .filter(|y| (1..=MAX_RETENTION_YEARS).contains(y))
        .ok_or_else(|| {
            AppError::field(
                "years",
                &format!("must be a whole number of years from 1 to {MAX_RETENTION_YEARS}"),
            )
        })?;
    state
        .store
        .set_retention_years(&at.tenant.id, at.mode, years, at.now(state))
        .await?;
    Ok(years)
}

/// `POST /v1/persons/{id}/relationship/end`: records the day the business relationship
/// ended (`on`, or the tenant's today), from which the retention runs. Not in the future;
/// once erasure was asked, the end it fixed stays.
pub async fn end_relationship(
    state: &AppState,
    at: KeyAt<'_>,
    person: &PersonId,
    on: Option<&str>,
) -> AppResult<RelationshipView> {
    existing(state, at, person).await?;
    let now = at.now(state);
    let today = now.date_naive();
    let ended = match on {
        None => today,
        Some(s) => NaiveDate::parse_from_str(s, "%Y-%m-%d")
            .ok()
            .filter(|d| *d <= today)
            .ok_or_else(|| {
                AppError::field("ended_at", "must be a date (YYYY-MM-DD) not after today")
            })?,
    };
    let years = state.store.retention_years(&at.tenant.id, at.mode).await?;
    let mut tx = state.store.begin().await?;
    let mut r = state
        .store
        .person_retention_for_update(&mut tx, &at.tenant.id, at.mode, person)
        .await?
        .unwrap_or_else(|| PersonRetention::new(&at.tenant.id, at.mode, person));
    if r.erasure_requested_at.is_some() {
        return Err(AppError::invalid_state(
            "erasure was requested for this person: the relationship's end it recorded stays",
        ));
    }
    let ended_at = day_start(ended);
    r.relationship_ended_at = Some(ended_at);
    r.retained_until = Some(years_after(ended_at, years));
    state.store.put_person_retention(&mut tx, &r).await?;
    tx.commit().await.map_err(StoreError::from)?;
    Ok(view(&r, years))
}

fn view(r: &PersonRetention, years: u32) -> RelationshipView {
    RelationshipView {
        person_id: r.person_id.as_str().to_owned(),
        relationship_ended_on: r.relationship_ended_at.map(date).unwrap_or_default(),
        retention_years: years,
        retained_until: r.retained_until.map(date).unwrap_or_default(),
        erasure_requested_at: r
            .erasure_requested_at
            .map(|t| signet_core::time::format(&t)),
    }
}

/// `POST /v1/persons/{id}/erasure`: erases at once what no basis keeps and answers what it
/// kept, until when and why. The request ends the relationship today unless it ended
/// before. Everything it decides is written in one transaction with the jobs that carry it
/// out (a cleanup due now: webhook payloads naming the person, documents nobody signed; the
/// erasure at the retention's end, or now for a person with nothing to keep), so a request
/// cut short is finished by the workers. Asking again answers the first request's report.
pub async fn request_erasure(
    state: &AppState,
    at: KeyAt<'_>,
    person: &PersonId,
    by: &Acting,
) -> AppResult<ErasureReport> {
    existing(state, at, person).await?;
    let now = at.now(state);
    let years = state.store.retention_years(&at.tenant.id, at.mode).await?;
    let mut tx = state.store.begin().await?;
    let mut p = state
        .store
        .person_for_update(&mut tx, &at.tenant.id, at.mode, person)
        .await?;
    let mut r = state
        .store
        .person_retention_for_update(&mut tx, &at.tenant.id, at.mode, person)
        .await?
        .unwrap_or_else(|| PersonRetention::new(&at.tenant.id, at.mode, person));
    if let Some(report) = r.report.clone()
        && r.erasure_requested_at.is_some()
    {
        return serde_json::from_value(report).map_err(|e| AppError::internal(&e));
    }
    let ended_at = *r
        .relationship_ended_at
        .get_or_insert(day_start(now.date_naive()));
    let until = years_after(ended_at, years);
    r.retained_until = Some(until);
    r.erasure_requested_at = Some(now);

    let mut erased = Vec::new();
    let contact = p.erase_contact();
    if !contact.is_empty() {
        state
            .store
            .update_person(&mut tx, &at.tenant.id, &p, now)
            .await?;
        erased.push(format!("contact data ({})", contact.join(", ")));
    }
    erased.push("webhook payloads that name the person".to_owned());
    erased.push("documents the person was to sign that nobody signed".to_owned());
    let keeps_records = state
        .store
        .person_has_records(&mut tx, &at.tenant.id, at.mode, person)
        .await?;
    let mut retained = Vec::new();
    if keeps_records {
        for category in [
            "identification_data",
            "identification_images",
            "screening_results",
            "person_data",
            "audit_trails",
        ] {
            retained.push(Retained {
                category: category.to_owned(),
                basis: AML_BASIS.to_owned(),
                until: Some(date(until)),
            });
        }
    }
    let signed = state
        .store
        .documents_signed_by(&mut tx, &at.tenant.id, person)
        .await?;
    if signed > 0 {
        retained.push(Retained {
            category: format!("signed_documents ({signed})"),
            basis: SIGNED_BASIS.to_owned(),
            until: None,
        });
    }
    let due = if keeps_records { until } else { now };
    let api_key = match &by.by {
        crate::signers::By::ApiKey(k) => Some(k.clone()),
        _ => None,
    };
    for (kind, due_at) in [(JOB_ERASURE_CLEANUP, now), (JOB_PERSON_ERASURE, due)] {
        state
            .store
            .schedule_job(
                &mut tx,
                &JobSpec {
                    id: signet_core::ids::JobId::from_random(crate::state::random16()),
                    tenant_id: at.tenant.id.clone(),
                    mode: at.mode,
                    kind: kind.to_owned(),
                    payload: serde_json::to_value(ErasureJob {
                        person_id: person.clone(),
                        api_key: api_key.clone(),
                    })
                    .map_err(|e| AppError::internal(&e))?,
                    due_at,
                },
                at.tenant.clock_offset_ms,
                state.wall_now(),
            )
            .await?;
    }
    let report = ErasureReport {
        person_id: person.as_str().to_owned(),
        requested_at: signet_core::time::format(&now),
        relationship_ended_on: date(ended_at),
        erased,
        retained,
        erasure_due_at: Some(signet_core::time::format(&due)),
        erased_at: None,
    };
    r.report = Some(serde_json::to_value(&report).map_err(|e| AppError::internal(&e))?);
    state.store.put_person_retention(&mut tx, &r).await?;
    tx.commit().await.map_err(StoreError::from)?;
    state.jobs_ready.notify_waiters();
    access_audit::record(
        state,
        at,
        person,
        &by.actor(None),
        "person.erasure_requested",
        serde_json::json!({
            "erased": report.erased,
            "retained_until": keeps_records.then(|| date(until)),
        }),
    )
    .await?;
    if keeps_records {
        return Ok(report);
    }
    // Nothing to keep: the person goes now (the job scheduled above finishes it should this
    // be cut short).
    erase(state, &at.tenant.id, at.mode, person).await?;
    match state
        .store
        .person_retention(&at.tenant.id, at.mode, person)
        .await?
        .and_then(|r| r.report)
    {
        Some(stored) => serde_json::from_value(stored).map_err(|e| AppError::internal(&e)),
        None => Ok(report),
    }
}

/// The cleanup an erasure request schedules, due at once: webhook payloads that name the
/// person go (found by reading the tenant's payloads, which are sealed), and so do the
/// documents the person was to sign that nobody signed. Idempotent.
pub async fn run_cleanup(state: &AppState, job: &ClaimedJob) -> AppResult<()> {
    let payload: ErasureJob =
        serde_json::from_value(job.payload.clone()).map_err(|e| AppError::internal(&e))?;
    let person = &payload.person_id;
    let tenant = state.store.tenant(&job.tenant_id).await?;
    let now = tenant.now(job.mode, state.wall_now());
    let events = state
        .store
        .events_naming(&job.tenant_id, job.mode, person.as_str())
        .await?;
    let payloads = state
        .store
        .erase_event_payloads(&job.tenant_id, &events, now)
        .await?;
    let by = Acting {
        by: match &payload.api_key {
            Some(k) => crate::signers::By::ApiKey(k.clone()),
            None => crate::signers::By::Operator("system".to_owned()),
        },
        ip: None,
        user_agent: None,
    };
    let mut deleted = 0;
    for doc in state
        .store
        .documents_of_person(&job.tenant_id, job.mode, person)
        .await?
    {
        let at_doc = DocumentAt {
            tenant: &tenant,
            mode: job.mode,
            document: &doc,
        };
        match crate::signers::delete(state, at_doc, &by).await {
            Ok(_) => deleted += 1,
            Err(e)
                if e.code == ErrorCode::DocumentHasSignatures
                    || e.code == ErrorCode::DocumentNotFound => {}
            Err(e) => return Err(e),
        }
    }
    if payloads > 0 || deleted > 0 {
        access_audit::record_at(
            state,
            &job.tenant_id,
            job.mode,
            person,
            &crate::audit::Actor::system(),
            "person.erasure_cleanup",
            serde_json::json!({"webhook_payloads": payloads, "unsigned_documents": deleted}),
        )
        .await?;
    }
    let mut tx = state.store.begin().await?;
    state.store.complete_job(&mut tx, job).await?;
    tx.commit().await.map_err(StoreError::from)?;
    Ok(())
}

/// The job at the retention's end: the person's rows go and their data key is destroyed.
/// Run again after a failure, it finds the rows gone and destroys the key (idempotent).
pub async fn run_erasure(state: &AppState, job: &ClaimedJob) -> AppResult<()> {
    let payload: ErasureJob =
        serde_json::from_value(job.payload.clone()).map_err(|e| AppError::internal(&e))?;
    erase(state, &job.tenant_id, job.mode, &payload.person_id).await?;
    let mut tx = state.store.begin().await?;
    state.store.complete_job(&mut tx, job).await?;
    tx.commit().await.map_err(StoreError::from)?;
    Ok(())
}

/// Removes the person's rows, marks the tombstone, then destroys their data key.
async fn erase(
    state: &AppState,
    tenant_id: &TenantId,
    mode: Mode,
    person: &PersonId,
) -> AppResult<()> {
    let tenant = state.store.tenant(tenant_id).await?;
    let now = tenant.now(mode, state.wall_now());
    let mut tx = state.store.begin().await?;
    // Locks in the order the erasure request takes them: the person, then their retention
    // row (two erasures at once, the request's and its job's, wait for each other).
    state
        .store
        .lock_person_row(&mut tx, tenant_id, mode, person)
        .await?;
    let Some(mut r) = state
        .store
        .person_retention_for_update(&mut tx, tenant_id, mode, person)
        .await?
    else {
        return Ok(());
    };
    if r.erased_at.is_none() {
        let rows = match state
            .store
            .erase_person_rows(&mut tx, tenant_id, mode, person)
            .await
        {
            Ok(rows) => Some(rows),
            Err(StoreError::NotFound) => None,
            Err(e) => return Err(e.into()),
        };
        r.erased_at = Some(now);
        if let Some(report) = r.report.as_mut() {
            report["erased_at"] = serde_json::json!(signet_core::time::format(&now));
            report["erasure_due_at"] = serde_json::Value::Null;
        }
        state.store.put_person_retention(&mut tx, &r).await?;
        tx.commit().await.map_err(StoreError::from)?;
        tracing::info!(person = %person.as_str(), rows = ?rows, "person erased");
        access_audit::record_at(
            state,
            tenant_id,
            mode,
            person,
            &crate::audit::Actor::system(),
            "person.erased",
            serde_json::json!({"rows": rows.map(|r| serde_json::json!({
                "identifications": r.identifications,
                "attempts": r.attempts,
                "person_files": r.person_files,
                "screenings": r.screenings,
                "screening_hits": r.screening_hits,
            }))}),
        )
        .await?;
    } else {
        tx.commit().await.map_err(StoreError::from)?;
    }
    // The rows are gone before the key: a read never meets data it cannot open. Should the
    // key's destruction fail, the job runs again and only destroys it.
    if let Some(keyring) = state.store.keyring() {
        keyring
            .destroy_person_key(tenant_id.as_str(), person.as_str())
            .await?;
    }
    Ok(())
}
