//! AML screening: importing sanctions lists into the store, and the in-memory
//! matcher index built from them (`Screening`, kept in `screening_index.rs`).

use crate::error::{AppError, AppResult};
use crate::events::emit;
use crate::state::{AppState, random16};
use crate::views::{hit_json, screening_json};
use serde_json::{Value, json};
use signet_core::ids::{JobId, PersonId, ScreeningHitId, ScreeningId, TenantId};
use signet_core::person::Person;
use signet_core::time::{Timestamp, to_millis};
use signet_screening::{
    ListFormat, Match, ParseError, PartialDate, Query, SearchOptions, country_code,
};
use signet_store::{
    JobSpec, Mode, ScreeningEntryRow, ScreeningHitRow, ScreeningListRow, ScreeningRow, Store,
    StoreError, Tx,
};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

pub use crate::screening_index::Screening;
pub use signet_screening;

/// Why an import failed. A failed import leaves the stored list as it was.
#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    #[error(transparent)]
    Parse(#[from] ParseError),
    #[error("storing the list: {0}")]
    Store(#[from] StoreError),
    #[error("encoding an entry: {0}")]
    Encode(#[from] serde_json::Error),
    #[error("the parser stopped unexpectedly: {0}")]
    Join(String),
}

/// The outcome of a successful import.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportSummary {
    /// The list's id (its publisher): `ofac-sdn`, `eu-fsf`, …
    pub list: String,
    pub format: ListFormat,
    pub version: String,
    pub entries: usize,
}

/// Import progress, for a progress bar.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ImportProgress {
    /// Parsing: bytes read of the total.
    Reading { done: u64, total: u64 },
    /// Storing: entries written of the total.
    Storing { done: u64, total: u64 },
}

/// Parses `path` in `format` and replaces the stored list of that source in
/// one transaction. A malformed file fails with the parser's error (naming the
/// line or element) before anything is written.
pub async fn import_list(
    store: &Store,
    format: ListFormat,
    path: &Path,
    now: Timestamp,
    progress: impl FnMut(ImportProgress) + Send + 'static,
) -> Result<ImportSummary, ImportError> {
    let progress = Arc::new(std::sync::Mutex::new(progress));
    let path: PathBuf = path.to_path_buf();
    let reader = progress.clone();
    let parsed = tokio::task::spawn_blocking(move || {
        let mut report = |done: u64, total: u64| {
            if let Ok(mut p) = reader.lock() {
                p(ImportProgress::Reading { done, total });
            }
        };
        signet_screening::parse_path(format, &path, &mut report)
    })
    .await
    .map_err(|e| ImportError::Join(e.to_string()))??;
    let entries = parsed
        .entries
        .iter()
        .map(|e| {
            Ok(ScreeningEntryRow {
                entry_id: e.entry_id.clone(),
                doc: serde_json::to_string(e)?,
            })
        })
        .collect::<Result<Vec<_>, serde_json::Error>>()?;
    let total = entries.len() as u64;
    let row = ScreeningListRow {
        id: parsed.source.clone(),
        source: parsed.source.clone(),
        format: format.as_str().to_owned(),
        version: parsed.version.clone(),
        entry_count: entries.len() as i64,
        imported_at: to_millis(&now),
    };
    let writer = progress.clone();
    let mut on_batch = move |done: usize| {
        if let Ok(mut p) = writer.lock() {
            p(ImportProgress::Storing {
                done: done as u64,
                total,
            });
        }
    };
    // Every person is screened again against the new list, by a job per
    // tenant and mode that the import's own transaction schedules.
    let follow_up = move |tenant: &TenantId, mode: Mode| JobSpec {
        id: JobId::from_random(random16()),
        tenant_id: tenant.clone(),
        mode,
        kind: JOB_RESCREEN.to_owned(),
        payload: json!({}),
        due_at: now,
    };
    store
        .replace_screening_list(&row, &entries, &mut on_batch, &follow_up)
        .await?;
    Ok(ImportSummary {
        list: row.id,
        format,
        version: row.version,
        entries: entries.len(),
    })
}

/// The statuses of a hit: under review, confirmed, dismissed.
pub const HIT_STATUSES: &[&str] = &["open", "true_positive", "false_positive"];

/// At most this many matches per name screened.
const MATCHES_PER_NAME: usize = 25;

/// Whether a topic is a PEP's (`role.pep` and its kinds: `role.pep.frmr`, …).
fn pep_topic(t: &str) -> bool {
    t == "role.pep" || t.starts_with("role.pep.")
}

/// Whether a topic is a PEP's or their relative's or close associate's.
fn pep_or_rca_topic(t: &str) -> bool {
    pep_topic(t) || t == "role.rca"
}

/// Whether a topic is a sanction's (`sanction`, `sanction.linked`, …).
fn sanction_topic(t: &str) -> bool {
    t == signet_screening::SANCTION_TOPIC || t.starts_with("sanction.")
}

/// Whether a hit weighs on the risk only: its entry is a PEP or a PEP's relative or close
/// associate and no sanction. Every other hit is a sanction hit, which holds
/// `screening_progress` and signing: hits without topics (every list before topics, and
/// every official sanctions list) and entries of other topics (`crime`, `debarment`, …), so
/// that what Signet does not know how to weigh still stops.
pub fn risk_only(topics: &[String]) -> bool {
    topics.iter().any(|t| pep_or_rca_topic(t)) && !topics.iter().any(|t| sanction_topic(t))
}

/// Whether a hit's entry is a PEP.
pub fn pep_hit(topics: &[String]) -> bool {
    topics.iter().any(|t| pep_topic(t))
}

/// Whether a hit holds the person's `screening_progress` and signing (140 while open, 4110
/// once confirmed).
pub fn sanction_hit(h: &ScreeningHitRow) -> bool {
    !risk_only(&h.topics)
}

/// The longest note a hit decision keeps.
pub const MAX_NOTE_CHARS: usize = 2000;

/// Decides a hit of the tenant in `mode`: `true_positive` (the person is the listed entry) or
/// `false_positive`, recorded with `decided_by` and the note (trimmed; empty is none). Under
/// the person's lock, the hit is stored, `screening.hit_decided` raised, the person's
/// screening fields follow from its hits (announced), and its signers are re-checked; then
/// the transaction commits. What the API and the back office both run.
#[allow(clippy::too_many_arguments)]
pub async fn decide_hit(
    state: &AppState,
    tenant: &TenantId,
    mode: Mode,
    id: &ScreeningHitId,
    decision: &str,
    note: Option<String>,
    decided_by: &str,
    now: Timestamp,
) -> AppResult<ScreeningHitRow> {
    if !matches!(decision, "true_positive" | "false_positive") {
        return Err(AppError::field(
            "decision",
            "must be true_positive or false_positive",
        ));
    }
    let note = note.map(|n| n.trim().to_owned()).filter(|n| !n.is_empty());
    if note
        .as_ref()
        .is_some_and(|n| n.chars().count() > MAX_NOTE_CHARS)
    {
        return Err(AppError::field("note", "must be at most 2000 characters"));
    }
    let not_found = |e| AppError::unless_found(e, "hit");
    let found = state.store.hit(tenant, mode, id).await.map_err(not_found)?;
    let mut tx = state.store.begin().await?;
    // The person's lock first, as a screening takes it, then its hits.
    let mut person = state
        .store
        .person_for_update(&mut tx, tenant, mode, &found.person_id)
        .await
        .map_err(not_found)?;
    let mut hits = state
        .store
        .person_hits(&mut tx, tenant, mode, &found.person_id)
        .await?;
    let hit = hits
        .iter_mut()
        .find(|h| h.id == *id)
        .ok_or_else(|| AppError::not_found("hit"))?;
    let now_ms = to_millis(&now);
    hit.status = decision.to_owned();
    hit.decided_by = Some(decided_by.to_owned());
    hit.note = note;
    hit.decided_at = Some(now_ms);
    hit.updated_at = now_ms;
    let decided = hit.clone();
    state.store.decide_hit(&mut tx, tenant, &decided).await?;
    emit(
        state,
        &mut tx,
        tenant,
        mode,
        "screening.hit_decided",
        hit_json(&decided),
        now,
    )
    .await?;
    apply_verdict(state, &mut tx, tenant, mode, &mut person, &hits, true, now).await?;
    crate::signing::on_person_changed(state, &mut tx, tenant, mode, &found.person_id, now).await?;
    tx.commit().await.map_err(StoreError::from)?;
    Ok(decided)
}

/// The person's `screening_progress` and `risk_classification_status` that
/// its hits imply. The progress follows the sanction hits only: a true positive
/// declines, an open one is a potential match, none or only dismissed ones
/// accept. The risk follows every hit, PEP and RCA hits included: a true
/// positive is high risk, an open hit potential risk, otherwise normal risk.
pub fn verdict(hits: &[ScreeningHitRow]) -> (&'static str, &'static str) {
    let sanctions = || hits.iter().filter(|h| sanction_hit(h));
    let progress = if sanctions().any(|h| h.status == "true_positive") {
        "SCREENED_DECLINED"
    } else if sanctions().any(|h| h.status == "open") {
        "POTENTIAL_MATCH"
    } else {
        "SCREENED_ACCEPTED"
    };
    let risk = if hits.iter().any(|h| h.status == "true_positive") {
        "HIGH_RISK"
    } else if hits.iter().any(|h| h.status == "open") {
        "POTENTIAL_RISK"
    } else {
        "NORMAL_RISK"
    };
    (progress, risk)
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

/// The queries a person is screened with: first and last name, first and
/// birth name when one is given, each with the birth date and nationality.
fn person_queries(person: &Person) -> Vec<Query> {
    let birth_date = person
        .str_field("birth_date")
        .and_then(|d| d.parse::<PartialDate>().ok());
    let nationality = person
        .str_field("nationality")
        .filter(|n| country_code(n).is_some())
        .map(str::to_owned);
    let mut names = vec![format!("{} {}", person.first_name(), person.last_name())];
    if let Some(birth) = person
        .str_field("birth_name")
        .filter(|b| !b.trim().is_empty())
    {
        names.push(format!("{} {}", person.first_name(), birth));
    }
    names
        .into_iter()
        .map(|name| name.trim().to_owned())
        .filter(|name| !name.is_empty())
        .map(|name| Query {
            name,
            birth_date,
            nationality: nationality.clone(),
        })
        .collect()
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
pub async fn screen_person(
    state: &AppState,
    tx: &mut Tx,
    tenant: &TenantId,
    mode: Mode,
    person: &mut Person,
    announce: bool,
    now: Timestamp,
) -> AppResult<Option<Value>> {
    match search_person(state, person).await? {
        Some(found) => record_screening(state, tx, tenant, mode, person, found, announce, now)
            .await
            .map(Some),
        None => Ok(None),
    }
}

/// What a search of a person's names found: the lists searched and the best
/// match per list entry. Searching needs no transaction, so callers that can
/// search before they open one keep SQLite's single writer free meanwhile.
pub struct Found {
    lists: Vec<String>,
    best: BTreeMap<(String, String), Match>,
}

/// Searches every imported list for a person; `None` when no list is imported.
pub async fn search_person(state: &AppState, person: &Person) -> AppResult<Option<Found>> {
    let index = state.screening.recent_index(&state.store).await?;
    if index.is_empty() {
        return Ok(None);
    }
    let queries = person_queries(person);
    let lists = index.lists().to_vec();
    let opts = SearchOptions {
        threshold: state.config.screening_threshold,
        limit: MATCHES_PER_NAME,
    };
    let found = tokio::task::spawn_blocking(move || index.search_many(&queries, &opts))
        .await
        .map_err(|e| AppError::internal(&e))?;
    // The best match per list entry over all the names screened.
    let mut best: BTreeMap<(String, String), Match> = BTreeMap::new();
    for m in found.into_iter().flatten() {
        let key = (m.list.clone(), m.entry_id.clone());
        match best.get(&key) {
            Some(b) if b.score >= m.score => {}
            _ => {
                best.insert(key, m);
            }
        }
    }
    Ok(Some(Found { lists, best }))
}

/// Records what [`search_person`] found for a person, inside the caller's
/// transaction (which must hold the person's row): hits, the person's
/// verdict, the screening and its events, as [`screen_person`] describes.
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
    crate::signing::on_person_changed(state, tx, tenant, mode, &row.person_id, now).await?;
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

/// The job kind that re-screens every person of one tenant and mode.
pub const JOB_RESCREEN: &str = "screening_rescreen";

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
/// never recorded twice.
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
    state.store.complete_job(&mut tx, job).await?;
    tx.commit().await.map_err(StoreError::from)?;
    Ok(())
}

/// The fields a person is screened with: changing one screens the person again.
const SCREENED_FIELDS: &[&str] = &[
    "first_name",
    "last_name",
    "birth_name",
    "birth_date",
    "nationality",
];

/// Whether a change of a person touches what it is screened with.
pub fn screened_fields_changed(before: &Person, after: &Person) -> bool {
    SCREENED_FIELDS
        .iter()
        .any(|f| before.as_json().get(*f) != after.as_json().get(*f))
}
